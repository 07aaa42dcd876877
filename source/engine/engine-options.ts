import {
	DEFAULT_INTERVAL_MS,
	DEFAULT_PAGE_RECORDS,
	MAX_PAGE_RECORDS,
	MIN_INTERVAL_MS,
} from '../api/contract.js';
import type { AiqumClient } from '../api/types.js';
import { type Clock, systemClock } from '../time/clock.js';

/** How `createEngine` is set up. Only `client` is required. */
export interface EngineOptions {
	readonly client: AiqumClient;
	/** Timers and time; the system clock by default. */
	readonly clock?: Clock;
	/** Poll interval in ms. Default {@link DEFAULT_INTERVAL_MS}; below {@link MIN_INTERVAL_MS} is raised to it. */
	readonly intervalMs?: number;
	/** Most jobs held; the oldest finished go first. Default 10,000. */
	readonly maxJobs?: number;
	/** Records per list page. Default {@link DEFAULT_PAGE_RECORDS} (AIQUM's own default). */
	readonly pageSize?: number;
	/** Jobs of history loaded at start (no events for them). Default 200. */
	readonly initialJobs?: number;
	/** Source of jitter in [0, 1); `Math.random` by default. */
	readonly random?: () => number;
	/**
	 * `--since` (epoch ms): the first load is every job submitted since then
	 * (engine/since-load.ts) instead of the newest `initialJobs`; null or absent: not so.
	 */
	readonly since?: number | null;
}

/** Defaults, exported for the readme and the tests. */
export const ENGINE_DEFAULTS = {
	intervalMs: DEFAULT_INTERVAL_MS,
	minIntervalMs: MIN_INTERVAL_MS,
	maxJobs: 10_000,
	pageSize: DEFAULT_PAGE_RECORDS,
	initialJobs: 200,
} as const;

/** {@link EngineOptions} with every default filled in and every bound applied. */
export interface EngineSettings {
	readonly clock: Clock;
	readonly random: () => number;
	readonly intervalMs: number;
	readonly maxJobs: number;
	readonly pageSize: number;
	readonly initialJobs: number;
}

/**
 * Fills in defaults and applies bounds in one place, so the engine never
 * polls faster than the server tolerates nor asks for a page it refuses.
 */
export function engineSettings(options: EngineOptions): EngineSettings {
	return {
		clock: options.clock ?? systemClock,
		random: options.random ?? Math.random,
		intervalMs: Math.max(
			ENGINE_DEFAULTS.minIntervalMs,
			options.intervalMs ?? ENGINE_DEFAULTS.intervalMs,
		),
		maxJobs: options.maxJobs ?? ENGINE_DEFAULTS.maxJobs,
		pageSize: Math.min(MAX_PAGE_RECORDS, Math.max(1, options.pageSize ?? ENGINE_DEFAULTS.pageSize)),
		initialJobs: options.initialJobs ?? ENGINE_DEFAULTS.initialJobs,
	};
}
