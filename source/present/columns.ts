/**
 * The columns of a job table, once for every output: the live view's table
 * and `list` on a terminal show the same columns in the same order, cut the
 * same side of a value, and give the same columns up first when the terminal
 * is narrow (the key, then the type, then the duration, then the submit time;
 * the state and the name never). How wide each one is laid out differs on
 * purpose: the live view lays out from the terminal width alone, so widths
 * never jump while jobs arrive (ui/screen/columns.ts); `list` prints once and fits
 * the values it has (output/table.ts).
 */

import { t } from '../i18n/t.js';

/** The table's columns, in screen order. */
export type ColumnId = 'state' | 'name' | 'type' | 'submitted' | 'duration' | 'key';

/** One column of a job table. */
export interface JobColumn {
	readonly id: ColumnId;
	readonly title: string;
	readonly align: 'left' | 'right';
	/** Which end a cut value keeps: the key keeps its distinctive tail. */
	readonly truncate: 'start' | 'end';
	/** Given up when the terminal is too narrow: higher first; 0 never. */
	readonly dropRank: number;
	/** The narrowest `list` squeezes it to; absent: never squeezed. */
	readonly minWidth?: number;
	/** The live view's width before spare room is shared out, and the widest it grows. */
	readonly live: { readonly width: number; readonly maxWidth: number };
}

/**
 * Room the name keeps in `list` before it is squeezed: the key and the type
 * give way first (a name cut to a dozen columns says little, a key's tail or
 * a cut type less), then the name's room, then the duration and the submit time.
 */
export const NAME_ROOM = { width: 24, dropRank: 4 } as const;

export const JOB_COLUMNS: readonly JobColumn[] = [
	{
		id: 'state',
		title: 'STATE',
		align: 'left',
		truncate: 'end',
		dropRank: 0,
		// Wide enough for "◆ PARTIAL_FAILURES"; ui/screen/columns.ts narrows it below 80 columns.
		live: { width: 18, maxWidth: 18 },
	},
	{
		id: 'name',
		title: 'NAME',
		align: 'left',
		truncate: 'end',
		dropRank: 0,
		minWidth: 12,
		live: { width: 16, maxWidth: 999 },
	},
	{
		id: 'type',
		title: 'TYPE',
		align: 'left',
		truncate: 'end',
		dropRank: 5,
		minWidth: 8,
		live: { width: 14, maxWidth: 26 },
	},
	{
		id: 'submitted',
		title: 'SUBMITTED',
		align: 'left',
		truncate: 'end',
		dropRank: 2,
		live: { width: 11, maxWidth: 11 },
	},
	{
		id: 'duration',
		title: 'DURATION',
		align: 'right',
		truncate: 'end',
		dropRank: 3,
		live: { width: 8, maxWidth: 8 },
	},
	{
		id: 'key',
		title: 'KEY',
		align: 'left',
		truncate: 'start',
		dropRank: 6,
		minWidth: 14,
		live: { width: 14, maxWidth: 48 },
	},
];

/**
 * A column's title as a person reads it, in the language chosen: `list` on a
 * terminal. Each column's `title` stays the English one for a pipe, where the
 * titles are machine output (a script may read the header line).
 */
export function columnTitle(id: ColumnId | 'server'): string {
	return t(`present.column.${id}`);
}
