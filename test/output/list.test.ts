import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runList } from '../../source/output/list.js';
import { stripAnsi } from '../helpers/ansi.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { activeCharacters, ClosedPipeStream, captureIo, fakeClient } from '../helpers/out-fakes.js';
import { apiJob, makeJobs } from '../helpers/ui-fixtures.js';

const clock = new FakeClock(Date.parse('2026-11-28T03:10:00Z'));

const JOBS = [
	apiJob({
		key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
		name: 'Create File Share',
		type: 'Provisioning',
		state: 'running',
		status: 'normal',
		submit_time: '2026-11-28T12:03:41+09:00',
	}),
	apiJob({
		key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f80',
		name: 'ボリュームの作成',
		type: 'Provisioning',
		state: 'completed',
		status: 'error',
		submit_time: '2026-11-28T12:01:00+09:00',
		complete_time: '2026-11-28T12:03:11+09:00',
	}),
	apiJob({
		key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f70',
		name: 'Cluster Rediscovery',
		type: 'Cluster Acquisition',
		state: 'completed',
		status: 'partial_failures',
		submit_time: '2026-11-28T11:50:12+09:00',
		complete_time: '2026-11-28T11:56:52+09:00',
	}),
];

describe('runList plain (stdout is a pipe)', () => {
	it('prints aligned text, whole values, no escape sequences, exit 0', async () => {
		const io = captureIo({ clock });
		const code = await runList(fakeClient(JOBS), { format: 'table', color: true }, io);
		expect(code).toBe(0);
		expect(io.stdout.text()).toBe(
			[
				'STATE             NAME                 TYPE                 SUBMITTED            DURATION  KEY',
				'RUNNING           Create File Share    Provisioning         2026-11-28 03:03:41     6m19s  06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
				'ERROR             ボリュームの作成     Provisioning         2026-11-28 03:01:00     2m11s  06a6148bf9e862df:-2611856e:16e8d47e722:-7f80',
				'PARTIAL_FAILURES  Cluster Rediscovery  Cluster Acquisition  2026-11-28 02:50:12     6m40s  06a6148bf9e862df:-2611856e:16e8d47e722:-7f70',
				'',
			].join('\n'),
		);
		expect(io.stderr.text()).toBe('');
	});

	it('prints nothing but the header when no job matches', async () => {
		const io = captureIo({ clock });
		expect(await runList(fakeClient([]), { format: 'plain', color: false }, io)).toBe(0);
		expect(io.stdout.text()).toBe('STATE  NAME  TYPE  SUBMITTED  DURATION  KEY\n');
	});
});

describe('runList on a terminal', () => {
	it('colours the state, bolds the header, fits 80 columns', async () => {
		const io = captureIo({ clock, stdout: { isTTY: true, columns: 80 } });
		expect(await runList(fakeClient(JOBS), { format: 'table', color: true }, io)).toBe(0);
		const text = io.stdout.text();
		expect(text).toContain('\u001b[36m◐ RUNNING\u001b[0m');
		expect(text).toContain('\u001b[31m✗ ERROR\u001b[0m');
		expect(text).toContain('\u001b[1mSTATE\u001b[0m');
		const lines = stripAnsi(text).trimEnd().split('\n');
		expect(lines).toEqual([
			'STATE               NAME                 TYPE      SUBMITTED            DURATION',
			'◐ RUNNING           Create File Share    Provisi…  2026-11-28 03:03:41     6m19s',
			'✗ ERROR             ボリュームの作成     Provisi…  2026-11-28 03:01:00     2m11s',
			'◆ PARTIAL_FAILURES  Cluster Rediscovery  Cluster…  2026-11-28 02:50:12     6m40s',
		]);
	});

	it('truncates wide names by display width at 50 columns', async () => {
		const long = apiJob({
			key: 'k1',
			name: 'ボリュームの作成とエクスポートポリシーの設定',
			state: 'running',
			submit_time: '2026-11-28T03:00:00Z',
		});
		const io = captureIo({ clock, stdout: { isTTY: true, columns: 50 } });
		await runList(fakeClient([long]), { format: 'table', color: false }, io);
		const lines = io.stdout.text().trimEnd().split('\n');
		// The duration gives way before the submit time, as in the live view (issue 9).
		expect(lines).toEqual([
			'STATE      NAME                SUBMITTED',
			'◐ RUNNING  ボリュームの作成…   2026-11-28 03:00:00',
		]);
		expect(io.stdout.text()).not.toContain('\u001b');
		expect(lines.map((line) => stringWidth(line))).toEqual([40, 50]);
	});

	it('uses no colour with color:false or NO_COLOR', async () => {
		for (const [color, env] of [
			[false, {}],
			[true, { NO_COLOR: '1' }],
		] as const) {
			const io = captureIo({ clock, env, stdout: { isTTY: true, columns: 120 } });
			await runList(fakeClient(JOBS), { format: 'table', color }, io);
			expect(io.stdout.text()).not.toContain('\u001b');
			expect(io.stdout.text()).toContain('◐ RUNNING');
		}
	});

	it('says so when nothing matches', async () => {
		const io = captureIo({ clock, stdout: { isTTY: true, columns: 80 } });
		await runList(fakeClient([]), { format: 'table', color: true }, io);
		expect(io.stdout.text()).toBe('No jobs match.\n');
	});
});

