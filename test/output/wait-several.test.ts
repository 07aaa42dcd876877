// `wait KEY KEY …` (issue 11): several jobs at once over real HTTP to the
// simulator. Jobs end when the test finishes them, after a named condition
// (every wait holds a long poll), never after a sleep.
import { afterEach, describe, expect, it } from 'vitest';
import type { AiqumClient, LongPollOptions } from '../../source/api/types.js';
import { findJob } from '../../source/output/find-job.js';
import { runWait } from '../../source/output/wait.js';
import type { Simulator } from '../../source/simulator/types.js';
import { captureIo, stdinOf } from '../helpers/out-fakes.js';
import { clientFor, quietSimulator, SkippingClock } from '../helpers/out-sim.js';
import { until } from '../helpers/until.js';

let sims: Simulator[] = [];
let clients: AiqumClient[] = [];

afterEach(async () => {
	await Promise.all(clients.map((client) => client.close()));
	await Promise.all(sims.map((sim) => sim.close()));
	clients = [];
	sims = [];
});

async function server(): Promise<{ sim: Simulator; client: AiqumClient }> {
	const sim = await quietSimulator();
	const client = clientFor(sim.url);
	sims.push(sim);
	clients.push(client);
	return { sim, client };
}

const jobRequests = (sim: Simulator) => sim.stats.byPath.get('/management-server/jobs/{key}') ?? 0;

/** The real client, counting its requests still in flight. */
function counting(client: AiqumClient): AiqumClient & { readonly inFlight: number } {
	let inFlight = 0;
	const track = async <T>(request: Promise<T>): Promise<T> => {
		inFlight++;
		try {
			return await request;
		} finally {
			inFlight--;
		}
	};
	return Object.assign(Object.create(client) as AiqumClient, {
		getJob: (key: string, signal?: AbortSignal) => track(client.getJob(key, signal)),
		longPollJob: (key: string, options: LongPollOptions) => track(client.longPollJob(key, options)),
		get inFlight() {
			return inFlight;
		},
	});
}

function lines(text: string): string[] {
	return text.trimEnd().split('\n');
}

