// Issue 10, the live view of several servers, in the real App on hand-made
// fleet snapshots: a SERVER column (only with two or more), each server's
// health in the header, `v` and `/` over servers, the same key on two servers
// as two jobs, the detail naming the server and its URL, `r` and `e` with one
// server failed among live ones, and the frame fitting at 80×24 and 60×15.
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { type Job, jobId, jobIdOf } from '../../source/api/job.js';
import type { ConnectionState, ErrorSummary, ServerHealth } from '../../source/engine/types.js';
import { displayWidth } from '../../source/present/text-width.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../../source/present/theme.js';
import { runWatchUi } from '../../source/ui/run.js';
import { serversExitSummary } from '../../source/ui/screen/server-summary.js';
import type { Reconnector } from '../../source/ui/use-recovery.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { FakeEngine } from '../helpers/ui-fake-engine.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { FakeStdin, FakeStdout, renderApp, settle, TEST_NOW } from '../helpers/ui-harness.js';

const rejected: ErrorSummary = {
	kind: 'auth',
	message: 'Unified Manager rejected the user name or password (401).',
	hint: 'Check --user and the password source.',
};
const refused: ErrorSummary = {
	kind: 'network',
	message: 'Connection refused by nagoya.example.com.',
	hint: 'Is the URL right and the server up?',
};

function server(name: string, connection: ConnectionState, jobCount = 0): ServerHealth {
	return {
		name,
		url: `https://${name}.example.com`,
		connection,
		lastSuccessAt: connection.kind === 'live' ? TEST_NOW - 1000 : null,
		intervalMs: 2000,
		jobCount,
	};
}

const LIVE: ConnectionState = { kind: 'live' };

/** A fleet's snapshot: `jobs` newest first, keyed by id, with `servers`. */
function fleet(jobs: readonly Job[], servers: readonly ServerHealth[]) {
	return makeSnapshot(jobs, {
		byKey: new Map(jobs.map((job) => [jobId(job), job])),
		servers,
		lastSuccessAt: TEST_NOW - 1000,
	});
}

const tokyoJob = makeJob({
	server: 'tokyo',
	key: 'SAME-KEY',
	name: 'Create File Share',
	submitTime: TEST_NOW - 10_000,
});
const osakaJob = makeJob({
	server: 'osaka',
	key: 'SAME-KEY',
	name: 'Expand LUN',
	submitTime: TEST_NOW - 20_000,
});
const nagoyaJob = makeJob({
	server: 'nagoya',
	key: 'N-1',
	name: 'Add Cluster',
	displayState: 'ERROR',
	submitTime: TEST_NOW - 30_000,
});
const JOBS = [tokyoJob, osakaJob, nagoyaJob];

function fourServers(): ServerHealth[] {
	return [
		server('tokyo', LIVE, 1),
		server('osaka', { kind: 'failed', error: rejected }, 1),
		server(
			'nagoya',
			{ kind: 'retrying', attempt: 3, nextTryAt: TEST_NOW + 5000, lastError: refused },
			1,
		),
		server('sapporo', { kind: 'connecting' }),
	];
}

/** Every line of the frame fits in the terminal, and the frame in its rows. */
function expectFits(lines: readonly string[], columns: number, rows: number): void {
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
	for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns - 1);
}

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

	test('a job view carries the live count and the failures on the right', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()) });
		await h.press('\r');
		expect(h.lines()[0]).toMatch(/^ umwatch › Create File Share +1\/4 live {2}osaka ✗ 401/);
		expectFits(h.lines(), 80, 24);
		h.unmount();
	});
});

