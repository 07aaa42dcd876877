// What a person reads of the script modes and the shared presentation, in
// Japanese, made by the real modes and formatters; the same modes in a pipe
// keep their English words (machine output); and a guard that no message in
// source/output/ or source/present/ is written as a literal any more.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { GaveUpError } from '../../source/engine/give-up.js';
import { setLanguage } from '../../source/i18n/language.js';
import { outcomeLine } from '../../source/output/job-text.js';
import { runList } from '../../source/output/list.js';
import { runShow } from '../../source/output/show.js';
import { parseStateFilter } from '../../source/output/state-filter.js';
import { jobKeyFromStdinText, jobKeysFromStdinText } from '../../source/output/stdin-key.js';
import { describeWait, timeoutText } from '../../source/output/wait-status.js';
import { describeFailure, failureLines } from '../../source/present/failure.js';
import { notificationText, titleText } from '../../source/present/notify-text.js';
import { UNICODE_GLYPHS } from '../../source/present/theme.js';
import { formatRelative } from '../../source/present/time-format.js';
import { readTree } from '../architecture/read-tree.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

afterEach(() => setLanguage('en'));

const KEY = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87';
const clock = new FakeClock(Date.parse('2026-11-28T03:10:00Z'));
const JOB = apiJob({
	key: KEY,
	name: 'ボリュームの作成',
	type: 'Create Volume',
	state: 'running',
	submit_time: '2026-11-28T12:03:41+09:00',
	task_reports: [{ key: 't1', type: 'create_volume', state: 'running', message: 'Creating' }],
	job_results: [{ name: 'volumeKey', value: 'v1' }],
});

describe('list and show on a terminal speak Japanese; in a pipe they keep their English words', () => {
	it('list: the column titles on a terminal, the English ones in a pipe', async () => {
		setLanguage('ja');
		const tty = captureIo({ clock, stdout: { isTTY: true, columns: 100 } });
		await runList(fakeClient([JOB]), { format: 'table', color: false }, tty);
		expect(tty.stdout.text().split('\n')[0]).toMatch(
			/^状態 +名前 +種類 +送信日時 +所要時間 +キー$/,
		);
		const pipe = captureIo({ clock });
		await runList(fakeClient([JOB]), { format: 'table', color: false }, pipe);
		expect(pipe.stdout.text().split('\n')[0]).toMatch(
			/^STATE +NAME +TYPE +SUBMITTED +DURATION +KEY$/,
		);
	});

	it('list: nothing to show, said on a terminal', async () => {
		setLanguage('ja');
		const tty = captureIo({ clock, stdout: { isTTY: true, columns: 80 } });
		await runList(fakeClient([]), { format: 'table', color: false }, tty);
		expect(tty.stdout.text()).toBe('該当ジョブなし。\n');
	});

	it('show: the labels on a terminal, aligned by display width; English in a pipe', async () => {
		setLanguage('ja');
		const tty = captureIo({ clock, stdout: { isTTY: true, columns: 80 } });
		await runShow(fakeClient([JOB]), KEY, { format: 'text', color: false }, tty);
		const lines = tty.stdout.text().split('\n');
		expect(lines.slice(0, 3)).toEqual([
			`キー       ${KEY}`,
			'名前       ボリュームの作成',
			expect.stringMatching(/^状態 {7}◐ RUNNING {3}\(lifecycle running\)$/u),
		]);
		expect(lines).toContain('送信日時   2026-11-28 03:03:41 +00:00');
		expect(lines).toContain('所要時間   6m19s (実行中)');
		expect(lines).toContain('タスク');
		expect(lines).toContain('           状態     種類');
		expect(lines).toContain('結果');
		const pipe = captureIo({ clock });
		await runShow(fakeClient([JOB]), KEY, { format: 'text', color: false }, pipe);
		expect(pipe.stdout.text()).toContain(`Key        ${KEY}\n`);
		expect(pipe.stdout.text()).toContain('Duration   6m19s so far\n');
		expect(pipe.stdout.text()).toContain('Tasks\n           STATE    TYPE           MESSAGE\n');
	});
});

