import type { ApiError } from '../api/errors.js';
import { isFatal } from '../api/errors.js';
import type { Clock } from './clock.js';
import { sleep, toApiError } from './sleep.js';

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
export async function withQuickRetries<T>(
	request: (signal: AbortSignal) => Promise<T>,
	options: QuickRetryOptions,
): Promise<T> {
	const retries = options.retries ?? QUICK_RETRIES;
	const policy = options.policy ?? QUICK_RETRY;
	const maxWaitMs = options.maxWaitMs ?? 2000;
	for (let attempt = 1; ; attempt++) {
		try {
			return await request(options.signal);
		} catch (thrown) {
			const error = toApiError(thrown);
			if (options.signal.aborted || error.kind === 'aborted') throw error;
			if (attempt > retries || isFatal(error) || !error.retryable) throw error;
			if ((error.retryAfterMs ?? 0) > maxWaitMs) throw error;
			await sleep(
				options.clock,
				retryDelay(error, attempt, policy, options.random),
				options.signal,
			);
		}
	}
}
