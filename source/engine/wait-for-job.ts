import { type ApiError, isFatal, toApiError } from '../api/errors.js';
import { type Job, sameJob } from '../api/job.js';
import type { AiqumClient } from '../api/types.js';
import { type Clock, systemClock } from '../time/clock.js';
import { type BackoffPolicy, retryDelay } from './backoff.js';
import { LongPollDetector } from './focus-watch.js';
import { type GiveUpPolicy, SilenceBound } from './give-up.js';
import { sleep } from './sleep.js';
import type { LongPollSupport } from './types.js';

/** What {@link WaitOptions.onUpdate} is told besides the job. */
export interface WaitProgress {
	/** Time since the wait began. */
	readonly elapsedMs: number;
	/** Whether the server has been seen to hold long polls. */
	readonly longPoll: LongPollSupport;
}

/** Options for {@link waitForJob}. */
export interface WaitOptions {
	readonly clock?: Clock;
	/** Give up after this long with a {@link WaitTimeoutError}; no limit when absent. */
	readonly timeoutMs?: number;
	/** Cancels the wait (rejects with an `aborted` ApiError). */
	readonly signal?: AbortSignal;
	/** Called with every answer about the job, changed or not. */
	readonly onUpdate?: (job: Job, progress: WaitProgress) => void;
	/** Called when a request failed and will be retried (the wait goes on). */
	readonly onRetry?: (error: ApiError, attempt: number) => void;
	/** Jitter source for retry delays; `Math.random` by default. */
	readonly random?: () => number;
	/** How long the server may hold each long poll (seconds, 1–120). Default 30. */
	readonly pollTimeoutSeconds?: number;
	/** 404s in a row before the job counts as not found (AIQUM's cache lags new jobs). Default 5. */
	readonly notFoundRetries?: number;
	/**
	 * How long the server may give no HTTP answer at all (refused, reset, timed
	 * out) before the wait gives up with a `GaveUpError` (give-up.ts). Before the job is
	 * first seen the limit is short (a wrong URL or a dead server should fail a
	 * script quickly); once it has been seen it is long (a Unified Manager
	 * restart takes minutes). A server answering 5xx or 429 is alive: that never
	 * ends the wait.
	 */
	readonly giveUp?: GiveUpPolicy;
}

export { DEFAULT_GIVE_UP, type GiveUpPolicy } from './give-up.js';

/** The wait ran out of time before the job was over. */
export class WaitTimeoutError extends Error {
	override readonly name = 'WaitTimeoutError';
	readonly key: string;
	/** The last copy of the job seen, or null when none came. */
	readonly lastJob: Job | null;
	readonly timeoutMs: number;

