/**
 * No transition of a job that fell off the first page is lost, though such
 * jobs are no longer read in full every poll (issue 14): the engine over real
 * HTTP against the simulator, its timers on a fake clock. Jobs change at
 * awkward moments (right after a full read, between reads, several times
 * between two polls, ending and being deleted); every transition shows, in
 * order, within the stated bound (refresh-cadence.ts: 15 polls, 30 s).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type DisplayState, jobIdOf } from '../../source/api/job.js';
import type { AiqumClient } from '../../source/api/types.js';
import { createEngine, type WatchEngine } from '../../source/engine/engine.js';
import { maxRefreshPolls } from '../../source/engine/refresh-cadence.js';
import type { JobEvent } from '../../source/engine/types.js';
import type { Simulator } from '../../source/simulator/types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { clientFor, quietSimulator } from '../helpers/out-sim.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 11, 1, 3, 0, 0);
const INTERVAL = 2000;
/** The bound: polls between two full reads of an off-page job at the default interval. */
const BOUND_POLLS = maxRefreshPolls(INTERVAL);
const MIN = 60_000;

interface World {
	readonly sim: Simulator;
	readonly clock: FakeClock;
	readonly client: AiqumClient;
	readonly engine: WatchEngine;
	readonly events: JobEvent[];
}

let worlds: World[] = [];

afterEach(async () => {
	for (const w of worlds) {
		await w.engine.stop();
		expect(w.clock.pendingTimers).toBe(0);
		await w.client.close();
		await w.sim.close();
	}
	worlds = [];
});

/** A server with these jobs in progress, older than the two minutes of every-poll reads, under 20 newer finished ones. */
async function world(jobs: readonly { state: string; ageMs: number }[]) {
	const clock = new FakeClock(START);
	const sim = await quietSimulator({ autoAdvance: false, startTime: START });
	const keys = jobs.map(
		(job) => sim.addJob({ state: job.state, auto: false, submitTime: START - job.ageMs }).key,
	);
	sim.addJobs(20, { state: 'completed', status: 'normal', submitTime: START - 30_000 });
	const client = clientFor(sim.url, { clock });
	const engine = createEngine({ client, clock, random: () => 0.5, intervalMs: INTERVAL });
	const events: JobEvent[] = [];
	engine.onEvent((event) => events.push(event));
	const w = { sim, clock, client, engine, events };
	worlds.push(w);
	// Full reads by key (a `key=` filter without a `state=` one) are counted as faults that change nothing.
	sim.injectFault(
		{ kind: 'latency', ms: 0 },
		{ count: Number.POSITIVE_INFINITY, path: /^(?!.*[?&]state=).*[?&]key=/ },
	);
	engine.start();
	await until(() => engine.getSnapshot().connection.kind === 'live', 'the first load');
	return { w, keys };
}

/** Runs exactly one scheduled poll and waits for it to succeed. */
async function pollOnce(w: World): Promise<void> {
	const before = w.engine.getLastSuccessAt();
	await w.clock.advance(INTERVAL);
	await until(() => w.engine.getLastSuccessAt() !== before, 'a poll');
}

function shown(w: World, key: string): DisplayState | undefined {
	return w.engine.getSnapshot().byKey.get(jobIdOf(w.client.server, key))?.displayState;
}

function transitionsOf(w: World, key: string): string[] {
	return w.events.flatMap((e) =>
		e.type === 'transition' && e.job.key === key ? [`${e.from}>${e.to}`] : [],
	);
}

/** Polls until `key` shows `state`; returns how many polls that took (fails past `limit`). */
async function pollsUntilShown(w: World, key: string, state: DisplayState, limit: number) {
	for (let polls = 1; polls <= limit; polls += 1) {
		await pollOnce(w);
		if (shown(w, key) === state) return polls;
	}
	throw new Error(`${key} did not show ${state} within ${limit} polls`);
}

/** Polls until the next full read by key, so a change can be made right after it. */
async function untilFullRead(w: World): Promise<void> {
	const before = w.sim.stats.faults;
	for (let polls = 0; polls <= BOUND_POLLS; polls += 1) {
		await pollOnce(w);
		if (w.sim.stats.faults > before) return;
	}
	throw new Error('no full read by key within the bound');
}

