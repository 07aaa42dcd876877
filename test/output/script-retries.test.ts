import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import type { AiqumClient } from '../../source/api/types.js';
import { createEngine, type WatchEngine } from '../../source/engine/index.js';
import { runEvents } from '../../source/output/events.js';
import { runList } from '../../source/output/list.js';
import { runShow } from '../../source/output/show.js';
import { runWait } from '../../source/output/wait.js';
import type { Simulator } from '../../source/simulator/types.js';
import { createFakeServer } from '../helpers/fake-client.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';
import { clientFor, closedPort, quietSimulator, SkippingClock } from '../helpers/out-sim.js';
import { makeJobs } from '../helpers/ui-fixtures.js';
import { until } from '../helpers/until.js';

let sim: Simulator | null = null;
let client: AiqumClient | null = null;
let engine: WatchEngine | null = null;

afterEach(async () => {
	await engine?.stop();
	await client?.close();
	await sim?.close();
	engine = null;
	client = null;
	sim = null;
});

async function setUp(
	clientOptions: Parameters<typeof clientFor>[1] = {},
): Promise<{ sim: Simulator; client: AiqumClient }> {
	sim = await quietSimulator();
	client = clientFor(sim.url, clientOptions);
	return { sim, client };
}

const LIST = /\/management-server\/jobs\?/;
const ONE_JOB = /\/management-server\/jobs\/[^/?]+/;
const PLAIN = { format: 'plain', color: false } as const;

