import { DISPLAY_STATES, type DisplayState } from '../../api/job.js';
import { t } from '../../i18n/t.js';
import { fitCell } from '../../present/text-width.js';
import { type Glyphs, stateStyle } from '../../present/theme.js';
import { helpSections } from './keymap.js';
import type { Line } from './segments.js';

/** What a state means, for the legend (the state words stay as the API spells them). */
function meaning(state: DisplayState): string {
	return t(`ui.meaning.${state}`);
}

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
	lines.push([], [{ text: ` ${t('ui.help.states')}`, bold: true }]);
	for (const state of DISPLAY_STATES) {
		const style = stateStyle(state, state, glyphs);
		lines.push([
			{ text: '   ' },
			{
				text: fitCell(`${style.glyph} ${style.word}`, 27),
				...(style.color ? { color: style.color } : {}),
				...(style.dim ? { dim: true } : {}),
			},
			{ text: meaning(state) },
		]);
	}
	return lines;
}
