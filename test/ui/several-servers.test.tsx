// Issue 10, the live view of several servers, in the real App on hand-made
// fleet snapshots: a SERVER column (only with two or more), stale servers'
// rows marked, each server's health in the header, the same key on two
// servers as two jobs, the detail naming the server and its URL, and the
// frame fitting at 80×24 and 60×15. The keys: several-servers-keys.test.tsx.
import { describe, expect, test } from 'vitest';
import { jobIdOf } from '../../source/api/job.js';
import type { ServerHealth } from '../../source/engine/types.js';
import { makeSnapshot } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW } from '../helpers/ui-harness.js';
import { expectFits, fleet, fourServers, JOBS, LIVE, server, tokyoJob } from './fleet-fixtures.js';

describe('several servers: the table', () => {
	test('a SERVER column with the profile names, only with two or more servers', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), columns: 100 });
		const heading = h.lines()[4] ?? '';
		expect(heading).toMatch(/^ SERVER +STATE +NAME +TYPE +SUBMITTED/);
		expect(h.frame()).toMatch(/›tokyo +✓ NORMAL +Create File Share/);
		expect(h.frame()).toMatch(/○osaka +✓ NORMAL +Expand LUN/);
		h.unmount();

		const one = await renderApp({ snapshot: makeSnapshot([tokyoJob]) });
		expect(one.frame()).not.toContain('SERVER');
		expect(one.lines()[0]).toContain('um01.example.com');
		one.unmount();
	});

	test("a failed or stale server's rows are marked in the gutter and drawn dim", async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()) });
		const row = (name: string) => h.lines().find((line) => line.includes(name)) ?? '';
		// osaka failed: its job may be out of date. tokyo's (selected) and nagoya's are not marked.
		expect(row('Expand LUN')).toMatch(/^○osaka +✓ NORMAL +Expand LUN/);
		expect(row('Create File Share')).toMatch(/^›tokyo/);
		expect(row('Add Cluster')).toMatch(/^ nagoya/);
		const raw =
			h
				.rawFrame()
				.split('\n')
				.find((line) => line.includes('Expand LUN')) ?? '';
		expect(raw).toContain('\x1b[2m');
		// tokyo's data goes stale after two of its intervals: its rows are marked then.
		await h.advance(3001);
		expect(row('Create File Share')).toMatch(/^›tokyo/);
		await h.press('j');
		expect(row('Create File Share')).toMatch(/^○tokyo/);
		h.unmount();
	});

	test('the server column stays at 60 columns, when type and duration are gone', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), columns: 60, rows: 15 });
		const heading = h.lines().find((line) => line.includes('NAME')) ?? '';
		expect(heading).toContain('SERVER');
		expect(heading).not.toContain('TYPE');
		expect(h.frame()).toContain('›tokyo   ✓ NORMAL   Create File Share  11:59:50');
		expectFits(h.lines(), 60, 15);
		h.unmount();
	});

	test('the same key on two servers is two jobs, each opened and focused by its own id', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()) });
		await h.press('j');
		// The highlight moved to osaka's job, not back to tokyo's of the same key.
		expect(h.lines().find((line) => line.startsWith('›'))).toContain('Expand LUN');
		await h.press('\r');
		expect(h.lines()[0]).toContain('umwatch › Expand LUN');
		expect(h.engine.calls.focus).toEqual([jobIdOf('osaka', 'SAME-KEY')]);
		await h.press('N');
		expect(h.lines()[0]).toContain('umwatch › Create File Share');
		expect(h.engine.calls.focus.at(-1)).toBe(jobIdOf('tokyo', 'SAME-KEY'));
		// y copies the real key, not the id.
		await h.press('y');
		const copied = h.stdout.writes.find((w) => w.startsWith('\x1b]52;'));
		expect(copied).toBe(`\x1b]52;c;${Buffer.from('SAME-KEY').toString('base64')}\x07`);
		h.unmount();
	});

	test('the detail view names the server and its URL', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()) });
		await h.press('j', '\r');
		const lines = h.lines();
		expect(lines).toContain(' Server     osaka');
		expect(lines).toContain(' URL        https://osaka.example.com');
		h.unmount();
	});
});

