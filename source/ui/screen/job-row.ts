import type { Job } from '../../api/job.js';
import type { SortOrder } from '../../present/sort.js';
import { displayWidth, fitCell, truncate, truncateStart } from '../../present/text-width.js';
import { type Glyphs, stateStyle } from '../../present/theme.js';
import type { TableLayout } from './columns.js';
import type { RowTimes } from './job-cells.js';
import type { Line, Segment } from './segments.js';
import { SORTED_COLUMN, sortArrow } from './sort-view.js';

function cellText(
	job: Job,
	id: string,
	width: number,
	times: RowTimes,
	glyphs: Glyphs,
	marked: boolean,
): string {
	switch (id) {
		case 'server':
			return job.server;
		case 'name':
			// A marked job's name starts with the mark, so it stays visible on the selected row too.
			return marked ? `${glyphs.mark} ${job.name}` : job.name;
		case 'type':
			return job.type;
		case 'submitted':
			return times.submitted;
		case 'duration':
			return times.duration;
		case 'key':
			// The tail tells keys apart: AIQUM keys share long prefixes.
			return truncateStart(job.key, width, glyphs.ellipsis);
		default:
			return '';
	}
}

/**
 * One job as one table line, every cell fitted to its column by display width.
 * The selected row has the pointer in the gutter and is drawn inverse, so it
 * stays visible with colour off. `stale`: its server's data is stale (or the
 * server failed), so the row may be out of date: the stale glyph in the gutter
 * (the pointer wins on the selected row; the header names why) and dim text.
 */
export function jobRowLine(
	job: Job,
	layout: TableLayout,
	times: RowTimes,
	selected: boolean,
	glyphs: Glyphs,
	stale = false,
	marked = false,
): Line {
	const line = rowSegments(job, layout, times, selected, glyphs, marked);
	if (!stale) return line;
	const [gutter, ...cells] = line;
	const flagged = selected ? gutter : { text: glyphs.down, color: 'yellow' };
	return [...(flagged ? [flagged] : []), ...cells.map((cell) => ({ ...cell, dim: true }))];
}

function rowSegments(
	job: Job,
	layout: TableLayout,
	times: RowTimes,
	selected: boolean,
	glyphs: Glyphs,
	marked: boolean,
): Segment[] {
	const inverse = selected ? { inverse: true } : {};
	const line: Segment[] = [{ text: selected ? glyphs.pointer : ' ' }];
	layout.columns.forEach((column, index) => {
		if (index > 0) line.push({ text: ' ', ...inverse });
		if (column.id === 'state') {
			const style = stateStyle(job.displayState, job.rawState, glyphs);
			const text = fitCell(`${style.glyph} ${style.word}`, column.width, 'left', glyphs.ellipsis);
			line.push({
				text,
				...(style.color ? { color: style.color } : {}),
				...(style.dim ? { dim: true } : {}),
				...inverse,
			});
			return;
		}
		const text = cellText(job, column.id, column.width, times, glyphs, marked);
		line.push({ text: fitCell(text, column.width, column.align, glyphs.ellipsis), ...inverse });
	});
	return line;
}

/**
 * The table's heading line; the column the list is sorted by carries an
 * arrow (▼, or `v` in ASCII) after its title, or, for a right-aligned column
 * too narrow for both (DURATION), in the gap before it; else the title is cut.
 */
export function tableHeadingLine(layout: TableLayout, sort?: SortOrder, ascii = false): Line {
	const sorted = sort === undefined ? null : SORTED_COLUMN[sort];
	const arrow = sortArrow(ascii);
	let titles = '';
	layout.columns.forEach((c, index) => {
		let gap = index > 0 ? ' ' : '';
		let cell = fitCell(c.title, c.width, c.align);
		if (c.id === sorted && c.width > arrow.length) {
			// Display widths: a Japanese title takes two columns a character.
			if (displayWidth(c.title) + arrow.length <= c.width || c.align === 'left' || index === 0) {
				const title = truncate(c.title, c.width - arrow.length, '');
				cell = fitCell(`${title}${arrow}`, c.width, c.align);
			} else {
				gap = arrow.trim();
			}
		}
		titles += gap + cell;
	});
	return [{ text: ' ' }, { text: titles, bold: true }];
}
