import type { Clock, TimerHandle } from '../time/clock.js';

/** Where {@link PollOverrun} records a poll that runs long: the snapshot publisher. */
export interface OverrunSink {
	setPollStartedAt(at: number | null): void;
	publish(): void;
}

/**
 * Watches the list poll in flight: once it has run a whole interval without
 * an answer (a slow or hung server), the snapshot carries when it started, so
 * the header can say what the screen is waiting for instead of only, much
 * later, "stale". A poll that answers in time publishes nothing, so an idle
 * screen stays idle. One timer, armed only while a poll is in flight.
 */
export class PollOverrun {
	readonly #clock: Clock;
	readonly #intervalMs: number;
	readonly #sink: OverrunSink;
	#timer: TimerHandle | null = null;

	constructor(clock: Clock, intervalMs: number, sink: OverrunSink) {
		this.#clock = clock;
		this.#intervalMs = intervalMs;
		this.#sink = sink;
	}

	/** A poll began at `startedAt`: after one interval without an answer, publish its start. */
	begin(startedAt: number): void {
		this.end();
		this.#timer = this.#clock.setTimeout(() => {
			this.#timer = null;
			this.#sink.setPollStartedAt(startedAt);
			this.#sink.publish();
		}, this.#intervalMs);
	}

	/**
	 * The poll answered, failed or was cancelled. Publishes nothing itself: the
	 * caller publishes the poll's outcome, which then no longer says "waiting".
	 */
	end(): void {
		if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
		this.#timer = null;
		this.#sink.setPollStartedAt(null);
	}
}
