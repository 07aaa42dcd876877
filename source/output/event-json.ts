import type { JobEvent } from '../engine/types.js';
import { isoTime } from '../present/time-format.js';
import { jobDurationMs } from './job-json.js';

/**
 * One line of `umwatch events`, documented and stable (fields are only added):
 * `event` is `new` (a job appeared) or `transition` (its display state changed);
 * `at` is when umwatch saw it (ISO-8601, UTC); `from` is the previous display
 * state (null for `new`); `to` and `state` are the display state now; the rest
 * describes the job as in the job JSON form (see job-json.ts).
 */
export interface EventJson {
	readonly event: 'new' | 'transition';
	readonly at: string | null;
	/** The server the job is on (as in the job JSON form). */
	readonly server: string;
	readonly key: string;
	readonly name: string;
	readonly type: string;
	readonly from: string | null;
	readonly to: string;
	readonly state: string;
	readonly raw_state: string;
	readonly lifecycle: string | null;
	readonly outcome: string | null;
	readonly over: boolean;
	readonly submit_time: string | null;
	readonly complete_time: string | null;
	readonly duration_ms: number | null;
}

/** The JSON line for one engine event. */
export function eventToJson(event: JobEvent): EventJson {
	const job = event.job;
	return {
		event: event.type,
		at: isoTime(event.at),
		server: job.server,
		key: job.key,
		name: job.name,
		type: job.type,
		from: event.type === 'transition' ? event.from : null,
		to: event.type === 'transition' ? event.to : job.displayState,
		state: job.displayState,
		raw_state: job.rawState,
		lifecycle: job.state,
		outcome: job.status,
		over: job.over,
		submit_time: isoTime(job.submitTime),
		complete_time: isoTime(job.completeTime),
		duration_ms: jobDurationMs(job, event.at),
	};
}
