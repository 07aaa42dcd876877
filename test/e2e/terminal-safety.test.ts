// Colour as the terminal draws it, and server text that tries to take over the
// terminal: proven on the raw bytes the app writes and on the screen.
import { afterEach, expect, it } from 'vitest';
import { sanitizeText } from '../../source/api/sanitize.js';
import { fixtureName } from '../helpers/pty-fixtures.js';
import { screenClears } from '../helpers/pty-screen.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';
import { closeWatchSessions, watchFixtures } from '../helpers/pty-watch.js';

/** A table row: the selection gutter, a state glyph and its word. */
const STATE_ROW = /^.?[◐○⊘✓!◆✗?] [A-Z_]+/;

afterEach(closeWatchSessions);

/**
 * The raw output without umwatch's own window title (OSC 2 `umwatch HOST: …`,
 * its text made of the host and counts, never a job's) and the title stack's
 * push and pop: whatever else is left must hold no sequence from a server.
 */
function withoutOwnTitle(raw: string): string {
	return raw
		.replace(/\u001B\]2;umwatch [^\u0007\u001B]*\u0007/g, '')
		.replaceAll('\u001B[22;0t', '')
		.replaceAll('\u001B[23;0t', '');
}

/** The row (y) showing fixture job n. */
function rowOf(t: PtyTerminal, n: number): number {
	const y = t.screenText().findIndex((line) => line.includes(fixtureName(n)));
	if (y < 0) throw new Error(`job ${n} not on screen:\n${t.screenDump()}`);
	return y;
}

/** The foreground colour of the state word on job n's row, as a palette index. */
function stateWordColour(t: PtyTerminal, n: number, word: string): number {
	const y = rowOf(t, n);
	const cell = t.cellAt(t.columnOf(word, y), y);
	expect(cell.fgMode, t.screenDump()).toBe('palette');
	// Normal and bright variants of a colour are both that colour.
	return cell.fg % 8;
}

it('draws states in their colours: ERROR red, RUNNING cyan, NORMAL green, WARNING yellow', async () => {
	const { term: t } = await watchFixtures();
	expect(stateWordColour(t, 59, 'ERROR')).toBe(1);
	expect(stateWordColour(t, 60, 'RUNNING')).toBe(6);
	expect(stateWordColour(t, 57, 'NORMAL')).toBe(2);
	expect(stateWordColour(t, 58, 'WARNING')).toBe(3);
	// The glyph carries the meaning too, not the colour alone.
	expect(t.screenText()[rowOf(t, 59)]).toMatch(/✗ ERROR/);
});

// Each piece would act on a real terminal: OSC 52 writes the clipboard, ESC[2J clears
// the screen, OSC 0 sets the window title, BEL rings.
const HOSTILE_NAME = 'Evil \u001B]52;c;ZXZpbA==\u0007\u001B[2Jpwn\u001B]0;title\u0007 end';

it('a hostile job name reaches the terminal inert', async () => {
	const { server, term: t } = await watchFixtures();
	const firstFrameEnd = t.bytesWritten;
	server.sim.addJob({ name: HOSTILE_NAME, state: 'running', status: 'normal', auto: false });
	const shown = sanitizeText(HOSTILE_NAME);
	expect(shown).not.toContain('\u001B');
	await t.waitForText(shown);

	const raw = withoutOwnTitle(t.rawText());
	expect(raw).not.toContain('\u001B]52');
	expect(raw).not.toContain('ZXZpbA==');
	expect(raw).not.toContain(']0;title');
	expect(raw).not.toContain('\u0007');
	expect(screenClears(t.rawTextSince(firstFrameEnd))).toEqual([]);
	expect(t.screenText()[0]).toContain('127.0.0.1');
});

it('with hostileRate 1, generated names and task messages stay inert, in the list and in a job', async () => {
	const { term: t } = await watchFixtures({
		simulator: { hostileRate: 1, historyJobs: 30, activeJobs: 2 },
		fixtureJobs: false,
	});
	await t.waitForText(STATE_ROW);
	// Into the first failed job, whose task messages carry the most text.
	const failed = t.screenText().findIndex((line) => /✗ ERROR|◆ PARTIAL/.test(line));
	const steps = Math.max(0, failed - t.screenText().findIndex((line) => STATE_ROW.test(line)));
	t.write('j'.repeat(steps));
	t.write('\r');
	await t.waitForText(/^\s*Key\b/);
	const raw = withoutOwnTitle(t.rawText());
	expect(raw).not.toMatch(/\u001B\]/);
	expect(raw).not.toMatch(/\u001BP/);
	expect(raw).not.toContain('\u0007');
	expect(screenClears(raw.slice(raw.indexOf('127.0.0.1')))).toEqual([]);
	expect(t.screenText()[t.size.rows - 1]).toBe('');
});
