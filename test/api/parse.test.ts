import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { sameJob } from '../../source/api/job.js';
import { parseJob, parseJobsPage } from '../../source/api/parse.js';

const BASE = 'https://um.example.test/api';

const documented = {
	key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
	name: 'Create File Share',
	type: 'Provisioning',
	state: 'completed',
	status: 'normal',
	submit_time: '2026-11-20T10:15:02+09:00',
	complete_time: '2026-11-20T10:16:40+09:00',
	task_reports: [{ key: 't1', type: 'monitor_discover', state: 'completed', status: 'normal' }],
	job_results: [{ name: 'fileshareKey', value: '7d5a59b3:type=volume,uuid=e581c23a' }],
	_links: { self: { href: '/api/management-server/jobs/06a6148bf9e862df%3A-2611856e' } },
};

function job(fields: Record<string, unknown>) {
	const parsed = parseJob({ key: 'k1', ...fields });
	if (parsed === null) throw new Error('expected a job');
	return parsed;
}

describe('parseJob: the documented example', () => {
	it('parses every field', () => {
		const parsed = parseJob(documented);
		expect(parsed).toMatchObject({
			key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
			name: 'Create File Share',
			type: 'Provisioning',
			state: 'completed',
			status: 'normal',
			displayState: 'NORMAL',
			rawState: 'completed',
			over: true,
			submitTime: Date.UTC(2026, 10, 20, 1, 15, 2),
			completeTime: Date.UTC(2026, 10, 20, 1, 16, 40),
			startTime: null,
			taskReports: [
				{
					key: 't1',
					type: 'monitor_discover',
					state: 'completed',
					status: 'normal',
					displayState: 'NORMAL',
					message: null,
				},
			],
			jobResults: [{ name: 'fileshareKey', value: '7d5a59b3:type=volume,uuid=e581c23a' }],
			extra: [],
		});
	});

	it('tells equal jobs alike and different ones apart when anything visible differs', () => {
		const a = job(documented);
		expect(sameJob(a, job(structuredClone(documented)))).toBe(true);
		expect(sameJob(a, job({ ...documented, name: 'Create File Share 2' }))).toBe(false);
		expect(sameJob(a, job({ ...documented, job_results: [] }))).toBe(false);
	});
});

describe('parseJob: state shapes', () => {
	it.each([
		['queued', undefined, 'QUEUED', false],
		['waiting', null, 'WAITING', false],
		['running', 'normal', 'RUNNING', false],
		['running', 'error', 'RUNNING', false],
		['aborting', undefined, 'ABORTING', false],
		['aborted', undefined, 'ABORTED', true],
		['completed', 'normal', 'NORMAL', true],
		['completed', 'warning', 'WARNING', true],
		['completed', 'partial_failures', 'PARTIAL_FAILURES', true],
		['completed', 'error', 'ERROR', true],
		['COMPLETED', 'ERROR', 'ERROR', true],
		['Running', 'Normal', 'RUNNING', false],
		[' completed ', ' Warning ', 'WARNING', true],
		['NORMAL', undefined, 'NORMAL', true],
		['ERROR', undefined, 'ERROR', true],
		['PARTIAL_FAILURES', undefined, 'PARTIAL_FAILURES', true],
		['WARNING', undefined, 'WARNING', false],
		['normal', undefined, 'NORMAL', true],
	])('state %j status %j → %s, over %s', (state, status, display, over) => {
		const parsed = job({ state, status });
		expect(parsed.displayState).toBe(display);
		expect(parsed.over).toBe(over);
	});

	it('keeps the raw state as sent (sanitized) for display', () => {
		expect(job({ state: 'COMPLETED', status: 'ERROR' }).rawState).toBe('COMPLETED');
		expect(job({ state: 'COMPLETED', status: 'ERROR' }).state).toBe('COMPLETED');
		expect(job({ state: 'COMPLETED', status: 'ERROR' }).status).toBe('ERROR');
	});

	it('shows an unknown lifecycle as UNKNOWN with the raw value', () => {
		const parsed = job({ state: 'paused\u001b[2J', status: 'normal' });
		expect(parsed).toMatchObject({ displayState: 'UNKNOWN', rawState: 'paused', over: false });
	});

	it('treats completed without a known outcome as over but UNKNOWN, never NORMAL', () => {
		expect(job({ state: 'completed' })).toMatchObject({
			displayState: 'UNKNOWN',
			rawState: 'completed',
			over: true,
		});
		expect(job({ state: 'completed', status: 'skipped' })).toMatchObject({
			displayState: 'UNKNOWN',
			rawState: 'skipped',
			over: true,
		});
	});

	it('counts a complete_time as over, whatever the state says', () => {
		const ct = '2026-11-20T10:16:40+09:00';
		expect(job({ state: 'WARNING', complete_time: ct }).over).toBe(true);
		expect(job({ state: 'mystery', complete_time: ct })).toMatchObject({
			displayState: 'UNKNOWN',
			over: true,
		});
		expect(job({ state: 'running', complete_time: ct })).toMatchObject({
			displayState: 'RUNNING',
			over: true,
		});
	});

	it('derives from status alone only when the job has completed', () => {
		expect(job({ status: 'error' })).toMatchObject({ displayState: 'UNKNOWN', over: false });
		expect(job({ status: 'error', complete_time: '2026-11-20T10:16:40Z' })).toMatchObject({
			displayState: 'ERROR',
			over: true,
		});
		expect(job({})).toMatchObject({ displayState: 'UNKNOWN', rawState: '', over: false });
	});

	it('does not take inherited property names for states', () => {
		expect(job({ state: 'constructor' })).toMatchObject({ displayState: 'UNKNOWN' });
		expect(job({ state: 'completed', status: '__proto__' }).displayState).toBe('UNKNOWN');
	});
});

