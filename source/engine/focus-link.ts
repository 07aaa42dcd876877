import { type Job, type JobId, jobId, splitJobId } from '../api/job.js';
import type { AiqumClient } from '../api/types.js';
import type { Clock } from '../time/clock.js';
import { type FocusWatch, startFocusWatch } from './focus-watch.js';
import type { JobStore } from './job-store.js';
import type { SnapshotPublisher } from './snapshot-publisher.js';

/** What the focus link reads from, and hands back to, the engine that owns it. */
export interface FocusLinkHost {
	readonly client: AiqumClient;
	readonly clock: Clock;
	readonly random: () => number;
	readonly intervalMs: number;
	readonly store: JobStore;
	readonly out: SnapshotPublisher;
	/** Whether a long poll may run now: started, not stopped, not paused. */
	canRun(): boolean;
	isStopped(): boolean;
	/** Keeps a promise in the set the engine's `stop()` waits for. */
	track(promise: Promise<unknown>): void;
	/** Merges and publishes the focused job's newer copy. */
	merge(job: Job): void;
}

/**
 * The engine's side of the focus watch (the long poll of the focused job):
 * at most one watch at a time, for the snapshot's focus key, and a note of
 * its last answer so a list poll that began earlier cannot undo it.
 */
export class FocusLink {
	readonly #host: FocusLinkHost;
	#watch: FocusWatch | null = null;
	/** The last answer the focus watch merged: a poll that began before it may carry an older copy. */
	#lastMerge: { readonly id: JobId; readonly at: number } | null = null;

	constructor(host: FocusLinkHost) {
		this.#host = host;
	}

	get running(): boolean {
		return this.#watch !== null;
	}

	stop(): void {
		const watch = this.#watch;
		if (watch === null) return;
		this.#watch = null;
		this.#host.track(watch.stop());
	}

	/** Starts a watch for the focused job, unless one runs or none may run now. */
	restart(): void {
		const host = this.#host;
		const id = host.out.focusKey;
		if (id === null || !host.canRun() || this.#watch !== null) return;
		const watch = startFocusWatch({
			client: host.client,
			clock: host.clock,
			random: host.random,
			// The server knows the job by its key; the store by its id.
			key: splitJobId(id).key,
			intervalMs: host.intervalMs,
			held: () => host.store.get(id),
			getSupport: () => host.out.longPoll,
			setSupport: (support) => {
				host.out.setLongPoll(support);
				host.out.publish();
			},
			onJob: (job) => {
				// A stopped or replaced watch may still answer once: its job is no longer wanted.
				if (host.isStopped() || this.#watch !== watch) return;
				this.#lastMerge = { id: jobId(job), at: host.clock.now() };
				host.merge(job);
			},
		});
		this.#watch = watch;
	}

	/** A poll's jobs without the focused job's copy if the watch merged a newer one since `startedAt`. */
	withoutStaleFocus(jobs: readonly Job[], startedAt: number): readonly Job[] {
		const last = this.#lastMerge;
		return last !== null && last.at >= startedAt
			? jobs.filter((job) => jobId(job) !== last.id)
			: jobs;
	}
}
