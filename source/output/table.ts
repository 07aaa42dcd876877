import { displayWidth, truncate, truncateStart } from '../present/text-width.js';

/** One column of a text table. */
export interface Column {
	readonly header: string;
	/** Right-align (numbers, durations). */
	readonly align?: 'left' | 'right';
	/** Narrowest the column may be squeezed to on a terminal; default: never squeezed. */
	readonly minWidth?: number;
	/** Where to cut when squeezed (`start` keeps the distinctive tail of a job key). */
	readonly truncate?: 'start' | 'end';
	/** Dropped first when the terminal is too narrow: higher drops earlier; 0 never drops. */
	readonly dropPriority?: number;
	/** Gets spare width before other squeezed columns (the name). */
	readonly flexFirst?: boolean;
	/**
	 * Width the column keeps (or its natural width, when narrower) ahead of the
	 * columns that drop before `dropPriority`: they go before it is squeezed
	 * below `width`. Gives the name room before the type and the key.
	 */
	readonly room?: { readonly width: number; readonly dropPriority: number };
}

/** The terminal width to fit when stdout reports none (a pseudo-terminal reporting 0). */
export const FALLBACK_COLUMNS = 80;

/** The gap between columns. */
const GAP = '  ';

function padCell(text: string, width: number, align: 'left' | 'right'): string {
	const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
	return align === 'right' ? fill + text : text + fill;
}

/** A share of the row's width that can be given up: a column's minimum, or its room. */
interface Claim {
	readonly column: number;
	readonly width: number;
	/** Higher is given up first; 0 never. */
	readonly priority: number;
	readonly room: boolean;
}

function claimsOf(columns: readonly Column[], natural: readonly number[]): Claim[] {
	const minOf = (i: number) =>
		Math.min(natural[i] ?? 0, columns[i]?.minWidth ?? Number.POSITIVE_INFINITY);
	return columns.flatMap((column, i): Claim[] => {
		const base = { column: i, width: minOf(i), priority: column.dropPriority ?? 0, room: false };
		if (column.room === undefined) return [base];
		const extra = Math.min(natural[i] ?? 0, column.room.width) - base.width;
		if (extra <= 0) return [base];
		return [base, { column: i, width: extra, priority: column.room.dropPriority, room: true }];
	});
}

/**
 * Chooses which columns to show and how wide, so a row fits in `maxWidth`
 * columns: the claim with the highest drop priority goes first (a column, or a
 * column's room), until the rest fits; squeezable columns sit at their minimum,
 * and spare width goes to the flex column first, then to the others in order.
 * Returns one width per column, or null for a dropped column.
 */
export function layoutColumns(
	columns: readonly Column[],
	natural: readonly number[],
	maxWidth: number,
): (number | null)[] {
	let claims = claimsOf(columns, natural);
	const need = () => {
		const shown = claims.filter((claim) => !claim.room).length;
		return (
			claims.reduce((sum, claim) => sum + claim.width, 0) + GAP.length * Math.max(0, shown - 1)
		);
	};
	while (need() > maxWidth) {
		const victim = claims.reduce<Claim | null>(
			(top, claim) => (claim.priority > (top?.priority ?? 0) ? claim : top),
			null,
		);
		if (victim === null) break;
		// A dropped column takes its room with it.
		claims = victim.room
			? claims.filter((claim) => claim !== victim)
			: claims.filter((claim) => claim.column !== victim.column);
	}
	const widths: (number | null)[] = columns.map(() => null);
	for (const claim of claims) widths[claim.column] = (widths[claim.column] ?? 0) + claim.width;
	let spare = maxWidth - need();
	const order = columns
		.map((column, i) => ({ column, i }))
		.sort((a, b) => Number(b.column.flexFirst ?? false) - Number(a.column.flexFirst ?? false));
	for (const { i } of order) {
		const width = widths[i];
		if (width === null || width === undefined || spare <= 0) continue;
		const grow = Math.min(spare, (natural[i] ?? 0) - width);
		widths[i] = width + grow;
		spare -= grow;
	}
	return widths;
}

/** A cell as printed: its plain text and, for a terminal, how to colour it. */
export interface Cell {
	readonly text: string;
	/** Applied after padding/truncation, so colour never affects the width. */
	readonly decorate?: (text: string) => string;
}

/**
 * Renders rows as aligned text. With `maxWidth`, columns are laid out to fit
 * (dropped, then truncated by display width with an ellipsis); without it
 * nothing is truncated (pipes keep whole values). Lines carry no trailing spaces.
 */
export function renderTable(
	columns: readonly Column[],
	rows: readonly (readonly Cell[])[],
	options: {
		readonly maxWidth?: number;
		readonly decorateHeader?: (text: string) => string;
		/** Marks a cut value: `…`, or the ASCII glyph set's `~` with `--ascii`. */
		readonly ellipsis?: string;
	} = {},
): string[] {
	const natural = columns.map((column, i) =>
		Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[i]?.text ?? ''))),
	);
	const widths =
		options.maxWidth === undefined
			? natural
			: layoutColumns(columns, natural, Math.max(1, options.maxWidth));
	const renderRow = (cells: readonly Cell[], header: boolean): string => {
		const parts: string[] = [];
		columns.forEach((column, i) => {
			const width = widths[i];
			if (width === null || width === undefined) return;
			const cell = cells[i] ?? { text: '' };
			// Cut as the live view cuts: by display width, never through a wide character.
			const cut = column.truncate === 'start' ? truncateStart : truncate;
			const text = cut(cell.text, width, options.ellipsis ?? '…');
			const padded = padCell(text, width, column.align ?? 'left');
			const decorate = header ? options.decorateHeader : cell.decorate;
			parts.push(decorate ? decorateKeepingPad(padded, decorate) : padded);
		});
		return parts.join(GAP).trimEnd();
	};
	return [
		renderRow(
			columns.map((column) => ({ text: column.header })),
			true,
		),
		...rows.map((row) => renderRow(row, false)),
	];
}

// Colour only the visible text, not the padding, so a trailing trim stays exact.
function decorateKeepingPad(padded: string, decorate: (text: string) => string): string {
	const match = /^( *)(.*?)( *)$/su.exec(padded);
	if (match === null) return decorate(padded);
	const [, lead = '', body = '', trail = ''] = match;
	return body === '' ? padded : lead + decorate(body) + trail;
}
