import type { Clock, TimerHandle } from '../../source/time/clock.js';
import { settle } from './settle.js';

interface PendingTimer {
	readonly id: number;
	readonly at: number;
	readonly callback: () => void;
}

/**
 * The test kit's one deterministic {@link Clock} (a second `class FakeClock`
 * in test/ fails test/architecture/test-kit.test.ts). Time moves only when a
 * test says; due timers then fire in time order (ties in the order they were
 * set). Two ways to move it:
 * - {@link FakeClock.advance} (async): pending promise chains are flushed after
 *   each timer, so async code driven by the timers runs to its next wait
 *   before the following timer fires (engine, retries, fault stack);
 * - {@link FakeClock.tick} (sync): timers fire back to back with nothing run
 *   between them (input decoder, simulator, script waits, React harness that
 *   renders between timers itself).
 */
export class FakeClock implements Clock {
	#now: number;
	#nextId = 1;
	readonly #timers = new Map<number, PendingTimer>();
	/** Every delay ever passed to setTimeout, in call order (for asserting backoff schedules). */
	readonly delays: number[] = [];

	constructor(startMs = Date.UTC(2026, 10, 20, 1, 0, 0)) {
		this.#now = startMs;
	}

	now(): number {
		return this.#now;
	}

	setTimeout(callback: () => void, ms: number): TimerHandle {
		const delay = Math.max(0, Number.isFinite(ms) ? ms : 0);
		const id = this.#nextId++;
		this.#timers.set(id, { id, at: this.#now + delay, callback });
		this.delays.push(delay);
		return id;
	}

	clearTimeout(handle: TimerHandle): void {
		if (typeof handle === 'number') this.#timers.delete(handle);
	}

	/** How many timers are set and not yet fired or cleared. */
	get pendingTimers(): number {
		return this.#timers.size;
	}

	/** When the earliest pending timer is due, or null when none is pending. */
	nextTimerAt(): number | null {
		return this.#earliest()?.at ?? null;
	}

	/** Moves time forward by `ms`, firing due timers in order and flushing promises after each. */
	async advance(ms: number): Promise<void> {
		await this.advanceTo(this.#now + ms);
	}

	/** Moves time forward by `ms` synchronously, firing due timers in order with no flush between them. */
	tick(ms: number): void {
		const target = this.#now + ms;
		while (this.#fireNext(target));
		this.#now = Math.max(this.#now, target);
	}

	/** Moves time forward to `target` (never backwards). */
	async advanceTo(target: number): Promise<void> {
		await settle();
		while (this.#fireNext(target)) await settle();
		this.#now = Math.max(this.#now, target);
		await settle();
	}

	/** Jumps to the earliest pending timer and fires it (and any due with it). Returns false when none. */
	async runNext(): Promise<boolean> {
		const at = this.nextTimerAt();
		if (at === null) return false;
		await this.advanceTo(at);
		return true;
	}

	/** Lets ready promise chains run without moving time. */
	async flush(): Promise<void> {
		await settle();
	}

	/** Fires the earliest timer due by `target` (moving time to it); false when none is. */
	#fireNext(target: number): boolean {
		const next = this.#earliest();
		if (next === undefined || next.at > target) return false;
		this.#timers.delete(next.id);
		this.#now = Math.max(this.#now, next.at);
		next.callback();
		return true;
	}

	#earliest(): PendingTimer | undefined {
		let best: PendingTimer | undefined;
		for (const timer of this.#timers.values()) {
			if (best === undefined || timer.at < best.at) best = timer;
		}
		return best;
	}
}
