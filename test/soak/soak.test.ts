/**
 * A simulated day of a busy Unified Manager, watched by the real engine through
 * the real client over real HTTP, with one job kept in focus (long-polled) all
 * day. Shows that what umwatch holds stays bounded by its retention cap while
 * tens of thousands of jobs pass, and that nothing else piles up: timers,
 * listeners, sockets, heap.
 *
 * The compression, and why it is faithful:
 * - Time: the engine's timers run on a fake clock and the simulator's time
 *   stands still between steps; each step moves both by one poll interval.
 * - Interval: 60 s instead of the default 2 s, so a day is 1,440 polls, not
 *   43,200. Everything the engine does per poll is the same at any interval
 *   (page walk, by-key refresh of jobs in progress, merge, retention, a
 *   long poll answered); a longer interval only puts more jobs in each poll.
 * - Rate: a steady 20 jobs a minute plus, each hour, a burst of 600 jobs
 *   submitted at once (a script provisioning in bulk): 43,200 jobs in the day,
 *   21 times the cap of 2,000. A steady 600 a minute (864,000 a day) would
 *   only parse more of the same JSON and take minutes over real HTTP.
 * - The server purges finished jobs older than two hours each hour, as
 *   Unified Manager purges its job history, so the simulator stays small and
 *   the engine keeps meeting held jobs the server no longer has.
 */
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, expect, it } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { type Job, jobId, jobIdOf } from '../../source/api/job.js';
import type { AiqumClient } from '../../source/api/types.js';
import { createEngine, type WatchEngine } from '../../source/engine/engine.js';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const HOURS = 24;
const MAX_JOBS = 2000;
const BURST = 600;
const RATE_PER_MINUTE = 20;
const HISTORY_KEPT_MS = 2 * HOUR;
/** The jobs held after this hour are all dropped by the end of the day. */
const EARLY_HOUR = 1;
/** When the cap has long been reached and every structure has reached its working size. */
const WARM_HOUR = 6;
/**
 * Heap growth allowed from WARM_HOUR to the end. Measured: a one-off step of
 * about 7 MiB sometime between hours 9 and 18 (V8 warming up: feedback,
 * optimized code, table capacities), then flat for days (checked over 72 h).
 * Keeping the 38,000 dropped jobs would cost far more; so would 10 KB a poll.
 */
const HEAP_GROWTH_BOUND = 12 * 1024 * 1024;
/** Checks after every macrotask turn: the soak waits thousands of times, a 5 ms step would add minutes. */
const EVERY_TURN = { stepMs: 0 };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Rig {
	readonly sim: Simulator;
	readonly client: AiqumClient;
	readonly engine: WatchEngine;
	readonly clock: FakeClock;
}

let rig: Rig | null = null;

afterEach(async () => {
	if (rig === null) return;
	await rig.engine.stop();
	await rig.client.close();
	await rig.sim.close();
	rig = null;
});

/**
 * The real client, every call passed through; the abort signals of long polls
 * are noted (one focus watch, so one signal all day, one request at a time on it).
 */
function noteFocusSignals(client: AiqumClient, signals: Set<AbortSignal>): AiqumClient {
	return {
		baseUrl: client.baseUrl,
		displayHost: client.displayHost,
		server: client.server,
		listJobsPage: (options) => client.listJobsPage(options),
		listJobsPageAt: (href, signal) => client.listJobsPageAt(href, signal),
		getJob: (key, signal) => client.getJob(key, signal),
		longPollJob: (key, options) => {
			if (options.signal !== undefined) signals.add(options.signal);
			return client.longPollJob(key, options);
		},
		getSystem: (signal) => client.getSystem(signal),
		close: () => client.close(),
	};
}

/** Removes finished jobs submitted before the retention window, oldest first. */
function purgeHistory(sim: Simulator): number {
	const cutoff = sim.now() - HISTORY_KEPT_MS;
	let removed = 0;
	for (const job of sim.jobs()) {
		if (job.submitTime >= cutoff) break;
		if (job.completeTime !== null && sim.removeJob(job.key)) removed += 1;
	}
	return removed;
}

function openSockets(): number {
	return process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;
}

function processListeners(): number {
	return process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
}

