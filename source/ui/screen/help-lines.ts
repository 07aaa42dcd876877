import { DISPLAY_STATES, type DisplayState } from '../../api/job.js';
import { fitCell } from '../../present/text-width.js';
import { type Glyphs, stateStyle } from '../../present/theme.js';
import { helpSections } from './keymap.js';
import type { Line } from './segments.js';

const MEANINGS: Readonly<Record<DisplayState, string>> = {
	RUNNING: 'running now',
	QUEUED: 'waiting to start',
	WAITING: 'waiting for something else',
	ABORTING: 'being aborted',
	NORMAL: 'finished, all well',
	WARNING: 'finished with warnings',
	PARTIAL_FAILURES: 'finished, some tasks failed',
	ERROR: 'failed',
	ABORTED: 'aborted',
	UNKNOWN: 'a state umwatch does not know (shown as sent)',
};

/** The help overlay, generated from the key map, plus the state legend. */
export function helpLines(ascii: boolean, glyphs: Glyphs): Line[] {
	const lines: Line[] = [];
	for (const section of helpSections(ascii)) {
		if (lines.length > 0) lines.push([]);
		lines.push([{ text: ` ${section.title}`, bold: true }]);
		for (const entry of section.entries) {
			lines.push([{ text: `   ${fitCell(entry.keys, 26)} ` }, { text: entry.description }]);
		}
	}
	lines.push([], [{ text: ' States', bold: true }]);
	for (const state of DISPLAY_STATES) {
		const style = stateStyle(state, state, glyphs);
		lines.push([
			{ text: '   ' },
			{
				text: fitCell(`${style.glyph} ${style.word}`, 27),
				...(style.color ? { color: style.color } : {}),
				...(style.dim ? { dim: true } : {}),
			},
			{ text: MEANINGS[state] },
		]);
	}
	return lines;
}
