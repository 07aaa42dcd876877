import { columnTitle, JOB_COLUMNS, type ColumnId as JobColumnId } from '../../present/columns.js';
import { displayWidth } from '../../present/text-width.js';

/**
 * Table column layout, computed from the terminal width alone: never from the
 * rows on screen, so widths do not jump while scrolling or as jobs arrive.
 * Which columns there are and which give way first is present/columns.ts,
 * shared with `list`.
 */

/**
 * A column of the live table: the shared job columns, and SERVER, which only
 * a view of several servers has (first, as `list` puts it).
 */
export type ColumnId = JobColumnId | 'server';

/** One laid-out column. */
export interface Column {
	readonly id: ColumnId;
	readonly title: string;
	readonly width: number;
	readonly align: 'left' | 'right';
}

/** The whole table layout for one terminal width. */
export interface TableLayout {
	/** Terminal columns the layout was made for. */
	readonly width: number;
	readonly columns: readonly Column[];
}

/** The gutter before the first column holds the selection pointer. */
export const GUTTER_WIDTH = 1;
const GAP = 1;
const NAME_COMFORT = 48;
/** The state column below 80 columns: the glyph and most of the word. */
const STATE_COMPACT = 10;

interface Spec {
	readonly id: ColumnId;
	readonly title: string;
	readonly width: number;
	readonly align: 'left' | 'right';
	/** Higher drops first when space runs short; the name never drops. */
	readonly dropRank: number;
	/** How far the column may grow when there is room to spare. */
	readonly maxWidth: number;
}

/** The SERVER column's room: the profile names are short; a longer one is cut, never dropped. */
const SERVER_MIN = 'SERVER'.length;
const SERVER_MAX = 12;

/**
 * The SERVER column's width for these server names: 0 (no column) for fewer
 * than two servers, else the longest name within 6..12 columns.
 */
export function serverColumnWidth(names: readonly string[]): number {
	if (names.length < 2) return 0;
	const longest = Math.max(...names.map((name) => displayWidth(name)));
	return Math.max(SERVER_MIN, Math.min(SERVER_MAX, longest));
}

function specs(terminalWidth: number, serverWidth: number): Spec[] {
	const server: Spec[] =
		serverWidth > 0
			? [
					{
						id: 'server',
						title: columnTitle('server'),
						width: serverWidth,
						align: 'left',
						// Like the name, it never drops: the same key on two servers is two jobs.
						dropRank: 0,
						maxWidth: serverWidth,
					},
				]
			: [];
	// Defensive: should the shared spec ever name a server column, it is placed here, not there.
	const shared = JOB_COLUMNS.filter(({ id }) => (id as string) !== 'server');
	return [
		...server,
		...shared.map(({ id, align, dropRank, live }): Spec => {
			const width = id === 'state' && terminalWidth < 80 ? STATE_COMPACT : live.width;
			const maxWidth = id === 'state' ? width : live.maxWidth;
			// The screen's own titles; the plain list keeps the shared English ones.
			return { id, title: columnTitle(id), width, align, dropRank, maxWidth };
		}),
	];
}

function used(columns: readonly Spec[]): number {
	return GUTTER_WIDTH + columns.reduce((sum, c) => sum + c.width, 0) + GAP * (columns.length - 1);
}

/**
 * Lays out the table for a terminal `width` columns wide, with a SERVER column
 * `serverWidth` wide first when it is not 0 (see {@link serverColumnWidth}). Low-priority columns
 * drop first (key, then type, then duration, then submitted); spare room goes
 * to the name, then the type, the name again up to a comfortable width, the
 * key, and whatever is left to the name.
 * The row is one column narrower than the terminal: a line that fills the last
 * column makes some terminals wrap.
 */
export function layoutTable(width: number, serverWidth = 0): TableLayout {
	const available = width - 1;
	let columns = specs(width, serverWidth);
	while (used(columns) > available) {
		const victim = columns.reduce((a, b) => (b.dropRank > a.dropRank ? b : a));
		if (victim.dropRank === 0) break;
		columns = columns.filter((c) => c !== victim);
	}
	let spare = Math.max(0, available - used(columns));
	const grow = (id: ColumnId, limit: number): void => {
		columns = columns.map((c) => {
			if (c.id !== id || spare === 0) return c;
			const extra = Math.min(spare, Math.max(0, Math.min(limit, c.maxWidth) - c.width));
			spare -= extra;
			return { ...c, width: c.width + extra };
		});
	};
	grow('name', 30);
	grow('type', 24);
	grow('name', NAME_COMFORT);
	grow('key', 48);
	grow('name', 999);
	return {
		width,
		columns: columns.map(({ id, title, width: w, align }) => ({ id, title, width: w, align })),
	};
}

/** Inter-column gap in columns. */
export const COLUMN_GAP = GAP;
