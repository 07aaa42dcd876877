import type { Engine, JobEvent, Snapshot } from '../../source/engine/types.js';

/**
 * An engine for UI tests: holds a snapshot the test replaces, notifies
 * subscribers, and records what the UI asked of it.
 */
export class FakeEngine implements Engine {
	snapshot: Snapshot;
	readonly calls = {
		refresh: 0,
		paused: [] as boolean[],
		focus: [] as (string | null)[],
		start: 0,
		stop: 0,
	};
	private readonly listeners = new Set<() => void>();

	constructor(snapshot: Snapshot) {
		this.snapshot = snapshot;
	}

	/** Replaces the snapshot (bumping its version) and notifies subscribers. */
	set(next: Partial<Snapshot>): void {
		this.snapshot = { ...this.snapshot, ...next, version: this.snapshot.version + 1 };
		for (const listener of this.listeners) listener();
	}

	/** Subscribers currently attached. */
	get subscriberCount(): number {
		return this.listeners.size;
	}

	start(): void {
		this.calls.start++;
	}
	async stop(): Promise<void> {
		this.calls.stop++;
	}
	getSnapshot(): Snapshot {
		return this.snapshot;
	}
	getLastSuccessAt(): number | null {
		return this.snapshot.lastSuccessAt;
	}
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}
	onEvent(_listener: (event: JobEvent) => void): () => void {
		return () => {};
	}
	refresh(): void {
		this.calls.refresh++;
	}
	setPaused(paused: boolean): void {
		this.calls.paused.push(paused);
	}
	focus(key: string | null): void {
		this.calls.focus.push(key);
	}
}
