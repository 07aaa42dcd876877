import { type ApiError, isFatal, toApiError } from '../api/errors.js';
import type { Job, JobId } from '../api/job.js';
import type { Requester } from '../api/pages.js';
import type { AiqumClient } from '../api/types.js';
import type { Clock, TimerHandle } from '../time/clock.js';
import { POLL_BACKOFF, retryDelay, withQuickRetries } from './backoff.js';
import { type EngineOptions, type EngineSettings, engineSettings } from './engine-options.js';
import { FocusLink } from './focus-link.js';
import { JobStore, type MergeOutcome } from './job-store.js';
import { MissingJobs } from './missing-jobs.js';
import { OlderPages } from './older-pages.js';
import { loadHistory, type PollOutput, runPollCycle } from './poll-cycle.js';
import { PollOverrun } from './poll-overrun.js';
import { PollPlan } from './poll-plan.js';
import { ServerVersionProbe } from './server-version.js';
import { loadSince } from './since-load.js';
import { SnapshotPublisher } from './snapshot-publisher.js';
import type { ConnectionState, Engine, ErrorSummary, JobEvent } from './types.js';

export { ENGINE_DEFAULTS, type EngineOptions } from './engine-options.js';

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
	/** Defaults filled in and bounds applied once, at construction. */
	readonly #settings: EngineSettings;
	readonly #store: JobStore;
	readonly #missing = new MissingJobs();
	readonly #plan: PollPlan;
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
	readonly #focus: FocusLink;
	readonly #version: ServerVersionProbe;
	readonly #overrun: PollOverrun;
	readonly #older: OlderPages;
	/** `--since`: the first load reads every job since then (epoch ms), or null. */
	readonly #since: number | null;

	constructor(options: EngineOptions) {
		const settings = engineSettings(options);
		this.#settings = settings;
		this.#client = options.client;
		this.#clock = settings.clock;
		this.#store = new JobStore(settings.maxJobs);
		this.#plan = new PollPlan({
			intervalMs: settings.intervalMs,
			pageSize: settings.pageSize,
			clock: settings.clock,
		});
		this.#out = new SnapshotPublisher(this.#store, this.#clock, settings.intervalMs);
		this.#overrun = new PollOverrun(this.#clock, settings.intervalMs, this.#out);
		this.#version = new ServerVersionProbe(this.#client, (version) => {
			if (this.#stopped) return;
			this.#out.setServerVersion(version);
			this.#out.publish();
		});
		this.#focus = this.#focusLink();
		this.#older = this.#olderPages();
		this.#since = options.since ?? null;
	}

	start(): void {
		if (this.#started || this.#stopped) return;
		this.#started = true;
		this.#startPoll();
		this.#fetchSystem();
		this.#focus.restart();
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		this.#clearTimer();
		this.#overrun.end();
		this.#poll?.controller.abort();
		this.#version.abort();
		this.#focus.stop();
		this.#older.stop();
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
		if (!this.#focus.running) this.#focus.restart();
	}

	setPaused(paused: boolean): void {
		if (paused === this.#paused || this.#stopped) return;
		this.#paused = paused;
		if (paused) {
			this.#beforePause = this.#out.connection;
			this.#clearTimer();
			this.#poll?.controller.abort();
			this.#version.abort();
			this.#focus.stop();
			this.#overrun.end();
			this.#out.setConnection({ kind: 'paused' });
			this.#out.publish();
			return;
		}
		// A retry time or failure from before the pause no longer means anything.
		this.#plan.forgetNewCount();
		const before = this.#beforePause.kind;
		this.#out.setConnection(before === 'live' ? this.#beforePause : { kind: 'connecting' });
		this.#out.publish();
		if (!this.#started) return;
		if (this.#poll === null) this.#startPoll();
		else this.#pollAgain = true;
		this.#fetchSystem();
		this.#focus.restart();
	}

	focus(id: JobId | null): void {
		if (id === this.#out.focusKey) return;
		this.#focus.stop();
		this.#out.setFocusKey(id);
		this.#out.publish();
		this.#focus.restart();
	}

	loadOlder(): void {
		// Before the first load there is no oldest job to go past.
		if (!this.#historyLoaded || this.#stopped) return;
		this.#older.load();
	}

	protect(ids: readonly JobId[]): void {
		this.#store.protect(ids);
	}

	/** Kept-fresh jobs are read every poll; the focused one needs not: its own watch reads it. */
	keepFresh(ids: readonly JobId[]): void {
		this.#plan.keepFresh(ids);
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
		const request = this.#requester(signal);
		try {
			const output = this.#historyLoaded
				? await runPollCycle({
						client: this.#client,
						request,
						held: this.#store,
						highWater: this.#highWater,
						maxRecords: this.#store.maxJobs,
						...this.#plan.next(this.#store),
					})
				: this.#since !== null
					? await loadSince({ client: this.#client, request, since: this.#since })
					: await loadHistory({ client: this.#client, request, count: this.#settings.initialJobs });
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
		const outcome = this.#store.merge(this.#focus.withoutStaleFocus(output.jobs, startedAt));
		// A job the server has stopped returning (deleted, purged) would otherwise stay "running".
		this.#store.remove(this.#missing.record(output.asked, output.missing));
		this.#plan.record(output, initial, this.#store.activeIds);
		this.#out.setSkipped(output.skipped);
		this.#out.setPollWarning(output.warning);
		// A refresh while paused leaves the pause in place; resuming finds the data live.
		if (this.#paused) this.#beforePause = { kind: 'live' };
		this.#out.setConnection(this.#paused ? { kind: 'paused' } : { kind: 'live' });
		this.#out.pollSucceeded(this.#clock.now());
		this.#publishMerge(outcome, !initial);
		this.#fetchSystem();
		const elapsed = this.#clock.now() - startedAt;
		this.#schedule(Math.max(this.#settings.intervalMs - elapsed, this.#settings.intervalMs / 2));
	}

	/** A poll's requests, each with the quick retries inside the poll, cancelled by `signal`. */
	#requester(signal: AbortSignal): Requester {
		return (run) =>
			withQuickRetries(run, { clock: this.#clock, random: this.#settings.random, signal });
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
		this.#plan.forgetNewCount();
		if (isFatal(error)) {
			this.#out.setConnection({ kind: 'failed', error: summarize(error) });
			this.#out.publish();
			return;
		}
		const delay = retryDelay(error, this.#failures, POLL_BACKOFF, this.#settings.random);
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

	/** Older pages (older-pages.ts) read and merge into the same store, as history: no "new" events. */
	#olderPages(): OlderPages {
		return new OlderPages({
			client: this.#client,
			request: (signal) => this.#requester(signal),
			held: () => {
				const jobs = this.#store.jobs;
				return {
					oldest: jobs[jobs.length - 1] ?? null,
					isHeld: (id) => this.#store.get(id) !== undefined,
					count: jobs.length,
				};
			},
			merge: (jobs) => {
				if (this.#stopped) return 0;
				const outcome = this.#store.merge(jobs);
				this.#publishMerge(outcome, false);
				return outcome.added.length;
			},
			setState: (state) => {
				if (this.#stopped) return;
				this.#out.setOlder(state);
				this.#out.publish();
			},
			track: (promise) => this.#track(promise),
		});
	}

	/** The focus watch's view of this engine: it reads the same store and publishes through the same outlet. */
	#focusLink(): FocusLink {
		return new FocusLink({
			client: this.#client,
			clock: this.#clock,
			random: this.#settings.random,
			intervalMs: this.#settings.intervalMs,
			store: this.#store,
			out: this.#out,
			canRun: () => this.#started && !this.#stopped && !this.#paused,
			isStopped: () => this.#stopped,
			track: (promise) => this.#track(promise),
			merge: (job) => this.#publishMerge(this.#store.merge([job]), this.#historyLoaded),
		});
	}
}
