import {
	DEFAULT_INTERVAL_MS,
	DEFAULT_PAGE_RECORDS,
	MAX_PAGE_RECORDS,
	MIN_INTERVAL_MS,
} from '../api/contract.js';
import { type ApiError, isFatal, toApiError } from '../api/errors.js';
import type { Job } from '../api/job.js';
import type { Requester } from '../api/pages.js';
import type { AiqumClient } from '../api/types.js';
import { type Clock, systemClock, type TimerHandle } from '../time/clock.js';
import { POLL_BACKOFF, retryDelay, withQuickRetries } from './backoff.js';
import { type FocusWatch, startFocusWatch } from './focus-watch.js';
import { JobStore, type MergeOutcome } from './job-store.js';
import { MissingJobs } from './missing-jobs.js';
import { loadHistory, type PollOutput, runPollCycle } from './poll-cycle.js';
import { PollOverrun } from './poll-overrun.js';
import { ServerVersionProbe } from './server-version.js';
import { SnapshotPublisher } from './snapshot-publisher.js';
import type { ConnectionState, Engine, ErrorSummary, JobEvent } from './types.js';

/** How {@link createEngine} is set up. Only `client` is required. */
export interface EngineOptions {
	readonly client: AiqumClient;
	/** Timers and time; the system clock by default. */
	readonly clock?: Clock;
	/** Poll interval in ms. Default {@link DEFAULT_INTERVAL_MS}; below {@link MIN_INTERVAL_MS} is raised to it. */
	readonly intervalMs?: number;
	/** Most jobs held; the oldest finished go first. Default 10,000. */
	readonly maxJobs?: number;
	/** Records per list page. Default {@link DEFAULT_PAGE_RECORDS} (AIQUM's own default). */
	readonly pageSize?: number;
	/** Jobs of history loaded at start (no events for them). Default 200. */
	readonly initialJobs?: number;
	/** Source of jitter in [0, 1); `Math.random` by default. */
	readonly random?: () => number;
}

/** Defaults, exported for the readme and the tests. */
export const ENGINE_DEFAULTS = {
	intervalMs: DEFAULT_INTERVAL_MS,
	minIntervalMs: MIN_INTERVAL_MS,
	maxJobs: 10_000,
	pageSize: DEFAULT_PAGE_RECORDS,
	initialJobs: 200,
} as const;

/** The engine's public face plus a live read of freshness (snapshots skip polls that change nothing). */
export interface WatchEngine extends Engine {
	/** When the last successful list poll ended, read live; null before the first. */
	getLastSuccessAt(): number | null;
}

/** A failure in the words the header shows. */
export function summarize(error: ApiError): ErrorSummary {
	return { kind: error.kind, message: error.message, hint: error.hint };
}

/**
 * Creates the watch engine: one owner of the poll loop, which never runs two
 * list polls at once, merges each poll into an immutable snapshot (published
 * only when something visible changed), emits job events, backs off on
 * failure, and long-polls the focused job.
 */
export function createEngine(options: EngineOptions): WatchEngine {
	return new PollingEngine(options);
}

class PollingEngine implements WatchEngine {
	readonly #client: AiqumClient;
	readonly #clock: Clock;
	readonly #random: () => number;
	readonly #intervalMs: number;
	readonly #pageSize: number;
	readonly #initialJobs: number;
	readonly #store: JobStore;
	readonly #missing = new MissingJobs();
	readonly #out: SnapshotPublisher;
	readonly #tasks = new Set<Promise<unknown>>();
	#started = false;
	#stopped = false;
	#paused = false;
	#historyLoaded = false;
	#highWater: Job | null = null;
	#failures = 0;
	#timer: TimerHandle | null = null;
	#poll: { readonly controller: AbortController; readonly done: Promise<void> } | null = null;
	#pollAgain = false;
	#beforePause: ConnectionState = { kind: 'connecting' };
	#focus: FocusWatch | null = null;
	/** The last answer the focus watch merged: a poll that began before it may carry an older copy. */
	#focusMerge: { readonly key: string; readonly at: number } | null = null;
	readonly #version: ServerVersionProbe;
	readonly #overrun: PollOverrun;

