import { type JobId, jobId } from '../api/job.js';
import type { Clock } from '../time/clock.js';
import type { JobStore } from './job-store.js';
import { firstPageSize, type PollInput, type PollOutput } from './poll-cycle.js';
import { RefreshCadence } from './refresh-cadence.js';

/** The part of a poll's input that {@link PollPlan} decides. */
export type PlannedPoll = Pick<
	PollInput,
	'pageSize' | 'selectRefresh' | 'probeChanges' | 'probeTurn'
>;

/**
 * How much each steady poll asks of the server (issue 14's server load): the
 * first page's size from how many new jobs the last poll found, which off-page
 * jobs in progress are read in full this time (their cadence), and whether
 * and which change probe goes out. One object, so the engine only asks for a
 * poll's plan and hands back its outcome.
 */
export class PollPlan {
	readonly #cadence: RefreshCadence;
	readonly #pageSize: number;
	readonly #clock: Clock;
	/** Whether polls may send change probes: until the server refuses or ignores one. */
	#probeChanges = true;
	/** Counts probes, so each share of many off-page jobs gets its turn. */
	#probeTurn = 0;
	/** New jobs the last poll found, sizing the next first page; null when unknown. */
	#lastNew: number | null = null;

	constructor(options: { intervalMs: number; pageSize: number; clock: Clock }) {
		this.#cadence = new RefreshCadence(options.intervalMs);
		this.#pageSize = options.pageSize;
		this.#clock = options.clock;
	}

	/** This poll's page size, refresh choice and probe, for jobs held in `store`. */
	next(store: JobStore): PlannedPoll {
		return {
			pageSize: firstPageSize(this.#pageSize, this.#lastNew),
			selectRefresh: (stale) =>
				this.#cadence.select(
					stale.map((id) => ({ id, submitTime: store.get(id)?.submitTime ?? null })),
					this.#clock.now(),
				),
			probeChanges: this.#probeChanges,
			probeTurn: this.#probeTurn,
		};
	}

	/** Learns from a poll that answered (`initial`: the first load, which sizes nothing). */
	record(output: PollOutput, initial: boolean, active: ReadonlySet<JobId>): void {
		this.#cadence.record(output.jobs.map(jobId), active);
		if (output.probe === 'answered') this.#probeTurn += 1;
		if (output.probe === 'refused' || output.probe === 'ignored') this.#probeChanges = false;
		this.#lastNew = initial ? null : (output.fresh ?? null);
	}

	/** After a failure or a pause jobs may have piled up: the next first page is a full one. */
	forgetNewCount(): void {
		this.#lastNew = null;
	}

	/** Jobs read every poll whatever their age (marked jobs). */
	keepFresh(ids: readonly JobId[]): void {
		this.#cadence.setLive(ids);
	}
}
