import { compareNewestAcross } from '../api/contract.js';
import { type DisplayState, type Job, type JobId, splitJobId } from '../api/job.js';
import { emptyCounts } from './job-store.js';

/** Sorts before `b` in the merged list (the contract's order across servers; a server's rank is its place). */
function before(a: Job, aServer: number, b: Job, bServer: number): boolean {
	return compareNewestAcross(a, aServer, b, bServer) < 0;
}

/**
 * Merges each server's jobs (each list already newest first, ties by key, as
 * the engine keeps them) into one list: newest submitted first, ties by
 * server order, then key. One pass, O(n·k) for k servers (k is small); with
 * only one non-empty list that list itself is the result, so its identity holds.
 */
export function mergeNewestFirst(lists: readonly (readonly Job[])[]): readonly Job[] {
	const filled = lists.filter((list) => list.length > 0);
	if (filled.length === 0) return [];
	if (filled.length === 1) return filled[0] as readonly Job[];
	let total = 0;
	for (const list of lists) total += list.length;
	const merged: Job[] = new Array(total);
	const at = new Array<number>(lists.length).fill(0);
	for (let k = 0; k < total; k++) {
		let pick = -1;
		let best: Job | undefined;
		for (let s = 0; s < lists.length; s++) {
			const head = (lists[s] as readonly Job[])[at[s] as number];
			if (head === undefined) continue;
			if (best === undefined || before(head, s, best, pick)) {
				best = head;
				pick = s;
			}
		}
		merged[k] = best as Job;
		at[pick] = (at[pick] as number) + 1;
	}
	return merged;
}

/** Every server's counts added up. */
export function sumCounts(
	all: readonly Readonly<Record<DisplayState, number>>[],
): Readonly<Record<DisplayState, number>> {
	if (all.length === 1) return all[0] as Readonly<Record<DisplayState, number>>;
	const counts = emptyCounts();
	for (const one of all) {
		for (const state in one) counts[state as DisplayState] += one[state as DisplayState];
	}
	return counts;
}

/** One server's part of a {@link FleetIndex}. */
export interface IndexPart {
	readonly server: string;
	readonly byKey: ReadonlyMap<JobId, Job>;
}

/**
 * The fleet's `byKey`: a read-only view over each server's own index that
 * sends a lookup to the server the id names, instead of copying every
 * server's entries into one map at each snapshot. Immutable as its parts are
 * (each is a published snapshot's index).
 */
export class FleetIndex implements ReadonlyMap<JobId, Job> {
	readonly #parts: readonly IndexPart[];
	readonly #byServer = new Map<string, ReadonlyMap<JobId, Job>>();
	readonly #size: number;
	#flat: Map<JobId, Job> | undefined;

	constructor(parts: readonly IndexPart[]) {
		this.#parts = parts;
		let size = 0;
		for (const part of parts) {
			size += part.byKey.size;
			if (!this.#byServer.has(part.server)) this.#byServer.set(part.server, part.byKey);
		}
		this.#size = size;
	}

	get size(): number {
		return this.#size;
	}

	get(id: JobId): Job | undefined {
		const owner = this.#byServer.get(splitJobId(id).server);
		const found = owner?.get(id);
		if (found !== undefined) return found;
		// A server whose jobs carry another name than the one it was given: ask each.
		for (const part of this.#parts) {
			if (part.byKey === owner) continue;
			const job = part.byKey.get(id);
			if (job !== undefined) return job;
		}
		return undefined;
	}

	has(id: JobId): boolean {
		return this.get(id) !== undefined;
	}

	forEach(callback: (value: Job, key: JobId, map: ReadonlyMap<JobId, Job>) => void): void {
		for (const [key, value] of this.#all()) callback(value, key, this);
	}

	entries(): MapIterator<[JobId, Job]> {
		return this.#all().entries();
	}

	keys(): MapIterator<JobId> {
		return this.#all().keys();
	}

	values(): MapIterator<Job> {
		return this.#all().values();
	}

	[Symbol.iterator](): MapIterator<[JobId, Job]> {
		return this.entries();
	}

	/** Iteration is rare (lookups are what callers do): one flat copy, made on first use. */
	#all(): Map<JobId, Job> {
		if (this.#flat === undefined) {
			const flat = new Map<JobId, Job>();
			for (const part of this.#parts) for (const [id, job] of part.byKey) flat.set(id, job);
			this.#flat = flat;
		}
		return this.#flat;
	}
}
