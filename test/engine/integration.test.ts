/**
 * The engine over real HTTP: the real client against the simulator on a
 * loopback port. The engine's timers run on a fake clock (so polls happen
 * exactly when a test says); the requests themselves are real, so the tests
 * wait for real conditions with a generous deadline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { jobId, jobIdOf } from '../../source/api/job.js';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import { createEngine, type WatchEngine } from '../../source/engine/engine.js';
import type { JobEvent, Snapshot } from '../../source/engine/types.js';
import { waitForJob } from '../../source/engine/wait-for-job.js';
import {
	createSimulator,
	type Fault,
	type Simulator,
	type SimulatorOptions,
} from '../../source/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const DEADLINE_MS = 10_000;
const JOBS_PATH = '/management-server/jobs';

interface World {
	readonly sim: Simulator;
	readonly clock: FakeClock;
	readonly client: AiqumClient;
	readonly engine: WatchEngine;
	readonly events: JobEvent[];
	readonly snapshots: Snapshot[];
}

let world: World | null = null;

afterEach(async () => {
	if (world === null) return;
	await world.engine.stop();
	expect(world.clock.pendingTimers).toBe(0);
	await world.client.close();
	await world.sim.close();
	world = null;
});

async function setup(
	simOptions: SimulatorOptions = {},
	clientOptions: Partial<ClientOptions> = {},
): Promise<World> {
	const clock = new FakeClock(START);
	const sim = createSimulator({
		seed: 5,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
		...simOptions,
	});
	await sim.listen();
	const client = createClient({
		url: sim.url,
		user: 'admin',
		password: 'admin',
		clock,
		headersTimeoutMs: 400,
		bodyTimeoutMs: 400,
		...clientOptions,
	});
	const engine = createEngine({ client, clock, random: () => 0.5 });
	const events: JobEvent[] = [];
	const snapshots: Snapshot[] = [];
	engine.onEvent((event) => events.push(event));
	engine.subscribe(() => snapshots.push(engine.getSnapshot()));
	world = { sim, clock, client, engine, events, snapshots };
	return world;
}

function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Moves the fake clock in steps (timers fire, real requests run between) until `condition` holds. */
async function drive(
	w: World,
	condition: () => boolean,
	what: string,
	stepMs = 250,
): Promise<void> {
	const deadline = Date.now() + DEADLINE_MS;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await w.clock.advance(stepMs);
		await pause(5);
	}
}

async function startLive(w: World): Promise<void> {
	w.engine.start();
	await until(() => w.engine.getSnapshot().connection.kind === 'live', 'the first poll');
}

/** Runs exactly one scheduled poll and waits for it to succeed. */
async function pollOnce(w: World): Promise<void> {
	const before = w.engine.getLastSuccessAt();
	await w.clock.advance(2000);
	await until(() => w.engine.getLastSuccessAt() !== before, 'a poll');
}

function jobRequests(sim: Simulator): number {
	return sim.stats.byPath.get(JOBS_PATH) ?? 0;
}

