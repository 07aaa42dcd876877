import { compareNewestFirst } from '../api/contract.js';
import {
	DISPLAY_STATES,
	type DisplayState,
	type Job,
	type JobId,
	jobId,
	sameJob,
} from '../api/job.js';
import { KeyIndex } from './key-index.js';

/** The order of the jobs list: the server's newest-first order (see api/contract.ts). */
export const compareJobs = compareNewestFirst;

/** A job whose display state changed in a merge. */
export interface Transition {
	readonly job: Job;
	readonly from: DisplayState;
	readonly to: DisplayState;
}

/** What one merge did. */
export interface MergeOutcome {
	/** Whether the jobs list changed at all (false: publish nothing). */
	readonly changed: boolean;
	/** Jobs held for the first time, oldest submitted first. */
	readonly added: readonly Job[];
	readonly transitions: readonly Transition[];
	/** Jobs this merge dropped to stay within the cap. */
	readonly dropped: number;
}

/** A count of zero for every display state. */
export function emptyCounts(): Record<DisplayState, number> {
	const counts = {} as Record<DisplayState, number>;
	for (const state of DISPLAY_STATES) counts[state] = 0;
	return counts;
}

/** Below this many new jobs, splicing each into place beats a full merge pass. */
const SPLICE_LIMIT = 32;

/**
 * Every job the engine holds: sorted, indexed by {@link JobId} (server and
 * key: one engine holds one server's jobs, but ids are what the snapshot and
 * everything above it use), counted by state, capped.
 * Each change produces new `jobs`, `byKey` and `counts` objects and leaves the
 * old ones untouched (they belong to published snapshots); a job in which
 * nothing visible changed ({@link sameJob}) keeps its object.
 */
export class JobStore {
	readonly maxJobs: number;
	#jobs: readonly Job[] = [];
	#index: KeyIndex<Job> = KeyIndex.empty();
	#counts: Readonly<Record<DisplayState, number>> = emptyCounts();
	/** Ids of held jobs that are not over: what a poll refreshes by key. */
	readonly #active = new Set<JobId>();
	#dropped = 0;
	/** The newest job retention ever dropped; unknown jobs sorting at or after it stay dropped. */
	#floor: Job | null = null;
	/** Ids retention never drops: the rows on screen and the selected one ({@link protect}). */
	#protected: ReadonlySet<JobId> = new Set();

	constructor(maxJobs: number) {
		this.maxJobs = Math.max(1, Math.floor(maxJobs));
	}

	get jobs(): readonly Job[] {
		return this.#jobs;
	}

	get byKey(): ReadonlyMap<JobId, Job> {
		return this.#index;
	}

	get counts(): Readonly<Record<DisplayState, number>> {
		return this.#counts;
	}

	/** Jobs dropped by the cap since the store was made. */
	get droppedJobs(): number {
		return this.#dropped;
	}

	/** Ids of the held jobs that are still in progress (live view; do not keep). */
	get activeIds(): ReadonlySet<JobId> {
		return this.#active;
	}

	get(id: JobId): Job | undefined {
		return this.#index.get(id);
	}

	/**
	 * Ids retention must never drop (what the user is looking at), replacing
	 * the previous set. The store may then hold more than the cap, by at most
	 * this many jobs.
	 */
	protect(ids: Iterable<JobId>): void {
		this.#protected = new Set(ids);
	}