describe('parseJob: tolerance field by field', () => {
	it('returns null without a usable key', () => {
		expect(parseJob(null)).toBeNull();
		expect(parseJob([])).toBeNull();
		expect(parseJob('job')).toBeNull();
		expect(parseJob({ name: 'no key' })).toBeNull();
		expect(parseJob({ key: '' })).toBeNull();
		expect(parseJob({ key: '\u001b[2J\u0007' })).toBeNull();
		expect(parseJob({ key: { nested: 1 } })).toBeNull();
	});

	it('accepts a numeric key as text', () => {
		expect(parseJob({ key: 42 })?.key).toBe('42');
	});

	it('degrades wrong types to neutral values', () => {
		const parsed = job({
			name: { en: 'x' },
			type: ['a'],
			state: 7,
			submit_time: 'yesterday',
			complete_time: {},
			task_reports: 'none',
			job_results: { name: 'x' },
		});
		expect(parsed).toMatchObject({
			name: '',
			type: '',
			state: '7',
			displayState: 'UNKNOWN',
			rawState: '7',
			submitTime: null,
			completeTime: null,
			taskReports: [],
			jobResults: [],
		});
	});

	it('skips bad entries in task_reports and job_results, keeps the good ones', () => {
		const parsed = job({
			task_reports: [null, 5, { type: 'ok', state: 'running' }],
			job_results: ['x', { name: 'n', value: 12 }, { value: { a: [1, 'b'] } }, {}],
		});
		expect(parsed.taskReports).toEqual([
			{
				key: null,
				type: 'ok',
				state: 'running',
				status: null,
				displayState: 'RUNNING',
				message: null,
			},
		]);
		expect(parsed.jobResults).toEqual([
			{ name: 'n', value: '12' },
			{ name: '', value: '{"a":[1,"b"]}' },
		]);
	});

	it.each([
		[{ message: 'aggregate aggr1 is offline' }],
		[{ error_message: 'aggregate aggr1 is offline' }],
		[{ error: { message: 'aggregate aggr1 is offline', code: '5' } }],
		[{ error: 'aggregate aggr1 is offline' }],
		[{ details: 'aggregate aggr1 is offline' }],
		[{ message: '', reason: 'aggregate aggr1 is offline' }],
		[{ message: '\u001b]0;x\u0007aggregate aggr1\u0007 is offline\r\n' }],
	])('finds the task message in %j', (fields) => {
		const parsed = job({ task_reports: [{ state: 'completed', status: 'error', ...fields }] });
		expect(parsed.taskReports[0]?.message).toBe('aggregate aggr1 is offline');
		expect(parsed.taskReports[0]?.displayState).toBe('ERROR');
	});

	it('keeps unknown fields, compact and sanitized, without _links', () => {
		const parsed = job({
			progress: 40,
			description: 'x\u001b[31my',
			deep: { a: { b: [1, { c: null }] } },
			_links: { self: { href: '/api/x' } },
		});
		expect(parsed.extra).toEqual([
			{ name: 'progress', value: '40' },
			{ name: 'description', value: 'xy' },
			{ name: 'deep', value: '{"a":{"b":[1,{"c":null}]}}' },
		]);
	});

	it('bounds deep nesting without a stack overflow', () => {
		let deep: unknown = 'bottom';
		for (let i = 0; i < 100_000; i += 1) deep = [deep];
		const parsed = job({ nested: deep, job_results: [{ name: 'n', value: deep }] });
		expect(parsed.extra[0]?.value).toBe('[[[[[[[["…"]]]]]]]]');
		expect(parsed.jobResults[0]?.value).toBe('[[[[[[[["…"]]]]]]]]');
	});

	it('bounds huge strings and extra values', () => {
		const parsed = job({ name: 'n'.repeat(100_000), blob: 'b'.repeat(100_000) });
		expect([...parsed.name]).toHaveLength(512);
		expect([...(parsed.extra[0]?.value ?? '')]).toHaveLength(1000);
	});
});

