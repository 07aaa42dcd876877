import type { Job } from '../../api/job.js';
import type { OlderState } from '../../engine/types.js';
import { type ListCursor, type Move, resolveCursor } from './cursor.js';
import { olderTail } from './older-row.js';
import type { UiAction } from './ui-state.js';

/** What a list move needs to know to decide whether it goes past the oldest job held. */
export interface ListMoveInput {
	readonly state: { readonly cursor: ListCursor };
	readonly items: readonly Job[];
	readonly rows: number;
	readonly older?: OlderState;
	/** Asks the engine for the next older page (it ignores the ask while one loads or none is left). */
	readonly loadOlder: () => void;
}

/**
 * Whether `move` goes past the oldest job held: ↓ on the last row, PgDn
 * within a page of it, End/G always (the oldest held is never the oldest
 * there is until the server says so).
 */
export function movesPastEnd(move: Move, selected: number, count: number, rows: number): boolean {
	const last = count - 1;
	if (move === 'end') return true;
	if (move === 'down') return selected === last;
	if (move === 'pageDown') return selected + Math.max(1, rows - 1) >= last;
	return false;
}

/**
 * The list's move action for `move`, loading the next older page first when
 * the move goes past the end: the window then scrolls to show the row after
 * the last job ("loading older jobs…"), leaving the selection where it was;
 * a failed load is retried by the same move.
 */
export function listMove(move: Move, input: ListMoveInput): UiAction {
	const { items, rows } = input;
	let tail = olderTail(input.older);
	const state = input.older ?? 'idle';
	const canLoad = state === 'idle' || typeof state === 'object';
	if (canLoad && items.length > 0) {
		const { selected } = resolveCursor(input.state.cursor, items, rows, tail);
		if (movesPastEnd(move, selected, items.length, rows)) {
			input.loadOlder();
			tail = 1;
		}
	}
	return { type: 'move', move, items, rows, tail };
}
