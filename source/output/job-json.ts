import type { Job, TaskReport } from '../api/job.js';
import { jobDurationMs } from '../present/job-duration.js';
import { isoTime } from '../present/time-format.js';

/**
 * The JSON form of a job, shared by `list --json`/`--ndjson`, `show --json`,
 * `wait --json` and `events`. Stable: fields are only ever added. Keys are
 * snake_case like the AIQUM API; times are ISO-8601 in UTC.
 */
export interface JobJson {
	/** The server the job is on: the profile name, or the host for a `--url` without a profile. */
	readonly server: string;
	readonly key: string;
	readonly name: string;
	readonly type: string;
	/** The display state: QUEUED, WAITING, RUNNING, NORMAL, WARNING, PARTIAL_FAILURES, ERROR, ABORTING, ABORTED or UNKNOWN. */
	readonly state: string;
	/** The value behind `state` as the server sent it (the raw value for UNKNOWN). */
	readonly raw_state: string;
	/** The server's lifecycle field (`state`: queued, running, completed, …), or null. */
	readonly lifecycle: string | null;
	/** The server's outcome field (`status`: normal, warning, partial_failures, error), or null. */
	readonly outcome: string | null;
	/** True once the job has ended. */
	readonly over: boolean;
	readonly submit_time: string | null;
	readonly start_time: string | null;
	readonly complete_time: string | null;
	/** complete − submit once over; while running, the time elapsed so far; null without a submit time. */
	readonly duration_ms: number | null;
	readonly task_reports: readonly TaskJson[];
	readonly job_results: readonly { readonly name: string; readonly value: string }[];
	/** Fields umwatch does not know, by name, their values as compact text. */
	readonly extra: Readonly<Record<string, string>>;
}

/** One entry of {@link JobJson.task_reports}. */
export interface TaskJson {
	readonly key: string | null;
	readonly type: string;
	readonly state: string;
	readonly lifecycle: string | null;
	readonly outcome: string | null;
	readonly message: string | null;
}

// The one rule of a job's duration lives in present/ (the duration sort reads it too).
export { jobDurationMs };

function taskJson(task: TaskReport): TaskJson {
	return {
		key: task.key,
		type: task.type,
		state: task.displayState,
		lifecycle: task.state,
		outcome: task.status,
		message: task.message,
	};
}

/** The documented JSON form of `job`; `now` (epoch ms) for the duration of a running job. */
export function jobToJson(job: Job, now: number): JobJson {
	// A null prototype keeps an extra field named "__proto__" an ordinary key.
	const extra: Record<string, string> = Object.create(null);
	for (const field of job.extra) extra[field.name] = field.value;
	return {
		server: job.server,
		key: job.key,
		name: job.name,
		type: job.type,
		state: job.displayState,
		raw_state: job.rawState,
		lifecycle: job.state,
		outcome: job.status,
		over: job.over,
		submit_time: isoTime(job.submitTime),
		start_time: isoTime(job.startTime),
		complete_time: isoTime(job.completeTime),
		duration_ms: jobDurationMs(job, now),
		task_reports: job.taskReports.map(taskJson),
		job_results: job.jobResults.map((r) => ({ name: r.name, value: r.value })),
		extra,
	};
}