	constructor(key: string, timeoutMs: number, lastJob: Job | null) {
		super(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for job ${key}.`);
		this.key = key;
		this.timeoutMs = timeoutMs;
		this.lastJob = lastJob;
	}
}

/** Plain polling when long polls are ignored: 1 s, growing by half each time, up to 10 s. */
const PLAIN_POLL: BackoffPolicy = { baseMs: 1000, maxMs: 10_000, factor: 1.5 };
/** Transient failures: 1 s doubling to 30 s, jittered. */
const FAILURE_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 30_000, factor: 2 };
/** 404 while AIQUM's cache catches up: 1 s doubling to 4 s, jittered. */
const NOT_FOUND_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 4000, factor: 2 };

/**
 * The grace a new job gets while AIQUM's cache lags it: this many 404s in a
 * row, spaced by this backoff, before "not found". One policy for the waiter
 * and for `wait`'s search over several servers (output/find-job.ts).
 */
export const NOT_FOUND_GRACE = { retries: 5, backoff: NOT_FOUND_BACKOFF } as const;

function plainDelay(attempt: number): number {
	return Math.round(
		Math.min(PLAIN_POLL.maxMs, PLAIN_POLL.baseMs * PLAIN_POLL.factor ** (attempt - 1)),
	);
}

/**
 * Waits until a job is over and resolves with its final copy (the `umwatch
 * wait` loop). Long-polls when the server holds long polls, so it returns
 * within moments of the job ending; otherwise polls with a growing interval.
 * Transient failures are retried and do not end the wait unless the server has
 * given no answer at all for the {@link WaitOptions.giveUp} limit; a 404 is retried a
 * few times (AIQUM answers 404 briefly for a new job) and then rejects with the
 * `not-found` ApiError; errors retrying cannot fix reject with their ApiError;
 * running out of time rejects with {@link WaitTimeoutError}.
 */
export async function waitForJob(
	client: AiqumClient,
	key: string,
	options: WaitOptions = {},
): Promise<Job> {
	const clock = options.clock ?? systemClock;
	const controller = new AbortController();
	const onAbort = () => controller.abort();
	options.signal?.addEventListener('abort', onAbort, { once: true });
	if (options.signal?.aborted) controller.abort();
	let timedOut = false;
	const timer =
		options.timeoutMs === undefined
			? null
			: clock.setTimeout(() => {
					timedOut = true;
					controller.abort();
				}, options.timeoutMs);
	const state: WaitState = { latest: null, support: 'unknown', lastModified: null };
	try {
		return await waitLoop(client, key, options, clock, controller.signal, state);
	} catch (thrown) {
		if (timedOut) throw new WaitTimeoutError(key, options.timeoutMs ?? 0, state.latest);
		throw toApiError(thrown);
	} finally {
		if (timer !== null) clock.clearTimeout(timer);
		options.signal?.removeEventListener('abort', onAbort);
	}
}

interface WaitState {
	latest: Job | null;
	support: LongPollSupport;
	lastModified: number | null;
}

async function waitLoop(
	client: AiqumClient,
	key: string,
	options: WaitOptions,
	clock: Clock,
	signal: AbortSignal,
	state: WaitState,
): Promise<Job> {
	const random = options.random ?? Math.random;
	const started = clock.now();
	const detector = new LongPollDetector();
	const silence = new SilenceBound(clock, options.giveUp);
	let plainAttempts = 0;
	let failures = 0;
	let notFound = 0;
	for (;;) {
		try {
			let job: Job;
			let gap = 0;
			if (state.latest === null || state.support === 'unsupported') {
				if (state.latest !== null) await sleep(clock, plainDelay(++plainAttempts), signal);
				job = await client.getJob(key, signal);
			} else {
				const answer = await longPoll(client, key, options, clock, signal, state);
				const changed = !sameJob(answer.job, state.latest);
				const proven = detector.observe(answer.heldMs, changed);
				if (proven !== null) state.support = proven;
				if (proven !== 'unsupported') gap = LongPollDetector.gapAfter(answer.heldMs, changed);
				job = answer.job;
			}
			failures = 0;
			notFound = 0;
			silence.succeeded();
			state.latest = job;
			options.onUpdate?.(job, { elapsedMs: clock.now() - started, longPoll: state.support });
			if (job.over) return job;
			if (gap > 0) await sleep(clock, gap, signal);
		} catch (thrown) {
			const error = toApiError(thrown);
			if (signal.aborted || error.kind === 'aborted') throw error;
			if (isFatal(error) || !error.retryable) throw error;
			const gaveUp = silence.failed(error);
			if (gaveUp !== null) throw gaveUp;
			if (error.kind === 'not-found') {
				notFound += 1;
				if (notFound > (options.notFoundRetries ?? NOT_FOUND_GRACE.retries)) throw error;
				options.onRetry?.(error, notFound);
				await sleep(clock, retryDelay(error, notFound, NOT_FOUND_BACKOFF, random), signal);
				continue;
			}
			failures += 1;
			options.onRetry?.(error, failures);
			const delay = retryDelay(error, failures, FAILURE_BACKOFF, random);
			await sleep(clock, silence.clamp(error, delay), signal);
		}
	}
}

/** One long poll, asking the server to hold it no longer than the time left. */
async function longPoll(
	client: AiqumClient,
	key: string,
	options: WaitOptions,
	clock: Clock,
	signal: AbortSignal,
	state: WaitState,
) {
	const seconds = Math.min(120, Math.max(1, options.pollTimeoutSeconds ?? 30));
	const answer = await client.longPollJob(key, {
		pollTimeoutSeconds: seconds,
		lastModified: state.lastModified ?? clock.now(),
		signal,
	});
	state.lastModified = answer.serverTime ?? clock.now();
	return answer;
}
