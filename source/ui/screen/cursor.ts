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

/**
 * Whether a window of `rows` lines whose first job is row `top` gives its
 * first line to the "▲ N newer" marker: there are jobs above it, and room.
 * The marker takes a line from the window, so the frame never grows.
 */
export function hasNewerMarker(top: number, rows: number): boolean {
	return top > 0 && rows > 1;
}

function fitTop(selected: number, top: number, count: number, height: number): number {
	let next = clamp(top, 0, Math.max(0, count - height));
	if (selected < next) next = selected;
	if (selected >= next + height) next = selected - height + 1;
	return Math.max(0, next);
}

/** The top row that keeps `selected` in view, counting the marker line when there is one. */
function keepVisible(selected: number, top: number, count: number, rows: number): number {
	const first = fitTop(selected, top, count, rows);
	// Jobs above: one job row fewer. `first` only moves down here, so the marker stays.
	return hasNewerMarker(first, rows) ? fitTop(selected, first, count, rows - 1) : first;
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
	// A page is the job rows in view, so paging never skips a job behind the marker.
	const page = Math.max(1, hasNewerMarker(top, rows) ? rows - 1 : rows);
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

/**
 * A key arriving this soon after the list moved the highlight by itself (a
 * new job on top, followed as the newest) was aimed at the job highlighted
 * before: nobody reacts to a new row that fast (about a quarter of a second),
 * and over SSH the frame reaches the eye a round trip late.
 */
export const REACTION_MS = 300;

/** The highlighted job as the user has seen it. */
export interface Highlight {
	readonly key: string | null;
	/** The job highlighted before the list last moved the highlight by itself, or null. */
	readonly before: string | null;
	/** When it moved so. */
	readonly movedAt: number;
}

/**
 * The highlight after a frame that shows `key`. `byUser`: the frame follows
 * something the user did (a key), so a change is theirs and aims nothing elsewhere.
 */
export function nextHighlight(
	previous: Highlight | null,
	key: string | null,
	byUser: boolean,
	now: number,
): Highlight {
	if (previous === null || byUser) return { key, before: null, movedAt: now };
	if (key === previous.key) return previous;
	// Moved again before anyone could react: the user still aims at what they saw first.
	const seen = aimedKey(previous, now) ?? previous.key;
	return { key, before: seen, movedAt: now };
}

/** The job a key press at `now` aims at when the list just moved the highlight, else null. */
export function aimedKey(highlight: Highlight | null, now: number): string | null {
	if (highlight === null || highlight.before === null) return null;
	return now - highlight.movedAt < REACTION_MS ? highlight.before : null;
}
