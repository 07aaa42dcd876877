// The live view's words that are not on a screen test: the summary line after
// quitting, and a server's failure in a word or two (header and summary),
// read from the api's own message in either language.
import { afterEach, describe, expect, it } from 'vitest';
import { mapFailure } from '../../source/api/error-map.js';
import type { ServerHealth } from '../../source/engine/types.js';
import { setLanguage } from '../../source/i18n/language.js';
import { UNICODE_GLYPHS } from '../../source/present/theme.js';
import { failureWords } from '../../source/ui/screen/server-health.js';
import { serversExitSummary } from '../../source/ui/screen/server-summary.js';
import { exitSummary } from '../../source/ui/screen/summary.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';

afterEach(() => setLanguage('en'));

const context = {
	host: 'um01:443',
	path: '/api/management-server/jobs',
	secrets: [],
	connectTimeoutMs: 10_000,
	headersTimeoutMs: 1_500,
	bodyTimeoutMs: 500,
	inBody: false,
};
const failure = (code: string) => {
	const error = mapFailure(Object.assign(new Error('x'), { code }), context);
	return { kind: error.kind, message: error.message, hint: error.hint ?? '' };
};

const jobs = [
	makeJob({ key: 'a', displayState: 'ERROR', server: 'tokyo' }),
	makeJob({ key: 'b', displayState: 'NORMAL', server: 'tokyo' }),
];

describe('the summary after quitting, in Japanese', () => {
	it('one server: watched, jobs and failures; a signal; an unexpected error', () => {
		setLanguage('ja');
		const snapshot = makeSnapshot(jobs);
		expect(exitSummary('um01', snapshot, 720_000, 'quit')).toBe(
			'umwatch: um01 を 12m 監視しました。ジョブ 2 件、失敗 1 件',
		);
		expect(exitSummary('um01', snapshot, 720_000, 'signal', 'SIGTERM')).toBe(
			'umwatch: um01 を 12m 監視しました。ジョブ 2 件、失敗 1 件 (SIGTERM で終了)',
		);
		expect(exitSummary('um01', makeSnapshot(jobs.slice(1)), 60_000, 'error', 'boom')).toBe(
			'umwatch: um01 を 1m 監視しました。ジョブ 1 件、失敗 0 件 (予期しないエラーで停止：boom)',
		);
	});

	it('several servers: each with its jobs, failures and trouble', () => {
		setLanguage('ja');
		const servers: ServerHealth[] = [
			{
				name: 'tokyo',
				url: '',
				connection: { kind: 'live' },
				lastSuccessAt: 0,
				intervalMs: 2000,
				jobCount: 2,
			},
			{
				name: 'osaka',
				url: '',
				connection: { kind: 'failed', error: failure('ECONNREFUSED') },
				lastSuccessAt: null,
				intervalMs: 2000,
				jobCount: 0,
			},
		];
		expect(serversExitSummary({ jobs, servers }, 300_000, 'quit', UNICODE_GLYPHS)).toBe(
			'umwatch: tokyo, osaka を 5m 監視しました：tokyo 2 件 (失敗 1 件), osaka ✗ 接続拒否',
		);
	});

	it('English stays the default', () => {
		expect(exitSummary('um01', makeSnapshot(jobs), 720_000, 'quit')).toBe(
			'umwatch: watched um01 for 12m; 2 jobs, 1 failed',
		);
	});
});

describe("a server's failure in a word, from the api's message in either language", () => {
	it.each([
		['ECONNREFUSED', 'refused', '接続拒否'],
		['ENOTFOUND', 'no such host', 'ホスト不明'],
		['EHOSTUNREACH', 'unreachable', '到達不能'],
		['ECONNRESET', 'reset', '切断'],
	])('%s: %s / %s', (code, english, japanese) => {
		expect(failureWords(failure(code))).toBe(english);
		setLanguage('ja');
		expect(failureWords(failure(code))).toBe(japanese);
	});
});
