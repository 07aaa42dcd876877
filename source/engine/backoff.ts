import type { ApiError } from '../api/errors.js';
import { isFatal, toApiError } from '../api/errors.js';
import type { Clock } from '../time/clock.js';
import { GaveUpError } from './give-up.js';
import { sleep } from './sleep.js';

/** An exponential backoff: `baseMs × factor^(attempt-1)`, capped at `maxMs`, with jitter. */
export interface BackoffPolicy {
	readonly baseMs: number;
	readonly maxMs: number;
	readonly factor: number;
}

/** Between failed polls: 2 s, 4 s, 8 s … capped at 30 s (each jittered). */
export const POLL_BACKOFF: BackoffPolicy = { baseMs: 2000, maxMs: 30_000, factor: 2 };

/** The quick retries of one GET inside a poll: about 0.25 s, 0.5 s, 1 s. */
export const QUICK_RETRY: BackoffPolicy = { baseMs: 250, maxMs: 1000, factor: 2 };

/** How many times a failed GET is retried inside one poll before the poll fails. */
export const QUICK_RETRIES = 3;

/** The longest `Retry-After` honoured; a hostile or broken value cannot park the engine for days. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * The delay before retry number `attempt` (1-based), with "equal jitter": half
 * the nominal delay is fixed and half is random, so many watchers that failed
 * together do not retry together, yet no retry comes sooner than half the
 * nominal delay.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
	const exponent = Math.max(0, attempt - 1);
	const nominal = Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent);
	const unit = Math.min(1, Math.max(0, random()));
	return Math.round(nominal / 2 + (nominal / 2) * unit);
}

/** The backoff delay, but never sooner than the server's `Retry-After` (itself bounded). */
export function retryDelay(
	error: ApiError,
	attempt: number,
	policy: BackoffPolicy,
	random: () => number,
): number {
	const delay = backoffDelay(attempt, policy, random);
	if (error.retryAfterMs === undefined || !(error.retryAfterMs > 0)) return delay;
	return Math.max(delay, Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS));
}

/**
 * What to do after failure number `attempt` (1-based) of a request worth
 * retrying: the delay before the next try, or throw to end with that error.
 */
type RetryPlan = (error: ApiError, attempt: number) => number;

/**
 * The one retry loop: runs `request` until it succeeds, and after each failure
 * asks `plan` how long to wait. Cancellation, errors retrying cannot fix
 * (fatal ones, a 400…) and a failure already given up on end it at once.
 * Always rejects with an ApiError.
 */
async function retryLoop<T>(
	request: (signal: AbortSignal) => Promise<T>,
	clock: Clock,
	signal: AbortSignal,
	plan: RetryPlan,
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await request(signal);
		} catch (thrown) {
			const error = toApiError(thrown);
			if (signal.aborted || error.kind === 'aborted') throw error;
			if (error instanceof GaveUpError || isFatal(error) || !error.retryable) throw error;
			await sleep(clock, plan(error, attempt), signal);
		}
	}
}

/** Options for {@link withQuickRetries}. */
export interface QuickRetryOptions {
	readonly clock: Clock;
	readonly random: () => number;
	readonly signal: AbortSignal;
	readonly retries?: number;
	readonly policy?: BackoffPolicy;
	/** A server asking to wait longer than this ends the quick retries at once. */
	readonly maxWaitMs?: number;
}

/**
 * Runs one GET, retrying it a few times quickly when the failure is worth
 * retrying (NetApp advises retrying a failed GET several times). Fatal errors,
 * errors retrying cannot fix, a long `Retry-After`, and cancellation end it at
 * once by rethrowing. Always rejects with an ApiError.
 */
export function withQuickRetries<T>(
	request: (signal: AbortSignal) => Promise<T>,
	options: QuickRetryOptions,
): Promise<T> {
	const retries = options.retries ?? QUICK_RETRIES;
	const policy = options.policy ?? QUICK_RETRY;
	const maxWaitMs = options.maxWaitMs ?? 2000;
	return retryLoop(request, options.clock, options.signal, (error, attempt) => {
		if (attempt > retries || (error.retryAfterMs ?? 0) > maxWaitMs) throw error;
		return retryDelay(error, attempt, policy, options.random);
	});
}

/** How long a one-shot request (`list`, `show`) goes on retrying after its first failure. */
export const ONE_SHOT_RETRY_MS = 30_000;

/** Options for {@link withOneShotRetries}. */
export interface OneShotRetryOptions {
	readonly clock: Clock;
	readonly random: () => number;
	readonly signal: AbortSignal;
	/** Default {@link ONE_SHOT_RETRY_MS}. */
	readonly budgetMs?: number;
}

/**
 * Failures a one-shot request does not retry although a poll would: an
 * answer that will not change on asking again. A 404 (a wrong key or URL;
 * `wait` is the mode that waits for a new job to appear) and the 3xx/4xx
 * answers the client reports as a bad response (a redirect, a 404 for the
 * jobs list: a wrong URL).
 */
function settledAnswer(error: ApiError): boolean {
	if (error.kind === 'not-found') return true;
	return error.kind === 'bad-response' && error.status !== undefined && error.status < 500;
}

/**
 * Runs one GET of a one-shot mode with the retries a poll of the live view
 * gets: the same quick retries ({@link QUICK_RETRY}), then the live view's
 * backoff between polls ({@link POLL_BACKOFF}), `Retry-After` honoured, for
 * at most `budgetMs` after the first failure; the last try is placed at the
 * end of the budget. Fatal errors (401, 403, TLS) and answers that will not
 * change are not retried. Giving up rejects with a {@link GaveUpError} that
 * says for how long umwatch retried; a server asking to wait past the budget
 * is given up on at once. A hung request counts from when it failed, so one
 * hang is still retried.
 */
export function withOneShotRetries<T>(
	request: (signal: AbortSignal) => Promise<T>,
	options: OneShotRetryOptions,
): Promise<T> {
	const budget = options.budgetMs ?? ONE_SHOT_RETRY_MS;
	const { clock, random } = options;
	let firstFailureAt: number | null = null;
	return retryLoop(request, clock, options.signal, (error, attempt) => {
		if (settledAnswer(error)) throw error;
		const now = clock.now();
		firstFailureAt ??= now;
		const retried = now - firstFailureAt;
		const left = budget - retried;
		if (left <= 0 || (error.retryAfterMs ?? 0) > left) {
			throw new GaveUpError(error, 'retries-spent', retried, budget);
		}
		const delay =
			attempt <= QUICK_RETRIES
				? retryDelay(error, attempt, QUICK_RETRY, random)
				: retryDelay(error, attempt - QUICK_RETRIES, POLL_BACKOFF, random);
		return Math.min(delay, left);
	});
}
