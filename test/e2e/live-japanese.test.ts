// The built binary's live view in Japanese (UMWATCH_LANG=ja) in a real
// pseudo-terminal at 80×24 and 60×15: the header, column titles and footer
// speak Japanese and every line fits the terminal by display width.
import { afterEach, expect, it } from 'vitest';
import { displayWidth } from '../../source/present/text-width.js';
import { lastNonEmptyIndex, lineIndexOf, visibleJobNumbers } from '../helpers/pty-screen.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';
import { closeWatchSessions, watchFixtures } from '../helpers/pty-watch.js';

afterEach(closeWatchSessions);

/** A whole Japanese list frame: header, column titles, jobs and the footer's last hint. */
function japaneseFrame(t: PtyTerminal): boolean {
	const lines = t.screenText();
	const footer = lines[lastNonEmptyIndex(lines)] ?? '';
	return (
		lines[0]?.includes('監視中') === true &&
		lineIndexOf(lines, /状態\s+名前/) > 0 &&
		visibleJobNumbers(lines).length > 0 &&
		footer.includes('q 終了')
	);
}

function expectFits(t: PtyTerminal): void {
	const lines = t.screenText();
	for (const line of lines) {
		expect(displayWidth(line), `${line}\n${t.screenDump()}`).toBeLessThanOrEqual(t.size.cols);
	}
	// The last row stays empty, as in English: the frame is at most rows - 1 lines.
	expect(lines[t.size.rows - 1], t.screenDump()).toBe('');
}

it.each([
	[80, 24],
	[60, 15],
])('UMWATCH_LANG=ja at %i×%i: Japanese header and footer that fit', async (cols, rows) => {
	const { term: t } = await watchFixtures({
		cols,
		rows,
		interval: 60,
		app: { env: { UMWATCH_LANG: 'ja' } },
	});
	await t.waitFor(() => japaneseFrame(t));
	const lines = t.screenText();
	expect(lines[0], t.screenDump()).toContain('127.0.0.1');
	expect(lines[0], t.screenDump()).toContain('? ヘルプ');
	expect(lines[lastNonEmptyIndex(lines)], t.screenDump()).toContain('↑↓ 移動');
	expectFits(t);

	t.write('?');
	await t.waitFor(() => t.screenText().join('\n').includes('ジョブ一覧'));
	expect(t.screenText()[lastNonEmptyIndex(t.screenText())]).toContain('Esc 閉じる');
	expectFits(t);
});