describe('wait KEY KEY …', () => {
	it('three jobs ending warning, error, normal → exit 5, one line each in the order they ended', async () => {
		const { sim, client } = await server();
		const [a, b, c] = ['First', 'Second', 'Third'].map((name) =>
			sim.addJob({ name, state: 'running', auto: false }),
		);
		if (a === undefined || b === undefined || c === undefined) throw new Error('no jobs');
		const io = captureIo();
		const waiting = runWait(client, [a.key, b.key, c.key], { format: 'line' }, io);
		await until(() => sim.stats.longPollsHeld === 3, 'three held long polls');
		sim.finishJob(b.key, 'warning');
		await until(() => lines(io.stdout.text()).length === 1 && io.stdout.text() !== '');
		sim.finishJob(c.key, 'error');
		await until(() => lines(io.stdout.text()).length === 2, 'a second line');
		sim.finishJob(a.key, 'normal');
		expect(await waiting).toBe(5);
		expect(lines(io.stdout.text()).map((line) => line.split('  ').slice(0, 3))).toEqual([
			['WARNING', 'Second', b.key],
			['ERROR', 'Third', c.key],
			['NORMAL', 'First', a.key],
		]);
		expect(io.stderr.text()).toBe('');
	});

	it.each([
		[['normal', 'warning', 'partial_failures'], 4],
		[['aborted', 'error', 'normal'], 6],
		[['normal', 'normal'], 0],
	] as const)('ends %j → the worst outcome, %i', async (ends, code) => {
		const { sim, client } = await server();
		const keys = ends.map((end) =>
			end === 'aborted'
				? sim.addJob({ state: 'aborted', status: 'normal' }).key
				: sim.addJob({ state: 'completed', status: end }).key,
		);
		expect(await runWait(client, keys, { format: 'line' }, captureIo())).toBe(code);
	});

	it('--json with several keys: NDJSON, one compact object per job, each with its server', async () => {
		const { sim, client } = await server();
		const keys = ['normal', 'error'].map(
			(status) => sim.addJob({ state: 'completed', status }).key,
		);
		const io = captureIo();
		expect(await runWait(client, keys, { format: 'json' }, io)).toBe(5);
		const objects = lines(io.stdout.text()).map((line) => JSON.parse(line));
		expect(objects.map((job) => job.key).sort()).toEqual([...keys].sort());
		for (const job of objects) expect(job).toHaveProperty('server');
	});

	it('a key given twice counts once: one job, printed as today (pretty JSON)', async () => {
		const { sim, client } = await server();
		const job = sim.addJob({ state: 'completed', status: 'warning' });
		const io = captureIo();
		expect(await runWait(client, [job.key, job.key], { format: 'json' }, io)).toBe(3);
		expect(io.stdout.text()).toMatch(/^\{\n {2}"server"/);
	});

	it('a key that is nowhere → 8 naming it; the other waits are stopped', async () => {
		const { sim, client } = await server();
		const running = sim.addJob({ state: 'running', auto: false });
		const io = captureIo({ clock: new SkippingClock() });
		const watched = counting(client);
		const code = await runWait(watched, [running.key, 'no-such-job'], { format: 'line' }, io);
		expect(code).toBe(8);
		expect(io.stderr.text()).toMatch(/^umwatch: job no-such-job: Unified Manager answered 404/);
		expect(io.stdout.text()).toBe('');
		expect(watched.inFlight).toBe(0);
	});

	it('--timeout bounds the whole wait → 7, naming the jobs not over', async () => {
		const { sim, client } = await server();
		const done = sim.addJob({ state: 'completed', status: 'normal' });
		const open = sim.addJob({ state: 'running', auto: false });
		const io = captureIo();
		const code = await runWait(
			client,
			[done.key, open.key],
			{ format: 'line', timeoutMs: 300 },
			io,
		);
		expect(code).toBe(7);
		expect(lines(io.stdout.text())).toHaveLength(1);
		expect(io.stderr.text()).toBe(
			`umwatch: timed out after 300ms waiting for 1 of 2 jobs: ${open.key} (last seen RUNNING)\n`,
		);
	});

	it('the progress line on a terminal sums the jobs up, and is erased at the end', async () => {
		const { sim, client } = await server();
		const queued = sim.addJob({ state: 'queued', auto: false });
		const running = sim.addJob({ state: 'running', auto: false });
		const done = sim.addJob({ state: 'completed', status: 'normal' });
		const io = captureIo({ stderr: { isTTY: true, columns: 100 } });
		const keys = [queued.key, running.key, done.key];
		const waiting = runWait(client, keys, { format: 'line' }, io);
		await until(() => io.stderr.text().includes('waiting for 3 jobs: 1 running, 1 queued, 1 done'));
		sim.finishJob(queued.key, 'normal');
		sim.finishJob(running.key, 'normal');
		expect(await waiting).toBe(0);
		expect(io.stderr.text().split('\r\u001b[2K').at(-1)).toBe('');
	});
});

describe('wait --any', () => {
	it("ends with the first job's code at its long poll's answer; no request left in flight", async () => {
		const { sim, client } = await server();
		const keys = [1, 2, 3].map(
			(i) => sim.addJob({ name: `J${i}`, state: 'running', auto: false }).key,
		);
		const watched = counting(client);
		const io = captureIo();
		const waiting = runWait(watched, keys, { format: 'line', any: true }, io);
		await until(() => sim.stats.longPollsHeld === 3, 'three held long polls');
		const before = jobRequests(sim);
		sim.finishJob(keys[1] as string, 'partial_failures');
		expect(await waiting).toBe(4);
		// The answer that ended it was a held long poll's, not a new request: it came
		// as the job ended (within a second), not at the next poll.
		expect(jobRequests(sim)).toBe(before);
		expect(watched.inFlight).toBe(0);
		expect(lines(io.stdout.text())).toEqual([expect.stringMatching(/^PARTIAL_FAILURES {2}J2 {2}/)]);
		await until(() => sim.stats.longPollsHeld === 0, 'the other long polls closed');
	});
});

describe('wait - with several lines', () => {
	it('reads NDJSON 202 bodies and plain keys mixed, and waits for them all', async () => {
		const { sim, client } = await server();
		const a = sim.addJob({ state: 'completed', status: 'normal' });
		const b = sim.addJob({ state: 'completed', status: 'warning' });
		const c = sim.addJob({ state: 'completed', status: 'error' });
		const stdin = [
			JSON.stringify({ job: { key: a.key, _links: { self: { href: `/api/x/${a.key}` } } } }),
			'',
			b.key,
			JSON.stringify({ job: { key: c.key } }),
			a.key,
		].join('\n');
		const io = captureIo({ stdin: stdinOf(stdin) });
		expect(await runWait(client, '-', { format: 'line' }, io)).toBe(5);
		expect(lines(io.stdout.text())).toHaveLength(3);
	});

	it('a line that is neither is a usage error naming its line, before any request', async () => {
		const { sim, client } = await server();
		const a = sim.addJob({ state: 'completed', status: 'normal' });
		const stdin = `${a.key}\n{"job":{"key":"k2"}}\n{"error":{"message":"Volume exists"}}\n`;
		const io = captureIo({ stdin: stdinOf(stdin) });
		expect(await runWait(client, '-', { format: 'line' }, io)).toBe(2);
		expect(io.stderr.text()).toMatch(
			/^umwatch: stdin line 3 holds an error from the server, not a job: "Volume exists"/,
		);
		expect(sim.stats.requests).toBe(0);
	});
});

describe("the search over several servers gives a new job the waiter's 404 grace", () => {
	it('a job that answers 404 twice before it shows is found, and waited for', async () => {
		const tokyo = await server();
		const osaka = await server();
		const job = osaka.sim.addJob({ state: 'completed', status: 'warning' });
		// AIQUM's cache lags a new job: osaka says 404 for it twice, as tokyo always does.
		osaka.sim.injectFault({ kind: 'status', status: 404 }, { count: 2 });
		const io = captureIo({ clock: new SkippingClock() });
		const both = [tokyo.client, osaka.client];
		expect(await runWait(both, job.key, { format: 'line' }, io)).toBe(3);
		expect(io.stdout.text()).toContain(job.key);
		expect(osaka.sim.stats.faults).toBe(2);
	});

	it('show still answers at once: no grace', async () => {
		const tokyo = await server();
		const osaka = await server();
		const job = osaka.sim.addJob({ state: 'completed', status: 'warning' });
		osaka.sim.injectFault({ kind: 'status', status: 404 }, { count: 2 });
		const io = captureIo({ clock: new SkippingClock() });
		const err = {
			write: async () => {},
			closed: false,
			failure: null,
			whenClosed: new Promise<void>(() => {}),
		};
		await expect(
			findJob([tokyo.client, osaka.client], job.key, { partialOk: false }, err, io),
		).rejects.toThrow(/No job .* on .* or .*: each answered 404/);
		expect(osaka.sim.stats.faults).toBe(1);
	});
});

describe('wait --bell', () => {
	const BEL = 0x07;
	const count = (bytes: Buffer) => bytes.filter((byte) => byte === BEL).length;

	it('rings once on a terminal stderr when every job is over, after the progress line is gone', async () => {
		const { sim, client } = await server();
		const keys = ['normal', 'error'].map(
			(status) => sim.addJob({ state: 'completed', status }).key,
		);
		const io = captureIo({ stderr: { isTTY: true, columns: 100 } });
		expect(await runWait(client, keys, { format: 'line', bell: true }, io)).toBe(5);
		expect(count(io.stderr.bytes())).toBe(1);
		expect(io.stderr.text().endsWith('\r\u001b[2K\u0007')).toBe(true);
		expect(count(io.stdout.bytes())).toBe(0);
	});

	it('never rings into a pipe, nor without --bell, nor after an interrupt', async () => {
		const { sim, client } = await server();
		const done = sim.addJob({ state: 'completed', status: 'warning' }).key;
		const piped = captureIo();
		expect(await runWait(client, done, { format: 'line', bell: true }, piped)).toBe(3);
		const quietTty = captureIo({ stderr: { isTTY: true, columns: 100 } });
		expect(await runWait(client, done, { format: 'line' }, quietTty)).toBe(3);
		const running = sim.addJob({ state: 'running', auto: false }).key;
		const controller = new AbortController();
		const interrupted = captureIo({
			stderr: { isTTY: true, columns: 100 },
			signal: controller.signal,
		});
		const waiting = runWait(client, running, { format: 'line', bell: true }, interrupted);
		await until(() => sim.stats.longPollsHeld > 0, 'a held long poll');
		controller.abort();
		expect(await waiting).toBe(130);
		for (const io of [piped, quietTty, interrupted]) {
			expect(count(io.stderr.bytes()) + count(io.stdout.bytes())).toBe(0);
		}
	});
});
