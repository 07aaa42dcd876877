import type { Clock, TimerHandle } from '../../source/time/clock.js';

interface Timer {
	readonly id: number;
	readonly at: number;
	readonly callback: () => void;
}

/** A clock whose time moves only when a test says; timers fire in order. */
export class FakeClock implements Clock {
	private time: number;
	private nextId = 1;
	private timers: Timer[] = [];

	constructor(start: number) {
		this.time = start;
	}

	now(): number {
		return this.time;
	}
	setTimeout(callback: () => void, ms: number): TimerHandle {
		const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback };
		this.timers.push(timer);
		return timer.id;
	}
	clearTimeout(handle: TimerHandle): void {
		this.timers = this.timers.filter((t) => t.id !== handle);
	}
	/** Timers still waiting. */
	get pending(): number {
		return this.timers.length;
	}
	/** When the next timer falls due, or null when none waits. */
	nextDue(): number | null {
		return this.timers.reduce<number | null>(
			(min, t) => (min === null || t.at < min ? t.at : min),
			null,
		);
	}
	/** Moves time forward by `ms`, firing every timer that falls due, in order. */
	advance(ms: number): void {
		const end = this.time + ms;
		for (;;) {
			const due = this.timers
				.filter((t) => t.at <= end)
				.sort((a, b) => a.at - b.at || a.id - b.id)[0];
			if (!due) break;
			this.timers = this.timers.filter((t) => t !== due);
			this.time = Math.max(this.time, due.at);
			due.callback();
		}
		this.time = end;
	}
}