describe('parseJob: times', () => {
	it.each([
		['2026-11-20T10:15:02+09:00', Date.UTC(2026, 10, 20, 1, 15, 2)],
		['2026-11-20T01:15:02Z', Date.UTC(2026, 10, 20, 1, 15, 2)],
		['2026-11-20T01:15:02z', Date.UTC(2026, 10, 20, 1, 15, 2)],
		['2026-11-20T01:15:02.123Z', Date.UTC(2026, 10, 20, 1, 15, 2, 123)],
		['2026-11-20T01:15:02.123456-05:00', Date.UTC(2026, 10, 20, 6, 15, 2, 123)],
		['2026-11-20T10:15+0900', Date.UTC(2026, 10, 20, 1, 15)],
		['2026-11-20 01:15:02', Date.UTC(2026, 10, 20, 1, 15, 2)],
		[1_790_000_000_000, 1_790_000_000_000],
		[1_790_000_000, 1_790_000_000_000],
	])('%j', (value, expected) => {
		expect(job({ submit_time: value }).submitTime).toBe(expected);
	});

	it.each([
		['2026-02-30T00:00:00Z'],
		['2026-11-20T25:00:00Z'],
		['2026-11-20'],
		['not a date'],
		[''],
		[-5],
		[Number.NaN],
		[true],
	])('%j is null', (value) => {
		expect(job({ submit_time: value }).submitTime).toBeNull();
	});
});

describe('parseJobsPage', () => {
	it('reads the envelope', () => {
		const page = parseJobsPage(
			{
				records: [documented, { key: 'k2', state: 'running' }],
				num_records: 2,
				total_records: 57,
				_links: { next: { href: '/api/management-server/jobs?offset=2&max_records=2' } },
			},
			BASE,
		);
		expect(page.jobs.map((j) => j.key)).toEqual([documented.key, 'k2']);
		expect(page).toMatchObject({
			numRecords: 2,
			totalRecords: 57,
			nextHref: '/api/management-server/jobs?offset=2&max_records=2',
			skipped: 0,
		});
		expect(page.nextRefused).toBeUndefined();
	});

	it('defaults the counts and has no next on the last page', () => {
		const page = parseJobsPage({ records: [{ key: 'a' }], num_records: 'x' }, BASE);
		expect(page).toMatchObject({ numRecords: 1, totalRecords: null, nextHref: null, skipped: 0 });
	});

	it('skips bad records and repeated keys, keeping the first', () => {
		const page = parseJobsPage(
			{ records: [{ key: 'a', name: 'first' }, null, { name: 'x' }, { key: 'a', name: 'second' }] },
			BASE,
		);
		expect(page.jobs.map((j) => j.name)).toEqual(['first']);
		expect(page.skipped).toBe(3);
	});

	it.each([[null], ['<html>'], [[]], [{}], [{ records: {} }], [{ records: 'x' }]])(
		'throws bad-response for envelope %j',
		(raw) => {
			expect(() => parseJobsPage(raw, BASE)).toThrow(ApiError);
			try {
				parseJobsPage(raw, BASE);
			} catch (error) {
				expect((error as ApiError).kind).toBe('bad-response');
				expect((error as ApiError).message).toBe(
					'Unified Manager answered without a list of jobs.',
				);
			}
		},
	);

	it.each([
		[
			'https://evil.test/api/management-server/jobs?offset=20',
			'to another server (https://evil.test)',
		],
		[
			'http://um.example.test/api/management-server/jobs',
			'to another server (http://um.example.test)',
		],
		['https://um.example.test:8443/api/x', 'to another server (https://um.example.test:8443)'],
		['//evil.test/api/x', 'to another server (https://evil.test)'],
		['/etc/passwd', 'outside /api/ (/etc/passwd)'],
		['/api/../admin', 'outside /api/ (/admin)'],
		['https://u:p@um.example.test/api/x', 'carrying credentials'],
	])('refuses a next link %s', (href, reason) => {
		const page = parseJobsPage({ records: [], _links: { next: { href } } }, BASE);
		expect(page.nextHref).toBeNull();
		expect(page.nextRefused).toBe(`Unified Manager sent a next-page link ${reason}; not followed.`);
	});

	it('accepts a next link in the other path form and an absolute same-origin one', () => {
		const v2 = parseJobsPage(
			{ records: [], _links: { next: { href: '/api/v2/management-server/jobs?offset=20' } } },
			BASE,
		);
		expect(v2.nextHref).toBe('/api/v2/management-server/jobs?offset=20');
		const absolute = parseJobsPage(
			{
				records: [],
				_links: { next: { href: 'https://um.example.test/api/management-server/jobs?offset=20' } },
			},
			'https://um.example.test/api/v2',
		);
		expect(absolute.nextHref).toBe('/api/management-server/jobs?offset=20');
	});
});
