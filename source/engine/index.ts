/**
 * The watch engine: polling, merge, retention, events, backoff, long polling,
 * and the `wait` loop. Framework-free; the UI and the script modes drive it.
 */
export { type BackoffPolicy, backoffDelay, POLL_BACKOFF, retryDelay } from './backoff.js';
export {
	createEngine,
	ENGINE_DEFAULTS,
	type EngineOptions,
	summarize,
	type WatchEngine,
} from './engine.js';
export { createFleet, type FleetMember, type FleetOptions, fleetConnection } from './fleet.js';
export { compareJobs } from './job-store.js';
export type {
	ConnectionState,
	Engine,
	ErrorSummary,
	JobEvent,
	LongPollSupport,
	ServerHealth,
	Snapshot,
} from './types.js';
export {
	type WaitOptions,
	type WaitProgress,
	WaitTimeoutError,
	waitForJob,
} from './wait-for-job.js';
