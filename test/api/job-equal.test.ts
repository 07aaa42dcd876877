import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Job, sameJob } from '../../source/api/job.js';
import { parseJob } from '../../source/api/parse.js';

/** A record with every field the parser reads, one task (with a message), one result, one extra field. */
const RECORD = {
	key: '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87',
	name: 'ボリュームの作成',
	type: 'Provisioning',
	state: 'completed',
	status: 'error',
	submit_time: '2026-11-20T10:15:02+09:00',
	complete_time: '2026-11-20T10:16:40+09:00',
	start_time: '2026-11-20T10:15:05+09:00',
	task_reports: [
		{ key: 't1', type: 'monitor_discover', state: 'completed', status: 'error', message: 'failed' },
	],
	job_results: [{ name: 'volumeKey', value: '7d5a59b3:type=volume,uuid=e581c23a' }],
	resource: 'svm1:/vol1',
};

function parsed(raw: unknown, server = ''): Job {
	const job = parseJob(raw, server);
	if (job === null) throw new Error('expected a job');
	return job;
}

/** One changed value of any kind a parsed job holds. */
function other(value: unknown): unknown {
	if (typeof value === 'string') return `${value}x`;
	if (typeof value === 'number') return value + 1;
	if (typeof value === 'boolean') return !value;
	return 'x';
}

describe('sameJob', () => {
	it('finds two parses of the same record unchanged', () => {
		const a = parsed(RECORD);
		const b = parsed(structuredClone(RECORD));
		expect(a).not.toBe(b);
		expect(sameJob(a, b)).toBe(true);
		expect(sameJob(parsed({ key: 'k' }), parsed({ key: 'k' }))).toBe(true);
	});

	it.each([
		['name', { name: 'Expand LUN' }],
		['type', { type: 'Modify' }],
		['state', { state: 'COMPLETED' }],
		['status', { status: 'partial_failures' }],
		['status alone (display state unchanged)', { status: 'Error' }],
		['submit time', { submit_time: '2026-11-20T10:15:03+09:00' }],
		['complete time', { complete_time: null }],
		['start time', { start_time: null }],
		['a task report added', { task_reports: [...RECORD.task_reports, { key: 't2' }] }],
		['a task message', { task_reports: [{ ...RECORD.task_reports[0], message: 'failed!' }] }],
		['a task key', { task_reports: [{ ...RECORD.task_reports[0], key: 't9' }] }],
		['a task type', { task_reports: [{ ...RECORD.task_reports[0], type: 'x' }] }],
		['a task state', { task_reports: [{ ...RECORD.task_reports[0], state: 'running' }] }],
		['a task status', { task_reports: [{ ...RECORD.task_reports[0], status: 'normal' }] }],
		['a result value', { job_results: [{ name: 'volumeKey', value: 'other' }] }],
		['a result name', { job_results: [{ name: 'lunKey', value: RECORD.job_results[0]?.value }] }],
		['the results gone', { job_results: [] }],
		['an extra field value', { resource: 'svm1:/vol2' }],
		['an extra field added', { owner: 'admin' }],
	])('finds a changed %s changed', (_, change) => {
		const changed = parsed({ ...RECORD, ...change });
		expect(sameJob(parsed(RECORD), changed)).toBe(false);
		expect(sameJob(changed, parsed(RECORD))).toBe(false);
	});

	it('finds the same key on another server a different job', () => {
		expect(sameJob(parsed(RECORD, 'tokyo'), parsed(RECORD, 'osaka'))).toBe(false);
	});

	it('compares every field a parsed job has, in the job and in each list item', () => {
		// Guards the field list: a field added to the parser and not to sameJob fails here.
		const job = parsed(RECORD, 'tokyo');
		for (const name of Object.keys(job) as Array<keyof Job>) {
			const value = job[name];
			if (Array.isArray(value)) {
				const first = value[0] as Record<string, unknown>;
				expect(first, name).toBeDefined();
				for (const item of Object.keys(first)) {
					const items = [{ ...first, [item]: other(first[item]) }];
					expect(sameJob(job, { ...job, [name]: items }), `${name}.${item}`).toBe(false);
				}
				expect(sameJob(job, { ...job, [name]: [] }), name).toBe(false);
			} else {
				expect(sameJob(job, { ...job, [name]: other(value) }), name).toBe(false);
			}
		}
	});

	it('agrees with deep equality of the parsed jobs, whatever the records', () => {
		const value = fc.oneof(
			fc.constantFrom('completed', 'running', 'normal', 'error', ''),
			fc.string({ maxLength: 6 }),
			fc.anything({ maxDepth: 2 }),
		);
		const task = fc.record(
			{ key: value, type: value, state: value, status: value, message: value, error: value },
			{ requiredKeys: [] },
		);
		const record = fc.record(
			{
				name: value,
				type: value,
				state: value,
				status: value,
				submit_time: fc.oneof(value, fc.constantFrom('2026-11-20T10:15:02Z', 1_763_600_000)),
				complete_time: fc.oneof(value, fc.constant('2026-11-20T10:16:40Z')),
				start_time: value,
				task_reports: fc.oneof(fc.array(task, { maxLength: 2 }), value),
				job_results: fc.oneof(
					fc.array(fc.record({ name: value, value }, { requiredKeys: [] }), { maxLength: 2 }),
					value,
				),
				extra: value,
			},
			{ requiredKeys: [] },
		);
		const fields = [
			'name',
			'type',
			'state',
			'status',
			'submit_time',
			'complete_time',
			'start_time',
			'task_reports',
			'job_results',
			'extra',
		];
		fc.assert(
			fc.property(record, fc.constantFrom(...fields), value, (raw, name, replacement) => {
				const a = parsed({ key: 'k', ...raw });
				const b = parsed({ key: 'k', ...raw, [name]: replacement });
				expect(sameJob(a, parsed({ key: 'k', ...raw }))).toBe(true);
				expect(sameJob(a, b)).toBe(isDeepStrictEqual(a, b));
			}),
			{ numRuns: 1000 },
		);
	});
});
