import type { JobPlan } from './job-factory.js';
import type { SimJob } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The simulator's own, mutable record of a job, with its plan. */
export interface JobRecord extends Mutable<SimJob> {
	/** The generated lifecycle the job follows while `auto`; null for jobs given whole. */
	plan: JobPlan | null;
	/** Bumped when the automatic lifecycle is stopped or restarted, so stale events do nothing. */
	generation: number;
}

/** Submit order: oldest first, ties by submission sequence. */
function compare(a: JobRecord, b: JobRecord): number {
	return a.submitTime - b.submitTime || a.seq - b.seq;
}

/**
 * Every job, kept in submit order (so newest-first paging is a slice from the
 * end) and indexed by key (so a key filter is a lookup, not a scan).
 */
export class JobStore {
	readonly #list: JobRecord[] = [];
	readonly #byKey = new Map<string, JobRecord>();

	get size(): number {
		return this.#list.length;
	}

	/** All jobs, oldest submitted first. Do not modify. */
	get list(): readonly JobRecord[] {
		return this.#list;
	}

	get(key: string): JobRecord | undefined {
		return this.#byKey.get(key);
	}

	/** Adds jobs; appending in submit order is O(1) each, anything else re-sorts once. */
	add(jobs: readonly JobRecord[]): void {
		let sorted = true;
		for (const job of jobs) {
			if (this.#byKey.has(job.key)) throw new Error(`duplicate job key ${job.key}`);
			const last = this.#list[this.#list.length - 1];
			if (last !== undefined && compare(last, job) > 0) sorted = false;
			this.#list.push(job);
			this.#byKey.set(job.key, job);
		}
		if (!sorted) this.#list.sort(compare);
	}

	/** Removes a job; returns it, or undefined when unknown. */
	remove(key: string): JobRecord | undefined {
		const job = this.#byKey.get(key);
		if (job === undefined) return undefined;
		this.#byKey.delete(key);
		this.#list.splice(this.#indexOf(job), 1);
		return job;
	}

	/** Changes a job's submit time, keeping the order. */
	moveSubmitTime(job: JobRecord, submitTime: number): void {
		this.#list.splice(this.#indexOf(job), 1);
		job.submitTime = submitTime;
		let low = 0;
		let high = this.#list.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			const other = this.#list[mid];
			if (other !== undefined && compare(other, job) < 0) low = mid + 1;
			else high = mid;
		}
		this.#list.splice(low, 0, job);
	}

	#indexOf(job: JobRecord): number {
		let low = 0;
		let high = this.#list.length - 1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			const other = this.#list[mid];
			if (other === undefined) break;
			const c = compare(other, job);
			if (c === 0) return mid;
			if (c < 0) low = mid + 1;
			else high = mid - 1;
		}
		// Not where the order says: fall back to a scan rather than corrupt the list.
		const index = this.#list.indexOf(job);
		if (index < 0) throw new Error(`job ${job.key} missing from the list`);
		return index;
	}
}
