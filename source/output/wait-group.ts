import type { ApiError } from '../api/errors.js';
import type { Job } from '../api/job.js';

/** What one job's wait has seen so far (for the progress line and the timeout message). */
export interface JobWatch {
	readonly key: string;
	/** The last copy of the job, or null before the first answer. */
	job: Job | null;
	/** The last retried failure, inert, or null since the last answer. */
	retry: string | null;
	/** True once the job is over and its line was handed on. */
	ended: boolean;
}

/** How waiting for a group of jobs ended. */
export type GroupEnd =
	/** Every job is over (with `any`: the first one is). */
	| { readonly kind: 'ended' }
	/** One job's wait failed (or the whole wait was stopped): the others were stopped. */
	| { readonly kind: 'failed'; readonly key: string; readonly error: unknown };

/** One job's wait: resolves with the job once it is over; must stop when `signal` fires. */
export type WaitOne = (
	watch: JobWatch,
	signal: AbortSignal,
	hooks: {
		readonly onUpdate: (job: Job) => void;
		readonly onRetry: (error: ApiError) => void;
	},
) => Promise<Job>;

/** Options of {@link waitForGroup}. */
export interface GroupOptions {
	/** Return when the first job is over, stopping the others. */
	readonly any: boolean;
	/** Stops every wait (timeout, interrupt). */
	readonly signal: AbortSignal;
	/** Told of each job as it is over, in the order they ended (never after the group ended). */
	readonly onEnded: (job: Job) => void;
	/** Told when what the progress line shows may have changed. */
	readonly onChange: () => void;
	/** Inert text of a failure, for the progress line. */
	readonly describeRetry: (error: ApiError) => string;
}

/**
 * Waits for every job of `watches` at once, each with `waitOne` (the single
 * job waiter: long poll, 404 grace, retries, silence bound). The first failure
 * ends the group: a script cannot trust an answer with a hole in it, so the
 * other waits are stopped rather than left running for hours. With `any` the
 * first job to end ends it too. Resolves only once every wait has settled, so
 * no request is left in flight and no timer set.
 */
export async function waitForGroup(
	watches: readonly JobWatch[],
	waitOne: WaitOne,
	options: GroupOptions,
): Promise<GroupEnd> {
	const stop = new AbortController();
	const signal = AbortSignal.any([options.signal, stop.signal]);
	let end: GroupEnd | null = null;
	const finish = (result: GroupEnd) => {
		end = result;
		stop.abort();
	};
	const hooksFor = (watch: JobWatch) => ({
		onUpdate(job: Job) {
			watch.job = job;
			watch.retry = null;
			options.onChange();
		},
		onRetry(error: ApiError) {
			watch.retry = options.describeRetry(error);
			options.onChange();
		},
	});
	await Promise.all(
		watches.map(async (watch) => {
			try {
				const job = await waitOne(watch, signal, hooksFor(watch));
				if (end !== null) return;
				watch.job = job;
				watch.ended = true;
				options.onEnded(job);
				if (options.any || watches.every((w) => w.ended)) finish({ kind: 'ended' });
				else options.onChange();
			} catch (error) {
				// A wait stopped because the group already ended is no failure of its own.
				if (end === null) finish({ kind: 'failed', key: watch.key, error });
			}
		}),
	);
	return end ?? { kind: 'ended' };
}
