import { describe, expect, it } from 'vitest';
import {
	createSimulator,
	type SimJob,
	type SimulatorOptions,
} from '../../source/simulator/index.js';
import type { JobRecord } from '../../source/simulator/job-store.js';
import { parseCollectionQuery, selectJobs } from '../../source/simulator/query.js';
import { FakeClock } from '../helpers/fake-clock.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const quiet: SimulatorOptions = {
	autoAdvance: false,
	startTime: START,
	historyJobs: 0,
	activeJobs: 0,
	ratePerMinute: 0,
};

const view = (job: SimJob) => ({
	key: job.key,
	name: job.name,
	type: job.type,
	state: job.state,
	status: job.status,
	submitTime: job.submitTime,
	completeTime: job.completeTime,
	tasks: job.taskReports,
	results: job.jobResults,
});

describe('simulator world', () => {
	it('is deterministic by seed: same seed, same jobs; another seed, other jobs', () => {
		const run = (seed: number) => {
			const sim = createSimulator({ seed, autoAdvance: false, startTime: START });
			sim.advance(10 * 60_000);
			return sim.jobs().map(view);
		};
		const a = run(42);
		expect(a.length).toBeGreaterThan(60);
		expect(run(42)).toEqual(a);
		expect(run(43)).not.toEqual(a);
	});

	it('makes keys shaped like AIQUM job keys', () => {
		const sim = createSimulator({ ...quiet, seed: 1 });
		for (const job of sim.addJobs(50)) {
			expect(job.key).toMatch(/^[0-9a-f]{16}:-[0-9a-f]{8}:[0-9a-f]{11}:-?[0-9a-f]{1,4}$/);
		}
		expect(new Set(sim.jobs().map((j) => j.key)).size).toBe(50);
	});

	it('starts with finished history jobs dated in the past and a few running', () => {
		const sim = createSimulator({ seed: 9, autoAdvance: false, startTime: START });
		const jobs = sim.jobs();
		const finished = jobs.filter((j) => j.completeTime !== null);
		expect(finished.length).toBe(40);
		expect(jobs.filter((j) => j.state === 'running').length).toBe(2);
		for (const job of finished) {
			expect(job.submitTime).toBeLessThan(START);
			expect(job.completeTime).toBeLessThanOrEqual(START);
			expect(job.completeTime).toBeGreaterThanOrEqual(job.submitTime);
		}
		expect(START - (jobs[0]?.submitTime ?? START)).toBeGreaterThan(60 * 60_000);
	});

	it('moves a job task by task to its outcome as time advances', () => {
		const sim = createSimulator({ ...quiet, seed: 2 });
		const job = sim.addJob({ durationMs: 30_000, outcome: 'normal' });
		const n = job.taskReports.length;
		expect(job.state).toBe('running');
		expect(job.taskReports.map((t) => t.state)).toEqual([
			'running',
			...Array(n - 1).fill('queued'),
		]);
		sim.advance(Math.ceil(30_000 / n));
		expect(job.taskReports.map((t) => t.state)).toEqual([
			'completed',
			'running',
			...Array(n - 2).fill('queued'),
		]);
		expect(job.modifiedTime).toBe(START + Math.ceil(30_000 / n));
		sim.advance(30_000);
		expect(job.state).toBe('completed');
		expect(job.status).toBe('normal');
		expect(job.completeTime).toBe(START + 30_000);
		expect(job.taskReports.every((t) => t.state === 'completed' && t.status === 'normal')).toBe(
			true,
		);
		expect(job.jobResults.length).toBeGreaterThan(0);
		expect(sim.now()).toBe(START + Math.ceil(30_000 / n) + 30_000);
	});

	it('in auto mode follows the clock times speed, timers driving progress and arrivals', async () => {
		const clock = new FakeClock(START);
		const sim = createSimulator({ seed: 3, clock, speed: 10, historyJobs: 0, activeJobs: 0 });
		await sim.listen();
		try {
			const job = sim.addJob({ durationMs: 30_000, outcome: 'warning' });
			clock.tick(2_999);
			expect(sim.now()).toBe(START + 29_990);
			expect(job.state).toBe('running');
			clock.tick(1);
			expect(job.state).toBe('completed');
			expect(job.status).toBe('warning');
			expect(job.completeTime).toBe(START + 30_000);
			clock.tick(60_000);
			// Ten simulated minutes at six a minute.
			expect(sim.jobs().length - 1).toBeGreaterThan(35);
			expect(sim.jobs().length - 1).toBeLessThan(90);
		} finally {
			await sim.close();
		}
		expect(clock.pendingTimers).toBe(0);
	});

	it('takes a new arrival from queued to running', () => {
		const sim = createSimulator({ ...quiet, seed: 2, ratePerMinute: 60 });
		sim.advance(2 * 60_000);
		const jobs = sim.jobs();
		expect(jobs.length).toBeGreaterThan(80);
		expect(jobs.length).toBeLessThan(160);
		const newest = jobs[jobs.length - 1];
		expect(newest?.state).toBe('queued');
		expect(newest?.taskReports.every((t) => t.state === 'queued')).toBe(true);
		sim.advance(5_000);
		expect(newest?.state).toBe('running');
	});

	it('fails a job with a message on the failed task and the rest skipped', () => {
		const sim = createSimulator({ ...quiet, seed: 4 });
		const job = sim.addJob({ durationMs: 10_000, outcome: 'error' });
		sim.advance(10_000);
		expect(job.state).toBe('completed');
		expect(job.status).toBe('error');
		const failed = job.taskReports.filter((t) => t.status === 'error' && t.state === 'completed');
		expect(failed.length).toBe(1);
		expect(failed[0]?.message?.length).toBeGreaterThan(10);
		const after = job.taskReports.slice(job.taskReports.indexOf(failed[0] as never) + 1);
		expect(after.every((t) => t.state === 'aborted' && t.message !== undefined)).toBe(true);
		expect(job.jobResults).toEqual([]);
	});

	it('aborts a job through aborting', () => {
		const sim = createSimulator({ ...quiet, seed: 4 });
		const job = sim.addJob({ durationMs: 60_000, outcome: 'aborted' });
		const seen = new Set<string>();
		for (let t = 0; t < 70_000; t += 500) {
			sim.advance(500);
			seen.add(job.state);
		}
		expect(seen.has('aborting')).toBe(true);
		expect(job.state).toBe('aborted');
		expect(job.status).toBe('error');
		expect(job.completeTime).not.toBeNull();
		expect(job.taskReports.some((t) => t.state === 'aborted' && t.message !== undefined)).toBe(
			true,
		);
	});

	it('draws a realistic mix: mostly normal, some of every other end', () => {
		const sim = createSimulator({ ...quiet, seed: 8 });
		const jobs = sim.addJobs(2_000, { durationMs: 1_000 });
		sim.advance(10_000);
		const count = (end: string) =>
			jobs.filter((j) => (j.state === 'aborted' ? 'aborted' : j.status) === end).length;
		expect(jobs.every((j) => j.completeTime !== null)).toBe(true);
		expect(count('normal')).toBeGreaterThan(1_400);
		for (const end of ['warning', 'partial_failures', 'error', 'aborted']) {
			expect(count(end)).toBeGreaterThan(20);
			expect(count(end)).toBeLessThan(300);
		}
		const names = new Set(jobs.map((j) => j.name));
		expect(names.has('ボリュームの作成')).toBe(true);
		expect(names.has('Expand Volume')).toBe(true);
		expect(new Set(jobs.map((j) => j.type))).toEqual(
			new Set(['Provisioning', 'Modify', 'Protection Configuration', 'Cluster Acquisition']),
		);
	});

	it('finishes a job on demand with matching tasks and results', () => {
		const sim = createSimulator({ ...quiet, seed: 6 });
		for (const end of ['normal', 'warning', 'partial_failures', 'error', 'aborted'] as const) {
			const job = sim.addJob();
			sim.advance(1_000);
			sim.finishJob(job.key, end);
			expect(job.state).toBe(end === 'aborted' ? 'aborted' : 'completed');
			expect(job.status).toBe(end === 'aborted' ? 'error' : end);
			expect(job.completeTime).toBe(sim.now());
			expect(job.modifiedTime).toBe(sim.now());
			expect(job.auto).toBe(false);
			const flagged = job.taskReports.filter((t) => t.message !== undefined);
			expect(flagged.length > 0).toBe(end !== 'normal');
			// Deleting creates nothing, so only a failure is sure to report no results.
			if (end === 'error' || end === 'aborted') expect(job.jobResults).toEqual([]);
			else {
				const deletes = job.taskReports.some((t) => t.type === 'delete_volume');
				expect(job.jobResults.length > 0).toBe(!deletes);
			}
			const pivot = job.taskReports.find((t) => t.message !== undefined);
			if (end === 'warning') expect(pivot?.status).toBe('warning');
			if (end === 'aborted') expect(pivot?.message).toContain('Job aborted by user.');
		}
		sim.advance(10 * 60_000);
		expect(sim.jobs().map((j) => j.state)).toEqual([
			'completed',
			'completed',
			'completed',
			'completed',
			'aborted',
		]);
	});

	it('updates a job by hand, which ends its automatic lifecycle', () => {
		const sim = createSimulator({ ...quiet, seed: 6 });
		const job = sim.addJob({ durationMs: 5_000 });
		sim.advance(100);
		sim.updateJob(job.key, { state: 'waiting' });
		expect(job.completeTime).toBeNull();
		sim.advance(60_000);
		expect(job.state).toBe('waiting');
		sim.updateJob(job.key, { state: 'completed', status: 'warning' });
		expect(job.completeTime).toBe(START + 60_100);
		sim.updateJob(job.key, { submitTime: START + 999_999, rawFields: { extra: [1] } });
		expect(sim.jobs().at(-1)).toBe(job);
		expect(() => sim.updateJob('nope', { name: 'x' })).toThrow('no simulated job with key nope');
		expect(sim.removeJob(job.key)).toBe(true);
		expect(sim.removeJob(job.key)).toBe(false);
		expect(sim.job(job.key)).toBeUndefined();
	});

	it('puts escape sequences in names and messages at hostileRate 1', () => {
		const sim = createSimulator({ ...quiet, seed: 1, hostileRate: 1 });
		const jobs = sim.addJobs(20, { durationMs: 1_000, outcome: 'error' });
		sim.advance(2_000);
		const controls = /[\u0000-\u001f\u007f-\u009f\u200b\u202e\u2066]/;
		expect(jobs.every((j) => controls.test(j.name))).toBe(true);
		expect(jobs.every((j) => j.taskReports.some((t) => controls.test(t.message ?? '')))).toBe(true);
		const tame = createSimulator({ ...quiet, seed: 1 });
		expect(tame.addJobs(50).some((j) => controls.test(j.name))).toBe(false);
	});

	it('answers newest-first pages and key lookups at 100,000 jobs with O(page) work', () => {
		// Work is counted, not timed: every job the query reads from the held list and
		// every key it looks up. A scan per request would read all 100,050 jobs.
		const sim = createSimulator({ ...quiet, seed: 1 });
		sim.addJobs(100_000, (i) => ({ state: 'completed', submitTime: START - (100_000 - i) * 1000 }));
		const running = sim.addJobs(50);
		const held = sim.jobs() as JobRecord[];
		const byKey = new Map(held.map((job) => [job.key, job]));
		let reads = 0;
		const list = new Proxy(held, {
			get(target, property, receiver) {
				if (typeof property === 'string' && /^\d+$/.test(property)) reads += 1;
				return Reflect.get(target, property, receiver);
			},
		});
		let lookups = 0;
		const lookup = (key: string) => {
			lookups += 1;
			return byKey.get(key);
		};
		const ctx = { shape: 'lowercase', offsetMinutes: 0 } as const;
		const ask = (search: string) => {
			const query = parseCollectionQuery(new URLSearchParams(search));
			if ('error' in query) throw new Error(query.error);
			return selectJobs(list, lookup, query, ctx);
		};
		const page = ask('');
		expect(page.records[0]?.key).toBe(running[49]?.key);
		expect(page.total).toBe(100_050);
		expect(reads).toBeLessThanOrEqual(20);
		reads = 0;
		const keys = running.map((job) => job.key).join('|');
		const found = ask(`key=${encodeURIComponent(keys)}&max_records=100`);
		expect(found.total).toBe(50);
		expect(lookups).toBe(50);
		expect(reads).toBe(0);
		sim.close();
	});
});