describe('several servers: filters', () => {
	test('v cycles the server filter: all, each server in turn, all; the footer says which', async () => {
		const servers = [server('tokyo', LIVE, 1), server('osaka', LIVE, 1), server('nagoya', LIVE, 1)];
		const h = await renderApp({ snapshot: fleet(JOBS, servers), columns: 100 });
		expect(h.lines().at(-1)).toContain('v server: all');
		const names = () =>
			['Create File Share', 'Expand LUN', 'Add Cluster'].filter((n) => h.frame().includes(n));
		expect(names()).toHaveLength(3);
		await h.press('v');
		expect(names()).toEqual(['Create File Share']);
		expect(h.lines().at(-1)).toContain('server: tokyo  1 of 3');
		await h.press('v');
		expect(names()).toEqual(['Expand LUN']);
		await h.press('v');
		expect(names()).toEqual(['Add Cluster']);
		await h.press('v');
		expect(names()).toHaveLength(3);
		expect(h.lines().at(-1)).not.toContain('server: nagoya');
		h.unmount();
	});

	test('/ also matches the server name', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()) });
		await h.press('/', 'osa', '\r');
		expect(h.frame()).toContain('Expand LUN');
		expect(h.frame()).not.toContain('Create File Share');
		expect(h.frame()).not.toContain('Add Cluster');
		h.unmount();
	});

	test('with one server, v does nothing and / does not match the host', async () => {
		const one = [makeJob({ server: 'um01', key: 'a', name: 'Alpha' })];
		const h = await renderApp({ snapshot: makeSnapshot(one) });
		expect(h.lines().at(-1)).not.toContain(' v ');
		await h.press('v');
		expect(h.frame()).toContain('Alpha');
		await h.press('/', 'um01', '\r');
		expect(h.frame()).toContain('no jobs match the filter');
		h.unmount();
	});
});

describe('several servers: r and e with one failed among live ones', () => {
	test('r reconnects for the server rejected, though the summed-up state is live', async () => {
		const calls: ErrorSummary[] = [];
		const reconnector: Reconnector = {
			async reconnect(failure) {
				calls.push(failure);
				return { insecure: false };
			},
		};
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), reconnector });
		await h.press('r');
		expect(calls).toEqual([rejected]);
		expect(h.engine.calls.refresh).toBe(1);
		h.unmount();
	});

	test('e shows each failed server’s error under its name', async () => {
		const h = await renderApp({ snapshot: fleet(JOBS, fourServers()), rows: 40 });
		expect(h.lines().at(-1)).toContain('e error');
		await h.press('e');
		const frame = h.frame();
		expect(frame).toContain(
			'\n osaka\n ✗ Unified Manager rejected the user name or password (401).',
		);
		expect(frame).toContain('\n nagoya\n ✗ Connection refused by nagoya.example.com.');
		h.unmount();
	});
});

describe('several servers: pause', () => {
	test('every server paused is paused, however the fleet sums it up: p resumes', async () => {
		const paused: ConnectionState = { kind: 'paused' };
		const snapshot = {
			...fleet(JOBS.slice(0, 2), [server('tokyo', paused, 1), server('osaka', paused, 1)]),
			connection: { kind: 'connecting' } as const,
		};
		const h = await renderApp({ snapshot, columns: 100 });
		expect(h.lines()[0]).toContain('tokyo ○ paused  osaka ○ paused');
		expect(h.lines().at(-1)).toContain('p resume');
		await h.press('p');
		expect(h.engine.calls.paused).toEqual([false]);
		h.unmount();
	});
});

describe('several servers: the summary line after quitting', () => {
	test('q prints it counted per server; the screen is the real one', async () => {
		const servers = [
			server('tokyo', LIVE, 2),
			server('osaka', { kind: 'failed', error: rejected }),
		];
		const engine = new FakeEngine(fleet(JOBS.slice(0, 1), servers));
		const stdin = new FakeStdin();
		const stdout = new FakeStdout(80, 24);
		const clock = new FakeClock(TEST_NOW);
		const exit = runWatchUi({
			engine,
			host: 'tokyo',
			insecure: false,
			color: false,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
			timers: clock,
			process: new EventEmitter(),
		});
		await settle();
		clock.tick(5 * 60_000);
		stdin.emit('data', 'q');
		expect((await exit).summary).toBe(
			'umwatch: watched tokyo, osaka for 5m: tokyo 2 jobs, osaka ✗ 401',
		);
	});

	test('counts per server, and names the failed ones', () => {
		const servers = [
			server('tokyo', LIVE, 12),
			server('osaka', { kind: 'failed', error: rejected }),
		];
		const jobs = [makeJob({ server: 'tokyo', key: 'x', displayState: 'ERROR' })];
		expect(serversExitSummary({ jobs, servers }, 300_000, 'quit', UNICODE_GLYPHS)).toBe(
			'umwatch: watched tokyo, osaka for 5m: tokyo 12 jobs (1 failed), osaka ✗ 401',
		);
		expect(serversExitSummary({ jobs, servers }, 300_000, 'signal', ASCII_GLYPHS, 'SIGHUP')).toBe(
			'umwatch: watched tokyo, osaka for 5m: tokyo 12 jobs (1 failed), osaka x 401 (ended by SIGHUP)',
		);
	});
});
