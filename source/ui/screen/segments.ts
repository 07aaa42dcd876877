import { displayWidth, truncate } from '../../present/text-width.js';

/** A run of text with one style: the unit every screen line is built from. */
export interface Segment {
	readonly text: string;
	/** Ink colour name; dropped when colour is off. */
	readonly color?: string;
	/** Dim; dropped with colour (it only ever softens a colour here). */
	readonly dim?: boolean;
	readonly bold?: boolean;
	/** Inverse video: not a colour, so it stays when colour is off. */
	readonly inverse?: boolean;
}

/** One screen line. */
export type Line = readonly Segment[];

/** Columns the line takes. */
export function lineWidth(line: Line): number {
	return line.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
}

/** The line cut to at most `width` columns, ending in `ellipsis` when cut. */
export function fitLine(line: Line, width: number, ellipsis = '…'): Line {
	if (lineWidth(line) <= width) return line;
	const out: Segment[] = [];
	let room = width;
	for (const segment of line) {
		const w = displayWidth(segment.text);
		if (w < room) {
			out.push(segment);
			room -= w;
			continue;
		}
		out.push({ ...segment, text: truncate(segment.text, room, ellipsis) });
		break;
	}
	return out;
}

/** Plain text as one line. */
export function plain(text: string, style: Omit<Segment, 'text'> = {}): Line {
	return [{ text, ...style }];
}

/**
 * `left` and `right` on one line `width` columns wide, the right part flush
 * right; the left part is cut first when both do not fit.
 */
export function spread(left: Line, right: Line, width: number, ellipsis = '…'): Line {
	const rightWidth = lineWidth(right);
	if (rightWidth + 1 > width) return fitLine(left, width, ellipsis);
	const fittedLeft = fitLine(left, width - rightWidth - 1, ellipsis);
	const gap = width - lineWidth(fittedLeft) - rightWidth;
	return [...fittedLeft, { text: ' '.repeat(gap) }, ...right];
}