describe('jobs off the first page', () => {
	it('shows a move between two held states made right after a full read within 15 polls (30 s)', async () => {
		// The probe cannot see queued → running while another probed job runs: only a full read can.
		const { w, keys } = await world([
			{ state: 'queued', ageMs: 30 * MIN },
			{ state: 'running', ageMs: 40 * MIN },
		]);
		const [queued] = keys as [string, string];
		await untilFullRead(w);
		w.sim.updateJob(queued, { state: 'running' });
		const from = w.clock.now();
		const polls = await pollsUntilShown(w, queued, 'RUNNING', BOUND_POLLS);
		expect(polls).toBeLessThanOrEqual(BOUND_POLLS);
		expect(w.clock.now() - from).toBeLessThanOrEqual(30_000);
		expect(transitionsOf(w, queued)).toEqual(['QUEUED>RUNNING']);
	});

	it('shows a job ending between two full reads at the next poll', async () => {
		const { w, keys } = await world([
			{ state: 'running', ageMs: 30 * MIN },
			{ state: 'running', ageMs: 50 * MIN },
		]);
		const [ending, other] = keys as [string, string];
		await untilFullRead(w);
		await pollOnce(w);
		await pollOnce(w);
		w.sim.finishJob(ending, 'error');
		const reads = w.sim.stats.faults;
		await pollOnce(w);
		expect(w.sim.stats.faults).toBe(reads); // seen by the probe, not a full read
		expect(shown(w, ending)).toBe('ERROR');
		expect(transitionsOf(w, ending)).toEqual(['RUNNING>ERROR']);
		expect(shown(w, other)).toBe('RUNNING');
	});

	it('shows each state a job is in at a poll, in order, and the last of several changes between two polls', async () => {
		const { w, keys } = await world([
			{ state: 'running', ageMs: 30 * MIN },
			{ state: 'queued', ageMs: 30 * MIN },
			{ state: 'running', ageMs: 60 * MIN },
		]);
		const [aborted, hurried] = keys as [string, string, string];
		await pollOnce(w);
		w.sim.updateJob(aborted, { state: 'aborting' });
		await pollOnce(w);
		w.sim.finishJob(aborted, 'aborted');
		// Three changes between two polls: only the last can be seen, as one transition.
		w.sim.updateJob(hurried, { state: 'waiting' });
		w.sim.updateJob(hurried, { state: 'running' });
		w.sim.finishJob(hurried, 'warning');
		await pollOnce(w);
		expect(transitionsOf(w, aborted)).toEqual(['RUNNING>ABORTING', 'ABORTING>ABORTED']);
		expect(transitionsOf(w, hurried)).toEqual(['QUEUED>WARNING']);
		expect(shown(w, aborted)).toBe('ABORTED');
		expect(shown(w, hurried)).toBe('WARNING');
	});

	it('keeps the transition of a job that ended and was then deleted', async () => {
		const { w, keys } = await world([{ state: 'running', ageMs: 30 * MIN }]);
		const [job] = keys as [string];
		await pollOnce(w);
		w.sim.finishJob(job, 'normal');
		await pollOnce(w);
		w.sim.removeJob(job);
		for (let i = 0; i < BOUND_POLLS + 3; i += 1) await pollOnce(w);
		expect(transitionsOf(w, job)).toEqual(['RUNNING>NORMAL']);
		expect(shown(w, job)).toBe('NORMAL');
	});

	it('drops a job deleted before its end was seen within the bound and three misses, never showing it running on', async () => {
		const { w, keys } = await world([
			{ state: 'running', ageMs: 30 * MIN },
			{ state: 'running', ageMs: 30 * MIN },
		]);
		const [gone, kept] = keys as [string, string];
		await untilFullRead(w);
		w.sim.finishJob(gone, 'error');
		w.sim.removeJob(gone);
		let polls = 0;
		while (shown(w, gone) !== undefined) {
			polls += 1;
			if (polls > BOUND_POLLS + 2) throw new Error('the deleted job is still held');
			await pollOnce(w);
		}
		expect(shown(w, kept)).toBe('RUNNING');
		expect(w.engine.getSnapshot().counts.RUNNING).toBe(1);
	});

	it('keeps a job the UI asks to keep fresh live: read in full every poll', async () => {
		const { w, keys } = await world([
			{ state: 'queued', ageMs: 30 * MIN },
			{ state: 'running', ageMs: 30 * MIN },
		]);
		const [marked] = keys as [string, string];
		w.engine.keepFresh?.([jobIdOf(w.client.server, marked)]);
		await pollOnce(w);
		w.sim.updateJob(marked, { state: 'running' }); // invisible to a probe: both states are held
		await pollOnce(w);
		expect(transitionsOf(w, marked)).toEqual(['QUEUED>RUNNING']);
	});
});

