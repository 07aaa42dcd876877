import { isFatal, toApiError } from '../api/errors.js';
import { type Job, sameJob } from '../api/job.js';
import type { AiqumClient } from '../api/types.js';
import type { Clock } from '../time/clock.js';
import { POLL_BACKOFF, retryDelay } from './backoff.js';
import { sleep } from './sleep.js';
import type { LongPollSupport } from './types.js';

/** An answer held shorter than this was not held: the server may be ignoring long polling. */
export const QUICK_ANSWER_MS = 500;

/** How long the server may hold each long poll. */
export const FOCUS_POLL_TIMEOUT_SECONDS = 30;

/** After a quick, unchanged answer: wait this long, so the next `last_modified` (whole seconds) moves on. */
const AFTER_QUICK_UNCHANGED_MS = 1000;

/** After a quick answer with a change: a short gap, so a server that ignores long polling cannot make us spin. */
const AFTER_QUICK_CHANGED_MS = 250;

/**
 * Tells apart servers that hold long polls from servers that ignore the
 * parameters: two answers in a row that come back at once with nothing
 * changed mean "ignored"; any answer that was held means "honoured".
 */
export class LongPollDetector {
	#quickUnchanged = 0;

	/** Feeds one answer; returns the support it proves, or null when it proves nothing yet. */
	observe(heldMs: number, changed: boolean): LongPollSupport | null {
		if (heldMs >= QUICK_ANSWER_MS) {
			this.#quickUnchanged = 0;
			return 'supported';
		}
		if (changed) {
			this.#quickUnchanged = 0;
			return null;
		}
		this.#quickUnchanged += 1;
		return this.#quickUnchanged >= 2 ? 'unsupported' : null;
	}

	/** How long to wait before the next long poll after an answer that took `heldMs`. */
	static gapAfter(heldMs: number, changed: boolean): number {
		if (heldMs >= QUICK_ANSWER_MS) return 0;
		return changed ? AFTER_QUICK_CHANGED_MS : AFTER_QUICK_UNCHANGED_MS;
	}
}

/** What the focus watch needs from the engine. */
export interface FocusWatchOptions {
	readonly client: AiqumClient;
	readonly clock: Clock;
	readonly random: () => number;
	readonly key: string;
	/** Plain-poll interval when long polling is unsupported. */
	readonly intervalMs: number;
	/** The engine's current copy of the job. */
	readonly held: () => Job | undefined;
	readonly getSupport: () => LongPollSupport;
	readonly setSupport: (support: LongPollSupport) => void;
	/** Merges and publishes an answer at once. */
	readonly onJob: (job: Job) => void;
	readonly pollTimeoutSeconds?: number;
}

/** A running focus watch. */
export interface FocusWatch {
	readonly key: string;
	/** Cancels the watch; resolves when its request and timers are gone. */
	stop(): Promise<void>;
}

/**
 * Watches one job closely while it is in progress (a detail view shows it):
 * long polls when the server honours them, else a plain GET each interval.
 * Ends by itself when the job is over. Failures back off and are otherwise
 * ignored: the main poll loop owns the connection state.
 */
export function startFocusWatch(options: FocusWatchOptions): FocusWatch {
	const controller = new AbortController();
	const done = runFocusWatch(options, controller.signal).catch(() => undefined);
	return {
		key: options.key,
		async stop() {
			controller.abort();
			await done;
		},
	};
}

async function runFocusWatch(options: FocusWatchOptions, signal: AbortSignal): Promise<void> {
	const { client, clock, key } = options;
	const detector = new LongPollDetector();
	let latest: Job | undefined;
	let lastModified: number | null = null;
	let failures = 0;
	while (!signal.aborted) {
		const current = latest ?? options.held();
		if (current?.over || options.held()?.over) return;
		try {
			if (options.getSupport() === 'unsupported') {
				await sleep(clock, options.intervalMs, signal);
				latest = await client.getJob(key, signal);
				failures = 0;
				options.onJob(latest);
				continue;
			}
			const since = lastModified ?? clock.now();
			const answer = await client.longPollJob(key, {
				pollTimeoutSeconds: options.pollTimeoutSeconds ?? FOCUS_POLL_TIMEOUT_SECONDS,
				lastModified: since,
				signal,
			});
			failures = 0;
			lastModified = answer.serverTime ?? clock.now();
			const changed = current === undefined || !sameJob(current, answer.job);
			latest = answer.job;
			options.onJob(answer.job);
			const proven = detector.observe(answer.heldMs, changed);
			if (proven !== null && proven !== options.getSupport()) options.setSupport(proven);
			if (answer.job.over || proven === 'unsupported') continue;
			const gap = LongPollDetector.gapAfter(answer.heldMs, changed);
			if (gap > 0) await sleep(clock, gap, signal);
		} catch (thrown) {
			const error = toApiError(thrown);
			if (signal.aborted || error.kind === 'aborted' || isFatal(error)) return;
			failures += 1;
			await sleep(clock, retryDelay(error, failures, POLL_BACKOFF, options.random), signal);
		}
	}
}
