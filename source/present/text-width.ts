import stringWidth from 'string-width';

/**
 * How wide text is on a terminal, how it is cut and how it wraps: shared by
 * the live view and the script modes, so a job's text measures, truncates and
 * wraps the same in both. Japanese and most emoji take two terminal columns;
 * cutting and breaking work on whole graphemes so a wide character or an
 * emoji sequence is never cut in half. (cli-truncate was measured to overshoot
 * by a column when a wide character straddles the edge, so this does its own.)
 * The ellipsis is the glyph set's: `…`, or `~` with `--ascii`.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Widths of non-ASCII texts measured lately. string-width segments every
 * grapheme and tests several Unicode regexes per call, and a live screen asks
 * for the same glyphs, names and cells every frame; cleared when it fills up.
 */
const widths = new Map<string, number>();
const WIDTH_CACHE_SIZE = 4096;

/** Columns `text` (plain, escape-free) takes in a terminal. */
export function displayWidth(text: string): number {
	if (PLAIN.test(text)) return text.length;
	let width = widths.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		if (widths.size >= WIDTH_CACHE_SIZE) widths.clear();
		widths.set(text, width);
	}
	return width;
}

/**
 * Breaks `text` into lines of at most `width` columns, at spaces where it can
 * and inside a word only when the word alone is too wide (as Japanese text,
 * which has no spaces, always is). Existing line breaks are kept.
 */
export function wrap(text: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		let used = 0;
		const push = (): void => {
			lines.push(line.trimEnd());
			line = '';
			used = 0;
		};
		for (const word of paragraph.split(/(?<= )/)) {
			const w = displayWidth(word);
			if (used + w <= width) {
				line += word;
				used += w;
				continue;
			}
			if (used > 0 && w <= width) push();
			for (const { segment } of segmenter.segment(word)) {
				const sw = stringWidth(segment);
				if (used + sw > width && used > 0) {
					if (segment === ' ') continue;
					push();
				}
				line += segment;
				used += sw;
			}
		}
		push();
	}
	return lines;
}

/**
 * `text` cut to at most `width` columns, ending in `ellipsis` when it was cut.
 * The result may be one column short when a wide character would straddle the edge.
 */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (displayWidth(text) <= width) return text;
	const room = width - displayWidth(ellipsis);
	if (room < 0) return '';
	let used = 0;
	let out = '';
	for (const { segment } of segmenter.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > room) break;
		out += segment;
		used += w;
	}
	return out + ellipsis;
}

/** `text` truncated and padded with spaces to exactly `width` columns. */
export function fitCell(
	text: string,
	width: number,
	align: 'left' | 'right' = 'left',
	ellipsis = '…',
): string {
	const cut = truncate(text, width, ellipsis);
	const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/** `text` cut from the front to at most `width` columns, starting with `ellipsis` when cut. */
export function truncateStart(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (displayWidth(text) <= width) return text;
	const room = width - displayWidth(ellipsis);
	if (room < 0) return '';
	const segments = Array.from(segmenter.segment(text), (s) => s.segment);
	let used = 0;
	let out = '';
	for (let i = segments.length - 1; i >= 0; i--) {
		const segment = segments[i] ?? '';
		const w = stringWidth(segment);
		if (used + w > room) break;
		out = segment + out;
		used += w;
	}
	return ellipsis + out;
}
