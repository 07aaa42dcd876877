import { afterEach, expect } from 'vitest';
import type { Job } from '../../source/api/job.js';
import { createEngine, type EngineOptions, type WatchEngine } from '../../source/engine/engine.js';
import type { JobEvent, Snapshot } from '../../source/engine/types.js';
import {
	createFakeServer,
	type FakeAiqumClient,
	type FakeAiqumModel,
	type FakeClientOptions,
} from './fake-client.js';
import { FakeClock } from './fake-clock.js';

/** An engine on a fake server and a fake clock, with everything it publishes recorded. */
export interface EngineHarness {
	readonly clock: FakeClock;
	readonly model: FakeAiqumModel;
	readonly client: FakeAiqumClient;
	readonly engine: WatchEngine;
	/** Every snapshot published, in order. */
	readonly snapshots: Snapshot[];
	/** Every event emitted, in order. */
	readonly events: JobEvent[];
	/** The current snapshot. */
	snapshot(): Snapshot;
	/** The held job with this key (throws when not held). */
	job(key: string): Job;
	/** Starts the engine and lets the first poll finish. */
	start(): Promise<void>;
}

/** Options for {@link createEngineHarness}. */
export interface HarnessOptions {
	readonly engine?: Omit<Partial<EngineOptions>, 'client' | 'clock'>;
	readonly client?: FakeClientOptions;
}

/**
 * Builds the harness. Jitter is fixed at 0.5 unless the test passes `random`,
 * so every backoff delay is exactly three quarters of its nominal value.
 */
export function createEngineHarness(options: HarnessOptions = {}): EngineHarness {
	const clock = new FakeClock();
	const { model, client } = createFakeServer(clock, options.client);
	const engine = createEngine({ client, clock, random: () => 0.5, ...options.engine });
	const snapshots: Snapshot[] = [];
	const events: JobEvent[] = [];
	engine.subscribe(() => snapshots.push(engine.getSnapshot()));
	engine.onEvent((event) => events.push(event));
	return {
		clock,
		model,
		client,
		engine,
		snapshots,
		events,
		snapshot: () => engine.getSnapshot(),
		job(key) {
			const job = engine.getSnapshot().byKey.get(key);
			if (job === undefined) throw new Error(`not held: ${key}`);
			return job;
		},
		async start() {
			engine.start();
			await clock.flush();
		},
	};
}

/**
 * For a test file: returns a `setup` that builds a harness, and registers an
 * `afterEach` that stops it and checks that nothing was left running (no
 * timer, no request in flight).
 */
export function engineHarnessPerTest(): (options?: HarnessOptions) => EngineHarness {
	let current: EngineHarness | undefined;
	afterEach(async () => {
		if (current === undefined) return;
		const h = current;
		current = undefined;
		await h.engine.stop();
		expect(h.clock.pendingTimers).toBe(0);
		expect(h.client.inFlight).toBe(0);
	});
	return (options) => {
		current = createEngineHarness(options);
		return current;
	};
}
