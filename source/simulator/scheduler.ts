/**
 * A queue of things due at given simulated times (a binary min-heap). Events
 * due at the same time run in the order they were scheduled. Cancelling is the
 * caller's business: an event checks, when it runs, whether it still applies.
 */
export class EventQueue {
	readonly #heap: { at: number; seq: number; run: () => void }[] = [];
	#seq = 0;

	get size(): number {
		return this.#heap.length;
	}

	/** When the earliest event is due, or null when nothing is queued. */
	peekTime(): number | null {
		return this.#heap[0]?.at ?? null;
	}

	/** Queues `run` for simulated time `at`. */
	push(at: number, run: () => void): void {
		const heap = this.#heap;
		heap.push({ at, seq: this.#seq++, run });
		let i = heap.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.#less(i, parent)) break;
			this.#swap(i, parent);
			i = parent;
		}
	}

	/** Removes and returns the earliest event due at or before `time`, or null. */
	popDue(time: number): { at: number; run: () => void } | null {
		const heap = this.#heap;
		const top = heap[0];
		if (top === undefined || top.at > time) return null;
		const last = heap.pop();
		if (last !== undefined && heap.length > 0) {
			heap[0] = last;
			this.#siftDown(0);
		}
		return top;
	}

	clear(): void {
		this.#heap.length = 0;
	}

	#siftDown(start: number): void {
		const n = this.#heap.length;
		let i = start;
		for (;;) {
			const left = 2 * i + 1;
			const right = left + 1;
			let smallest = i;
			if (left < n && this.#less(left, smallest)) smallest = left;
			if (right < n && this.#less(right, smallest)) smallest = right;
			if (smallest === i) return;
			this.#swap(i, smallest);
			i = smallest;
		}
	}

	#less(a: number, b: number): boolean {
		const x = this.#heap[a];
		const y = this.#heap[b];
		if (x === undefined || y === undefined) return false;
		return x.at < y.at || (x.at === y.at && x.seq < y.seq);
	}

	#swap(a: number, b: number): void {
		const heap = this.#heap;
		const x = heap[a];
		const y = heap[b];
		if (x === undefined || y === undefined) return;
		heap[a] = y;
		heap[b] = x;
	}
}
