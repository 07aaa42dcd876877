import { afterEach, describe, expect, it } from 'vitest';
import type { AiqumClient } from '../../source/api/types.js';
import { createEngine, type WatchEngine } from '../../source/engine/index.js';
import { runEvents } from '../../source/output/events.js';
import { runWait } from '../../source/output/wait.js';
import { HOSTILE_FRAGMENTS } from '../../source/simulator/index.js';
import type { FinishStatus, Simulator } from '../../source/simulator/types.js';
import { activeCharacters, ClosedPipeStream, captureIo, stdinOf } from '../helpers/out-fakes.js';
import { clientFor, closedPort, quietSimulator, SkippingClock } from '../helpers/out-sim.js';
import { until } from '../helpers/until.js';

let sim: Simulator | null = null;
let client: AiqumClient | null = null;

afterEach(async () => {
	await client?.close();
	await sim?.close();
	client = null;
	sim = null;
});

async function setUp(
	options: Parameters<typeof quietSimulator>[0] = {},
): Promise<{ sim: Simulator; client: AiqumClient }> {
	sim = await quietSimulator(options);
	client = clientFor(sim.url);
	return { sim, client };
}

const jobsRequests = (s: Simulator) => s.stats.byPath.get('/management-server/jobs/{key}') ?? 0;

describe('wait against the simulator', () => {
	it.each([
		['normal', 0, 'NORMAL'],
		['warning', 3, 'WARNING'],
		['partial_failures', 4, 'PARTIAL_FAILURES'],
		['error', 5, 'ERROR'],
		['aborted', 6, 'ABORTED'],
	] as const)('a job that ended %s exits %i', async (status: FinishStatus, code, label) => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ name: 'Create File Share', state: 'running', auto: false });
		sim.finishJob(job.key, status);
		const io = captureIo();
		expect(await runWait(client, job.key, { format: 'line' }, io)).toBe(code);
		expect(io.stdout.text()).toMatch(
			new RegExp(`^${label}  Create File Share  ${job.key}  took \\S+\\n$`),
		);
		expect(io.stderr.text()).toBe('');
	});

	it('reads the 202 body from stdin and prints the whole job with --json', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ state: 'completed', status: 'normal' });
		const body = JSON.stringify({
			job: {
				key: job.key,
				_links: { self: { href: `/api/management-server/jobs/${encodeURIComponent(job.key)}` } },
			},
		});
		const io = captureIo({ stdin: stdinOf(body) });
		expect(await runWait(client, '-', { format: 'json' }, io)).toBe(0);
		expect(JSON.parse(io.stdout.text())).toMatchObject({
			key: job.key,
			state: 'NORMAL',
			over: true,
		});
	});

	it('long-polls: returns within a second of the job ending while a poll is held', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ name: 'Long', state: 'running', auto: false });
		const io = captureIo();
		let returnedAt = 0;
		const waiting = runWait(client, job.key, { format: 'line' }, io).then((code) => {
			returnedAt = Date.now();
			return code;
		});
		await until(() => sim.stats.longPollsHeld > 0, 'a held long poll');
		const finishedAt = Date.now();
		sim.finishJob(job.key, 'warning');
		expect(await waiting).toBe(3);
		expect(returnedAt - finishedAt).toBeLessThan(1000);
		expect(sim.stats.longPolls).toBeGreaterThan(0);
	});

	it('polls plainly when the server does not long-poll', async () => {
		const { sim, client } = await setUp({ longPoll: false });
		const job = sim.addJob({ name: 'Plain', state: 'running', auto: false });
		const io = captureIo();
		const waiting = runWait(client, job.key, { format: 'line' }, io);
		await until(() => jobsRequests(sim) >= 2, 'a second jobs request');
		sim.finishJob(job.key, 'normal');
		expect(await waiting).toBe(0);
		expect(sim.stats.longPollsHeld).toBe(0);
		expect(io.stdout.text()).toMatch(/^NORMAL {2}Plain {2}/);
	});

	it('rides out three 503s without a word on a non-terminal stderr', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ state: 'completed', status: 'error' });
		sim.injectFault({ kind: 'status', status: 503 }, { count: 3 });
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runWait(client, job.key, { format: 'line' }, io)).toBe(5);
		expect(sim.stats.faults).toBe(3);
		expect(io.stderr.text()).toBe('');
	});

	it('shows the retries on a terminal stderr, then erases the line', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ state: 'completed', status: 'normal' });
		sim.injectFault({ kind: 'status', status: 503 }, { count: 2 });
		const io = captureIo({ clock: new SkippingClock(), stderr: { isTTY: true, columns: 100 } });
		expect(await runWait(client, job.key, { format: 'line' }, io)).toBe(0);
		const frames = io.stderr.text().split('\r\u001b[2K');
		expect(frames.at(-1)).toBe('');
		expect(frames.some((frame) => frame.includes('retrying: '))).toBe(true);
	});

	it('--timeout → 7 for a job that never ends', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ state: 'running', auto: false });
		const io = captureIo();
		expect(await runWait(client, job.key, { format: 'line', timeoutMs: 300 }, io)).toBe(7);
		expect(io.stderr.text()).toBe(
			`umwatch: timed out after 300ms waiting for job ${job.key} (last seen RUNNING)\n`,
		);
	});

	it("a missing key → 8 (after the waiter gives AIQUM's cache its chance)", async () => {
		const { client } = await setUp();
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runWait(client, 'no-such-job', { format: 'line' }, io)).toBe(8);
		expect(io.stderr.text()).toMatch(/^umwatch: [^\n]+\n(hint: [^\n]+\n)?$/);
	});

	it('a wrong password → 9', async () => {
		const { sim } = await setUp();
		client = clientFor(sim.url, { password: 'wrong' });
		expect(await runWait(client, 'k', { format: 'line' }, captureIo())).toBe(9);
	});

	it('a refused port is retried until --timeout → 7, naming the last error', async () => {
		client = clientFor(`http://127.0.0.1:${await closedPort()}`);
		const io = captureIo();
		expect(await runWait(client, 'k', { format: 'line', timeoutMs: 300 }, io)).toBe(7);
		expect(io.stderr.text()).toMatch(
			/^umwatch: timed out after 300ms waiting for job k \(last error: [^\n]+\)\n$/,
		);
	});

	it('an interrupt → 130', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ state: 'running', auto: false });
		const controller = new AbortController();
		const waiting = runWait(
			client,
			job.key,
			{ format: 'line' },
			captureIo({ signal: controller.signal }),
		);
		await until(() => sim.stats.longPollsHeld > 0, 'a held long poll');
		controller.abort();
		expect(await waiting).toBe(130);
	});

	it('prints a hostile name inert', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({
			name: `A${HOSTILE_FRAGMENTS.join('')}B`,
			state: 'completed',
			status: 'warning',
		});
		for (const format of ['line', 'json'] as const) {
			const io = captureIo({ stderr: { isTTY: true, columns: 80 } });
			expect(await runWait(client, job.key, { format }, io)).toBe(3);
			expect(io.stdout.bytes().includes(0x1b)).toBe(false);
			expect(activeCharacters(io.stdout.text())).toEqual([]);
			expect(activeCharacters(io.stderr.text().replaceAll('\r\u001b[2K', ''))).toEqual([]);
		}
	});
});