function heapAfterGc(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

/** What is sampled at the end of each simulated hour. */
interface Sample {
	readonly held: number;
	readonly dropped: number;
	readonly timers: number;
	readonly sockets: number;
	readonly processListeners: number;
	readonly abortListeners: number;
}

it('a simulated day at 43,200 jobs: held jobs capped, timers, listeners, sockets and heap flat', async () => {
	const clock = new FakeClock(START);
	const sim = createSimulator({
		seed: 11,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: RATE_PER_MINUTE,
	});
	await sim.listen();
	const real = createClient({ url: sim.url, user: 'admin', password: 'admin', clock });
	const focusSignals = new Set<AbortSignal>();
	const client = noteFocusSignals(real, focusSignals);
	const engine = createEngine({
		client,
		clock,
		intervalMs: MINUTE,
		maxJobs: MAX_JOBS,
		random: () => 0.5,
	});
	rig = { sim, client: real, engine, clock };
	// A job that runs all day, in focus all day: one long poll after another.
	const watched = sim.addJob({ name: 'All-day job', state: 'running', auto: false }).key;
	const warnings: Error[] = [];
	const onWarning = (warning: Error): void => {
		warnings.push(warning);
	};
	process.on('warning', onWarning);
	try {
		engine.start();
		engine.focus(jobIdOf(real.server, watched));
		await until(() => engine.getSnapshot().connection.kind === 'live', 'the first poll');
		await until(() => sim.stats.longPollsHeld === 1, 'the first long poll');
		const [focusSignal] = focusSignals;
		let early: WeakRef<Job>[] = [];
		const samples: Sample[] = [];
		let warmHeap = 0;
		let polls = 0;
		let longPolls = 0;
		let purged = 0;
		for (let hour = 0; hour < HOURS; hour++) {
			sim.addJobs(BURST);
			for (let minute = 0; minute < 60; minute++) {
				sim.resetStats();
				sim.advance(MINUTE);
				const before = engine.getLastSuccessAt();
				await clock.advance(MINUTE);
				await until(() => engine.getLastSuccessAt() !== before, `poll ${polls + 1}`, EVERY_TURN);
				// The long poll answered at its timeout is asked again at once.
				await until(() => sim.stats.longPollsHeld === 1, `long poll ${polls + 1}`, EVERY_TURN);
				polls += 1;
				longPolls += sim.stats.longPolls;
				const snapshot = engine.getSnapshot();
				expect(snapshot.jobs.length).toBeLessThanOrEqual(MAX_JOBS);
				expect(snapshot.connection.kind).toBe('live');
				// The next poll, nothing else: every wait and retry timer was cleared or fired.
				expect(clock.pendingTimers).toBe(1);
			}
			purged += purgeHistory(sim);
			const snapshot = engine.getSnapshot();
			samples.push({
				held: snapshot.jobs.length,
				dropped: snapshot.droppedJobs,
				timers: clock.pendingTimers,
				sockets: openSockets(),
				processListeners: processListeners(),
				abortListeners:
					focusSignal === undefined ? -1 : getEventListeners(focusSignal, 'abort').length,
			});
			if (hour + 1 === EARLY_HOUR) early = snapshot.jobs.map((job) => new WeakRef(job));
			if (hour + 1 === WARM_HOUR) warmHeap = heapAfterGc();
		}
		// Let go of this turn's strong references (WeakRefs deref'd in a turn live through it).
		await new Promise((resolve) => setImmediate(resolve));
		const endHeap = heapAfterGc();
		const stillHeld = engine.getSnapshot().byKey;
		const last = samples.at(-1);
		const warm = samples[WARM_HOUR - 1];
		if (last === undefined || warm === undefined) throw new Error('no samples');

		expect(polls).toBe(HOURS * 60);
		expect(longPolls).toBeGreaterThanOrEqual(polls);
		// Retention: full at the cap, and the rest of the 43,200 dropped along the way.
		const arrived = sim.jobs().length + purged;
		expect(arrived).toBeGreaterThan(40_000);
		expect(last.held).toBe(MAX_JOBS);
		expect(last.dropped).toBeGreaterThan(38_000);
		for (const [i, sample] of samples.entries()) {
			if (i > 0) expect(sample.dropped).toBeGreaterThanOrEqual(samples[i - 1]?.dropped ?? 0);
		}
		// Nothing grows: the same counts at the end as once warm.
		for (const sample of samples.slice(WARM_HOUR - 1)) {
			expect(sample.timers).toBe(1);
			expect(sample.processListeners).toBe(warm.processListeners);
			expect(sample.abortListeners).toBe(warm.abortListeners);
			// The client's pool holds at most 4 connections; both ends live in this process.
			expect(sample.sockets).toBeLessThanOrEqual(8);
		}
		// Every job object held at hour 1 and dropped since is gone from memory: nothing
		// (store, index, events, old snapshots) keeps a dropped job alive.
		expect(early.length).toBeGreaterThan(1000);
		const alive = early.map((ref) => ref.deref()).filter((job) => job !== undefined);
		expect(alive.filter((job) => !stillHeld.has(jobId(job)))).toEqual([]);
		expect(alive.map((job) => job.key)).toEqual([watched]);
		// One long-poll signal all day, still live, with no more listeners than one request needs.
		expect(focusSignals.size).toBe(1);
		expect(focusSignal?.aborted).toBe(false);
		expect(last.abortListeners).toBeLessThanOrEqual(1);
		expect(warnings.map((w) => w.message)).toEqual([]);
		// Heap after GC: within the bound of where it stood once warm, after 18 more hours.
		expect(endHeap - warmHeap).toBeLessThan(HEAP_GROWTH_BOUND);
	} finally {
		process.off('warning', onWarning);
	}
}, 60_000);
