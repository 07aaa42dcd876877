import { ApiError, isNoAnswer } from '../api/errors.js';
import type { Clock } from '../time/clock.js';

/** Why umwatch stopped retrying a failure that retrying might still have fixed. */
export type GiveUpReason =
	/** A one-shot request (`list`, `show`) used up its retry budget. */
	| 'retries-spent'
	/** The server gave no HTTP answer at all for the give-up bound (`wait`, `events`). */
	| 'no-answer';

/**
 * The last failure, after umwatch stopped retrying it. Same kind, message,
 * hint and status as that failure (so exit codes do not change); it adds what
 * umwatch did before giving up, which the failure report states instead of
 * letting the hint sound as if retries were still to come.
 */
export class GaveUpError extends ApiError {
	readonly reason: GiveUpReason;
	/** How long umwatch retried (`retries-spent`) or heard nothing (`no-answer`). */
	readonly afterMs: number;
	/** The bound that was reached. */
	readonly limitMs: number;

	constructor(last: ApiError, reason: GiveUpReason, afterMs: number, limitMs: number) {
		super(last.kind, last.message, {
			hint: last.hint,
			cause: last,
			...(last.status === undefined ? {} : { status: last.status }),
			...(last.retryAfterMs === undefined ? {} : { retryAfterMs: last.retryAfterMs }),
		});
		this.reason = reason;
		this.afterMs = Math.max(0, afterMs);
		this.limitMs = limitMs;
	}
}

/** How long `wait` and `events` bear a server that gives no answer at all. */
export interface GiveUpPolicy {
	/** Before the first successful answer (a wrong URL, a dead server). Default 30 s. */
	readonly beforeFirstAnswerMs: number;
	/** Once an answer has come (a Unified Manager restart takes minutes). Default 10 min. */
	readonly afterAnswerMs: number;
}

/** The give-up bounds `umwatch wait` and `umwatch events` use; documented in the readme. */
export const DEFAULT_GIVE_UP: GiveUpPolicy = {
	beforeFirstAnswerMs: 30_000,
	afterAnswerMs: 600_000,
};

/**
 * Measures how long the server has given no HTTP answer at all (see
 * {@link isNoAnswer}) and says when that silence reaches the give-up bound.
 * A server that answers, even with 5xx or 429, is alive and resets the
 * silence: only refused, reset and timed-out requests count.
 */
export class SilenceBound {
	readonly #clock: Clock;
	readonly #policy: GiveUpPolicy;
	#lastAnswerAt: number;
	#succeeded = false;

	constructor(clock: Clock, policy: GiveUpPolicy = DEFAULT_GIVE_UP) {
		this.#clock = clock;
		this.#policy = policy;
		this.#lastAnswerAt = clock.now();
	}

	/**
	 * A successful answer (now, or at `at` when it is learnt later): the silence
	 * ends, and the longer bound applies from then on.
	 */
	succeeded(at: number = this.#clock.now()): void {
		this.#succeeded = true;
		this.#lastAnswerAt = Math.max(this.#lastAnswerAt, at);
	}

	/**
	 * A failed request. Returns the error to give up with once the silence has
	 * reached the bound, or null to keep retrying.
	 */
	failed(error: ApiError): GaveUpError | null {
		const now = this.#clock.now();
		if (!isNoAnswer(error)) {
			this.#lastAnswerAt = now;
			return null;
		}
		const silent = now - this.#lastAnswerAt;
		return silent >= this.#limit()
			? new GaveUpError(error, 'no-answer', silent, this.#limit())
			: null;
	}

	/**
	 * A retry delay after `error` (just passed to {@link failed}), shortened
	 * while the server is silent so the last try falls on the bound: giving up
	 * then comes at the bound, not a whole backoff step after it. A delay after
	 * an answer (a server's `Retry-After`) is never shortened.
	 */
	clamp(error: ApiError, delayMs: number): number {
		if (!isNoAnswer(error)) return delayMs;
		const left = this.#limit() - (this.#clock.now() - this.#lastAnswerAt);
		return Math.max(0, Math.min(delayMs, left));
	}

	#limit(): number {
		return this.#succeeded ? this.#policy.afterAnswerMs : this.#policy.beforeFirstAnswerMs;
	}
}
