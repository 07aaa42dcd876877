/**
 * The list's selection and viewport, held by job key rather than row number,
 * so jobs arriving on top move neither the selection nor the rows on screen.
 */

/** Where the selection and the viewport stand. */
export interface ListCursor {
	/** The selected job, or null before anything was selected. */
	readonly selectedKey: string | null;
	/** The selection sits on the newest job and stays there as new ones arrive. */
	readonly followNewest: boolean;
	/** The job in the top visible row. */
	readonly topKey: string | null;
	/** Where the selection and the top row were when last placed, for when their jobs vanish. */
	readonly lastIndex: number;
	readonly lastTop: number;
}

/** The cursor at start: on the newest job. */
export const INITIAL_CURSOR: ListCursor = {
	selectedKey: null,
	followNewest: true,
	topKey: null,
	lastIndex: 0,
	lastTop: 0,
};

/** A cursor placed on a concrete list: row indexes. `selected` is -1 for an empty list. */
export interface ResolvedCursor {
	readonly selected: number;
	readonly top: number;
}

/** Ways to move the selection. */
export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

interface Keyed {
	readonly key: string;
}

function indexOfKey(items: readonly Keyed[], key: string | null): number {
	if (key === null) return -1;
	return items.findIndex((item) => item.key === key);
}

function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(high, value));
}

function keepVisible(selected: number, top: number, count: number, rows: number): number {
	let next = clamp(top, 0, Math.max(0, count - rows));
	if (selected < next) next = selected;
	if (selected >= next + rows) next = selected - rows + 1;
	return Math.max(0, next);
}

/** Places `cursor` on `items` with `rows` visible rows. */
export function resolveCursor(
	cursor: ListCursor,
	items: readonly Keyed[],
	rows: number,
): ResolvedCursor {
	const count = items.length;
	if (count === 0) return { selected: -1, top: 0 };
	const height = Math.max(1, rows);
	let selected = cursor.followNewest ? 0 : indexOfKey(items, cursor.selectedKey);
	if (selected < 0) selected = clamp(cursor.lastIndex, 0, count - 1);
	let top = cursor.followNewest ? 0 : indexOfKey(items, cursor.topKey);
	if (top < 0) top = selected - (cursor.lastIndex - cursor.lastTop);
	return { selected, top: keepVisible(selected, top, count, height) };
}

/** A cursor on row `selected` with `top` as the first visible row. */
export function cursorAt(
	items: readonly Keyed[],
	selected: number,
	top: number,
	rows: number,
): ListCursor {
	if (items.length === 0) return INITIAL_CURSOR;
	const index = clamp(selected, 0, items.length - 1);
	const first = keepVisible(index, top, items.length, Math.max(1, rows));
	return {
		selectedKey: items[index]?.key ?? null,
		followNewest: index === 0,
		topKey: items[first]?.key ?? null,
		lastIndex: index,
		lastTop: first,
	};
}

/** The cursor after `move` on `items` with `rows` visible rows. */
export function moveCursor(
	cursor: ListCursor,
	items: readonly Keyed[],
	rows: number,
	move: Move,
): ListCursor {
	const { selected, top } = resolveCursor(cursor, items, rows);
	if (selected < 0) return cursor;
	const page = Math.max(1, rows);
	const last = items.length - 1;
	switch (move) {
		case 'up':
			return cursorAt(items, selected - 1, top, rows);
		case 'down':
			return cursorAt(items, Math.min(last, selected + 1), top, rows);
		case 'pageUp':
			return cursorAt(items, selected - page, top - page, rows);
		case 'pageDown':
			return cursorAt(items, Math.min(last, selected + page), top + page, rows);
		case 'home':
			return cursorAt(items, 0, 0, rows);
		case 'end':
			return cursorAt(items, last, last, rows);
	}
}
