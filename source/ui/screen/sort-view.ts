import type { Job } from '../../api/job.js';
import { FAILED_STATES } from '../../present/notify-text.js';
import { SORT_ORDERS, type SortOrder } from '../../present/sort.js';
import type { ColumnId } from './columns.js';

/** The order after `current` in the cycle `s` walks (`by` 1), or before it (`S`, `by` -1). */
export function nextSortOrder(current: SortOrder, by: 1 | -1): SortOrder {
	const index = SORT_ORDERS.indexOf(current);
	const count = SORT_ORDERS.length;
	return SORT_ORDERS[(index + by + count) % count] ?? 'submitted';
}

/** The column whose title carries the sort arrow for each order. */
export const SORTED_COLUMN: Readonly<Record<SortOrder, ColumnId>> = {
	submitted: 'submitted',
	state: 'state',
	duration: 'duration',
	name: 'name',
};

/**
 * What follows the sorted column's title: every order puts its "most" first,
 * so the arrow points down; in ASCII a `v` set off by a space, so it does not
 * read as part of the word.
 */
export function sortArrow(ascii: boolean): string {
	return ascii ? ' v' : '▼';
}

/**
 * The row of the next failed job (ERROR, PARTIAL_FAILURES, ABORTED) after
 * row `from` going `by` (1 down, -1 up), wrapping round the list; -1 when no
 * job failed. The selected job itself is found last, after a full turn.
 */
export function failureRow(items: readonly Job[], from: number, by: 1 | -1): number {
	const count = items.length;
	if (count === 0) return -1;
	const start = from < 0 ? (by === 1 ? -1 : count) : from;
	for (let step = 1; step <= count; step++) {
		const index = (((start + by * step) % count) + count) % count;
		const job = items[index];
		if (job !== undefined && FAILED_STATES.has(job.displayState)) return index;
	}
	return -1;
}
