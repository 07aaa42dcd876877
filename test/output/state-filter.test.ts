import { describe, expect, it } from 'vitest';
import { DISPLAY_STATES } from '../../source/api/job.js';
import { UsageError } from '../../source/api/usage-error.js';
import { runList } from '../../source/output/list.js';
import { parseStateFilter, STATE_FILTER_WORDS } from '../../source/output/state-filter.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const clock = new FakeClock(Date.parse('2026-11-28T03:10:00Z'));

const JOBS = [
	apiJob({ key: 'k-run', state: 'running', status: 'normal' }),
	apiJob({ key: 'k-err', state: 'completed', status: 'error' }),
	apiJob({ key: 'k-paused', state: 'paused', status: 'normal' }),
	apiJob({ key: 'k-odd', state: 'completed', status: 'half-done' }),
];

function keysMatching(state: string): string[] {
	const predicate = parseStateFilter(state);
	return JOBS.filter(predicate).map((job) => job.key);
}

describe('--state words', () => {
	it('lists every display state, lifecycle, outcome and group once', () => {
		expect(STATE_FILTER_WORDS).toEqual([
			'active',
			'in_progress',
			'failed',
			'finished',
			'running',
			'queued',
			'waiting',
			'aborting',
			'normal',
			'warning',
			'partial_failures',
			'error',
			'aborted',
			'unknown',
			'completed',
		]);
		for (const state of DISPLAY_STATES) expect(STATE_FILTER_WORDS).toContain(state.toLowerCase());
	});

	it.each([
		['eror', '--state "eror" matches no state'],
		['xyz*', '--state "xyz*" matches no state'],
		['paused', '--state "paused" matches no state'],
		['error|eror', '--state "error|eror" ("eror") matches no state'],
		['RUNING|Failed', '--state "RUNING|Failed" ("runing") matches no state'],
	])('refuses %j as a usage error naming the accepted words', (state, start) => {
		expect(() => parseStateFilter(state)).toThrow(UsageError);
		expect(() => parseStateFilter(state)).toThrow(
			`${start}; use active, in_progress, failed, finished, running, queued, waiting, aborting, normal, warning, partial_failures, error, aborted, unknown, completed, or unknown:VALUE for a state umwatch does not know (| between alternatives, * as a wildcard)`,
		);
	});

	it.each([
		['error', ['k-err']],
		['Partial-Failures|ERROR', ['k-err']],
		['*ing', ['k-run']],
		['*', ['k-run', 'k-err', 'k-paused', 'k-odd']],
		['completed', ['k-err', 'k-odd']],
		['unknown*', ['k-paused', 'k-odd']],
		['unknown', ['k-paused', 'k-odd']],
		['UNKNOWN:paused', ['k-paused']],
		['unknown:half-done', ['k-odd']],
		['unknown:*done', ['k-odd']],
		['unknown:nothing', []],
	])('accepts %j', (state, keys) => {
		expect(keysMatching(state)).toEqual(keys);
	});
});

describe('list --state with a typo', () => {
	it('exits 2 with the message on stderr and prints no table', async () => {
		const io = captureIo({ clock });
		const client = fakeClient(JOBS);
		expect(await runList(client, { format: 'plain', color: false, state: 'eror' }, io)).toBe(2);
		expect(io.stdout.text()).toBe('');
		expect(io.stderr.text()).toMatch(/^umwatch: --state "eror" matches no state; use active, /);
		expect(client.requests).toEqual([]);
	});
});