	constructor(options: EngineOptions) {
		this.#client = options.client;
		this.#clock = options.clock ?? systemClock;
		this.#random = options.random ?? Math.random;
		this.#intervalMs = Math.max(
			ENGINE_DEFAULTS.minIntervalMs,
			options.intervalMs ?? ENGINE_DEFAULTS.intervalMs,
		);
		this.#pageSize = Math.min(
			MAX_PAGE_RECORDS,
			Math.max(1, options.pageSize ?? ENGINE_DEFAULTS.pageSize),
		);
		this.#initialJobs = options.initialJobs ?? ENGINE_DEFAULTS.initialJobs;
		this.#store = new JobStore(options.maxJobs ?? ENGINE_DEFAULTS.maxJobs);
		this.#out = new SnapshotPublisher(this.#store, this.#clock, this.#intervalMs);
		this.#overrun = new PollOverrun(this.#clock, this.#intervalMs, this.#out);
		this.#version = new ServerVersionProbe(this.#client, (version) => {
			if (this.#stopped) return;
			this.#out.setServerVersion(version);
			this.#out.publish();
		});
	}

	start(): void {
		if (this.#started || this.#stopped) return;
		this.#started = true;
		this.#startPoll();
		this.#fetchSystem();
		this.#restartFocus();
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		this.#clearTimer();
		this.#overrun.end();
		this.#poll?.controller.abort();
		this.#version.abort();
		this.#stopFocus();
		while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks]);
	}

	getSnapshot() {
		return this.#out.snapshot;
	}

	getLastSuccessAt(): number | null {
		return this.#out.lastSuccessAt;
	}

	subscribe(listener: () => void): () => void {
		return this.#out.subscribe(listener);
	}

	onEvent(listener: (event: JobEvent) => void): () => void {
		return this.#out.onEvent(listener);
	}

	refresh(): void {
		if (!this.#started || this.#stopped) return;
		// The poll in flight began before the key press (and perhaps before a new
		// password or pin was read): poll once more when it ends.
		if (this.#poll !== null) {
			if (!this.#paused) this.#pollAgain = true;
			return;
		}
		// While paused: one poll, and polling stays paused (no timer, no long poll).
		this.#startPoll(this.#paused);
		if (this.#focus === null) this.#restartFocus();
	}

	setPaused(paused: boolean): void {
		if (paused === this.#paused || this.#stopped) return;
		this.#paused = paused;
		if (paused) {
			this.#beforePause = this.#out.connection;
			this.#clearTimer();
			this.#poll?.controller.abort();
			this.#version.abort();
			this.#stopFocus();
			this.#overrun.end();
			this.#out.setConnection({ kind: 'paused' });
			this.#out.publish();
			return;
		}
		// A retry time or failure from before the pause no longer means anything.
		const before = this.#beforePause.kind;
		this.#out.setConnection(before === 'live' ? this.#beforePause : { kind: 'connecting' });
		this.#out.publish();
		if (!this.#started) return;
		if (this.#poll === null) this.#startPoll();
		else this.#pollAgain = true;
		this.#fetchSystem();
		this.#restartFocus();
	}

	focus(key: string | null): void {
		if (key === this.#out.focusKey) return;
		this.#stopFocus();
		this.#out.setFocusKey(key);
		this.#out.publish();
		this.#restartFocus();
	}

	/** Keeps a promise alive in the set `stop()` waits for. */
	#track(promise: Promise<unknown>): void {
		this.#tasks.add(promise);
		void promise.finally(() => this.#tasks.delete(promise));
	}

	#clearTimer(): void {
		if (this.#timer === null) return;
		this.#clock.clearTimeout(this.#timer);
		this.#timer = null;
	}

	#schedule(delayMs: number): void {
		this.#clearTimer();
		if (this.#stopped || this.#paused) return;
		this.#timer = this.#clock.setTimeout(() => {
			this.#timer = null;
			if (this.#poll === null) this.#startPoll();
		}, delayMs);
	}

	/** Starts one poll; the single place a list poll begins, so two never overlap. */
	#startPoll(whilePaused = false): void {
		if (this.#poll !== null || this.#stopped || (this.#paused && !whilePaused)) return;
		this.#clearTimer();
		const controller = new AbortController();
		const done = this.#runPoll(controller.signal).finally(() => {
			this.#poll = null;
			if (this.#pollAgain) {
				this.#pollAgain = false;
				this.#startPoll();
			}
		});
		this.#poll = { controller, done };
		this.#track(done);
	}

	async #runPoll(signal: AbortSignal): Promise<void> {
		const startedAt = this.#clock.now();
		this.#overrun.begin(startedAt);
		const request: Requester = (run) =>
			withQuickRetries(run, { clock: this.#clock, random: this.#random, signal });
		try {
			const output = this.#historyLoaded
				? await runPollCycle({
						client: this.#client,
						request,
						held: this.#store,
						highWater: this.#highWater,
						pageSize: this.#pageSize,
						maxRecords: this.#store.maxJobs,
					})
				: await loadHistory({ client: this.#client, request, count: this.#initialJobs });
			this.#overrun.end();
			if (signal.aborted) return;
			this.#onPollSuccess(output, startedAt);
		} catch (thrown) {
			this.#overrun.end();
			if (signal.aborted || this.#stopped) return;
			this.#onPollFailure(toApiError(thrown));
		}
	}

	#onPollSuccess(output: PollOutput, startedAt: number): void {
		const initial = !this.#historyLoaded;
		this.#historyLoaded = true;
		this.#highWater = output.highWater;
		this.#failures = 0;
		const focused = this.#focusMerge;
		const jobs =
			focused !== null && focused.at >= startedAt
				? output.jobs.filter((job) => job.key !== focused.key)
				: output.jobs;
		const outcome = this.#store.merge(jobs);
		// A job the server has stopped returning (deleted, purged) would otherwise stay "running".
		this.#store.remove(this.#missing.record(output.asked, output.missing));
		this.#out.setSkipped(output.skipped);
		this.#out.setPollWarning(output.warning);
		// A refresh while paused leaves the pause in place; resuming finds the data live.
		if (this.#paused) this.#beforePause = { kind: 'live' };
		this.#out.setConnection(this.#paused ? { kind: 'paused' } : { kind: 'live' });
		this.#out.pollSucceeded(this.#clock.now());
		this.#publishMerge(outcome, !initial);
		this.#fetchSystem();
		const elapsed = this.#clock.now() - startedAt;
		this.#schedule(Math.max(this.#intervalMs - elapsed, this.#intervalMs / 2));
	}

	#onPollFailure(error: ApiError): void {
		if (error.kind === 'aborted') {
			this.#out.publish(); // only if the poll had overrun: the header stops waiting
			return;
		}
		if (this.#paused) {
			// A refresh while paused failed: say why, and retry only when asked or resumed.
			this.#beforePause = { kind: 'connecting' };
			this.#out.setConnection({ kind: 'paused', lastError: summarize(error) });
			this.#out.publish();
			return;
		}
		this.#failures += 1;
		if (isFatal(error)) {
			this.#out.setConnection({ kind: 'failed', error: summarize(error) });
			this.#out.publish();
			return;
		}
		const delay = retryDelay(error, this.#failures, POLL_BACKOFF, this.#random);
		this.#out.setConnection({
			kind: 'retrying',
			attempt: this.#failures,
			nextTryAt: this.#clock.now() + delay,
			lastError: summarize(error),
		});
		this.#out.publish();
		this.#schedule(delay);
	}

	/** Publishes a merge, then tells event listeners (so they can read the new snapshot). */
	#publishMerge(outcome: MergeOutcome, withNewEvents: boolean): void {
		this.#out.publish();
		this.#out.emitMerge(outcome, withNewEvents);
	}

	#fetchSystem(): void {
		if (this.#stopped) return;
		const task = this.#version.fetch();
		if (task !== null) this.#track(task);
	}

	#stopFocus(): void {
		const focus = this.#focus;
		if (focus === null) return;
		this.#focus = null;
		this.#track(focus.stop());
	}

	#restartFocus(): void {
		const key = this.#out.focusKey;
		if (key === null || !this.#started || this.#stopped || this.#paused || this.#focus !== null)
			return;
		const watch = startFocusWatch({
			client: this.#client,
			clock: this.#clock,
			random: this.#random,
			key,
			intervalMs: this.#intervalMs,
			held: (k) => this.#store.get(k),
			getSupport: () => this.#out.longPoll,
			setSupport: (support) => {
				this.#out.setLongPoll(support);
				this.#out.publish();
			},
			onJob: (job) => {
				if (this.#stopped || this.#focus !== watch) return;
				this.#focusMerge = { key: job.key, at: this.#clock.now() };
				this.#publishMerge(this.#store.merge([job]), this.#historyLoaded);
			},
		});
		this.#focus = watch;
	}
}
