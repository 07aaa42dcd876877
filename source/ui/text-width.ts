import stringWidth from 'string-width';
import { displayWidth } from '../present/text-width.js';

/**
 * Display-width text fitting. Japanese and most emoji take two terminal
 * columns; truncation works on whole graphemes so a wide character or an emoji
 * sequence is never cut in half. cli-truncate was measured to overshoot by a
 * column when a wide character straddles the edge, so this does its own.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Measuring and wrapping are shared with the script modes (`show` wraps task messages too).
export { displayWidth, wrap } from '../present/text-width.js';

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
