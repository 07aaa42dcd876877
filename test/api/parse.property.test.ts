import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import type { Job } from '../../source/api/job.js';
import { parseJob, parseJobsPage } from '../../source/api/parse.js';
import { sanitizeText } from '../../source/api/sanitize.js';

/** Anything a terminal could act on, or that hides or reorders text. */
const FORBIDDEN =
	/[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uD800-\uDFFF]/u;
/** U+200D is allowed only between pictographs (emoji sequences). */
const STRAY_ZWJ =
	/(?<!\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D|\u200D(?!\p{Extended_Pictographic})/u;

const hostileChar = fc.constantFrom(
	'\u001b',
	'[',
	']',
	'\\',
	'P',
	'X',
	'^',
	'_',
	'\u0007',
	'\u009b',
	'\u009c',
	'\u009d',
	'\u0090',
	'\u0085',
	'\r',
	'\n',
	'\b',
	'\t',
	'\u0000',
	'\u007f',
	'\u202e',
	'\u2066',
	'\u200b',
	'\u200d',
	'\ufeff',
	'\ud800',
	'\udc00',
	'🎉',
	'ボ',
	'\u0301',
	'\u{E0041}',
	'a',
	'2',
	';',
	'm',
);
const hostileString = fc.oneof(
	fc.array(hostileChar, { maxLength: 40 }).map((chars) => chars.join('')),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const stateValue = fc.oneof(
	fc.constantFrom(
		'queued',
		'running',
		'COMPLETED',
		'Normal',
		'WARNING',
		'error',
		'aborted',
		'completed',
	),
	hostileString,
	fc.anything(),
);

const jobish = fc.record(
	{
		key: fc.oneof(hostileString, fc.anything()),
		name: fc.oneof(hostileString, fc.anything()),
		type: hostileString,
		state: stateValue,
		status: stateValue,
		submit_time: fc.oneof(
			fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
			hostileString,
			fc.anything(),
		),
		complete_time: fc.oneof(fc.constant(null), hostileString, fc.anything()),
		task_reports: fc.oneof(
			fc.array(
				fc.record(
					{
						key: hostileString,
						type: hostileString,
						state: stateValue,
						status: stateValue,
						message: fc.oneof(hostileString, fc.anything()),
						error: fc.oneof(fc.record({ message: hostileString }), fc.anything()),
					},
					{ requiredKeys: [] },
				),
				{ maxLength: 4 },
			),
			fc.anything(),
		),
		job_results: fc.oneof(
			fc.array(fc.record({ name: hostileString, value: fc.anything() }, { requiredKeys: [] }), {
				maxLength: 4,
			}),
			fc.anything(),
		),
		'\u001b]52;c;ZXZpbA==\u0007field': fc.anything(),
		extra: fc.dictionary(hostileString, fc.oneof(hostileString, fc.anything()), { maxKeys: 4 }),
	},
	{ requiredKeys: [] },
);

/** Every string reachable from a parsed job. */
function strings(job: Job): string[] {
	return [
		job.key,
		job.name,
		job.type,
		job.state ?? '',
		job.status ?? '',
		job.rawState,
		...job.taskReports.flatMap((t) => [
			t.key ?? '',
			t.type,
			t.state ?? '',
			t.status ?? '',
			t.message ?? '',
		]),
		...job.jobResults.flatMap((r) => [r.name, r.value]),
		...job.extra.flatMap((e) => [e.name, e.value]),
	];
}

function assertClean(job: Job): void {
	for (const value of strings(job)) {
		expect(FORBIDDEN.test(value), JSON.stringify(value)).toBe(false);
		expect(STRAY_ZWJ.test(value), JSON.stringify(value)).toBe(false);
	}
}

describe('parse: properties', () => {
	it('sanitizeText never throws and leaves nothing forbidden', () => {
		fc.assert(
			fc.property(hostileString, fc.integer({ min: 1, max: 50 }), (value, max) => {
				const result = sanitizeText(value, max);
				expect(FORBIDDEN.test(result)).toBe(false);
				expect(STRAY_ZWJ.test(result)).toBe(false);
				expect([...result].length).toBeLessThanOrEqual(max);
			}),
			{ numRuns: 2000 },
		);
	});

	it('parseJob never throws on anything, and its strings are clean', () => {
		fc.assert(
			fc.property(fc.oneof(fc.anything(), jobish), (raw) => {
				const job = parseJob(raw);
				if (job !== null) assertClean(job);
			}),
			{ numRuns: 1000 },
		);
	});

	it('parseJob keeps a job whenever it has a clean string key, whatever else is wrong', () => {
		fc.assert(
			fc.property(jobish, fc.stringMatching(/^[0-9a-f:-]{1,40}$/), (raw, key) => {
				const job = parseJob({ ...raw, key });
				expect(job?.key).toBe(key);
			}),
			{ numRuns: 300 },
		);
	});

	it('parseJobsPage throws only ApiError bad-response, and only for a bad envelope', () => {
		const envelope = fc.oneof(
			fc.anything(),
			fc.record(
				{
					records: fc.oneof(
						fc.array(fc.oneof(jobish, fc.anything()), { maxLength: 6 }),
						fc.anything(),
					),
					num_records: fc.anything(),
					total_records: fc.anything(),
					_links: fc.oneof(fc.record({ next: fc.record({ href: hostileString }) }), fc.anything()),
				},
				{ requiredKeys: [] },
			),
		);
		fc.assert(
			fc.property(envelope, (raw) => {
				const valid =
					typeof raw === 'object' &&
					raw !== null &&
					!Array.isArray(raw) &&
					Object.hasOwn(raw, 'records') &&
					Array.isArray((raw as { records: unknown }).records);
				try {
					const page = parseJobsPage(raw, 'https://um.example.test/api');
					expect(valid).toBe(true);
					for (const job of page.jobs) assertClean(job);
					expect(page.jobs.length + page.skipped).toBe(
						(raw as { records: unknown[] }).records.length,
					);
					expect(new Set(page.jobs.map((j) => j.key)).size).toBe(page.jobs.length);
					for (const text of [page.nextHref ?? '', page.nextRefused ?? '']) {
						expect(FORBIDDEN.test(text)).toBe(false);
					}
				} catch (error) {
					expect(error).toBeInstanceOf(ApiError);
					expect((error as ApiError).kind).toBe('bad-response');
					expect(valid).toBe(false);
				}
			}),
			{ numRuns: 500 },
		);
	});
});
