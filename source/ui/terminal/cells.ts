import { displayWidth } from '../../present/text-width.js';

/**
 * One screen row as terminal cells. A wide character takes its cell and the
 * next, which holds '' (a continuation). `styles[i]` is the SGR parameter
 * string in force for the cell ('' for the default look), in a canonical
 * order, so two cells look the same exactly when their strings are equal.
 * Trailing default-looking blanks are dropped: they equal an erased cell.
 */
export interface RowCells {
	readonly chars: readonly string[];
	readonly styles: readonly string[];
}

/** The style in force while reading a row. */
interface Pen {
	bold: boolean;
	dim: boolean;
	italic: boolean;
	underline: boolean;
	inverse: boolean;
	strike: boolean;
	fg: string;
	bg: string;
}

function defaultPen(): Pen {
	return {
		bold: false,
		dim: false,
		italic: false,
		underline: false,
		inverse: false,
		strike: false,
		fg: '',
		bg: '',
	};
}

function penKey(pen: Pen): string {
	const parts: string[] = [];
	if (pen.bold) parts.push('1');
	if (pen.dim) parts.push('2');
	if (pen.italic) parts.push('3');
	if (pen.underline) parts.push('4');
	if (pen.inverse) parts.push('7');
	if (pen.strike) parts.push('9');
	if (pen.fg !== '') parts.push(pen.fg);
	if (pen.bg !== '') parts.push(pen.bg);
	return parts.join(';');
}

/** An extended colour (`38;5;n` or `38;2;r;g;b`) starting at `i`: its parameters and length. */
function extendedColour(params: readonly string[], i: number): [string, number] {
	const mode = params[i + 1];
	const count = mode === '5' ? 3 : mode === '2' ? 5 : 1;
	return [params.slice(i, i + count).join(';'), count];
}

/** Applies one SGR parameter list (`1;36`) to the pen. */
function applySgr(pen: Pen, list: string): void {
	const params = list === '' ? ['0'] : list.split(/[;:]/);
	for (let i = 0; i < params.length; i++) {
		const p = Number(params[i] || '0');
		if (p === 0) Object.assign(pen, defaultPen());
		else if (p === 1) pen.bold = true;
		else if (p === 2) pen.dim = true;
		else if (p === 3) pen.italic = true;
		else if (p === 4) pen.underline = true;
		else if (p === 7) pen.inverse = true;
		else if (p === 9) pen.strike = true;
		else if (p === 22) pen.bold = pen.dim = false;
		else if (p === 23) pen.italic = false;
		else if (p === 24) pen.underline = false;
		else if (p === 27) pen.inverse = false;
		else if (p === 29) pen.strike = false;
		else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) pen.fg = String(p);
		else if (p === 39) pen.fg = '';
		else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) pen.bg = String(p);
		else if (p === 49) pen.bg = '';
		else if (p === 38 || p === 48) {
			const [colour, count] = extendedColour(params, i);
			if (p === 38) pen.fg = colour;
			else pen.bg = colour;
			i += count - 1;
		}
	}
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PLAIN = /^[\x20-\x7e]*$/;
/** An escape sequence: CSI (SGR or other), OSC, or a lone two-byte escape. */
const ESCAPE = /\x1b(?:\[([0-9;:?<=>]*)([ -/]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_]?)/y;

/**
 * Reads one row of text with SGR codes into cells, at most `columns` wide.
 * Escape sequences other than SGR and control characters take no cells (the
 * screen's text is sanitised long before; this only keeps the grid honest).
 */
export function parseRow(text: string, columns: number): RowCells {
	const chars: string[] = [];
	const styles: string[] = [];
	const pen = defaultPen();
	let style = '';
	let i = 0;
	const put = (grapheme: string, width: number): boolean => {
		if (chars.length + width > columns) return false;
		chars.push(grapheme);
		styles.push(style);
		if (width === 2) {
			chars.push('');
			styles.push(style);
		}
		return true;
	};
	while (i < text.length && chars.length < columns) {
		const esc = text.indexOf('\x1b', i);
		const end = esc === -1 ? text.length : esc;
		if (end > i && !putRun(text.slice(i, end), put)) break;
		if (esc === -1) break;
		ESCAPE.lastIndex = esc;
		const match = ESCAPE.exec(text);
		i = match ? ESCAPE.lastIndex : esc + 1;
		if (match && match[3] === 'm' && match[2] === '' && !match[1]?.startsWith('?')) {
			applySgr(pen, match[1] ?? '');
			style = penKey(pen);
		}
	}
	let length = chars.length;
	while (length > 0 && chars[length - 1] === ' ' && styles[length - 1] === '') length--;
	chars.length = length;
	styles.length = length;
	return { chars, styles };
}

/**
 * Code points that join a grapheme to its neighbours (marks, joiners,
 * variation selectors, emoji modifiers and flags, tags, Hangul jamo). A run
 * without them is one grapheme per code point, and needs no segmenter.
 */
const CLUSTERING =
	/\p{M}|\u200c|\u200d|[\ufe00-\ufe0f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0000}-\u{e0fff}]/u;

/** The graphemes of `run`: code points where that is the same thing, else the segmenter's. */
function graphemes(run: string): Iterable<string> {
	if (!CLUSTERING.test(run)) return run;
	return Array.from(segmenter.segment(run), (s) => s.segment);
}

/** Puts a run of text (no escapes) cell by cell; false once the row is full. */
function putRun(run: string, put: (grapheme: string, width: number) => boolean): boolean {
	if (PLAIN.test(run)) {
		for (const ch of run) if (!put(ch, 1)) return false;
		return true;
	}
	for (const segment of graphemes(run)) {
		// Control characters and zero-width clusters take no cell.
		if (segment < ' ' || segment === '\x7f') continue;
		const width = displayWidth(segment);
		if (width === 0) continue;
		if (!put(segment, width > 1 ? 2 : 1)) return false;
	}
	return true;
}