describe('a server that will not take the change probe', () => {
	it.each([
		['refuses it (400)', 400],
		['fails on it (500)', 500],
	])(
		'%s: polls stay live, probing stops, and the full reads still show every end within the bound',
		async (_, status) => {
			const { w, keys } = await world([
				{ state: 'running', ageMs: 30 * MIN },
				{ state: 'running', ageMs: 40 * MIN },
			]);
			const [ending] = keys as [string, string];
			w.sim.injectFault(
				{ kind: 'status', status },
				{ count: Number.POSITIVE_INFINITY, path: /[?&]state=[^&]*completed/i },
			);
			const requestsBefore = w.sim.stats.requests;
			// Its probe fails past its quick retries (0.25, 0.5, 1 s on the fake clock).
			const before = w.engine.getLastSuccessAt();
			await w.clock.advance(INTERVAL);
			for (let step = 0; w.engine.getLastSuccessAt() === before; step += 1) {
				if (step > 40) throw new Error('the poll with the failing probe never ended');
				await w.clock.advance(250);
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			expect(w.engine.getSnapshot().connection.kind).toBe('live');
			const afterFirst = w.sim.stats.requests;
			await pollOnce(w);
			await pollOnce(w);
			expect(w.sim.stats.requests - afterFirst).toBe(2); // page 1 only: no more probes
			expect(afterFirst - requestsBefore).toBeGreaterThan(1);
			w.sim.finishJob(ending, 'normal');
			await pollsUntilShown(w, ending, 'NORMAL', BOUND_POLLS);
			expect(transitionsOf(w, ending)).toEqual(['RUNNING>NORMAL']);
			expect(w.engine.getSnapshot().connection.kind).toBe('live');
		},
	);
});

const LIVE_STATES = ['queued', 'waiting', 'running', 'aborting'] as const;
const ENDS = ['normal', 'warning', 'partial_failures', 'error', 'aborted'] as const;
type Move = (typeof LIVE_STATES)[number] | (typeof ENDS)[number];

function displayOf(move: Move): DisplayState {
	return move.toUpperCase() as DisplayState;
}

describe('random schedules (property, real HTTP)', () => {
	it('every job shows the server state within 15 polls of its last change, with transitions in order', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						state: fc.constantFrom(...LIVE_STATES),
						ageMs: fc.integer({ min: 0, max: 120 * MIN }),
					}),
					{ minLength: 1, maxLength: 5 },
				),
				// Per poll: the moves made before it, as [job index, move].
				fc.array(
					fc.array(
						fc.tuple(fc.nat(4), fc.constantFrom<Move>(...LIVE_STATES, ...LIVE_STATES, ...ENDS)),
						{ maxLength: 3 },
					),
					{ minLength: 5, maxLength: 25 },
				),
				async (jobs, schedule) => {
					const { w, keys } = await world(jobs);
					const state = jobs.map((job) => displayOf(job.state));
					const history = state.map((s) => [s]);
					const changedAt = jobs.map(() => 0);
					const over = jobs.map(() => false);
					const check = (poll: number) => {
						keys.forEach((key, i) => {
							if (poll - (changedAt[i] ?? 0) >= BOUND_POLLS) expect(shown(w, key)).toBe(state[i]);
						});
					};
					for (let poll = 1; poll <= schedule.length + BOUND_POLLS; poll += 1) {
						for (const [index, move] of schedule[poll - 1] ?? []) {
							const i = index % keys.length;
							const key = keys[i] as string;
							if (over[i] || state[i] === displayOf(move)) continue;
							if ((ENDS as readonly string[]).includes(move)) {
								w.sim.finishJob(key, move as (typeof ENDS)[number]);
								over[i] = true;
							} else {
								w.sim.updateJob(key, { state: move });
							}
							state[i] = displayOf(move);
							history[i]?.push(displayOf(move));
							changedAt[i] = poll - 1;
						}
						await pollOnce(w);
						check(poll);
					}
					keys.forEach((key, i) => {
						expect(shown(w, key)).toBe(state[i]);
						// Transitions chain from the first state, each to a state the job had, in order.
						let at = 0;
						let from = history[i]?.[0];
						for (const step of transitionsOf(w, key)) {
							const [was, now] = step.split('>');
							expect(was).toBe(from);
							const next = history[i]?.indexOf(now as DisplayState, at + 1) ?? -1;
							expect(next).toBeGreaterThan(at);
							at = next;
							from = now as DisplayState;
						}
					});
					const w0 = worlds.pop();
					await w0?.engine.stop();
					await w0?.client.close();
					await w0?.sim.close();
				},
			),
			{ numRuns: 25 },
		);
	}, 120_000);
});
