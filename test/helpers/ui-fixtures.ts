import { DISPLAY_STATES, type DisplayState, type Job } from '../../source/api/job.js';
import { parseJob } from '../../source/api/parse.js';
import type { Snapshot } from '../../source/engine/types.js';

const OVER: ReadonlySet<DisplayState> = new Set([
	'NORMAL',
	'WARNING',
	'PARTIAL_FAILURES',
	'ERROR',
	'ABORTED',
]);

/**
 * A parsed job built directly from its fields (every one can be overridden):
 * for tests that start after parsing. To start from what the server sends,
 * use {@link apiJob}.
 */
export function makeJob(overrides: Partial<Job> & { key: string }): Job {
	const displayState = overrides.displayState ?? 'NORMAL';
	return {
		server: '',
		name: `job ${overrides.key}`,
		type: 'Provisioning',
		state: null,
		status: null,
		displayState,
		rawState: displayState,
		over: OVER.has(displayState),
		submitTime: null,
		completeTime: null,
		startTime: null,
		taskReports: [],
		jobResults: [],
		extra: [],
		...overrides,
	};
}

/**
 * A Job built through the real parser from the fields the API would send
 * (snake_case, ISO times): for tests of what users see of a server's answer.
 */
export function apiJob(raw: Record<string, unknown>): Job {
	const job = parseJob({ name: 'Job', type: 'Provisioning', ...raw });
	if (job === null) throw new Error('apiJob: no key');
	return job;
}

/** `count` finished jobs, newest first, submitted a minute apart before 2026-11-28T03:00Z. */
export function makeJobs(count: number): Job[] {
	const base = Date.parse('2026-11-28T03:00:00Z');
	return Array.from({ length: count }, (_, i) =>
		apiJob({
			key: `k-${String(i).padStart(5, '0')}`,
			name: `Job ${i}`,
			state: 'completed',
			status: 'normal',
			submit_time: new Date(base - i * 60_000).toISOString(),
			complete_time: new Date(base - i * 60_000 + 30_000).toISOString(),
		}),
	);
}

/** A snapshot holding `jobs` (already newest first), with counts and byKey derived. */
export function makeSnapshot(jobs: readonly Job[], overrides: Partial<Snapshot> = {}): Snapshot {
	const counts = Object.fromEntries(DISPLAY_STATES.map((s) => [s, 0])) as Record<
		DisplayState,
		number
	>;
	for (const job of jobs) counts[job.displayState]++;
	return {
		version: 1,
		jobs,
		byKey: new Map(jobs.map((job) => [job.key, job])),
		counts,
		connection: { kind: 'live' },
		lastSuccessAt: null,
		intervalMs: 2000,
		serverVersion: '9.16P1',
		focusKey: null,
		longPoll: 'unknown',
		droppedJobs: 0,
		skippedRecords: 0,
		...overrides,
	};
}

/** `count` finished jobs `job-0` (newest) … submitted a second apart before `newest`. */
export function manyJobs(count: number, newest: number): Job[] {
	return Array.from({ length: count }, (_, i) =>
		makeJob({
			key: `job-${i}`,
			name: `Job number ${i}`,
			submitTime: newest - i * 1000,
			completeTime: newest - i * 1000 + 5000,
		}),
	);
}
