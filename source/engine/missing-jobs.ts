/**
 * Jobs the server stopped returning. A held job still in progress is asked for
 * by key every poll; when the server's answer leaves it out several polls in a
 * row, the job was deleted or purged on the server, and holding it would show
 * it RUNNING forever. A single miss is not enough: Unified Manager's cache can
 * lag for a moment.
 */
export class MissingJobs {
	readonly #limit: number;
	#misses = new Map<string, number>();

	/** @param limit consecutive polls a job may be missing before it counts as gone */
	constructor(limit = 3) {
		this.#limit = Math.max(1, limit);
	}

	/**
	 * Records one poll: `asked` were asked for by key, `missing` of them did not
	 * come back (both as job ids, or any other identity: they are only compared).
	 * Returns the ids now missing `limit` polls in a row (forgotten
	 * here; the caller drops them).
	 */
	record(asked: Iterable<string>, missing: Iterable<string>): string[] {
		const absent = new Set(missing);
		const gone: string[] = [];
		const counts = new Map<string, number>();
		for (const key of asked) {
			if (!absent.has(key)) continue;
			const count = (this.#misses.get(key) ?? 0) + 1;
			if (count >= this.#limit) gone.push(key);
			else counts.set(key, count);
		}
		// Only keys missing this poll keep counting: a key seen or no longer asked for starts over.
		this.#misses = counts;
		return gone;
	}

	/** How many keys are being counted (for tests and leak checks). */
	get size(): number {
		return this.#misses.size;
	}
}
