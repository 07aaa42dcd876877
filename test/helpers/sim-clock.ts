import type { Clock } from '../../source/time/clock.js';

/** A clock whose time moves only when the test says; timers fire in order as it does. */
export interface ManualClock extends Clock {
	/** Moves time forward, firing due timers. */
	tick(ms: number): void;
	/** Timers waiting to fire. */
	pending(): number;
}

/** Creates a {@link ManualClock} starting at `start` (epoch ms). */
export function manualClock(start = Date.UTC(2026, 10, 20, 1, 0, 0)): ManualClock {
	let now = start;
	let nextId = 1;
	const timers = new Map<number, { at: number; callback: () => void }>();
	return {
		now: () => now,
		setTimeout(callback, ms) {
			const id = nextId++;
			timers.set(id, { at: now + Math.max(0, ms), callback });
			return id;
		},
		clearTimeout(handle) {
			timers.delete(handle as number);
		},
		tick(ms) {
			const target = now + ms;
			for (;;) {
				let first: [number, { at: number; callback: () => void }] | null = null;
				for (const entry of timers) if (first === null || entry[1].at < first[1].at) first = entry;
				if (first === null || first[1].at > target) break;
				timers.delete(first[0]);
				now = Math.max(now, first[1].at);
				first[1].callback();
			}
			now = target;
		},
		pending: () => timers.size,
	};
}
