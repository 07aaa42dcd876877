import { createKeyMaker, draftJob, drawOutcome, type JobPlan } from './job-factory.js';
import { type JobRecord, JobStore } from './job-store.js';
import { advanceJob, finishRecord, isFinishedState, startLifecycle } from './lifecycle.js';
import { createRandom, type Random } from './random.js';
import type { SimTime } from './sim-time.js';
import type { FinishStatus, JobPatch, JobSpec, SimOutcome } from './types.js';

/** Told about every change: the job, and whether it was removed. */
export type ChangeListener = (job: JobRecord, removed: boolean) => void;

/** What the world is built from. */
export interface WorldOptions {
	readonly time: SimTime;
	readonly seed: number;
	readonly ratePerMinute: number;
	readonly historyJobs: number;
	readonly activeJobs: number;
	readonly hostileRate: number;
}

/** Mean gap between history jobs: 40 of them cover about two hours. */
const HISTORY_GAP_MS = 180_000;

/**
 * The simulated Unified Manager's jobs: the store, arrivals over time, and
 * every change made from outside (tests, the demo), each announced to
 * listeners (long polls wait on them).
 */
export class World {
	readonly store = new JobStore();
	readonly time: SimTime;
	readonly #rng: Random;
	readonly #makeKey: () => string;
	readonly #rate: number;
	readonly #hostileRate: number;
	readonly #listeners = new Set<ChangeListener>();
	#seq = 0;

	constructor(options: WorldOptions) {
		this.time = options.time;
		this.#rng = createRandom(options.seed);
		this.#makeKey = createKeyMaker(this.#rng);
		this.#rate = options.ratePerMinute;
		this.#hostileRate = options.hostileRate;
		this.#seedHistory(options.historyJobs, options.activeJobs);
		this.#scheduleArrival();
	}

	/** Subscribes to changes; returns the unsubscribe function. */
	onChange(listener: ChangeListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Creates jobs from specs and adds them in one step. */
	add(specs: readonly JobSpec[]): JobRecord[] {
		const now = this.time.now();
		const records = specs.map((spec) => this.#create(spec, now));
		this.store.add(records);
		for (const record of records) {
			if (record.auto) startLifecycle(this.#lifecycleHost(), record);
			this.#emit(record, false);
		}
		return records;
	}

	/** Applies a patch; changing state or status ends the automatic lifecycle. */
	update(key: string, patch: JobPatch): JobRecord {
		const job = this.#get(key);
		const now = this.time.now();
		if (patch.submitTime !== undefined) this.store.moveSubmitTime(job, patch.submitTime);
		if (patch.name !== undefined) job.name = patch.name;
		if (patch.type !== undefined) job.type = patch.type;
		if (patch.status !== undefined) job.status = patch.status;
		if (patch.state !== undefined) {
			job.state = patch.state;
			if (patch.completeTime === undefined) {
				job.completeTime = isFinishedState(patch.state) ? (job.completeTime ?? now) : null;
			}
		}
		if (patch.completeTime !== undefined) job.completeTime = patch.completeTime;
		if (patch.taskReports !== undefined) job.taskReports = patch.taskReports;
		if (patch.jobResults !== undefined) job.jobResults = patch.jobResults;
		if (patch.rawFields !== undefined) job.rawFields = patch.rawFields;
		if (patch.state !== undefined || patch.status !== undefined) this.#stopAuto(job);
		this.touch(job);
		return job;
	}

	/** Ends a job now with matching task reports and results. */
	finish(key: string, end: FinishStatus): JobRecord {
		const job = this.#get(key);
		this.#stopAuto(job);
		job.plan ??= this.#planFor(job, end);
		finishRecord(job, end, this.time.now());
		this.touch(job);
		return job;
	}

	/** Removes a job; returns whether it existed. */
	remove(key: string): boolean {
		const job = this.store.remove(key);
		if (job === undefined) return false;
		this.#stopAuto(job);
		this.#emit(job, true);
		return true;
	}

	/** Marks a job changed now and tells the listeners. */
	touch(job: JobRecord): void {
		job.modifiedTime = this.time.now();
		this.#emit(job, false);
	}

	#get(key: string): JobRecord {
		const job = this.store.get(key);
		if (job === undefined) throw new Error(`no simulated job with key ${key}`);
		return job;
	}

	#stopAuto(job: JobRecord): void {
		job.auto = false;
		job.generation++;
	}

	#emit(job: JobRecord, removed: boolean): void {
		for (const listener of this.#listeners) listener(job, removed);
	}

	#lifecycleHost() {
		return {
			now: () => this.time.now(),
			schedule: (at: number, run: () => void) => this.time.schedule(at, run),
			alive: (job: JobRecord, generation: number) =>
				this.store.get(job.key) === job && job.generation === generation && job.auto,
			changed: (job: JobRecord) => this.touch(job),
		};
	}

