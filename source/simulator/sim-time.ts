import type { Clock, TimerHandle } from '../time/clock.js';
import { EventQueue } from './scheduler.js';

/** Longest delay a Node timer takes without firing at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Simulated time and what is due in it. With `auto`, simulated time follows the
 * clock (times `speed`) and one clock timer fires for the earliest due event;
 * without, it stands still until `advance`. `advance` works in both modes and
 * runs due events in order, each at its own time.
 */
export class SimTime {
	readonly #clock: Clock;
	readonly #auto: boolean;
	readonly #speed: number;
	readonly #base: number;
	readonly #clockStart: number;
	readonly #queue = new EventQueue();
	#skew = 0;
	#running = false;
	#timer: TimerHandle | null = null;
	#timerAt: number | null = null;

	constructor(clock: Clock, auto: boolean, startTime: number | undefined, speed: number) {
		this.#clock = clock;
		this.#auto = auto;
		this.#speed = speed > 0 ? speed : 1;
		this.#clockStart = clock.now();
		this.#base = startTime ?? this.#clockStart;
	}

	/** Whether time follows the clock. */
	get auto(): boolean {
		return this.#auto;
	}

	/** Simulated now, epoch ms (whole milliseconds). */
	now(): number {
		const flowing = this.#auto ? (this.#clock.now() - this.#clockStart) * this.#speed : 0;
		return Math.floor(this.#base + flowing + this.#skew);
	}

	/** Clock ms until simulated time `at` (what a clock timer should wait). */
	clockDelay(simMs: number): number {
		return this.#auto ? simMs / this.#speed : simMs;
	}

	/** Runs `run` when simulated time reaches `at`. */
	schedule(at: number, run: () => void): void {
		this.#queue.push(at, run);
		this.#arm();
	}

	/** Runs everything due by now (also called before each request, so late timers never show). */
	processDue(): void {
		for (;;) {
			const event = this.#queue.popDue(this.now());
			if (event === null) break;
			event.run();
		}
		this.#arm();
	}

	/** Moves simulated time forward by `ms`, running due events at their own times. */
	advance(ms: number): void {
		if (!(ms > 0)) return;
		const target = this.now() + ms;
		for (;;) {
			const event = this.#queue.popDue(target);
			if (event === null) break;
			const lag = event.at - this.now();
			if (lag > 0) this.#skew += lag;
			event.run();
		}
		const rest = target - this.now();
		if (rest > 0) this.#skew += rest;
		this.#arm();
	}

	/** Lets the clock timer run (auto mode); called when the server starts listening. */
	start(): void {
		this.#running = true;
		this.processDue();
	}

	/** Clears the clock timer; queued events stay for a later `start`. */
	stop(): void {
		this.#running = false;
		this.#disarm();
	}

	#arm(): void {
		if (!this.#auto || !this.#running) return;
		const next = this.#queue.peekTime();
		if (next === this.#timerAt) return;
		this.#disarm();
		if (next === null) return;
		const delay = Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil((next - this.now()) / this.#speed)));
		this.#timerAt = next;
		this.#timer = this.#clock.setTimeout(() => {
			this.#timer = null;
			this.#timerAt = null;
			this.processDue();
		}, delay);
	}

	#disarm(): void {
		if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
		this.#timer = null;
		this.#timerAt = null;
	}
}
