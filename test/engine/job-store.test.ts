import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type Job, sameJob } from '../../source/api/job.js';
import { compareJobs, JobStore } from '../../source/engine/job-store.js';
import { KeyIndex } from '../../source/engine/key-index.js';
import { parseRaw } from '../helpers/fake-client.js';

const T0 = Date.UTC(2026, 10, 20, 1, 0, 0);

function job(key: string, ageSeconds: number | null, state = 'running', status = 'normal'): Job {
	return parseRaw({
		key,
		name: `job ${key}`,
		state,
		status,
		...(ageSeconds === null ? {} : { submit_time: new Date(T0 - ageSeconds * 1000).toISOString() }),
	});
}

describe('compareJobs', () => {
	it('puts newer first, ties by key, and jobs without a submit time last', () => {
		const jobs = [job('b', 5), job('z', null), job('a', 5), job('c', 1), job('y', null)];
		expect([...jobs].sort(compareJobs).map((j) => j.key)).toEqual(['c', 'a', 'b', 'y', 'z']);
	});
});

describe('JobStore.merge', () => {
	it('inserts new jobs in order, wherever they fall', () => {
		const store = new JobStore(100);
		store.merge([job('m', 10), job('n', 20)]);
		const outcome = store.merge([job('new', 1), job('mid', 15), job('old', 30)]);
		expect(store.jobs.map((j) => j.key)).toEqual(['new', 'm', 'mid', 'n', 'old']);
		expect(outcome.added.map((j) => j.key)).toEqual(['old', 'mid', 'new']);
		expect(outcome.transitions).toEqual([]);
	});

	it('reports no change, and keeps every object, when nothing visible changed', () => {
		const store = new JobStore(100);
		store.merge([job('a', 1), job('b', 2)]);
		const { jobs, byKey, counts } = store;
		const outcome = store.merge([job('a', 1), job('b', 2)]);
		expect(outcome).toEqual({ changed: false, added: [], transitions: [], dropped: 0 });
		expect(store.jobs).toBe(jobs);
		expect(store.byKey).toBe(byKey);
		expect(store.counts).toBe(counts);
	});

	it('moves a job whose submit time changed', () => {
		const store = new JobStore(100);
		store.merge([job('a', 1), job('b', 2), job('c', 3)]);
		store.merge([job('c', 0)]);
		expect(store.jobs.map((j) => j.key)).toEqual(['c', 'a', 'b']);
		expect(store.byKey.get('c')?.submitTime).toBe(T0);
	});

	it('ignores an answer that would take a finished job back to in progress', () => {
		const store = new JobStore(100);
		store.merge([job('a', 1, 'completed')]);
		const outcome = store.merge([job('a', 1, 'running')]);
		expect(outcome.changed).toBe(false);
		expect(store.get('a')?.displayState).toBe('NORMAL');
	});

	it('keeps the first copy of a key that appears twice', () => {
		const store = new JobStore(100);
		store.merge([job('a', 1, 'queued'), job('a', 1, 'running')]);
		expect(store.jobs).toHaveLength(1);
		expect(store.get('a')?.displayState).toBe('QUEUED');
	});

	it('tracks the keys in progress', () => {
		const store = new JobStore(100);
		store.merge([job('a', 1), job('b', 2, 'completed'), job('c', 3, 'queued')]);
		expect([...store.activeIds].sort()).toEqual(['a', 'c']);
		store.merge([job('a', 1, 'completed', 'error')]);
		expect([...store.activeIds]).toEqual(['c']);
	});

	it('drops only in-progress jobs, oldest first, when nothing finished is left', () => {
		const store = new JobStore(2);
		const outcome = store.merge([job('a', 1), job('b', 2), job('c', 3)]);
		expect(store.jobs.map((j) => j.key)).toEqual(['a', 'b']);
		expect(outcome.dropped).toBe(1);
		expect(outcome.added.map((j) => j.key)).toEqual(['b', 'a']);
		expect(store.droppedJobs).toBe(1);
		expect(store.get('c')).toBeUndefined();
		expect(store.counts.RUNNING).toBe(2);
	});

	it('matches a plain model over random merges (order, counts, index, cap)', () => {
		const arbitraryJob = fc.record({
			key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
			age: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
			state: fc.constantFrom('running', 'queued', 'completed'),
			status: fc.constantFrom('normal', 'error'),
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(arbitraryJob, { maxLength: 6 }), { maxLength: 8 }),
				(batches) => {
					const store = new JobStore(1000);
					const model = new Map<string, Job>();
					for (const batch of batches) {
						const jobs = batch.map((j) => job(j.key, j.age, j.state, j.status));
						store.merge(jobs);
						const seen = new Set<string>();
						for (const j of jobs) {
							if (seen.has(j.key)) continue;
							seen.add(j.key);
							const old = model.get(j.key);
							if (old?.over && !j.over) continue;
							if (old === undefined || !sameJob(old, j)) model.set(j.key, j);
						}
						const expected = [...model.values()].sort(compareJobs);
						// By object: an unchanged job keeps the very object first merged.
						expect(store.jobs).toHaveLength(expected.length);
						for (const [i, j] of store.jobs.entries()) expect(j).toBe(expected[i]);
						for (const j of expected) expect(store.byKey.get(j.key)).toBe(j);
						expect(store.byKey.size).toBe(expected.length);
						const running = expected.filter((j) => j.displayState === 'RUNNING').length;
						expect(store.counts.RUNNING).toBe(running);
					}
				},
			),
		);
	});

	it('merges a one-job change into 100,000 jobs without copying them', () => {
		const store = new JobStore(200_000);
		// Cloned from one parsed job: parsing 100,000 would cost the test seconds.
		const template = job('template', 0);
		const jobs = Array.from({ length: 100_000 }, (_, i) => ({
			...template,
			key: `k${i}`,
			submitTime: T0 - i * 1000,
		}));
		store.merge(jobs);
		// Work is counted, not timed: every entry a Map takes in (a copy of the index
		// included) goes through Map.prototype.set, so a copy per merge would show as
		// 100,000 sets each time. The shared base plus a small overlay keeps it to
		// a few hundred per merge.
		const sets = vi.spyOn(Map.prototype, 'set');
		try {
			for (let i = 0; i < 50; i++)
				store.merge([job(`k${i * 7}`, i * 7, 'completed', i % 2 ? 'error' : 'normal')]);
			expect(sets.mock.calls.length).toBeLessThan(50 * 1_000);
		} finally {
			sets.mockRestore();
		}
		expect(store.jobs).toHaveLength(100_000);
		expect(store.counts.RUNNING).toBe(100_000 - 50);
	});
});

