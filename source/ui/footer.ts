import { STATE_FILTER_LABELS } from './filter.js';
import { footerHints } from './keymap.js';
import type { Line, Segment } from './segments.js';
import type { Filters } from './ui-state.js';

/** What the footer shows. */
export interface FooterInput {
	readonly view: 'list' | 'detail' | 'help';
	readonly filters: Filters;
	/** Jobs passing the filters, and all jobs held. */
	readonly shown: number;
	readonly total: number;
	/** A transient message such as "copied", or null. */
	readonly notice: string | null;
	readonly ascii: boolean;
}

function hintSegments(keys: string, text: string): Segment[] {
	return [{ text: '  ' }, { text: keys, bold: true }, { text: ` ${text}` }];
}

function filterSegments(input: FooterInput): Segment[] {
	const { filters } = input;
	const out: Segment[] = [];
	if (filters.text !== '') out.push({ text: '  filter: ' }, { text: filters.text, bold: true });
	const filtered = filters.text !== '' || filters.state !== 'all';
	if (filtered) out.push({ text: `  ${input.shown} of ${input.total}` });
	return out;
}

/** The footer: the typing prompt, or a notice, the filters and the most useful keys. */
export function footerLine(input: FooterInput): Line {
	if (input.filters.editing) {
		return [
			{ text: ' /' },
			{ text: input.filters.text },
			{ text: ' ', inverse: true },
			{ text: '  Enter', bold: true },
			{ text: ' keep' },
			{ text: '  Esc', bold: true },
			{ text: ' clear' },
			{ text: `  ${input.shown} of ${input.total}` },
		];
	}
	const line: Segment[] = [];
	if (input.notice !== null) line.push({ text: ` ${input.notice} `, inverse: true });
	if (input.view === 'help') return [...line, ...hintSegments('Esc', 'close help')];
	if (input.view === 'detail') {
		for (const hint of footerHints('detail', input.ascii)) {
			line.push(...hintSegments(hint.keys, hint.text));
		}
		return line;
	}
	line.push(...filterSegments(input));
	for (const hint of footerHints('list', input.ascii)) {
		line.push(...hintSegments(hint.keys, hint.text));
		if (hint.keys === '/') {
			line.push(...hintSegments('f', `state: ${STATE_FILTER_LABELS[input.filters.state]}`));
		}
	}
	return line;
}
