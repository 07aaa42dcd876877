/**
 * The non-interactive modes (`list`, `show`, `wait`, `events`) and what the
 * command line needs around them: key checks and the pipe guard (exit codes
 * live in api/exit-codes.ts, duration parsing in time/duration.ts). Nothing
 * here imports React or Ink, and nothing calls `process.exit`: every mode
 * resolves to its exit code.
 */

export { UsageError } from '../api/usage-error.js';
export { type EventJson, eventToJson } from './event-json.js';
export { type EventsOptions, runEvents } from './events.js';
export type { InputStream, OutputIo, OutputStream } from './io.js';
export { type JobJson, jobToJson, type TaskJson } from './job-json.js';
export { checkJobKey } from './job-key.js';
export { type ListFormat, type ListOptions, runList } from './list.js';
export { DEFAULT_LIST_LIMIT } from './list-fetch.js';
export { describeFailure, type FailureReport } from './report-failure.js';
export { inertText, safeJsonStringify } from './safe-text.js';
export { runShow, type ShowOptions } from './show.js';
export { parseStateFilter } from './state-filter.js';
export { jobKeyFromStdinText } from './stdin-key.js';
export { runWait, type WaitForJobFn, type WaitOptions } from './wait.js';
export { createSafeWriter, installPipeGuard, type SafeWriter } from './writer.js';
