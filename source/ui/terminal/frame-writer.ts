import { parseRow, type RowCells } from './cells.js';

/** The terminal's size in cells. */
export interface FrameSize {
	readonly columns: number;
	readonly rows: number;
}

/** Begin and end a synchronized update: the terminal shows the frame whole or not at all. */
export const SYNC_BEGIN = '\x1b[?2026h';
export const SYNC_END = '\x1b[?2026l';
const RESET = '\x1b[0m';
const CLEAR_SCREEN = '\x1b[H\x1b[2J';
const ERASE_LINE_RIGHT = '\x1b[K';
const ERASE_BELOW = '\x1b[J';
/**
 * Equal cells between two changed spans of a row that are rewritten rather
 * than jumped over: a cursor move costs about as many bytes.
 */
const MERGE_GAP = 6;

function moveTo(row: number, column: number): string {
	return column === 0 ? `\x1b[${row + 1}H` : `\x1b[${row + 1};${column + 1}H`;
}

/** Bytes for one frame, with the pen (current SGR) and cursor tracked as they are written. */
class Painter {
	out = '';
	#pen = '';
	#row = -1;
	#column = -1;
	constructor(private readonly columns: number) {}

	/** Moves the cursor to `row`, `column` unless it is there already. */
	move(row: number, column: number): void {
		if (this.#row === row && this.#column === column) return;
		this.out += moveTo(row, column);
		this.#row = row;
		this.#column = column;
	}
	style(style: string): void {
		if (style === this.#pen) return;
		this.out += style === '' ? RESET : this.#pen === '' ? `\x1b[${style}m` : `\x1b[0;${style}m`;
		this.#pen = style;
	}
	/** Writes cells `from`..`to` (inclusive) of `cells` at `row`. */
	cells(row: number, cells: RowCells, from: number, to: number): void {
		this.move(row, from);
		for (let i = from; i <= to; i++) {
			const ch = cells.chars[i];
			if (ch === undefined || ch === '') continue;
			this.style(cells.styles[i] ?? '');
			this.out += ch;
		}
		const next = cells.chars[to + 1] === '' ? to + 2 : to + 1;
		// At the right edge the cursor waits to wrap; only an explicit move is safe after that.
		this.#column = next >= this.columns ? -1 : next;
	}
	/** Erases from `column` to the end of `row`, in the default look. */
	eraseRight(row: number, column: number): void {
		this.move(row, column);
		this.style('');
		this.out += ERASE_LINE_RIGHT;
	}
	eraseBelow(row: number): void {
		this.move(row, 0);
		this.style('');
		this.out += ERASE_BELOW;
	}
	clear(): void {
		this.style('');
		this.out += CLEAR_SCREEN;
		this.#row = 0;
		this.#column = 0;
	}
	/** The frame's bytes, leaving the pen in the default look for whoever writes next. */
	finish(): string {
		this.style('');
		return this.out;
	}
}

function sameCell(a: RowCells, b: RowCells, i: number): boolean {
	return a.chars[i] === b.chars[i] && a.styles[i] === b.styles[i];
}

/** The spans of `next` that differ from `previous`, as inclusive [from, to] pairs. */
function changedSpans(previous: RowCells, next: RowCells): [number, number][] {
	const spans: [number, number][] = [];
	const length = next.chars.length;
	for (let i = 0; i < length; i++) {
		if (i < previous.chars.length && sameCell(previous, next, i)) continue;
		// A span never starts on the right half of a wide character.
		const from = next.chars[i] === '' && i > 0 ? i - 1 : i;
		const last = spans.at(-1);
		if (last !== undefined && from - last[1] <= MERGE_GAP) last[1] = i;
		else spans.push([from, i]);
	}
	return spans;
}

/**
 * Turns whole frames (rows of text with SGR codes, joined by newlines) into
 * the bytes that change the terminal from the previous frame to this one:
 * only the changed cells of changed rows, at absolute positions, each frame
 * one synchronized update. Only changed rows are read cell by cell. The first
 * frame, and the first after the size changed, clears and draws everything.
 */
export class FrameWriter {
	#rows: string[] = [];
	#cells: (RowCells | undefined)[] = [];
	#size: FrameSize | null = null;

	/** Forgets what is on screen: the next frame is drawn whole. */
	invalidate(): void {
		this.#size = null;
	}

	/** The bytes that turn the screen into `frame`; '' when nothing changed. */
	update(frame: string, size: FrameSize): string {
		const rows = frame.split('\n').slice(0, Math.max(0, size.rows));
		const painter = new Painter(size.columns);
		const full =
			this.#size === null || this.#size.columns !== size.columns || this.#size.rows !== size.rows;
		if (full) this.#redraw(painter, rows, size);
		else this.#patch(painter, rows, size);
		this.#rows = rows;
		this.#size = size;
		const body = painter.finish();
		return body === '' ? '' : `${SYNC_BEGIN}${body}${SYNC_END}`;
	}

	#redraw(painter: Painter, rows: readonly string[], size: FrameSize): void {
		painter.clear();
		this.#cells = rows.map((text, row) => {
			const cells = parseRow(text, size.columns);
			if (cells.chars.length > 0) painter.cells(row, cells, 0, cells.chars.length - 1);
			return cells;
		});
	}

	#patch(painter: Painter, rows: readonly string[], size: FrameSize): void {
		const cells: (RowCells | undefined)[] = [];
		for (const [row, text] of rows.entries()) {
			const before = this.#rows[row];
			if (text === before) {
				cells.push(this.#cells[row]);
				continue;
			}
			const previous = this.#cells[row] ?? parseRow(before ?? '', size.columns);
			const next = parseRow(text, size.columns);
			cells.push(next);
			for (const [from, to] of changedSpans(previous, next)) painter.cells(row, next, from, to);
			if (previous.chars.length > next.chars.length) painter.eraseRight(row, next.chars.length);
		}
		const gone = this.#cells.slice(rows.length);
		const stale = this.#rows.slice(rows.length).some((text, i) => {
			const old = gone[i];
			return old === undefined ? text !== '' : old.chars.length > 0;
		});
		if (stale) painter.eraseBelow(rows.length);
		this.#cells = cells;
	}
}
