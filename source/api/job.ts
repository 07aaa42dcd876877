/**
 * The job model every layer above the HTTP client works with. Produced only by
 * `parse.ts` from whatever the server sent; every string in it has already been
 * sanitized (no control characters, no escape sequences) and is safe to print.
 */

/**
 * One state a person can read at a glance, derived from the server's `state`
 * (lifecycle) and `status` (outcome) fields in any of the shapes AIQUM answers.
 * `UNKNOWN` keeps the server's raw value in {@link Job.rawState}.
 */
export type DisplayState =
	| 'QUEUED'
	| 'WAITING'
	| 'RUNNING'
	| 'NORMAL'
	| 'WARNING'
	| 'PARTIAL_FAILURES'
	| 'ERROR'
	| 'ABORTING'
	| 'ABORTED'
	| 'UNKNOWN';

/** Every display state, in the order counts and legends list them. */
export const DISPLAY_STATES: readonly DisplayState[] = [
	'RUNNING',
	'QUEUED',
	'WAITING',
	'ABORTING',
	'NORMAL',
	'WARNING',
	'PARTIAL_FAILURES',
	'ERROR',
	'ABORTED',
	'UNKNOWN',
];

/** A sub-task of a job (`task_reports[]`). Failure text lives in `message`. */
export interface TaskReport {
	readonly key: string | null;
	readonly type: string;
	/** Raw lifecycle value as sent (sanitized), or null when absent. */
	readonly state: string | null;
	/** Raw outcome value as sent (sanitized), or null when absent. */
	readonly status: string | null;
	readonly displayState: DisplayState;
	/** The reason a task failed, or any message the server attached. */
	readonly message: string | null;
}

/** One `{name, value}` pair of `job_results[]`: what the job created or changed. */
export interface JobResult {
	readonly name: string;
	readonly value: string;
}

/** A field the client does not know, kept so the detail view can list it plainly. */
export interface ExtraField {
	readonly name: string;
	/** The value rendered as compact text (JSON for objects), sanitized and bounded. */
	readonly value: string;
}

/** One AIQUM job, parsed, tolerant of missing or malformed fields. Immutable. */
export interface Job {
	/** The opaque job key (sanitized; real keys contain only `:`, `-`, hex and the like). */
	readonly key: string;
	/**
	 * The server the job came from: the profile name, or the host for a `--url`
	 * without a profile; '' when the parser was not told (test fakes). Jobs of
	 * several servers are told apart by {@link jobId}, never by key alone.
	 */
	readonly server: string;
	/** Job name; '' when the server sent none. Often Japanese. */
	readonly name: string;
	/** Job type, e.g. "Provisioning"; '' when absent. */
	readonly type: string;
	/** Raw `state` as sent (sanitized), or null when absent. */
	readonly state: string | null;
	/** Raw `status` as sent (sanitized), or null when absent. */
	readonly status: string | null;
	/** The derived state shown to people. */
	readonly displayState: DisplayState;
	/**
	 * The raw value behind the display state: for UNKNOWN, the value exactly as
	 * the server sent it (sanitized), so it can be shown rather than dropped.
	 */
	readonly rawState: string;
	/** True once the job has ended (see the contract's "When is a job over?"). */
	readonly over: boolean;
	/** Submit time in epoch milliseconds, or null when absent or unparseable. */
	readonly submitTime: number | null;
	/** Completion time in epoch milliseconds, or null. */
	readonly completeTime: number | null;
	/** Start time when a server sends one (not documented), else null. */
	readonly startTime: number | null;
	readonly taskReports: readonly TaskReport[];
	readonly jobResults: readonly JobResult[];
	/** Fields the client does not know, in the order the server sent them. */
	readonly extra: readonly ExtraField[];
}

/**
 * Whether nothing a person could see differs between two copies of a job:
 * every field, compared directly (exact, no fingerprint to collide, nothing
 * kept per job). The engine keeps an unchanged job's object across polls by it.
 */
export function sameJob(a: Job, b: Job): boolean {
	return (
		a === b ||
		(a.key === b.key &&
			a.server === b.server &&
			a.name === b.name &&
			a.type === b.type &&
			a.state === b.state &&
			a.status === b.status &&
			a.displayState === b.displayState &&
			a.rawState === b.rawState &&
			a.over === b.over &&
			a.submitTime === b.submitTime &&
			a.completeTime === b.completeTime &&
			a.startTime === b.startTime &&
			sameList(a.taskReports, b.taskReports, sameTask) &&
			sameList(a.jobResults, b.jobResults, samePair) &&
			sameList(a.extra, b.extra, samePair))
	);
}

function sameTask(a: TaskReport, b: TaskReport): boolean {
	return (
		a.key === b.key &&
		a.type === b.type &&
		a.state === b.state &&
		a.status === b.status &&
		a.displayState === b.displayState &&
		a.message === b.message
	);
}

function samePair(a: JobResult | ExtraField, b: JobResult | ExtraField): boolean {
	return a.name === b.name && a.value === b.value;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let index = 0; index < a.length; index += 1) {
		if (!same(a[index] as T, b[index] as T)) return false;
	}
	return true;
}

/** What `/management-server/system` tells about the server (all optional). */
export interface SystemInfo {
	/** e.g. "9.16P1"; null when the server did not say. */
	readonly version: string | null;
	readonly uuid: string | null;
	readonly name: string | null;
}

/**
 * A job's identity across servers: (server, key). The same key on two servers
 * is two jobs. Keys and server names are sanitized (no control characters), so
 * NUL cannot occur in either and separates them safely; a job of no named
 * server ('') is known by its key alone.
 */
export type JobId = string;

/** The identity of the job `key` on `server` (see {@link JobId}). */
export function jobIdOf(server: string, key: string): JobId {
	return server === '' ? key : `${server}\u0000${key}`;
}

/** The identity of `job` (see {@link JobId}). */
export function jobId(job: Pick<Job, 'server' | 'key'>): JobId {
	return jobIdOf(job.server, job.key);
}

/** The server and key an identity was made of (the inverse of {@link jobIdOf}). */
export function splitJobId(id: JobId): { readonly server: string; readonly key: string } {
	const cut = id.indexOf('\u0000');
	return cut < 0 ? { server: '', key: id } : { server: id.slice(0, cut), key: id.slice(cut + 1) };
}