describe('list and show ride out a blip of a busy server', () => {
	it('list: a 503, then a 429 asking for 1 s → the jobs, exit 0, nothing on stderr', async () => {
		const { sim, client } = await setUp();
		sim.addJob({ name: 'Expand LUN', state: 'completed', status: 'normal' });
		sim.injectFault({ kind: 'status', status: 503 }, { path: LIST });
		sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { path: LIST });
		const clock = new SkippingClock();
		const io = captureIo({ clock });
		const before = clock.now();
		expect(await runList(client, PLAIN, io)).toBe(0);
		expect(io.stdout.text()).toContain('Expand LUN');
		expect(io.stderr.text()).toBe('');
		expect(sim.stats.faults).toBe(2);
		// The 429's Retry-After was honoured.
		expect(clock.now() - before).toBeGreaterThanOrEqual(1000);
	});

	it('show: a request that hangs until the timeout is tried again → the job, exit 0', async () => {
		const { sim, client } = await setUp({ headersTimeoutMs: 300 });
		const job = sim.addJob({ name: 'Create File Share', state: 'completed', status: 'normal' });
		sim.injectFault({ kind: 'hang' }, { path: ONE_JOB });
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runShow(client, job.key, { format: 'json', color: false }, io)).toBe(0);
		expect(JSON.parse(io.stdout.text())).toMatchObject({ key: job.key, state: 'NORMAL' });
		expect(sim.stats.faults).toBe(1);
	});

	it('list: a page after the first that fails once is tried again', async () => {
		let failed = 0;
		const base = fakeClient(makeJobs(2500));
		const flaky = fakeClient(makeJobs(2500), {
			async listJobsPageAt(href, signal) {
				if (failed++ === 0) throw new ApiError('server', 'Unified Manager failed with 502.');
				return base.listJobsPageAt(href, signal);
			},
		});
		const io = captureIo({ clock: new SkippingClock() });
		const options = { format: 'ndjson', color: false, state: 'normal', limit: 2500 } as const;
		expect(await runList(flaky, options, io)).toBe(0);
		expect(io.stdout.text().trimEnd().split('\n')).toHaveLength(2500);
		expect(failed).toBe(3);
	});

	it('show: a 503 for good → 11 after 30 s, saying umwatch retried, not that it retries', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ state: 'completed', status: 'normal' });
		sim.injectFault({ kind: 'status', status: 503 }, { count: Number.POSITIVE_INFINITY });
		const clock = new SkippingClock();
		const io = captureIo({ clock });
		const before = clock.now();
		expect(await runShow(client, job.key, { format: 'text', color: false }, io)).toBe(11);
		expect(io.stderr.text()).toBe(
			'umwatch: Unified Manager failed with 503 Service Unavailable: "The server is busy. Try again later".\nhint: The server is overloaded or starting up. umwatch retried for 30s; try again later.\n',
		);
		expect(io.stdout.text()).toBe('');
		// Within the bound: the last try is at 30 s after the first failure.
		expect(clock.now() - before).toBeLessThan(31_000);
		expect(sim.stats.faults).toBeGreaterThan(5);
	});

	it('a 429 asking for more than 30 s ends at once, saying umwatch does not wait that long', async () => {
		const { sim, client } = await setUp();
		sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 120 }, { path: LIST });
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runList(client, PLAIN, io)).toBe(11);
		expect(io.stderr.text()).toBe(
			'umwatch: Unified Manager is limiting requests (429); it asks to wait 120 s: "Too many requests. Try again later".\nhint: In the live view, a longer --interval avoids it. umwatch waits at most 30s here; try again later.\n',
		);
		expect(sim.stats.faults).toBe(1);
	});

	it('past a 503, a rejected password ends at once → 9, not retried', async () => {
		const { sim, client } = await setUp();
		sim.injectFault({ kind: 'status', status: 503 }, { path: LIST });
		sim.injectFault({ kind: 'status', status: 401 }, { path: LIST });
		sim.injectFault({ kind: 'status', status: 503 }, { path: LIST, count: 100 });
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runList(client, PLAIN, io)).toBe(9);
		expect(sim.stats.faults).toBe(2);
		expect(io.stderr.text()).toBe(
			'umwatch: Unified Manager rejected the user name or password (401).\nhint: Check --user and the password source.\n',
		);
	});

	it('past a 503, a 404 for the jobs list (a wrong URL) ends at once → 11, not retried', async () => {
		const { sim, client } = await setUp();
		sim.injectFault({ kind: 'status', status: 503 }, { path: LIST });
		sim.injectFault({ kind: 'status', status: 404 }, { path: LIST, count: 100 });
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runList(client, PLAIN, io)).toBe(11);
		expect(sim.stats.faults).toBe(2);
		expect(io.stderr.text()).toMatch(/^umwatch: Unified Manager answered 404 Not Found for /);
		expect(io.stderr.text()).not.toContain('retried');
	});

	it('past a 503, a job that does not exist → 8 at once', async () => {
		const { sim, client } = await setUp();
		sim.injectFault({ kind: 'status', status: 503 }, { path: ONE_JOB });
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runShow(client, 'no-such-key', { format: 'text', color: false }, io)).toBe(8);
		expect(sim.stats.byPath.get('/management-server/jobs/{key}')).toBe(2);
	});
});

describe('wait counts only silence toward giving up', () => {
	it('rides out more than 30 s of 503 before the job is first seen', async () => {
		const { sim, client } = await setUp();
		const job = sim.addJob({ name: 'Provision', state: 'completed', status: 'normal' });
		sim.injectFault({ kind: 'status', status: 503 }, { path: ONE_JOB, count: 12 });
		const clock = new SkippingClock();
		const io = captureIo({ clock });
		const before = clock.now();
		expect(await runWait(client, job.key, { format: 'line' }, io)).toBe(0);
		expect(clock.now() - before).toBeGreaterThan(60_000);
		expect(sim.stats.faults).toBe(12);
		expect(io.stdout.text()).toMatch(/^NORMAL {2}Provision {2}/);
		expect(io.stderr.text()).toBe('');
	});

	it('gives up on a server that never answers after 30 s, and says so', async () => {
		client = clientFor(`http://127.0.0.1:${await closedPort()}`);
		const io = captureIo({ clock: new SkippingClock() });
		expect(await runWait(client, 'k', { format: 'line' }, io)).toBe(11);
		expect(io.stderr.text()).toMatch(
			/^umwatch: Connection refused by 127\.0\.0\.1:\d+\.\nhint: Is the URL right and the server up\? No answer for 30s; umwatch gave up\.\n$/,
		);
	});
});

