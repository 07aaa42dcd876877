import type { Clock, TimerHandle } from '../time/clock.js';
import type { SimTime } from './sim-time.js';

/** Why a held long poll was let go. */
export type WakeReason = 'changed' | 'removed' | 'timeout';

interface Held {
	readonly key: string;
	readonly resolve: (reason: WakeReason) => void;
	timer: TimerHandle | null;
	done: boolean;
}

/** A long poll being held: its outcome, and how to drop it when the client goes away. */
export interface HeldPoll {
	readonly wake: Promise<WakeReason>;
	cancel(): void;
}

/**
 * The long polls the server is holding, by job key. A poll ends when its job
 * changes or is removed, or when its timeout runs out in simulated time (so
 * `advance()` ends it in manual mode). In manual mode a clock timer ends it as
 * well, so a client with a short `poll_timeout` is never stuck on a test that
 * does not advance time.
 */
export class LongPolls {
	readonly #byKey = new Map<string, Set<Held>>();
	readonly #time: SimTime;
	readonly #clock: Clock;
	readonly #onCount: (held: number) => void;
	#count = 0;

	constructor(time: SimTime, clock: Clock, onCount: (held: number) => void) {
		this.#time = time;
		this.#clock = clock;
		this.#onCount = onCount;
	}

	/** Holds a poll on `key` for at most `timeoutMs` of simulated time. */
	hold(key: string, timeoutMs: number): HeldPoll {
		let resolve: (reason: WakeReason) => void = () => {};
		const wake = new Promise<WakeReason>((r) => {
			resolve = r;
		});
		const held: Held = { key, resolve, timer: null, done: false };
		let set = this.#byKey.get(key);
		if (set === undefined) {
			set = new Set();
			this.#byKey.set(key, set);
		}
		set.add(held);
		this.#setCount(this.#count + 1);
		this.#time.schedule(this.#time.now() + timeoutMs, () => this.#release(held, 'timeout'));
		if (!this.#time.auto) {
			held.timer = this.#clock.setTimeout(() => this.#release(held, 'timeout'), timeoutMs);
		}
		return { wake, cancel: () => this.#release(held, null) };
	}

	/** Lets every poll on `key` go: the job changed or was removed. */
	wake(key: string, reason: 'changed' | 'removed'): void {
		const set = this.#byKey.get(key);
		if (set === undefined) return;
		for (const held of [...set]) this.#release(held, reason);
	}

	/** Forgets every held poll without answering (their sockets are being destroyed). */
	dropAll(): void {
		for (const set of [...this.#byKey.values()]) {
			for (const held of [...set]) this.#release(held, null);
		}
	}

	#release(held: Held, reason: WakeReason | null): void {
		if (held.done) return;
		held.done = true;
		if (held.timer !== null) this.#clock.clearTimeout(held.timer);
		const set = this.#byKey.get(held.key);
		set?.delete(held);
		if (set?.size === 0) this.#byKey.delete(held.key);
		this.#setCount(this.#count - 1);
		if (reason !== null) held.resolve(reason);
	}

	#setCount(count: number): void {
		this.#count = count;
		this.#onCount(count);
	}
}