describe('events against the simulator', () => {
	let engine: WatchEngine | null = null;
	afterEach(async () => {
		await engine?.stop();
		engine = null;
	});

	it('prints a line for a new job and for its transition, inert, until interrupted', async () => {
		const { sim, client } = await setUp();
		engine = createEngine({ client, intervalMs: 1000 });
		const controller = new AbortController();
		const io = captureIo({ signal: controller.signal });
		const running = runEvents(engine, { format: 'ndjson' }, io);
		await until(() => engine?.getSnapshot().connection.kind === 'live', 'the engine live');
		const job = sim.addJob({
			name: `New${HOSTILE_FRAGMENTS.join('')}Job`,
			state: 'running',
			auto: false,
		});
		await until(() => io.stdout.text().includes('\n'), 'a first line on stdout');
		sim.finishJob(job.key, 'partial_failures');
		await until(() => io.stdout.text().split('\n').length >= 3, 'two lines on stdout');
		controller.abort();
		expect(await running).toBe(130);
		const events = io.stdout
			.text()
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(events.map((e) => [e.event, e.key, e.from, e.to])).toEqual([
			['new', job.key, null, 'RUNNING'],
			['transition', job.key, 'RUNNING', 'PARTIAL_FAILURES'],
		]);
		expect(events[0].name).toMatch(/^New.*Job$/);
		expect(io.stdout.bytes().includes(0x1b)).toBe(false);
		expect(activeCharacters(io.stdout.text())).toEqual([]);
	});

	it('ends with 9 when the password is rejected', async () => {
		const { sim } = await setUp();
		client = clientFor(sim.url, { password: 'wrong' });
		engine = createEngine({ client, intervalMs: 1000 });
		const io = captureIo();
		expect(await runEvents(engine, { format: 'ndjson' }, io)).toBe(9);
		expect(io.stderr.text()).toMatch(/^umwatch: [^\n]+\n(hint: [^\n]+\n)?$/);
	});

	it('ends quietly with 0 when the reader closes the pipe', async () => {
		const { sim, client } = await setUp();
		engine = createEngine({ client, intervalMs: 1000 });
		const stdout = new ClosedPipeStream(0);
		const io = { ...captureIo(), stdout };
		const running = runEvents(engine, { format: 'ndjson' }, io);
		await until(() => engine?.getSnapshot().connection.kind === 'live', 'the engine live');
		sim.addJob({ state: 'running', auto: false });
		expect(await running).toBe(0);
		expect(io.stderr.text()).toBe('');
	});
});