describe('events says when it retries, and gives up on silence', () => {
	const refused = () => new ApiError('network', 'Connection refused by um:443.');

	function fakeEvents(
		before: (client: ReturnType<typeof createFakeServer>['client']) => void = () => {},
	) {
		const clock = new FakeClock();
		const server = createFakeServer(clock);
		before(server.client);
		engine = createEngine({ client: server.client, clock, intervalMs: 2000, random: () => 0.5 });
		const controller = new AbortController();
		const io = captureIo({ clock, signal: controller.signal });
		const result: { code?: number } = {};
		const running = runEvents(engine, { format: 'ndjson' }, io).then((code) => {
			result.code = code;
			return code;
		});
		/** Ends the stream if it is still running (so a failing test does not hang) and returns its code. */
		const end = async () => {
			controller.abort();
			return running;
		};
		return { clock, client: server.client, io, result, end };
	}

	it('in a pipe: one line when retrying starts, one when it recovers; 503s never end it', async () => {
		const { clock, client, io, result, end } = fakeEvents();
		await clock.advance(5000);
		client.failNext(
			() => new ApiError('server', 'Unified Manager failed with 503 Service Unavailable.'),
			{ times: 1_000_000 },
		);
		await clock.advance(15 * 60_000);
		expect(result.code).toBeUndefined();
		client.clearFaults();
		await clock.advance(60_000);
		expect(io.stderr.text()).toBe(
			'umwatch: retrying: Unified Manager failed with 503 Service Unavailable.\numwatch: connection restored\n',
		);
		expect(await end()).toBe(130);
	});

	it('gives up with 11 after 10 minutes without an answer, saying so', async () => {
		const { clock, client, io, result, end } = fakeEvents();
		await clock.advance(5000);
		client.failNext(refused, { times: 1_000_000 });
		await clock.advance(9 * 60_000);
		expect(result.code).toBeUndefined();
		expect(io.stderr.text()).toBe('umwatch: retrying: Connection refused by um:443.\n');
		await clock.advance(3 * 60_000);
		expect(await end()).toBe(11);
		expect(io.stderr.text()).toMatch(
			/^umwatch: retrying: Connection refused by um:443\.\numwatch: Connection refused by um:443\.\nhint: No answer for 10m\d\ds; umwatch gave up\.\n$/,
		);
	});

	it('a server dead from the start: 11 after 30 s, as wait', async () => {
		const { clock, io, end } = fakeEvents((client) =>
			client.failNext(refused, { times: 1_000_000 }),
		);
		await clock.advance(90_000);
		expect(await end()).toBe(11);
		expect(io.stderr.text()).toMatch(
			/^umwatch: retrying: Connection refused by um:443\.\numwatch: Connection refused by um:443\.\nhint: No answer for \d\ds; umwatch gave up\.\n$/,
		);
	});

	it('over HTTP: injected 503s are told on a piped stderr, and the recovery', async () => {
		const { sim, client } = await setUp();
		const clock = new SkippingClock();
		engine = createEngine({ client, clock, intervalMs: 1000 });
		const controller = new AbortController();
		const io = captureIo({ clock, signal: controller.signal });
		const running = runEvents(engine, { format: 'ndjson' }, io);
		await until(() => engine?.getSnapshot().connection.kind === 'live', 'the engine live');
		sim.injectFault({ kind: 'status', status: 503 }, { count: 15 });
		await until(() => io.stderr.text().includes('restored'), "'restored' on stderr");
		controller.abort();
		expect(await running).toBe(130);
		expect(io.stderr.text()).toBe(
			'umwatch: retrying: Unified Manager failed with 503 Service Unavailable: "The server is busy. Try again later".\numwatch: connection restored\n',
		);
	});
});