describe('several servers: the header', () => {
	test("each server's health in words, and the totals across servers", async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), columns: 100, rows: 30 });
		const [title, counts] = h.lines();
		expect(title).toContain('tokyo ● live');
		expect(title).toContain('osaka ✗ 401');
		expect(title).toContain('nagoya ○ refused');
		expect(title).toContain('sapporo ○ connecting…');
		expect(counts).toBe(' ✓ 2 normal  ✗ 1 error');
		// One notice line per server in trouble, named.
		expect(h.frame()).toContain(
			' ✗ osaka: Unified Manager rejected the user name or password (401).',
		);
		expect(h.frame()).toContain(
			' ! nagoya: attempt 3, next try in 5s: Connection refused by nagoya',
		);
		h.unmount();
	});

	test('at 80 columns compactly; narrower, as "1/4 live" with the failed ones that fit', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), columns: 80, rows: 24 });
		expect(h.lines()[0]).toBe(
			' umwatch  tokyo ●  osaka ✗ 401  nagoya ○ refused  sapporo ○             ? help',
		);
		expectFits(h.lines(), 80, 24);
		await h.resize(64, 15);
		expect(h.lines()[0]).toBe(' umwatch  1/4 live  osaka ✗ 401  nagoya ○ refused       ? help');
		expectFits(h.lines(), 64, 15);
		await h.resize(60, 15);
		expect(h.lines()[0]).toBe(' umwatch  1/4 live  osaka ✗ 401                     ? help');
		expectFits(h.lines(), 60, 15);
		h.unmount();
	});

	test('a server whose data is older than two of its intervals is stale, on its own', async () => {
		const servers = [server('tokyo', LIVE, 1), server('osaka', LIVE, 1)];
		const h = await renderApp({ snapshot: fleet(JOBS.slice(0, 2), servers), columns: 100 });
		expect(h.lines()[0]).toContain('tokyo ● live  osaka ● live');
		// The summed-up last success is tokyo's, fresh: only osaka's own clock can make it stale.
		await h.update({
			lastSuccessAt: TEST_NOW + 2000,
			servers: [
				{ ...servers[0], lastSuccessAt: TEST_NOW + 2000 } as ServerHealth,
				servers[1] as ServerHealth,
			],
		});
		await h.advance(3001);
		expect(h.lines()[0]).toContain('tokyo ● live  osaka ○ stale 4s');
		h.unmount();
	});

	test('a stale server that answers again within the same minute is live at once', async () => {
		// The summed-up time stays fresh (it is tokyo's): only osaka's own state changes.
		const at = (name: string, lastSuccessAt: number): ServerHealth => ({
			...server(name, LIVE, 1),
			lastSuccessAt,
		});
		const h = await renderApp({
			snapshot: {
				...fleet(JOBS.slice(0, 2), [at('tokyo', TEST_NOW + 50_000), at('osaka', TEST_NOW + 1000)]),
				lastSuccessAt: TEST_NOW + 50_000,
			},
			columns: 100,
		});
		await h.advance(5002);
		expect(h.lines()[0]).toContain('osaka ○ stale 4s');
		await h.update({ servers: [at('tokyo', TEST_NOW + 50_000), at('osaka', TEST_NOW + 5002)] });
		expect(h.lines()[0]).toContain('tokyo ● live  osaka ● live');
		h.unmount();
	});

	test('ASCII glyphs with --ascii', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), ascii: true });
		expect(h.lines()[0]).toContain('tokyo @  osaka x 401  nagoya o refused  sapporo o');
		h.unmount();
	});

	test('a long job name gives way to the servers in trouble, down to a third of the line', async () => {
		const long = {
			...tokyoJob,
			name: 'Configure Data Protection for every volume of cluster-east-01',
		};
		const h = await renderApp({ snapshot: fleet([long, ...JOBS.slice(1)], fourServers()) });
		await h.press('\r');
		expect(h.lines()[0]).toMatch(
			/^ umwatch › Configure Data Pr.*… +1\/4 live {2}osaka ✗ 401 {2}nagoya ○ refused {3}\? help$/,
		);
		expectFits(h.lines(), 80, 24);
		h.unmount();
	});

	test('a job view carries the live count and the failures on the right', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()) });
		await h.press('\r');
		expect(h.lines()[0]).toMatch(/^ umwatch › Create File Share +1\/4 live {2}osaka ✗ 401/);
		expectFits(h.lines(), 80, 24);
		h.unmount();
	});
});
