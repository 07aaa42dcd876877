const REMOVED: unique symbol = Symbol('removed');
type Slot<V> = V | typeof REMOVED;

/** The smallest overlay worth compacting: below it, copying the overlay is negligible. */
const MIN_OVERLAY = 256;

/**
 * An immutable map from key to value that is cheap to derive a changed copy
 * from. Copying a 100,000-entry Map costs tens of milliseconds; this keeps a
 * shared base map plus a small overlay of changes, and only folds the overlay
 * into a new base once it has grown to about √n entries. A poll that changes
 * one job thus costs O(√n) here instead of O(n), amortised.
 *
 * Neither the base nor an overlay is ever mutated once an index holds it.
 */
export class KeyIndex<V> implements ReadonlyMap<string, V> {
	readonly #base: ReadonlyMap<string, V>;
	readonly #overlay: ReadonlyMap<string, Slot<V>>;
	readonly #size: number;
	#materialized: Map<string, V> | undefined;

	private constructor(
		base: ReadonlyMap<string, V>,
		overlay: ReadonlyMap<string, Slot<V>>,
		size: number,
	) {
		this.#base = base;
		this.#overlay = overlay;
		this.#size = size;
	}

	/** An index with nothing in it. */
	static empty<V>(): KeyIndex<V> {
		return new KeyIndex<V>(new Map(), new Map(), 0);
	}

	get size(): number {
		return this.#size;
	}

	get(key: string): V | undefined {
		const slot = this.#overlay.get(key);
		if (slot !== undefined) return slot === REMOVED ? undefined : slot;
		return this.#base.get(key);
	}

	has(key: string): boolean {
		return this.get(key) !== undefined;
	}

	/**
	 * A new index with `changes` applied: a value sets the key, `undefined`
	 * removes it. This index is left as it was.
	 */
	with(changes: ReadonlyMap<string, V | undefined>): KeyIndex<V> {
		if (changes.size === 0) return this;
		const overlay = new Map(this.#overlay);
		let size = this.#size;
		for (const [key, value] of changes) {
			const had = this.has(key);
			if (value === undefined) {
				if (!had) continue;
				size -= 1;
				// A key only in the overlay just leaves it; a key in the base needs a tombstone.
				if (this.#base.has(key)) overlay.set(key, REMOVED);
				else overlay.delete(key);
			} else {
				if (!had) size += 1;
				overlay.set(key, value);
			}
		}
		if (overlay.size <= Math.max(MIN_OVERLAY, 4 * Math.sqrt(this.#base.size))) {
			return new KeyIndex(this.#base, overlay, size);
		}
		const base = new Map(this.#base);
		for (const [key, slot] of overlay) {
			if (slot === REMOVED) base.delete(key);
			else base.set(key, slot);
		}
		return new KeyIndex(base, new Map(), size);
	}

	forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
		for (const [key, value] of this.#flat()) callback(value, key, this);
	}

	entries(): MapIterator<[string, V]> {
		return this.#flat().entries();
	}

	keys(): MapIterator<string> {
		return this.#flat().keys();
	}

	values(): MapIterator<V> {
		return this.#flat().values();
	}

	[Symbol.iterator](): MapIterator<[string, V]> {
		return this.entries();
	}

	/** Iteration is rare (lookups are what callers do), so it builds a flat map once and keeps it. */
	#flat(): Map<string, V> {
		if (this.#materialized === undefined) {
			const flat = new Map(this.#base);
			for (const [key, slot] of this.#overlay) {
				if (slot === REMOVED) flat.delete(key);
				else flat.set(key, slot);
			}
			this.#materialized = flat;
		}
		return this.#materialized;
	}
}
