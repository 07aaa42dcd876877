import {
	ABORTED_MESSAGE,
	ERROR_MESSAGES,
	HOSTILE_FRAGMENTS,
	type ResultKind,
	SKIPPED_MESSAGE,
	TEMPLATES,
	WARNING_MESSAGES,
} from './catalog.js';
import type { Random } from './random.js';
import type { FinishStatus, SimResult, SimTask } from './types.js';

/**
 * Everything random about one job, drawn when the job is created, so that how
 * it ends does not depend on when timers happen to fire.
 */
export interface JobPlan {
	readonly outcome: FinishStatus;
	readonly durationMs: number;
	/** How long the job waits in the queue before it runs. */
	readonly queueMs: number;
	readonly taskTypes: readonly string[];
	/** Index of the task that fails, warns or is running when the job is aborted. */
	readonly pivot: number;
	/** What the pivot task says if the job ends with a warning. */
	readonly warningMessage: string;
	/** What the pivot task says if the job ends in error or partial failure. */
	readonly errorMessage: string;
	readonly results: readonly SimResult[];
	readonly hostile: boolean;
}

const MIN_DURATION_MS = 5_000;
const MAX_DURATION_MS = 180_000;

/**
 * Makes job keys shaped like AIQUM's (`06a6148bf9e862df:-2611856e:16e8d47e722:-7f87`):
 * a fixed instance part drawn from the seed, then a signed counter.
 */
export function createKeyMaker(rng: Random): () => string {
	const instance = rng.hex(16);
	const second = `-${rng.int(0x10000000, 0x7fffffff).toString(16)}`;
	// The third part looks like the hex epoch-ms of when UM started, in 2019-2026.
	const third = rng.int(0x16e00000000, 0x19f00000000).toString(16);
	let counter = -0x8000 + rng.int(0, 0x200);
	return () => {
		const n = counter++;
		return `${instance}:${second}:${third}:${n < 0 ? '-' : ''}${Math.abs(n).toString(16)}`;
	};
}

/** An outcome from the realistic mix: mostly normal, some warnings and failures, rarely aborted. */
export function drawOutcome(rng: Random): FinishStatus {
	const r = rng.next();
	if (r < 0.78) return 'normal';
	if (r < 0.87) return 'warning';
	if (r < 0.92) return 'partial_failures';
	if (r < 0.97) return 'error';
	return 'aborted';
}

/** A duration between 5 s and 3 min, short ones more likely (log-uniform). */
export function drawDuration(rng: Random): number {
	const log = Math.log(MIN_DURATION_MS) + rng.next() * Math.log(MAX_DURATION_MS / MIN_DURATION_MS);
	return Math.round(Math.exp(log));
}

/** Wraps text in escape sequences a client must neutralise. */
export function hostileText(rng: Random, text: string): string {
	return `${rng.pick(HOSTILE_FRAGMENTS)}${text}${rng.pick(HOSTILE_FRAGMENTS)}`;
}

/** What a generated job looks like before it exists: its name, type and plan. */
export interface JobDraft {
	readonly name: string;
	readonly type: string;
	readonly plan: JobPlan;
}

/** Draws a job: a template, a name in English or Japanese, and a plan. */
export function draftJob(
	rng: Random,
	overrides: { outcome?: FinishStatus; durationMs?: number; hostile?: boolean },
): JobDraft {
	const template = rng.pick(TEMPLATES);
	const outcome = overrides.outcome ?? drawOutcome(rng);
	const hostile = overrides.hostile ?? false;
	const name = rng.pick(template.names);
	const pivot = rng.int(0, template.tasks.length - 1);
	// Both drawn whatever the outcome, so finishJob can end the job any way with fitting text.
	const warningMessage = rng.pick(WARNING_MESSAGES);
	const errorMessage = rng.pick(ERROR_MESSAGES);
	const plan: JobPlan = {
		outcome,
		durationMs: overrides.durationMs ?? drawDuration(rng),
		queueMs: rng.int(300, 5_000),
		taskTypes: template.tasks,
		pivot,
		warningMessage: hostile ? hostileText(rng, warningMessage) : warningMessage,
		errorMessage: hostile ? hostileText(rng, errorMessage) : errorMessage,
		results: template.results.map((kind) => result(rng, kind)),
		hostile,
	};
	return { name: hostile ? hostileText(rng, name) : name, type: template.type, plan };
}

function uuid(rng: Random): string {
	const h = rng.hex(32);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const RESULT_TYPES: Record<ResultKind, string> = {
	volumeKey: 'volume',
	lunKey: 'lun',
	fileshareKey: 'volume',
	svmKey: 'vserver',
	clusterKey: 'cluster',
};

function result(rng: Random, kind: ResultKind): SimResult {
	return { name: kind, value: `${uuid(rng)}:type=${RESULT_TYPES[kind]},uuid=${uuid(rng)}` };
}

function taskKey(jobKey: string, index: number): string {
	return `${jobKey}:t${index + 1}`;
}

/** Task reports of a job in progress with `done` tasks finished (`state` is the job's). */
export function progressTasks(
	plan: JobPlan,
	jobKey: string,
	done: number,
	state: 'queued' | 'running',
): SimTask[] {
	return plan.taskTypes.map((type, i) => ({
		key: taskKey(jobKey, i),
		type,
		state: state === 'queued' || i > done ? 'queued' : i < done ? 'completed' : 'running',
		status: 'normal',
	}));
}

/** Task reports of a finished job, consistent with how it ended. */
export function finalTasks(plan: JobPlan, jobKey: string, end: FinishStatus): SimTask[] {
	const pivot = Math.min(plan.pivot, plan.taskTypes.length - 1);
	const message =
		end === 'warning'
			? plan.warningMessage
			: end === 'aborted'
				? ABORTED_MESSAGE
				: plan.errorMessage;
	return plan.taskTypes.map((type, i): SimTask => {
		const key = taskKey(jobKey, i);
		const healthy: SimTask = { key, type, state: 'completed', status: 'normal' };
		switch (end) {
			case 'normal':
				return healthy;
			case 'warning':
			case 'partial_failures':
				return i === pivot
					? { ...healthy, status: end === 'warning' ? 'warning' : 'error', message }
					: healthy;
			case 'error':
				if (i < pivot) return healthy;
				if (i === pivot) return { ...healthy, status: 'error', message };
				return { key, type, state: 'aborted', status: 'error', message: SKIPPED_MESSAGE };
			case 'aborted':
				if (i < pivot) return healthy;
				return { key, type, state: 'aborted', status: 'error', message };
		}
		return healthy;
	});
}

/** `job_results` of a finished job: what it created, unless it failed outright. */
export function finalResults(plan: JobPlan, end: FinishStatus): SimResult[] {
	return end === 'error' || end === 'aborted' ? [] : [...plan.results];
}
