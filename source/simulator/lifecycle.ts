import { finalResults, finalTasks, type JobPlan, progressTasks } from './job-factory.js';
import type { JobRecord } from './job-store.js';
import type { FinishStatus } from './types.js';

/** How long a job stays `aborting` before it is `aborted`. */
export const ABORT_MS = 3_000;

/** What the lifecycle needs from the world around it. */
export interface LifecycleHost {
	now(): number;
	schedule(at: number, run: () => void): void;
	/** Whether the job still follows this run of its lifecycle. */
	alive(job: JobRecord, generation: number): boolean;
	/** Marks the job modified now and announces it. */
	changed(job: JobRecord): void;
}

/** Whether a lifecycle value means the job has ended (any case). */
export function isFinishedState(state: string): boolean {
	const lower = state.toLowerCase();
	return lower === 'completed' || lower === 'aborted';
}

/** Puts a job in progress: its state, and task reports with `done` tasks finished. */
export function advanceJob(job: JobRecord, state: string, done: number): void {
	job.state = state;
	if (job.plan === null) return;
	const phase = state === 'queued' || state === 'waiting' ? 'queued' : 'running';
	job.taskReports = progressTasks(job.plan, job.key, done, phase);
}

/** Ends a job at time `at`, with task reports and results matching how it ended. */
export function finishRecord(job: JobRecord, end: FinishStatus, at: number): void {
	job.state = end === 'aborted' ? 'aborted' : 'completed';
	job.status = end === 'aborted' ? 'error' : end;
	job.completeTime = at;
	job.auto = false;
	if (job.plan === null) return;
	job.taskReports = finalTasks(job.plan, job.key, end);
	job.jobResults = finalResults(job.plan, end);
}

/**
 * Starts the automatic lifecycle of a job just added: queued jobs start after
 * their queue time, running jobs move task by task to their planned end,
 * aborting jobs end aborted. Time already elapsed (a job submitted in the past)
 * is caught up at once, so no event is ever scheduled in the past.
 */
export function startLifecycle(host: LifecycleHost, job: JobRecord): void {
	const plan = job.plan;
	if (plan === null || !job.auto) return;
	const generation = job.generation;
	const now = host.now();
	switch (job.state) {
		case 'queued':
		case 'waiting': {
			const at = Math.max(now, job.submitTime) + plan.queueMs;
			host.schedule(at, () => {
				if (!host.alive(job, generation)) return;
				advanceJob(job, 'running', 0);
				host.changed(job);
				runFrom(host, job, generation, plan, host.now());
			});
			return;
		}
		case 'running':
			catchUp(job, plan, now, Math.min(job.submitTime, now));
			runFrom(host, job, generation, plan, Math.min(job.submitTime, now));
			return;
		case 'aborting':
			scheduleAbortEnd(host, job, generation, now + ABORT_MS);
			return;
		default:
			job.auto = false;
	}
}

function stepMs(plan: JobPlan): number {
	return plan.durationMs / plan.taskTypes.length;
}

function abortAt(plan: JobPlan, started: number): number {
	return Math.ceil(started + stepMs(plan) * (plan.pivot + 0.5));
}

/** Brings a running job submitted in the past to where it would be by now. */
function catchUp(job: JobRecord, plan: JobPlan, now: number, started: number): void {
	const n = plan.taskTypes.length;
	if (plan.outcome === 'aborted' && now >= abortAt(plan, started)) {
		const abortEnd = abortAt(plan, started) + ABORT_MS;
		if (now >= abortEnd) finishRecord(job, 'aborted', abortEnd);
		else job.state = 'aborting';
		return;
	}
	const done = Math.floor((now - started) / stepMs(plan));
	if (done >= n) finishRecord(job, plan.outcome, Math.ceil(started + plan.durationMs));
	else advanceJob(job, 'running', Math.max(0, done));
}

/** Schedules the next step of a running job that started at `started`. */
function runFrom(
	host: LifecycleHost,
	job: JobRecord,
	generation: number,
	plan: JobPlan,
	started: number,
): void {
	if (job.state === 'aborting') {
		scheduleAbortEnd(host, job, generation, abortAt(plan, started) + ABORT_MS);
		return;
	}
	if (job.state !== 'running') return;
	const done = job.taskReports.filter((task) => task.state === 'completed').length;
	if (plan.outcome === 'aborted' && done >= plan.pivot) {
		host.schedule(abortAt(plan, started), () => {
			if (!host.alive(job, generation)) return;
			job.state = 'aborting';
			host.changed(job);
			scheduleAbortEnd(host, job, generation, host.now() + ABORT_MS);
		});
		return;
	}
	host.schedule(Math.ceil(started + stepMs(plan) * (done + 1)), () => {
		if (!host.alive(job, generation)) return;
		if (done + 1 >= plan.taskTypes.length) {
			finishRecord(job, plan.outcome, host.now());
		} else {
			advanceJob(job, 'running', done + 1);
		}
		host.changed(job);
		runFrom(host, job, generation, plan, started);
	});
}

function scheduleAbortEnd(
	host: LifecycleHost,
	job: JobRecord,
	generation: number,
	at: number,
): void {
	host.schedule(at, () => {
		if (!host.alive(job, generation)) return;
		finishRecord(job, 'aborted', host.now());
		host.changed(job);
	});
}
