import { describe, expect, test } from 'vitest';
import type { DisplayState } from '../../source/api/job.js';
import { displayWidth } from '../../source/present/text-width.js';
import { stripAnsi } from '../helpers/ansi.js';
import { makeJob, makeSnapshot, manyJobs } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW } from '../helpers/ui-harness.js';

const SGR_COLOUR = /\x1b\[(3[0-7]|9[0-7]|38;|4[0-7]|10[0-7]|48;)/;

describe('job table', () => {
	test('rows in the engine order (newest first) with submitted and live duration', async () => {
		const jobs = [
			makeJob({
				key: 'k-new',
				name: 'Create File Share',
				displayState: 'RUNNING',
				submitTime: TEST_NOW - 23_000,
			}),
			makeJob({
				key: 'k-old',
				name: 'Expand LUN',
				type: 'Modify',
				submitTime: TEST_NOW - 3_600_000,
				completeTime: TEST_NOW - 3_600_000 + 65_000,
			}),
		];
		const h = await renderApp({ snapshot: makeSnapshot(jobs, { lastSuccessAt: TEST_NOW - 1000 }) });
		expect(h.lines().slice(0, 5)).toEqual([
			' umwatch  um01.example.com · UM 9.16P1                   ● live 11:59   ? help',
			' ◐ 1 running  ✓ 1 normal',
			' STATE              NAME                    TYPE           SUBMITTED▼  DURATION',
			'›◐ RUNNING          Create File Share       Provisioning   11:59:37         23s',
			' ✓ NORMAL           Expand LUN              Modify         11:00:00       1m05s',
		]);
		h.unmount();
	});

	test('every state has its glyph, word and colour', async () => {
		const states: [DisplayState, string, string][] = [
			['RUNNING', '◐ RUNNING', '\x1b[36m'],
			['QUEUED', '○ QUEUED', '\x1b[90m'],
			['WAITING', '○ WAITING', '\x1b[90m'],
			['NORMAL', '✓ NORMAL', '\x1b[32m'],
			['WARNING', '! WARNING', '\x1b[33m'],
			['PARTIAL_FAILURES', '◆ PARTIAL_FAILURES', '\x1b[35m'],
			['ERROR', '✗ ERROR', '\x1b[31m'],
			['ABORTING', '⊘ ABORTING', '\x1b[31m'],
			['ABORTED', '⊘ ABORTED', '\x1b[31m'],
		];
		const jobs = states.map(([state], i) => makeJob({ key: `k${i}`, displayState: state }));
		jobs.push(makeJob({ key: 'kx', displayState: 'UNKNOWN', rawState: 'HALF_DONE' }));
		const h = await renderApp({ snapshot: makeSnapshot(jobs), rows: 30 });
		const raw = h.rawFrame().split('\n');
		states.forEach(([state, text, colour], i) => {
			const line = raw[3 + i] ?? '';
			expect(stripAnsi(line).slice(1, 1 + text.length), state).toBe(text);
			expect(line, state).toContain(`${colour}${i === 0 ? '' : ''}`);
			const dim = state === 'ABORTED' || state === 'ABORTING';
			expect(line.includes('\x1b[2m'), state).toBe(dim);
		});
		// UNKNOWN reads as `list` prints it (and `--state unknown:half_done` matches), cut to the column.
		expect(stripAnsi(raw[3 + states.length] ?? '')).toContain(' ? UNKNOWN:HALF_DO… ');
		h.unmount();
	});

	test('NO_COLOR: no colour codes anywhere, the selection still shows (pointer and inverse)', async () => {
		const jobs = (['RUNNING', 'ERROR', 'NORMAL'] as const).map((s, i) =>
			makeJob({ key: `k${i}`, displayState: s }),
		);
		const h = await renderApp({
			snapshot: makeSnapshot(jobs, { connection: { kind: 'paused' } }),
			color: false,
			insecure: true,
		});
		expect(h.rawFrame()).not.toMatch(SGR_COLOUR);
		expect(h.rawFrame()).not.toContain('\x1b[2m');
		expect(h.lines()[2]).toBe(" ! --insecure: the server's certificate is not checked");
		const selected = h.rawFrame().split('\n')[4] ?? '';
		expect(selected.startsWith('›\x1b[7m')).toBe(true);
		await h.press('j');
		expect(h.rawFrame()).not.toMatch(SGR_COLOUR);
		expect(h.lines()[5]?.startsWith('›✗ ERROR')).toBe(true);
		h.unmount();
	});

	test('with colour on, codes are present (the NO_COLOR test can fail)', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot([makeJob({ key: 'a', displayState: 'ERROR' })]),
		});
		expect(h.rawFrame()).toMatch(SGR_COLOUR);
		h.unmount();
	});

	test('Japanese and emoji names are truncated by display width, never wrapped', async () => {
		const jobs = [
			makeJob({ key: 'a', name: 'ボリュームの作成とエクスポートポリシーの設定' }),
			makeJob({ key: 'b', name: '📦 Backup 📦 nightly 🌙 of every volume there is' }),
			makeJob({ key: 'c', name: 'ボリューム', type: '保護の構成とスケジュールの設定' }),
		];
		for (const columns of [80, 60, 120]) {
			const h = await renderApp({ snapshot: makeSnapshot(jobs), columns });
			const lines = h.lines();
			expect(lines).toHaveLength(7);
			for (const line of lines) expect(displayWidth(line)).toBeLessThan(columns);
			h.unmount();
		}
		const h = await renderApp({ snapshot: makeSnapshot(jobs), columns: 80 });
		expect(h.lines()[3]).toBe('›✓ NORMAL           ボリュームの作成とエク… Provisioning');
		expect(h.lines()[4]).toBe(' ✓ NORMAL           📦 Backup 📦 nightly …  Provisioning');
		expect(h.lines()[5]).toBe(' ✓ NORMAL           ボリューム              保護の構成と…');
		h.unmount();
	});

	test('the key column shows the distinguishing tail on wide terminals', async () => {
		const key = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87';
		const h = await renderApp({ snapshot: makeSnapshot([makeJob({ key })]), columns: 100 });
		expect(h.lines()[2]).toContain('KEY');
		expect(h.lines()[3]?.endsWith(' …d47e722:-7f87')).toBe(true);
		h.unmount();
	});
});

