import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/** One column of a text table. */
export interface Column {
	readonly header: string;
	/** Right-align (numbers, durations). */
	readonly align?: 'left' | 'right';
	/** Narrowest the column may be squeezed to on a terminal; default: never squeezed. */
	readonly minWidth?: number;
	/** Where to cut when squeezed (`start` keeps the distinctive tail of a job key). */
	readonly truncate?: 'start' | 'middle' | 'end';
	/** Dropped first when the terminal is too narrow: higher drops earlier; 0 never drops. */
	readonly dropPriority?: number;
	/** Gets spare width before other squeezed columns (the name). */
	readonly flexFirst?: boolean;
}

/** The terminal width to fit when stdout reports none (a pseudo-terminal reporting 0). */
export const FALLBACK_COLUMNS = 80;

/** The gap between columns. */
const GAP = '  ';

/** Display width of plain (escape-free) text: wide characters count 2. */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

function padCell(text: string, width: number, align: 'left' | 'right'): string {
	const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
	return align === 'right' ? fill + text : text + fill;
}

/**
 * Chooses which columns to show and how wide, so a row fits in `maxWidth`
 * columns: low-priority columns are dropped first, then squeezable columns
 * shrink towards their minimum; spare width goes to the flex column first.
 * Returns one width per column, or null for a dropped column.
 */
export function layoutColumns(
	columns: readonly Column[],
	natural: readonly number[],
	maxWidth: number,
): (number | null)[] {
	const minOf = (i: number) =>
		Math.min(natural[i] ?? 0, columns[i]?.minWidth ?? Number.POSITIVE_INFINITY);
	const shown = columns.map(() => true);
	const need = () =>
		shown.reduce((sum, on, i) => (on ? sum + minOf(i) : sum), 0) +
		GAP.length * Math.max(0, shown.filter(Boolean).length - 1);
	while (need() > maxWidth) {
		let drop = -1;
		columns.forEach((column, i) => {
			const priority = column.dropPriority ?? 0;
			if (shown[i] && priority > 0 && (drop < 0 || priority > (columns[drop]?.dropPriority ?? 0)))
				drop = i;
		});
		if (drop < 0) break;
		shown[drop] = false;
	}
	const widths = columns.map((_, i) => (shown[i] ? minOf(i) : null));
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
	options: { readonly maxWidth?: number; readonly decorateHeader?: (text: string) => string } = {},
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
			let text = cell.text;
			if (displayWidth(text) > width)
				text = cliTruncate(text, width, { position: column.truncate ?? 'end' });
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