	/**
	 * Merges fresh copies of jobs. Unknown ids are added, changed ones replaced,
	 * unchanged ones ({@link sameJob}) ignored, so their objects stay. An answer
	 * that would take a finished job back to in-progress is a stale answer that
	 * raced a newer one, and is ignored. Duplicate ids: the first copy wins.
	 */
	merge(incoming: Iterable<Job>): MergeOutcome {
		const seen = new Set<JobId>();
		const replaced: Array<[Job, Job]> = [];
		const moved: Array<[Job, Job]> = [];
		const inserts: Job[] = [];
		const transitions: Transition[] = [];
		for (const job of incoming) {
			const id = jobId(job);
			if (seen.has(id)) continue;
			seen.add(id);
			const old = this.#index.get(id);
			if (old === undefined) {
				if (this.#floor === null || compareJobs(job, this.#floor) < 0) inserts.push(job);
				continue;
			}
			if (sameJob(old, job) || (old.over && !job.over)) continue;
			(compareJobs(old, job) === 0 ? replaced : moved).push([old, job]);
			if (old.displayState !== job.displayState) {
				transitions.push({ job, from: old.displayState, to: job.displayState });
			}
		}
		if (inserts.length === 0 && replaced.length === 0 && moved.length === 0) {
			return { changed: false, added: [], transitions: [], dropped: 0 };
		}
		const counts = { ...this.#counts };
		const indexChanges = new Map<JobId, Job | undefined>();
		const next = this.#jobs.slice();
		for (const [old, job] of replaced) next[this.#positionOf(old)] = job;
		let list: Job[] = next;
		if (moved.length > 0) {
			// By object: the old copies are exactly the ones held.
			const movedOld = new Set(moved.map(([old]) => old));
			list = list.filter((job) => !movedOld.has(job));
		}
		for (const [old, job] of [...replaced, ...moved]) {
			counts[old.displayState] -= 1;
			this.#account(job, counts, indexChanges);
		}
		for (const job of inserts) this.#account(job, counts, indexChanges);
		inserts.sort(compareJobs);
		list = insertSorted(list, [...inserts, ...moved.map(([, job]) => job)].sort(compareJobs));
		const victims = this.#retain(list, counts, indexChanges);
		if (victims.size > 0) list = list.filter((job) => !victims.has(job));
		this.#jobs = list;
		this.#counts = counts;
		this.#index = this.#index.with(indexChanges);
		const added = inserts.filter((job) => !victims.has(job)).reverse();
		return { changed: true, added, transitions, dropped: victims.size };
	}

	/**
	 * Drops held jobs by id (the server no longer has them). Returns whether
	 * anything changed. Removed jobs do not count as dropped by the cap.
	 */
	remove(ids: Iterable<JobId>): boolean {
		const gone = new Set<Job>();
		const indexChanges = new Map<JobId, Job | undefined>();
		for (const id of ids) {
			const job = this.#index.get(id);
			if (job === undefined) continue;
			gone.add(job);
			indexChanges.set(id, undefined);
		}
		if (gone.size === 0) return false;
		const counts = { ...this.#counts };
		for (const job of gone) counts[job.displayState] -= 1;
		for (const id of indexChanges.keys()) this.#active.delete(id);
		this.#jobs = this.#jobs.filter((job) => !gone.has(job));
		this.#counts = counts;
		this.#index = this.#index.with(indexChanges);
		return true;
	}

	/** Counts, indexes and tracks one job entering the store (new or replacing). */
	#account(
		job: Job,
		counts: Record<DisplayState, number>,
		indexChanges: Map<JobId, Job | undefined>,
	): void {
		const id = jobId(job);
		counts[job.displayState] += 1;
		indexChanges.set(id, job);
		if (job.over) this.#active.delete(id);
		else this.#active.add(id);
	}

	/**
	 * Picks the jobs to drop when over the cap: the oldest finished first, and
	 * in-progress ones (oldest first) only when nothing finished is left.
	 */
	#retain(
		list: readonly Job[],
		counts: Record<DisplayState, number>,
		indexChanges: Map<JobId, Job | undefined>,
	): Set<Job> {
		const victims = new Set<Job>();
		let excess = list.length - this.maxJobs;
		if (excess <= 0) return victims;
		for (const wantOver of [true, false]) {
			for (let i = list.length - 1; i >= 0 && excess > 0; i--) {
				const job = list[i] as Job;
				if (job.over !== wantOver || victims.has(job)) continue;
				const id = jobId(job);
				if (this.#protected.has(id)) continue;
				victims.add(job);
				excess -= 1;
				counts[job.displayState] -= 1;
				indexChanges.set(id, undefined);
				this.#active.delete(id);
				if (this.#floor === null || compareJobs(job, this.#floor) < 0) this.#floor = job;
			}
		}
		this.#dropped += victims.size;
		return victims;
	}

	/** Index of a held job in the sorted list (binary search; the job must be held). */
	#positionOf(job: Job): number {
		let low = 0;
		let high = this.#jobs.length - 1;
		while (low <= high) {
			const mid = (low + high) >>> 1;
			const order = compareJobs(this.#jobs[mid] as Job, job);
			if (order === 0) return mid;
			if (order < 0) low = mid + 1;
			else high = mid - 1;
		}
		throw new Error(`job store: ${job.key} is not where its sort order says`);
	}
}

/** Merges sorted `inserts` into sorted `list` (which it may modify). */
function insertSorted(list: Job[], inserts: readonly Job[]): Job[] {
	if (inserts.length === 0) return list;
	const first = list[0];
	if (first === undefined || compareJobs(inserts[inserts.length - 1] as Job, first) < 0) {
		// The common case: everything new is newer than everything held.
		return inserts.concat(list);
	}
	if (inserts.length <= SPLICE_LIMIT) {
		for (const job of inserts) list.splice(lowerBound(list, job), 0, job);
		return list;
	}
	const merged: Job[] = new Array(list.length + inserts.length);
	let i = 0;
	let j = 0;
	for (let k = 0; k < merged.length; k++) {
		const a = list[i];
		const b = inserts[j];
		if (b === undefined || (a !== undefined && compareJobs(a, b) <= 0)) {
			merged[k] = a as Job;
			i++;
		} else {
			merged[k] = b;
			j++;
		}
	}
	return merged;
}

/** The first position in sorted `list` whose job sorts after `job`. */
function lowerBound(list: readonly Job[], job: Job): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (compareJobs(list[mid] as Job, job) < 0) low = mid + 1;
		else high = mid;
	}
	return low;
}
