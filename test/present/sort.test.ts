// The one definition of the sort orders (issue 13): what `list --sort` prints and
// the live view's `s` will cycle through.
import { describe, expect, it } from 'vitest';
import { DISPLAY_STATES, type DisplayState, type Job } from '../../source/api/job.js';
import {
	compareAcrossServers,
	compareJobsBy,
	parseSortOrder,
	SORT_ORDERS,
	sortJobs,
} from '../../source/present/sort.js';
import { makeJob } from '../helpers/ui-fixtures.js';

const T = Date.parse('2026-11-30T00:00:00Z');
const NOW = T + 3_600_000;

const keys = (jobs: readonly Job[]) => jobs.map((job) => job.key);

/** A job of `state` submitted `s` seconds after T; over jobs took `took` seconds. */
function job(
	key: string,
	s: number | null,
	state: DisplayState = 'NORMAL',
	extra: Partial<Job> = {},
) {
	const submitTime = s === null ? null : T + s * 1000;
	const base = makeJob({ key, displayState: state, submitTime, ...extra });
	return base.over &&
		base.completeTime === null &&
		submitTime !== null &&
		!('completeTime' in extra)
		? { ...base, completeTime: submitTime + 1000 }
		: base;
}

describe('sortJobs', () => {
	it('submitted: newest first, a tie goes to the server named first, then the key; no time last', () => {
		const jobs = [
			job('a', 10, 'NORMAL', { server: 'osaka' }),
			job('b', 20, 'NORMAL', { server: 'tokyo' }),
			job('c', 20, 'NORMAL', { server: 'osaka' }),
			job('d', null, 'NORMAL', { server: 'tokyo' }),
			job('e', 20, 'NORMAL', { server: 'tokyo' }),
			job('f', 20, 'NORMAL', { server: 'nara' }),
		];
		const order = ['tokyo', 'osaka'];
		expect(keys(sortJobs(jobs, 'submitted', NOW, order))).toEqual(['b', 'e', 'c', 'f', 'a', 'd']);
		// The same rule as the one comparator the merge of several servers used.
		expect(keys([...jobs].sort(compareAcrossServers(order)))).toEqual([
			'b',
			'e',
			'c',
			'f',
			'a',
			'd',
		]);
		// The input is not changed.
		expect(keys(jobs)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
	});

	it('state: failures first (ERROR, PARTIAL_FAILURES, ABORTED, WARNING), running, queued, normal, UNKNOWN last; newest first within a group', () => {
		const jobs = DISPLAY_STATES.flatMap((state, i) => [
			job(`${state}-old`, i, state),
			job(`${state}-new`, 100 + i, state),
		]);
		const sorted = sortJobs(jobs, 'state', NOW).map((j) => j.key);
		expect(sorted).toEqual([
			'ERROR-new',
			'ERROR-old',
			'PARTIAL_FAILURES-new',
			'PARTIAL_FAILURES-old',
			'ABORTED-new',
			'ABORTED-old',
			'WARNING-new',
			'WARNING-old',
			// running and aborting are one group: newest first across both
			'ABORTING-new',
			'RUNNING-new',
			'ABORTING-old',
			'RUNNING-old',
			// queued and waiting likewise
			'WAITING-new',
			'QUEUED-new',
			'WAITING-old',
			'QUEUED-old',
			'NORMAL-new',
			'NORMAL-old',
			'UNKNOWN-new',
			'UNKNOWN-old',
		]);
	});

	it('state over several servers: a tie in group and time goes to the server named first', () => {
		const jobs = [
			job('x', 5, 'ERROR', { server: 'osaka' }),
			job('y', 5, 'ERROR', { server: 'tokyo' }),
			job('z', 9, 'NORMAL', { server: 'tokyo' }),
		];
		expect(keys(sortJobs(jobs, 'state', NOW, ['tokyo', 'osaka']))).toEqual(['y', 'x', 'z']);
		expect(keys(sortJobs(jobs, 'state', NOW, ['osaka', 'tokyo']))).toEqual(['x', 'y', 'z']);
		// Already newest first by time, but the tie is in the wrong server order.
		const timeOrdered = [jobs[2], jobs[0], jobs[1]] as Job[];
		expect(keys(sortJobs(timeOrdered, 'state', NOW, ['tokyo', 'osaka']))).toEqual(['y', 'x', 'z']);
		expect(keys(sortJobs(timeOrdered, 'submitted', NOW, ['tokyo', 'osaka']))).toEqual([
			'z',
			'y',
			'x',
		]);
	});

	it('duration: longest first, a running job counted up to now, jobs without times last, ties newest first', () => {
		const jobs = [
			job('short', 100, 'NORMAL', { completeTime: T + 110_000 }), // 10 s
			job('long', 0, 'ERROR', { completeTime: T + 600_000 }), // 600 s
			job('running', 3000, 'RUNNING'), // NOW - T - 3000 s = 600 s so far: ties with long
			job('tie-newer', 200, 'NORMAL', { completeTime: T + 210_000 }), // 10 s, newer than short
			job('no-submit', null, 'NORMAL'),
			job('no-complete', 50, 'NORMAL', { completeTime: null }),
		];
		expect(keys(sortJobs(jobs, 'duration', NOW))).toEqual([
			'running',
			'long',
			'tie-newer',
			'short',
			'no-complete',
			'no-submit',
		]);
		// A later now makes the running job the longest alone.
		expect(keys(sortJobs(jobs, 'duration', NOW - 1000)).slice(0, 2)).toEqual(['long', 'running']);
	});

	it('name: locale order with digits by value, nameless last, equal names newest first', () => {
		const jobs = [
			job('1', 1, 'NORMAL', { name: 'job10' }),
			job('2', 2, 'NORMAL', { name: 'job2' }),
			job('3', 3, 'NORMAL', { name: 'Éclair' }),
			job('4', 4, 'NORMAL', { name: 'echo' }),
			job('5', 5, 'NORMAL', { name: '' }),
			job('6', 6, 'NORMAL', { name: 'job2' }),
			job('7', 7, 'NORMAL', { name: 'zeta' }),
		];
		const sorted = sortJobs(jobs, 'name', NOW).map((j) => `${j.name}#${j.key}`);
		expect(sorted).toEqual(['echo#4', 'Éclair#3', 'job2#6', 'job2#2', 'job10#1', 'zeta#7', '#5']);
	});

	it('the one-pair comparator agrees with sortJobs for every order', () => {
		const states = DISPLAY_STATES;
		const jobs = Array.from({ length: 300 }, (_, i) =>
			job(`k${(i * 7919) % 300}`, i % 5 === 0 ? null : (i * 37) % 50, states[i % states.length], {
				name: ['alpha', 'Beta', 'beta', 'job9', 'job10', ''][i % 6] as string,
				server: ['tokyo', 'osaka', 'kobe'][i % 3] as string,
			}),
		);
		for (const order of SORT_ORDERS) {
			const expected = keys(sortJobs(jobs, order, NOW, ['tokyo', 'osaka']));
			const compared = keys([...jobs].sort(compareJobsBy(order, NOW, ['tokyo', 'osaka'])));
			expect(compared, order).toEqual(expected);
		}
	});

	it('name: names placed by an earlier sort are reused, new ones placed among them, old ones dropped', () => {
		const named = (prefix: string, count: number, from = 0) =>
			Array.from({ length: count }, (_, i) =>
				job(`${prefix}${from + i}`, from + i, 'NORMAL', {
					name: `${prefix} ${((from + i) * 7919) % 1000}`,
				}),
			);
		const agree = (jobs: Job[]) =>
			expect(keys(sortJobs(jobs, 'name', NOW))).toEqual(
				keys([...jobs].sort(compareJobsBy('name', NOW))),
			);
		const many = named('Vol', 100);
		agree(many); // more than 64 new names: sorted at once
		agree([...many, ...named('vol', 2, 500), ...named('Aggr', 1)]); // a few: each placed by search
		agree(named('Lun', 5000)); // known names now outnumber those in use…
		agree([...named('Snap', 10), ...many.slice(0, 3)]); // …so the next sort starts afresh
	});

	it('reads --sort values case-insensitively and names the allowed values otherwise', () => {
		expect(parseSortOrder('State')).toBe('state');
		expect(() => parseSortOrder('newest')).toThrow(
			'--sort must be one of submitted, state, duration, name, not "newest"',
		);
	});
});
