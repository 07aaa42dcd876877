/**
 * Shares the strings that repeat across jobs. A held job is mostly small
 * strings, and most of them are the same few values over and over (types,
 * states, statuses, task types, result names): sanitizing each copy anew gave
 * every one of 100,000 jobs its own copies. A pool hands out one sanitized
 * string per raw value instead, and skips the sanitizing for values it knows.
 *
 * Bounded against a server that never repeats itself: only short values are
 * pooled, and a full pool starts afresh (the strings already handed out stay
 * shared by the jobs holding them; later jobs share the new pool's).
 */

/** Raw values longer than this are made anew each time: repeated values are short. */
export const POOL_MAX_RAW = 64;

/** How many distinct raw values a pool holds before it starts afresh. */
export const POOL_CAPACITY = 1024;

export class StringPool {
	readonly #entries = new Map<string, string>();
	readonly #capacity: number;

	constructor(capacity: number = POOL_CAPACITY) {
		this.#capacity = Math.max(1, Math.floor(capacity));
	}

	/** How many distinct raw values the pool holds now. */
	get size(): number {
		return this.#entries.size;
	}

	/**
	 * `make(raw)` (which must depend on `raw` alone), made once and then the
	 * same string for every later call with an equal raw value.
	 */
	share(raw: string, make: (raw: string) => string): string {
		if (raw.length > POOL_MAX_RAW) return make(raw);
		const known = this.#entries.get(raw);
		if (known !== undefined) return known;
		const made = make(raw);
		// When making changed nothing, the key doubles as the value: one string, not two.
		const value = made === raw ? raw : made;
		if (this.#entries.size >= this.#capacity) this.#entries.clear();
		this.#entries.set(raw, value);
		return value;
	}
}
