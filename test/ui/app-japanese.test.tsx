// The live view in Japanese (issue 12), rendered by the real App at the two
// sizes umwatch must fit (80×24 and 60×15): the list, a job's detail, the help,
// the error view and the too-small screen speak Japanese, and every line fits
// the terminal by display width (a Japanese character takes two columns).
import { afterEach, describe, expect, test } from 'vitest';
import type { ErrorSummary } from '../../source/engine/types.js';
import { setLanguage } from '../../source/i18n/language.js';
import { displayWidth } from '../../source/present/text-width.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW, type UiHarness } from '../helpers/ui-harness.js';

afterEach(() => setLanguage('en'));

const jobs = [
	makeJob({
		key: 'run-1',
		name: 'ボリュームの作成',
		type: 'Provisioning',
		displayState: 'RUNNING',
		submitTime: TEST_NOW - 30_000,
	}),
	makeJob({
		key: 'err-2',
		name: 'Create File Share',
		type: 'Provisioning',
		state: 'completed',
		status: 'error',
		displayState: 'ERROR',
		submitTime: TEST_NOW - 300_000,
		completeTime: TEST_NOW - 120_000,
	}),
	makeJob({ key: 'ok-3', name: 'Expand LUN', submitTime: TEST_NOW - 3_600_000 }),
];

const error: ErrorSummary = {
	kind: 'network',
	message: 'um01.example.com:443 への接続が拒否されました。',
	hint: 'サーバーが起動しているか、URL のポートが正しいか確認してください。',
};

const SIZES = [
	[80, 24],
	[60, 15],
] as const;

/** Every line of the frame fits `columns` by display width, and the frame fits `rows`. */
function expectFits(h: UiHarness, columns: number, rows: number): void {
	const lines = h.lines();
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) {
		expect(displayWidth(line), `"${line}"`).toBeLessThanOrEqual(columns);
	}
}

describe.each(SIZES)('Japanese live view at %i×%i', (columns, rows) => {
	test('list: header, counts, column titles and footer in Japanese', async () => {
		setLanguage('ja');
		const h = await renderApp({
			snapshot: makeSnapshot(jobs, { lastSuccessAt: TEST_NOW - 1000 }),
			columns,
			rows,
		});
		const [title = '', counts = '', heading = ''] = h.lines();
		expect(title).toContain('監視中');
		expect(title).toContain('? ヘルプ');
		expect(counts).toContain('実行中 1');
		expect(heading).toContain('名前');
		const footer = h.lines().at(-1) ?? '';
		expect(footer).toContain('q 終了');
		expect(footer).toContain('? ヘルプ');
		expect(h.frame()).not.toMatch(/\b(?:live|quit|help|running)\b/);
		expectFits(h, columns, rows);
		h.unmount();
	});

	test('detail: the labels in Japanese', async () => {
		setLanguage('ja');
		const h = await renderApp({ snapshot: makeSnapshot(jobs), columns, rows });
		await h.press('j', '\r');
		const frame = h.frame();
		for (const label of ['キー', '名前', '状態', '種類', '送信日時', 'ライフサイクル']) {
			expect(frame).toContain(label);
		}
		expect(h.lines().at(-1)).toContain('戻る');
		expectFits(h, columns, rows);
		h.unmount();
	});

	test('help: sections and key descriptions in Japanese', async () => {
		setLanguage('ja');
		const h = await renderApp({ snapshot: makeSnapshot(jobs), columns, rows });
		await h.press('?');
		const frame = h.frame();
		expect(frame).toContain('ヘルプ');
		expect(frame).toContain('ジョブ一覧');
		expect(frame).toContain('上へ移動');
		expect(h.lines().at(-1)).toContain('Esc 閉じる');
		expectFits(h, columns, rows);
		h.unmount();
	});

	test('error view: the title, what to do and what r does, in Japanese', async () => {
		setLanguage('ja');
		const h = await renderApp({
			snapshot: makeSnapshot(jobs, {
				lastSuccessAt: TEST_NOW - 1000,
				connection: { kind: 'retrying', attempt: 3, nextTryAt: TEST_NOW + 8000, lastError: error },
			}),
			columns,
			rows,
		});
		expect(h.frame()).toContain('3 回目の試行、8 秒後に再試行');
		expect(h.lines()[0]).toContain('再試行中');
		await h.press('e');
		const frame = h.frame();
		expect(h.lines()[0]).toContain('最後のエラー');
		expect(frame).toContain('対処方法');
		expect(frame.replace(/\s+/g, '')).toContain('umwatchは自動で再試行を続けます');
		expect(h.lines().at(-1)).toContain('r 再試行');
		expectFits(h, columns, rows);
		h.unmount();
	});
});

describe('Japanese too-small screen', () => {
	test('says so in Japanese, within the width', async () => {
		setLanguage('ja');
		const h = await renderApp({ snapshot: makeSnapshot(jobs), columns: 40, rows: 12 });
		expect(h.lines()).toEqual([
			' umwatch',
			' 端末が小さすぎます：40x12',
			' 50x10 以上が必要です',
			' q 終了',
		]);
		expectFits(h, 40, 12);
		h.unmount();
	});
});
