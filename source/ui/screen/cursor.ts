import { type JobId, jobIdOf } from '../../api/job.js';

/**
 * The list's selection and viewport, held by job identity ({@link JobId}:
 * server and key) rather than row number, so jobs arriving on top move neither
 * the selection nor the rows on screen, and the same key on two servers is two rows.
 */

/** Where the selection and the viewport stand. */
export interface ListCursor {
	/** The selected job's id, or null before anything was selected. */
	readonly selectedId: JobId | null;
	/** The selection sits on the newest job and stays there as new ones arrive. */
	readonly followNewest: boolean;
	/** The id of the job in the top visible row. */
	readonly topId: JobId | null;
	/** Where the selection and the top row were when last placed, for when their jobs vanish. */
	readonly lastIndex: number;
	readonly lastTop: number;
}

/** The cursor at start: on the newest job. */
export const INITIAL_CURSOR: ListCursor = {
	selectedId: null,
	followNewest: true,
	topId: null,
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

/** A row of the list: a job, or anything with its key (and server, when it has one). */
export interface Keyed {
	readonly key: string;
	readonly server?: string;
}

/** The identity of a row (see {@link JobId}). */
export function rowId(item: Keyed): JobId {
	return jobIdOf(item.server ?? '', item.key);
}

function indexOfId(items: readonly Keyed[], id: JobId | null): number {
	if (id === null) return -1;
	return items.findIndex((item) => rowId(item) === id);
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

function fitTop(selected: number, top: number, count: number, height: number, tail = 0): number {
	let next = clamp(top, 0, Math.max(0, count + tail - height));
	if (selected < next) next = selected;
	if (selected >= next + height) next = selected - height + 1;
	return Math.max(0, next);
}

/**
 * The top row that keeps `selected` in view, counting the marker line when
 * there is one, and `tail` lines after the last job (the older-jobs row) that
 * the window may scroll down to.
 */
function keepVisible(selected: number, top: number, count: number, rows: number, tail = 0): number {
	const first = fitTop(selected, top, count, rows, tail);
	if (!hasNewerMarker(first, rows)) return first;
	// Jobs above: one job row fewer. The top only moves down here, so the marker stays;
	// with a tail, as far as asked, which one row fewer lets it go further.
	return fitTop(selected, tail > 0 ? Math.max(first, top) : first, count, rows - 1, tail);
}

/**
 * Places `cursor` on `items` with `rows` visible rows; `tail` lines follow
 * the last job (the older-jobs row), which the window may show.
 */
export function resolveCursor(
	cursor: ListCursor,
	items: readonly Keyed[],
	rows: number,
	tail = 0,
): ResolvedCursor {
	const count = items.length;
	if (count === 0) return { selected: -1, top: 0 };
	const height = Math.max(1, rows);
	let selected = cursor.followNewest ? 0 : indexOfId(items, cursor.selectedId);
	if (selected < 0) selected = clamp(cursor.lastIndex, 0, count - 1);
	let top = cursor.followNewest ? 0 : indexOfId(items, cursor.topId);
	if (top < 0) top = selected - (cursor.lastIndex - cursor.lastTop);
	return { selected, top: keepVisible(selected, top, count, height, tail) };
}

function idAt(items: readonly Keyed[], index: number): JobId | null {
	const item = items[index];
	return item === undefined ? null : rowId(item);
}

/** A cursor on row `selected` with `top` as the first visible row. */
export function cursorAt(
	items: readonly Keyed[],
	selected: number,
	top: number,
	rows: number,
	tail = 0,
): ListCursor {
	if (items.length === 0) return INITIAL_CURSOR;
	const index = clamp(selected, 0, items.length - 1);
	const first = keepVisible(index, top, items.length, Math.max(1, rows), tail);
	return {
		selectedId: idAt(items, index),
		followNewest: index === 0,
		topId: idAt(items, first),
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
	tail = 0,
): ListCursor {
	const { selected, top } = resolveCursor(cursor, items, rows, tail);
	if (selected < 0) return cursor;
	// A page is the job rows in view, so paging never skips a job behind the marker.
	const page = Math.max(1, hasNewerMarker(top, rows) ? rows - 1 : rows);
	const last = items.length - 1;
	switch (move) {
		case 'up':
			return cursorAt(items, selected - 1, top, rows, tail);
		case 'down':
			// Past the last job: the window shows what follows it (the older-jobs row).
			if (selected === last) return cursorAt(items, last, top + tail, rows, tail);
			return cursorAt(items, selected + 1, top, rows, tail);
		case 'pageUp':
			return cursorAt(items, selected - page, top - page, rows, tail);
		case 'pageDown':
			return cursorAt(items, Math.min(last, selected + page), top + page, rows, tail);
		case 'home':
			return cursorAt(items, 0, 0, rows, tail);
		case 'end':
			// Down to the last job, and the tail lines after it (the older-jobs row).
			return cursorAt(items, last, last + tail, rows, tail);
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
	/** The highlighted job's id. */
	readonly id: JobId | null;
	/** The job highlighted before the list last moved the highlight by itself, or null. */
	readonly before: JobId | null;
	/** When it moved so. */
	readonly movedAt: number;
}

/**
 * The highlight after a frame that shows job `id`. `byUser`: the frame follows
 * something the user did (a key), so a change is theirs and aims nothing elsewhere.
 */
export function nextHighlight(
	previous: Highlight | null,
	id: JobId | null,
	byUser: boolean,
	now: number,
): Highlight {
	if (previous === null || byUser) return { id, before: null, movedAt: now };
	if (id === previous.id) return previous;
	// Moved again before anyone could react: the user still aims at what they saw first.
	const seen = aimedId(previous, now) ?? previous.id;
	return { id, before: seen, movedAt: now };
}

/** The job (id) a key press at `now` aims at when the list just moved the highlight, else null. */
export function aimedId(highlight: Highlight | null, now: number): JobId | null {
	if (highlight === null || highlight.before === null) return null;
	return now - highlight.movedAt < REACTION_MS ? highlight.before : null;
}