	#drawHostile(): boolean {
		return this.#hostileRate > 0 && this.#rng.chance(this.#hostileRate);
	}

	/** A plan for a job that was given whole, keeping its task types when it has some. */
	#planFor(job: JobRecord, end: FinishStatus): JobPlan {
		const plan = draftJob(this.#rng, { outcome: end }).plan;
		const types = job.taskReports.map((task) => task.type);
		return types.length > 0 ? { ...plan, taskTypes: types, pivot: types.length - 1 } : plan;
	}

	#create(spec: JobSpec, now: number): JobRecord {
		const hostile = spec.hostile ?? this.#drawHostile();
		const draft = draftJob(this.#rng, {
			...(spec.outcome === undefined ? {} : { outcome: spec.outcome }),
			...(spec.durationMs === undefined ? {} : { durationMs: spec.durationMs }),
			hostile,
		});
		const state = spec.state ?? 'running';
		const finished = isFinishedState(state);
		const submitTime = spec.submitTime ?? now;
		const key = spec.key ?? this.#makeKey();
		const record: JobRecord = {
			key,
			name: spec.name ?? draft.name,
			type: spec.type ?? draft.type,
			state,
			status: spec.status ?? defaultStatus(state, draft.plan),
			submitTime,
			completeTime: null,
			modifiedTime: now,
			taskReports: [],
			jobResults: [],
			rawFields: spec.rawFields ?? null,
			auto: (spec.auto ?? true) && !finished,
			seq: this.#seq++,
			plan: draft.plan,
			generation: 0,
		};
		if (finished) {
			const end: FinishStatus = state === 'aborted' ? 'aborted' : asOutcome(record.status);
			const done = Math.min(now, submitTime + draft.plan.queueMs + draft.plan.durationMs);
			finishRecord(record, end, Math.max(submitTime, done));
			record.status = spec.status ?? record.status;
		} else {
			advanceJob(record, state, 0);
		}
		if (spec.completeTime !== undefined) record.completeTime = spec.completeTime;
		if (spec.taskReports !== undefined) record.taskReports = spec.taskReports;
		if (spec.jobResults !== undefined) record.jobResults = spec.jobResults;
		return record;
	}

	#seedHistory(history: number, active: number): void {
		const now = this.time.now();
		const specs: JobSpec[] = [];
		// Far enough back that even the longest history job ended before now.
		let t = now - 200_000;
		for (let i = 0; i < history; i++) {
			t -= Math.round(this.#rng.exponential(HISTORY_GAP_MS)) + 1_000;
			const outcome = drawOutcome(this.#rng);
			specs.push({
				submitTime: t,
				state: outcome === 'aborted' ? 'aborted' : 'completed',
				...(outcome === 'aborted' ? {} : { status: outcome }),
			});
		}
		// Long enough, and started recently enough, to be still running at start.
		for (let i = 0; i < active; i++) {
			const outcome = drawOutcome(this.#rng);
			specs.push({
				submitTime: now - this.#rng.int(1_000, 30_000),
				state: 'running',
				durationMs: this.#rng.int(90_000, 180_000),
				outcome: outcome === 'aborted' ? 'normal' : outcome,
			});
		}
		specs.sort((a, b) => (a.submitTime ?? 0) - (b.submitTime ?? 0));
		this.add(specs);
	}

	#scheduleArrival(): void {
		if (!(this.#rate > 0)) return;
		const gap = Math.max(1, Math.round(this.#rng.exponential(60_000 / this.#rate)));
		this.time.schedule(this.time.now() + gap, () => {
			this.add([{ state: 'queued' }]);
			this.#scheduleArrival();
		});
	}
}

function defaultStatus(state: string, plan: JobPlan): string {
	if (state === 'aborted') return 'error';
	if (state === 'completed') return plan.outcome === 'aborted' ? 'normal' : plan.outcome;
	return 'normal';
}

function asOutcome(status: string): SimOutcome {
	return status === 'warning' || status === 'partial_failures' || status === 'error'
		? status
		: 'normal';
}