describe('frame height and windowing', () => {
	const sizes: [number, number][] = [
		[80, 24],
		[60, 15],
		[200, 60],
		[50, 10],
	];
	for (const [columns, rows] of sizes) {
		test(`10,000 jobs at ${columns}x${rows}: at most rows-1 lines, table filled`, async () => {
			const jobs = manyJobs(10_000, TEST_NOW);
			const h = await renderApp({ snapshot: makeSnapshot(jobs), columns, rows, insecure: true });
			expect(h.lines()).toHaveLength(rows - 1);
			await h.press('G');
			expect(h.lines()).toHaveLength(rows - 1);
			expect(h.frame()).toContain('Job number 9999');
			expect(h.lines().at(-2)?.startsWith('›')).toBe(true);
			for (const line of h.lines()) expect(displayWidth(line)).toBeLessThan(columns);
			h.unmount();
		});
	}

	test('header notices take rows from the table, never from the bound', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot(manyJobs(100, TEST_NOW), {
				connection: {
					kind: 'failed',
					error: {
						kind: 'auth',
						message: 'the password was rejected',
						hint: 'check UMWATCH_PASSWORD',
					},
				},
				skippedRecords: 2,
			}),
			columns: 50,
			rows: 10,
			insecure: true,
		});
		expect(h.lines()).toHaveLength(9);
		expect(h.lines().filter((l) => l.includes('Job number'))).toHaveLength(1);
		h.unmount();
	});

	test('too small shows a short message instead, and resizing reflows at once', async () => {
		const h = await renderApp({
			snapshot: makeSnapshot(manyJobs(50, TEST_NOW)),
			columns: 49,
			rows: 20,
		});
		expect(h.lines()).toEqual([
			' umwatch',
			' terminal too small: 49x20',
			' needs at least 50x10',
			' q quit',
		]);
		await h.resize(80, 9);
		expect(h.lines()[1]).toBe(' terminal too small: 80x9');
		await h.resize(80, 12);
		expect(h.lines()).toHaveLength(11);
		expect(h.lines()[2]).toContain('STATE');
		await h.resize(120, 30);
		expect(h.lines()).toHaveLength(29);
		expect(h.lines()[2]).toContain('KEY');
		await h.press('q');
		expect(h.quits).toBe(1);
		h.unmount();
	});
});

describe('selection follows the job', () => {
	test('new jobs on top move neither the selection nor the viewport', async () => {
		const jobs = manyJobs(100, TEST_NOW);
		const h = await renderApp({ snapshot: makeSnapshot(jobs), rows: 12 });
		await h.press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
		const before = h.lines().slice(3, 10);
		expect(before.find((l) => l.startsWith('›'))).toContain('Job number 10');
		const arrivals = [
			makeJob({ key: 'n2', name: 'Brand new 2' }),
			makeJob({ key: 'n1', name: 'Brand new 1' }),
		];
		await h.update({ ...makeSnapshot([...arrivals, ...jobs]) });
		// The rows stay; only the marker above them counts the arrivals.
		expect(h.lines().slice(4, 10)).toEqual(before.slice(1));
		expect([before[0], h.lines()[3]]).toEqual([' ▲ 5 newer  g newest', ' ▲ 7 newer  g newest']);
		expect(h.lines()[1]).toBe(' ✓ 102 normal');
		h.unmount();
	});

	test('on the newest job, the selection stays on the newest as jobs arrive', async () => {
		const jobs = manyJobs(20, TEST_NOW);
		const h = await renderApp({ snapshot: makeSnapshot(jobs) });
		await h.press('j', 'k');
		await h.update(makeSnapshot([makeJob({ key: 'n1', name: 'Brand new' }), ...jobs]));
		expect(h.lines()[3]).toBe('›✓ NORMAL           Brand new               Provisioning');
		h.unmount();
	});

	test('a refresh that changes nothing visible causes no new frame', async () => {
		const jobs = manyJobs(20, TEST_NOW - 60_000);
		const h = await renderApp({
			snapshot: makeSnapshot(jobs, { lastSuccessAt: TEST_NOW - 10_000 }),
		});
		const count = h.frames().length;
		await h.update({ jobs: [...jobs], lastSuccessAt: TEST_NOW - 8000 });
		expect(h.frames()).toHaveLength(count);
		h.unmount();
	});
});