describe('wait and failures in Japanese', () => {
	const watch = (over: Partial<{ job: typeof JOB | null; retry: string | null }> = {}) => ({
		key: KEY,
		job: null,
		retry: null,
		ended: false,
		...over,
	});

	it('the progress line: one job, several, a retry', () => {
		setLanguage('ja');
		expect(describeWait([watch()], 500, UNICODE_GLYPHS)).toBe(`${KEY} を待機中  経過 0s`);
		expect(
			describeWait([watch({ job: JOB, retry: '接続が拒否されました。' })], 12_000, UNICODE_GLYPHS),
		).toBe('◐ RUNNING  ボリュームの作成  経過 12s  再試行中：接続が拒否されました。');
		const several = [watch({ job: JOB }), watch(), { ...watch({ job: JOB }), ended: true }];
		expect(describeWait(several, 75_000, UNICODE_GLYPHS)).toBe(
			'ジョブ 3 件を待機中：実行中 1、未確認 1、完了 1  経過 1m15s',
		);
	});

	it('the outcome line: Japanese on a terminal, English words in a pipe (scripts parse it)', () => {
		setLanguage('ja');
		const now = clock.now();
		expect(outcomeLine(JOB, now, true)).toBe(`RUNNING  ボリュームの作成  ${KEY}  所要 6m19s`);
		expect(outcomeLine(JOB, now)).toBe(`RUNNING  ボリュームの作成  ${KEY}  took 6m19s`);
		const unnamed = { ...JOB, name: '' };
		expect(outcomeLine(unnamed, now, true)).toBe(`RUNNING  (名前なし)  ${KEY}  所要 6m19s`);
		expect(outcomeLine(unnamed, now)).toBe(`RUNNING  (no name)  ${KEY}  took 6m19s`);
	});

	it('the timeout: what was last seen of each open job', () => {
		setLanguage('ja');
		expect(timeoutText([watch({ job: JOB, retry: 'E' })], 30 * 60_000)).toBe(
			`umwatch: ジョブ ${KEY} (最終状態 RUNNING、最後のエラー：E) の待機が 30m00s でタイムアウトしました。\n`,
		);
	});

	it('after a give-up, what umwatch did; the labels stay umwatch: and hint:', () => {
		setLanguage('ja');
		const last = new ApiError('network', 'X に接続できません。', {
			hint: 'URL を確認してください。',
		});
		const error = new GaveUpError(last, 'no-answer', 30_000, 30_000);
		expect(failureLines(describeFailure(error))).toBe(
			'umwatch: X に接続できません。\nhint: URL を確認してください。 30s 応答がなく、中止しました。\n',
		);
		expect(failureLines(describeFailure(new Error('boom')))).toBe('umwatch: 内部エラー：boom\n');
	});

	it('usage errors of --state and of the key on stdin', () => {
		setLanguage('ja');
		expect(() => parseStateFilter('error||running')).toThrow(
			'--state "error||running" に空の選択肢があります。例：error、running、failed、error|warning',
		);
		expect(() => jobKeyFromStdinText('')).toThrow(
			'stdin が空です。{"job":{"key":"…"}} や {"operationId":"…"} のような AIQUM の 202 応答本文か、ジョブ キーを指定してください。',
		);
		expect(() => jobKeyFromStdinText('{"error":{"message":"No such volume","code":"42"}}')).toThrow(
			'stdin はジョブではなくサーバーのエラーです：「No such volume」 (code 42)。ジョブを開始する要求が失敗しています。',
		);
		expect(() => jobKeysFromStdinText('k1\nnot a key\n')).toThrow(
			'stdin の 2 行目 はジョブ キーではなくテキストです',
		);
	});
});

describe('shared presentation in Japanese', () => {
	it('relative times, the window title, a notification', () => {
		setLanguage('ja');
		const now = Date.parse('2026-11-28T03:10:00Z');
		expect(formatRelative(now - 10_000, now)).toBe('たった今');
		expect(formatRelative(now - 65 * 60_000, now)).toBe('1時間5分前');
		expect(formatRelative(now + 3 * 60_000, now)).toBe('3分後');
		expect(formatRelative(now - 2 * 86_400_000, now)).toBe('2日前');
		expect(titleText(['tokyo'], { running: 3, failed: 1 })).toBe('umwatch tokyo：実行中 3、失敗 1');
		expect(notificationText({ ...JOB, displayState: 'ERROR' }, false, 2)).toBe(
			'ERROR: ボリュームの作成 (他 2 件)',
		);
	});

	it('English stays the default', () => {
		const now = Date.parse('2026-11-28T03:10:00Z');
		expect(formatRelative(now - 65 * 60_000, now)).toBe('1 h 5 min ago');
		expect(titleText(['tokyo'], { running: 3, failed: 1 })).toBe(
			'umwatch tokyo: 3 running, 1 failed',
		);
	});
});

describe('no literal message left in source/output/ and source/present/', () => {
	it('every sentence a person reads takes its text from t()', () => {
		// Every string literal, read left to right so each starts at its own opening quote.
		const literal = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
		// English words in one: two words, e.g. "took 1m40s" has one; "timed out" two.
		const words = /\b[A-Za-z][a-z]+ [a-z]{2,}\b/;
		// What may stay: machine output kept English on purpose (a pipe), and a bug's own words.
		const allowed = new Set([
			"'no server answered and none failed'",
			"'(no name)'",
			// biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
			'`${value} so far`',
			"'lifecycle'",
			"'outcome'",
		]);
		const found: string[] = [];
		const files = [...readTree('source/output'), ...readTree('source/present')];
		for (const [file, text] of files) {
			const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
			for (const [match] of code.matchAll(literal)) {
				if (words.test(match) && !allowed.has(match)) found.push(`${file}: ${match}`);
			}
		}
		expect(found).toEqual([]);
	});
});