describe('engine against the simulator over HTTP', () => {
	it('finds a burst of 60 jobs between two polls, with nothing missed', async () => {
		const w = await setup();
		w.sim.addJobs(5, { state: 'completed', status: 'normal' });
		await startLive(w);
		w.sim.advance(1000);
		const burst = w.sim.addJobs(60, { state: 'running', auto: false }).map((job) => job.key);
		w.sim.resetStats();
		await pollOnce(w);
		const held = w.engine.getSnapshot().byKey;
		expect(burst.filter((key) => !held.has(jobIdOf(w.client.server, key)))).toEqual([]);
		expect(w.engine.getSnapshot().jobs).toHaveLength(65);
		expect(w.engine.getSnapshot().counts.RUNNING).toBe(60);
		const fresh = w.events.filter((event) => event.type === 'new').map((event) => event.job.key);
		expect([...fresh].sort()).toEqual([...burst].sort());
		// Pages of 20: three of new jobs, a fourth that reaches the known ones.
		expect(jobRequests(w.sim)).toBe(4);
	});

	it('sees a job finish after it fell off the first page, in 2 requests per poll', async () => {
		const w = await setup();
		const old = w.sim.addJob({ state: 'running', auto: false }).key;
		await startLive(w);
		w.sim.advance(1000);
		w.sim.addJobs(30, { state: 'completed', status: 'normal' });
		await pollOnce(w);
		expect(w.engine.getSnapshot().jobs).toHaveLength(31);
		w.sim.advance(1000);
		w.sim.finishJob(old, 'error');
		w.sim.resetStats();
		await pollOnce(w);
		expect(jobRequests(w.sim)).toBe(2);
		expect(w.engine.getSnapshot().byKey.get(jobIdOf(w.client.server, old))?.displayState).toBe(
			'ERROR',
		);
		expect(w.events.at(-1)).toMatchObject({
			type: 'transition',
			from: 'RUNNING',
			to: 'ERROR',
			job: { key: old },
		});
		w.sim.resetStats();
		await pollOnce(w);
		expect(jobRequests(w.sim)).toBe(1);
	});

	it.each(['lowercase', 'uppercase', 'single'] as const)(
		'follows jobs to their end in the %s state shape',
		async (shape) => {
			const w = await setup({ shape });
			const run = w.sim.addJob({ state: 'running', auto: false }).key;
			const queued = w.sim.addJob({ state: 'queued', auto: false }).key;
			const done = w.sim.addJob({ state: 'completed', status: 'warning' }).key;
			await startLive(w);
			const snap = w.engine.getSnapshot();
			expect(snap.byKey.get(jobIdOf(w.client.server, done))?.displayState).toBe('WARNING');
			expect(snap.byKey.get(jobIdOf(w.client.server, queued))?.displayState).toBe('QUEUED');
			w.sim.advance(1000);
			w.sim.finishJob(run, 'partial_failures');
			w.sim.finishJob(queued, 'aborted');
			await pollOnce(w);
			const transitions = w.events.map((e) =>
				e.type === 'transition' ? `${e.job.key} ${e.from}>${e.to}` : e.type,
			);
			expect(transitions.sort()).toEqual(
				[`${run} RUNNING>PARTIAL_FAILURES`, `${queued} QUEUED>ABORTED`].sort(),
			);
			const after = w.engine.getSnapshot();
			expect(after.counts.PARTIAL_FAILURES).toBe(1);
			expect(after.counts.ABORTED).toBe(1);
			expect(after.counts.RUNNING + after.counts.QUEUED).toBe(0);
			expect(after.byKey.get(jobIdOf(w.client.server, run))?.over).toBe(true);
		},
	);
});

const FAULTS: ReadonlyArray<[string, Fault, number, boolean]> = [
	['500 five times', { kind: 'status', status: 500 }, 5, true],
	['503', { kind: 'status', status: 503 }, 1, false],
	['429 with Retry-After', { kind: 'status', status: 429, retryAfterSeconds: 1 }, 1, false],
	['an HTML error page', { kind: 'html' }, 1, false],
	['a truncated body', { kind: 'truncated' }, 1, false],
	['a reset connection', { kind: 'reset' }, 1, false],
	['a reset mid-body', { kind: 'reset-mid-body' }, 1, false],
	['a body that is not JSON', { kind: 'garbage', body: '{"records": [' }, 1, false],
	['a server that never answers', { kind: 'hang' }, 1, false],
	['a body that stalls', { kind: 'stall-mid-body' }, 1, false],
];

