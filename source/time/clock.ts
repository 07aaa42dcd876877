/**
 * Time as the engine sees it. Injected so tests can drive the engine with a
 * fake clock instead of sleeping on the wall clock.
 */
export interface Clock {
	/** Epoch milliseconds. */
	now(): number;
	setTimeout(callback: () => void, ms: number): TimerHandle;
	clearTimeout(handle: TimerHandle): void;
}

/** Opaque timer handle. */
export type TimerHandle = unknown;

/**
 * The real clock. Timers are not unref'd: in `wait` and `events` a pending
 * retry timer is the only thing keeping the process alive, as it should be.
 */
export const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout(handle) {
		clearTimeout(handle as NodeJS.Timeout);
	},
};
