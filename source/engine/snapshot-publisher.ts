import type { Clock } from '../time/clock.js';
import type { JobStore, MergeOutcome } from './job-store.js';
import type { ConnectionState, JobEvent, LongPollSupport, OlderState, Snapshot } from './types.js';

/** Whether two connection states would look the same on screen. */
export function sameConnection(a: ConnectionState, b: ConnectionState): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind === 'retrying' && b.kind === 'retrying') {
		return (
			a.attempt === b.attempt &&
			a.nextTryAt === b.nextTryAt &&
			a.lastError.kind === b.lastError.kind &&
			a.lastError.message === b.lastError.message
		);
	}
	if (a.kind === 'failed' && b.kind === 'failed') {
		return a.error.kind === b.error.kind && a.error.message === b.error.message;
	}
	if (a.kind === 'paused' && b.kind === 'paused') {
		return a.lastError?.kind === b.lastError?.kind && a.lastError?.message === b.lastError?.message;
	}
	return true;
}

/** Calls each listener; one that throws is reported as uncaught but cannot stop the others or the engine. */
export function callAll<A extends unknown[]>(
	listeners: Iterable<(...args: A) => void>,
	...args: A
): void {
	for (const listener of [...listeners]) {
		try {
			listener(...args);
		} catch (error) {
			queueMicrotask(() => {
				throw error;
			});
		}
	}
}

/**
 * Owns the published picture: the store's jobs plus connection, focus and
 * server facts. `set…` calls only mark what changed; `publish()` makes a new
 * snapshot when anything did, and does nothing otherwise, so a poll that
 * changed nothing costs the UI no render. A snapshot is a plain value: its
 * `lastSuccessAt` is the last success when it was published; the live one is
 * {@link lastSuccessAt} (the engine's `getLastSuccessAt`).
 */
export class SnapshotPublisher {
	readonly #store: JobStore;
	readonly #clock: Clock;
	readonly #listeners = new Set<() => void>();
	readonly #eventListeners = new Set<(event: JobEvent) => void>();
	#snapshot: Snapshot;
	#dirty = false;
	#connection: ConnectionState = { kind: 'connecting' };
	#focusKey: string | null = null;
	#longPoll: LongPollSupport = 'unknown';
	#serverVersion: string | null = null;
	#skipped = 0;
	#warning: string | null = null;
	#lastSuccessAt: number | null = null;
	#pollStartedAt: number | null = null;
	#older: OlderState = 'idle';

	constructor(store: JobStore, clock: Clock, intervalMs: number) {
		this.#store = store;
		this.#clock = clock;
		this.#snapshot = this.#build(0, intervalMs);
	}

	get snapshot(): Snapshot {
		return this.#snapshot;
	}

	get connection(): ConnectionState {
		return this.#connection;
	}

	get focusKey(): string | null {
		return this.#focusKey;
	}

	get longPoll(): LongPollSupport {
		return this.#longPoll;
	}

	get lastSuccessAt(): number | null {
		return this.#lastSuccessAt;
	}

	setConnection(next: ConnectionState): void {
		if (sameConnection(next, this.#connection)) return;
		this.#connection = next;
		this.#dirty = true;
	}

	setFocusKey(key: string | null): void {
		if (key === this.#focusKey) return;
		this.#focusKey = key;
		this.#dirty = true;
	}

	setLongPoll(support: LongPollSupport): void {
		if (support === this.#longPoll) return;
		this.#longPoll = support;
		this.#dirty = true;
	}

	setServerVersion(version: string | null): void {
		if (version === this.#serverVersion) return;
		this.#serverVersion = version;
		this.#dirty = true;
	}

	setSkipped(skipped: number): void {
		if (skipped === this.#skipped) return;
		this.#skipped = skipped;
		this.#dirty = true;
	}

	setPollWarning(warning: string | null): void {
		if (warning === this.#warning) return;
		this.#warning = warning;
		this.#dirty = true;
	}

	/** How loading older jobs stands (see {@link Snapshot.older}). */
	setOlder(state: OlderState): void {
		if (state === this.#older) return;
		this.#older = state;
		this.#dirty = true;
	}

	/** The start of a poll that has overrun its interval, or null (see {@link Snapshot.pollStartedAt}). */
	setPollStartedAt(at: number | null): void {
		if (at === this.#pollStartedAt) return;
		this.#pollStartedAt = at;
		this.#dirty = true;
	}

	/**
	 * Records a successful poll at `at`. It publishes nothing by itself, so a
	 * quiet poll costs no render; readers of freshness use {@link lastSuccessAt}.
	 */
	pollSucceeded(at: number): void {
		this.#lastSuccessAt = at;
	}

	/** A snapshot of the current state, a plain value. */
	#build(version: number, intervalMs: number): Snapshot {
		const store = this.#store;
		return {
			version,
			jobs: store.jobs,
			byKey: store.byKey,
			counts: store.counts,
			connection: this.#connection,
			lastSuccessAt: this.#lastSuccessAt,
			intervalMs,
			serverVersion: this.#serverVersion,
			focusKey: this.#focusKey,
			longPoll: this.#longPoll,
			droppedJobs: store.droppedJobs,
			skippedRecords: this.#skipped,
			pollWarning: this.#warning,
			pollStartedAt: this.#pollStartedAt,
			older: this.#older,
		};
	}

	/** Publishes a new snapshot if anything visible changed since the last one. */
	publish(): void {
		const store = this.#store;
		const current = this.#snapshot;
		if (!this.#dirty && store.jobs === current.jobs && store.droppedJobs === current.droppedJobs) {
			return;
		}
		this.#dirty = false;
		this.#snapshot = this.#build(current.version + 1, current.intervalMs);
		callAll(this.#listeners);
	}

	/** Emits the events of one merge: new jobs (oldest first) unless suppressed, then transitions. */
	emitMerge(outcome: MergeOutcome, withNewEvents: boolean): void {
		if (this.#eventListeners.size === 0) return;
		const at = this.#clock.now();
		if (withNewEvents) {
			for (const job of outcome.added) callAll(this.#eventListeners, { type: 'new', at, job });
		}
		for (const { job, from, to } of outcome.transitions) {
			callAll(this.#eventListeners, { type: 'transition', at, job, from, to });
		}
	}

	subscribe(listener: () => void): () => void {
		const own = () => listener();
		this.#listeners.add(own);
		return () => {
			this.#listeners.delete(own);
		};
	}

	onEvent(listener: (event: JobEvent) => void): () => void {
		const own = (event: JobEvent) => listener(event);
		this.#eventListeners.add(own);
		return () => {
			this.#eventListeners.delete(own);
		};
	}
}
