import type { JobRecord } from './job-store.js';
import type { SimShape, SimTask } from './types.js';

/**
 * Writes epoch ms as ISO-8601 with a fixed UTC offset, to the second, the way
 * Unified Manager does: `2026-11-20T10:15:02+09:00`.
 */
export function formatTime(ms: number, offsetMinutes: number): string {
	const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	const hours = String(Math.floor(abs / 60)).padStart(2, '0');
	return `${local}${sign}${hours}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The wire value of `state` for a lifecycle and outcome in a given shape; in
 * the single-field shape a completed job's state is its outcome.
 */
export function wireState(state: string, status: string, shape: SimShape): string {
	if (shape === 'lowercase') return state;
	if (shape === 'single' && state === 'completed') return status.toUpperCase();
	return state.toUpperCase();
}

/** The wire value of `status`, or null where the shape has no such field. */
export function wireStatus(status: string, shape: SimShape): string | null {
	if (shape === 'single') return null;
	return shape === 'uppercase' ? status.toUpperCase() : status;
}

/** The server-relative, URL-encoded link to one job. */
export function jobHref(prefix: string, key: string): string {
	return `${prefix}/management-server/jobs/${encodeURIComponent(key)}`;
}

function taskJson(task: SimTask, shape: SimShape): Record<string, unknown> {
	const out: Record<string, unknown> = {
		key: task.key,
		type: task.type,
		state: wireState(task.state, task.status, shape),
	};
	const status = wireStatus(task.status, shape);
	if (status !== null) out.status = status;
	if (task.message !== undefined) out.message = task.message;
	return out;
}

/** How jobs are written: the shape, the time zone and the path prefix of links. */
export interface WireFormat {
	readonly shape: SimShape;
	readonly offsetMinutes: number;
	/** `/api` or `/api/v2`, as the request came in. */
	readonly prefix: string;
}

/** One job as the API answers it. `complete_time` is left out while the job runs. */
export function jobJson(job: JobRecord, format: WireFormat): Record<string, unknown> {
	const out: Record<string, unknown> = {
		key: job.key,
		name: job.name,
		type: job.type,
		state: wireState(job.state, job.status, format.shape),
	};
	const status = wireStatus(job.status, format.shape);
	if (status !== null) out.status = status;
	out.submit_time = formatTime(job.submitTime, format.offsetMinutes);
	if (job.completeTime !== null)
		out.complete_time = formatTime(job.completeTime, format.offsetMinutes);
	out.task_reports = job.taskReports.map((task) => taskJson(task, format.shape));
	out.job_results = job.jobResults.map((result) => ({ name: result.name, value: result.value }));
	out._links = { self: { href: jobHref(format.prefix, job.key) } };
	if (job.rawFields !== null) Object.assign(out, job.rawFields);
	return out;
}