describe('KeyIndex', () => {
	it('behaves like a Map through sets, overwrites, removals and compactions', () => {
		let index = KeyIndex.empty<number>();
		const model = new Map<string, number>();
		const versions: Array<[KeyIndex<number>, Map<string, number>]> = [];
		for (let round = 0; round < 400; round++) {
			const changes = new Map<string, number | undefined>();
			for (let i = 0; i < 5; i++) {
				const key = `k${(round * 7 + i * 13) % 700}`;
				const value = (round + i) % 4 === 0 ? undefined : round * 10 + i;
				changes.set(key, value);
			}
			index = index.with(changes);
			for (const [key, value] of changes) {
				if (value === undefined) model.delete(key);
				else model.set(key, value);
			}
			versions.push([index, new Map(model)]);
		}
		// Every older version still answers as it did when it was made.
		const wrong: string[] = [];
		for (const [round, [version, expected]] of versions.entries()) {
			if (version.size !== expected.size) wrong.push(`${round}: size ${version.size}`);
			for (const [key, value] of expected) {
				if (version.get(key) !== value) wrong.push(`${round}: get ${key}`);
			}
			for (const [key, value] of version) {
				if (expected.get(key) !== value) wrong.push(`${round}: iterates ${key}`);
			}
			if (version.has('k-none')) wrong.push(`${round}: has k-none`);
		}
		expect(wrong).toEqual([]);
	});
});