describe('engine recovering from faults over HTTP', () => {
	it.each(FAULTS)('recovers from %s, keeping its data', async (_name, fault, count, reports) => {
		const w = await setup();
		w.sim.addJobs(3, { state: 'completed', status: 'normal' });
		await startLive(w);
		const kept = w.engine.getSnapshot().jobs;
		const firstAfter = w.snapshots.length;
		w.sim.injectFault(fault, { count, path: /\/jobs/ });
		w.sim.advance(1000);
		const fresh = w.sim.addJob({ state: 'running', auto: false }).key;
		await drive(
			w,
			() =>
				w.engine.getSnapshot().connection.kind === 'live' &&
				w.engine.getSnapshot().byKey.has(jobIdOf(w.client.server, fresh)),
			'recovery',
		);
		expect(w.sim.stats.faults).toBe(count);
		const after = w.snapshots.slice(firstAfter);
		for (const snapshot of after) {
			for (const job of kept) expect(snapshot.byKey.get(jobId(job))).toBe(job);
		}
		const kinds = after.map((s) => s.connection.kind);
		expect(kinds.includes('retrying')).toBe(reports);
		expect(w.events.map((e) => e.type)).toEqual(['new']);
	});

	it('stops at 401 (failed, data kept) and recovers on refresh()', async () => {
		const w = await setup();
		w.sim.addJobs(2, { state: 'completed', status: 'normal' });
		await startLive(w);
		w.sim.injectFault({ kind: 'status', status: 401 }, { path: /\/jobs/ });
		await w.clock.advance(2000);
		await until(() => w.engine.getSnapshot().connection.kind === 'failed', 'failed');
		const connection = w.engine.getSnapshot().connection;
		expect(connection.kind === 'failed' && connection.error.kind).toBe('auth');
		expect(w.engine.getSnapshot().jobs).toHaveLength(2);
		expect(w.clock.pendingTimers).toBe(0);
		w.engine.refresh();
		await until(() => w.engine.getSnapshot().connection.kind === 'live', 'live again');
	});
});

describe('focus and wait over HTTP', () => {
	it('long-polls the focused job and shows its end at once', async () => {
		const w = await setup();
		const key = w.sim.addJob({ state: 'running', auto: false }).key;
		await startLive(w);
		w.engine.focus(jobIdOf(w.client.server, key));
		await until(() => w.sim.stats.longPollsHeld === 1, 'a held long poll');
		await w.clock.advance(700);
		w.sim.advance(1000);
		const changedAt = Date.now();
		w.sim.finishJob(key, 'normal');
		await until(
			() =>
				w.engine.getSnapshot().byKey.get(jobIdOf(w.client.server, key))?.displayState === 'NORMAL',
			'the end',
		);
		expect(Date.now() - changedAt).toBeLessThan(1000);
		expect(w.engine.getSnapshot().longPoll).toBe('supported');
		expect(w.sim.stats.longPollsHeld).toBe(0);
	});

	it('falls back to plain GETs when the server ignores long polls', async () => {
		const w = await setup({ longPoll: false });
		const key = w.sim.addJob({ state: 'running', auto: false }).key;
		await startLive(w);
		w.engine.focus(jobIdOf(w.client.server, key));
		await drive(w, () => w.engine.getSnapshot().longPoll === 'unsupported', 'detection');
		w.sim.advance(1000);
		w.sim.finishJob(key, 'error');
		await drive(
			w,
			() => w.engine.getSnapshot().byKey.get(jobIdOf(w.client.server, key))?.over === true,
			'the end',
		);
		expect(w.engine.getSnapshot().byKey.get(jobIdOf(w.client.server, key))?.displayState).toBe(
			'ERROR',
		);
	});

	it('waitForJob returns within moments of the job ending when the server long-polls', async () => {
		const w = await setup();
		const key = w.sim.addJob({ state: 'running', auto: false }).key;
		let finished: string | null = null;
		const waiting = waitForJob(w.client, key, { clock: w.clock }).then((job) => {
			finished = job.displayState;
		});
		await until(() => w.sim.stats.longPollsHeld === 1, 'a held long poll');
		w.sim.advance(1000);
		const changedAt = Date.now();
		w.sim.finishJob(key, 'warning');
		await waiting;
		expect(finished).toBe('WARNING');
		expect(Date.now() - changedAt).toBeLessThan(1000);
	});
});