describe('runList JSON', () => {
	it('--json prints one array of the documented job form', async () => {
		const io = captureIo({ clock, stdout: { isTTY: true } });
		await runList(fakeClient(JOBS.slice(1, 2)), { format: 'json', color: true }, io);
		expect(JSON.parse(io.stdout.text())).toEqual([
			{
				server: '',
				key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f80',
				name: 'ボリュームの作成',
				type: 'Provisioning',
				state: 'ERROR',
				raw_state: JOBS[1]?.rawState,
				lifecycle: 'completed',
				outcome: 'error',
				over: true,
				submit_time: '2026-11-28T03:01:00.000Z',
				start_time: null,
				complete_time: '2026-11-28T03:03:11.000Z',
				duration_ms: 131_000,
				task_reports: [],
				job_results: [],
				extra: {},
			},
		]);
	});

	it('--ndjson prints one job per line', async () => {
		const io = captureIo({ clock });
		await runList(fakeClient(JOBS), { format: 'ndjson', color: false }, io);
		const lines = io.stdout.text().split('\n');
		expect(lines).toHaveLength(4);
		expect(lines[3]).toBe('');
		expect(lines.slice(0, 3).map((line) => JSON.parse(line).state)).toEqual([
			'RUNNING',
			'ERROR',
			'PARTIAL_FAILURES',
		]);
	});
});

describe('runList queries', () => {
	it('passes name and type patterns to the server, newest first, one page for a small limit', async () => {
		const client = fakeClient(makeJobs(30));
		const io = captureIo({ clock });
		await runList(client, { format: 'ndjson', color: false, name: 'Job 1*', limit: 5 }, io);
		expect(client.requests).toEqual(['page max=5 order=submit_time desc name=Job 1*']);
	});

	it('follows next links past 1000 for --limit 1500, each job once', async () => {
		const client = fakeClient(makeJobs(2500));
		const io = captureIo({ clock });
		await runList(client, { format: 'ndjson', color: false, limit: 1500 }, io);
		const keys = io.stdout
			.text()
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line).key);
		expect(keys).toHaveLength(1500);
		expect(new Set(keys).size).toBe(1500);
		expect(keys[0]).toBe('k-00000');
		expect(keys[1499]).toBe('k-01499');
		expect(client.requests).toHaveLength(2);
	});

	it('filters --state on the client by display state, lifecycle or group', async () => {
		const cases: [string, string[]][] = [
			['error', ['ERROR']],
			['ERROR|partial-failures', ['ERROR', 'PARTIAL_FAILURES']],
			['failed', ['ERROR', 'PARTIAL_FAILURES']],
			['active', ['RUNNING']],
			['completed', ['ERROR', 'PARTIAL_FAILURES']],
			['run*', ['RUNNING']],
			['normal', []],
		];
		for (const [state, expected] of cases) {
			const io = captureIo({ clock });
			await runList(fakeClient(JOBS), { format: 'ndjson', color: false, state }, io);
			const states = io.stdout
				.text()
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line).state);
			expect([state, states]).toEqual([state, expected]);
		}
	});

	it.each([
		[{ limit: 0 }, 'umwatch: --limit must be a whole number of at least 1 (got 0)\n'],
		[{ limit: 2.5 }, 'umwatch: --limit must be a whole number of at least 1 (got 2.5)\n'],
		[
			{ name: 'a?b' },
			"umwatch: --name must not contain '?' (AIQUM filters do not allow it); use * as a wildcard\n",
		],
		[
			{ state: 'error|' },
			'umwatch: --state "error|" has an empty alternative: use e.g. error, running, failed, error|warning\n',
		],
	])('refuses %j with exit 2', async (options, message) => {
		const io = captureIo({ clock });
		expect(await runList(fakeClient(JOBS), { format: 'plain', color: false, ...options }, io)).toBe(
			2,
		);
		expect(io.stderr.text()).toBe(message);
		expect(io.stdout.text()).toBe('');
	});
});

describe('runList at the edges', () => {
	it('ends quietly with exit 0 when the reader closes the pipe (| head -1)', async () => {
		const stdout = new ClosedPipeStream(1);
		const io = { ...captureIo({ clock }), stdout };
		expect(
			await runList(fakeClient(makeJobs(500)), { format: 'plain', color: false, limit: 500 }, io),
		).toBe(0);
		expect(Buffer.concat(stdout.chunks).toString()).toMatch(/^STATE +NAME/);
		expect(stdout.chunks).toHaveLength(1);
		expect(io.stderr.text()).toBe('');
	});

	it('prints hostile text inert in every format', async () => {
		const hostile = apiJob({
			key: 'evil-1',
			name: 'a\u001b]52;c;SGVsbG8=\u0007b\u001b[2Jc\u009b31md\u202eevil\u200b',
			type: 'x\u0007y\u0085',
			state: 'running',
			submit_time: '2026-11-28T03:00:00Z',
		});
		for (const format of ['table', 'plain', 'json', 'ndjson'] as const) {
			for (const isTTY of [false, true]) {
				const io = captureIo({ clock, stdout: { isTTY, columns: 100 } });
				await runList(fakeClient([hostile]), { format, color: true }, io);
				// On a terminal the only escapes left are umwatch's own SGR colours.
				const text = stripAnsi(io.stdout.text());
				expect([format, isTTY, activeCharacters(text)]).toEqual([format, isTTY, []]);
				expect(io.stdout.text()).toContain('abcdevil');
			}
		}
	});
});
