import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Job, JobId } from '../../source/api/job.js';
import {
	maxRefreshPolls,
	probeIgnored,
	probeStates,
	RefreshCadence,
	refreshPeriod,
} from '../../source/engine/refresh-cadence.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);

describe('refreshPeriod', () => {
	it('reads a job every poll for two minutes, then every 2nd, 4th, 8th poll, at most every 30 s', () => {
		const at2s = (ageMs: number) => refreshPeriod(ageMs, 2000);
		expect([0, 1 * MIN, 1.99 * MIN].map(at2s)).toEqual([1, 1, 1]);
		expect([2 * MIN, 3.9 * MIN].map(at2s)).toEqual([2, 2]);
		expect([4 * MIN, 7.9 * MIN].map(at2s)).toEqual([4, 4]);
		expect([8 * MIN, 15.9 * MIN].map(at2s)).toEqual([8, 8]);
		expect([16 * MIN, 600 * MIN, 1e12].map(at2s)).toEqual([15, 15, 15]);
	});

	it('counts a job from the future (clock skew) or of no known age as young', () => {
		expect(refreshPeriod(-5 * MIN, 2000)).toBe(1);
		expect(refreshPeriod(Number.NaN, 2000)).toBe(1);
	});

	it('caps at 30 s in whole intervals, and at every poll when the interval is 30 s or more', () => {
		expect(maxRefreshPolls(2000)).toBe(15);
		expect(maxRefreshPolls(1000)).toBe(30);
		expect(maxRefreshPolls(7000)).toBe(4);
		expect(maxRefreshPolls(30_000)).toBe(1);
		expect(maxRefreshPolls(45_000)).toBe(1);
		expect(refreshPeriod(600 * MIN, 45_000)).toBe(1);
	});
});

/** Runs the cadence over `polls` polls for jobs of these ages; returns, per job, the polls it was read on. */
function simulate(
	ages: readonly number[],
	polls: number,
	options: { readonly lose?: (poll: number, id: JobId) => boolean } = {},
): Map<JobId, number[]> {
	const cadence = new RefreshCadence(2000);
	const ids = ages.map((_, i) => `job-${i}` as JobId);
	const active = new Set(ids);
	cadence.record(ids, active); // the first load reads every job
	const reads = new Map(ids.map((id) => [id, [0]]));
	for (let poll = 1; poll <= polls; poll += 1) {
		const now = NOW + poll * 2000;
		const candidates = ids.map((id, i) => ({ id, submitTime: NOW - (ages[i] ?? 0) }));
		const read = cadence.select(candidates, now).filter((id) => !options.lose?.(poll, id));
		for (const id of read) reads.get(id)?.push(poll);
		cadence.record(read, active);
	}
	return reads;
}

describe('RefreshCadence', () => {
	it('reads jobs of one period together, on multiples of the period', () => {
		const reads = simulate([20 * MIN, 30 * MIN, 10 * MIN], 32);
		expect(reads.get('job-0' as JobId)).toEqual([0, 15, 30]);
		expect(reads.get('job-1' as JobId)).toEqual([0, 15, 30]);
		expect(reads.get('job-2' as JobId)).toEqual([0, 8, 16, 24, 32]);
	});

	it('never leaves a job unread longer than its period, whatever the ages (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -MIN, max: 48 * 60 * MIN }), { minLength: 1, maxLength: 12 }),
				(ages) => {
					const reads = simulate(ages, 60);
					for (const [, polls] of reads) {
						for (let i = 1; i < polls.length; i += 1) {
							expect((polls[i] ?? 0) - (polls[i - 1] ?? 0)).toBeLessThanOrEqual(15);
						}
						expect(60 - (polls.at(-1) ?? 0)).toBeLessThan(15);
					}
				},
			),
			{ numRuns: 200 },
		);
	});

	it('asks again at the next poll for a job that was due and not read', () => {
		const cadence = new RefreshCadence(2000);
		const id = 'old' as JobId;
		const active = new Set([id]);
		const old = [{ id, submitTime: NOW - 60 * MIN }];
		// Read on poll 3 (it was on a page then); poll 15 is its next turn.
		for (let poll = 0; poll < 15; poll += 1) cadence.record(poll === 3 ? [id] : [], active);
		expect(cadence.select(old, NOW)).toEqual([id]);
		// Left out of the answer (or past what one request holds): asked again at once, not at poll 18.
		cadence.record([], active);
		expect(cadence.select(old, NOW)).toEqual([id]);
		cadence.record([id], active);
		expect(cadence.select(old, NOW)).toEqual([]);
	});

	it('reads kept-fresh jobs every poll, and stops when they are no longer kept', () => {
		const cadence = new RefreshCadence(2000);
		const id = 'old' as JobId;
		const active = new Set([id]);
		cadence.record([id], active);
		const old = [{ id, submitTime: NOW - 60 * MIN }];
		cadence.setLive([id]);
		expect(cadence.select(old, NOW)).toEqual([id]);
		cadence.record([id], active);
		expect(cadence.select(old, NOW)).toEqual([id]);
		cadence.record([id], active);
		cadence.setLive([]);
		expect(cadence.select(old, NOW)).toEqual([]);
	});

	it('forgets jobs no longer in progress', () => {
		const cadence = new RefreshCadence(2000);
		const ids = ['a', 'b'] as JobId[];
		cadence.record(ids, new Set(ids));
		cadence.select([{ id: 'c' as JobId, submitTime: null }], NOW);
		expect(cadence.size).toBe(3);
		cadence.record([], new Set());
		expect(cadence.size).toBe(0);
	});
});

describe('change probes', () => {
	it('ask for every known state the probed jobs are not in, in both spellings', () => {
		const states = probeStates(['running', 'RUNNING', ' Queued ']) ?? [];
		expect(states).not.toContain('running');
		expect(states).not.toContain('QUEUED');
		for (const value of ['completed', 'COMPLETED', 'aborting', 'aborted', 'error', 'NORMAL']) {
			expect(states).toContain(value);
		}
	});

	it('ask nothing when the jobs hold every known state', () => {
		const all = ['queued', 'waiting', 'running', 'aborting', 'aborted', 'completed'];
		expect(probeStates([...all, 'normal', 'warning', 'partial_failures', 'error'])).toBeNull();
	});

	it('tell a server that ignored the state filter by a job in a state not asked for', () => {
		const job = (state: string | null) => ({ state }) as Job;
		const asked = ['completed', 'COMPLETED', 'aborted', 'ABORTED'];
		expect(probeIgnored([job('Completed'), job('ABORTED')], asked)).toBe(false);
		expect(probeIgnored([job('running')], asked)).toBe(true);
		expect(probeIgnored([job(null)], asked)).toBe(true);
		expect(probeIgnored([], asked)).toBe(false);
	});
});
