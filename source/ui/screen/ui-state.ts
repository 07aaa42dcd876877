import { type Job, type JobId, jobId } from '../../api/job.js';
import type { ErrorSummary } from '../../engine/types.js';
import { DEFAULT_SORT_ORDER, type SortOrder } from '../../present/sort.js';
import {
	cursorAt,
	INITIAL_CURSOR,
	type ListCursor,
	type Move,
	moveCursor,
	resolveCursor,
} from './cursor.js';
import { isFiltered, nextServerFilter, nextStateFilter, type StateFilter } from './filter.js';
import { failureRow, nextSortOrder } from './sort-view.js';

/** The list, a job's detail, or the help overlay over either. */
export type View =
	| { readonly kind: 'list' }
	/** `id`: the job's {@link JobId} (server and key), never the key alone. */
	| { readonly kind: 'detail'; readonly id: JobId; readonly scroll: number }
	| { readonly kind: 'help'; readonly under: ListView | DetailView; readonly scroll: number }
	/** The last failure in full, as it was when opened (the header's line is cut at the width). */
	| {
			readonly kind: 'error';
			readonly under: ListView | DetailView;
			readonly scroll: number;
			readonly error: ErrorSummary;
			/** With several servers: each server in trouble and its failure, named. */
			readonly failures?: readonly ServerFailure[];
	  };

/** One server's failure, for the error view of several servers. */
export interface ServerFailure {
	readonly server: string;
	readonly error: ErrorSummary;
}

type ListView = Extract<View, { kind: 'list' }>;
type DetailView = Extract<View, { kind: 'detail' }>;

/** The filters over the list. */
export interface Filters {
	readonly text: string;
	/** The `/` prompt is open and keys go into `text`. */
	readonly editing: boolean;
	readonly state: StateFilter;
	/** With several servers: the one server shown (`v`); null or absent for all. */
	readonly server?: string | null;
}

/** A short message in the footer ("copied"), shown until `until` (epoch ms). */
export interface Notice {
	readonly text: string;
	readonly until: number;
}

/** All UI state that is not the engine's. */
export interface UiState {
	readonly view: View;
	readonly cursor: ListCursor;
	readonly filters: Filters;
	readonly notice: Notice | null;
	/** The list's order (`s`, `S`; `--sort` at start); absent: newest submitted first. */
	readonly sort?: SortOrder;
}

/** The state at start: the list, newest job selected, no filter. */
export const INITIAL_UI_STATE: UiState = {
	view: { kind: 'list' },
	cursor: INITIAL_CURSOR,
	filters: { text: '', editing: false, state: 'all' },
	notice: null,
};

/** Everything that changes {@link UiState}. List actions carry the visible list and its height. */
export type UiAction =
	| {
			readonly type: 'move';
			readonly move: Move;
			readonly items: readonly Job[];
			readonly rows: number;
			/** Lines after the last job the window may show (the older-jobs row). */
			readonly tail?: number;
	  }
	| {
			readonly type: 'scroll';
			readonly move: Move;
			readonly rows: number;
			readonly maxScroll: number;
	  }
	| {
			readonly type: 'open';
			readonly items: readonly Job[];
			readonly rows: number;
			/** The job (id) the key aimed at, when the list moved the highlight just before it. */
			readonly id?: JobId | null;
	  }
	| {
			readonly type: 'step';
			readonly by: 1 | -1;
			readonly items: readonly Job[];
			readonly rows: number;
	  }
	/** Opens this job's detail (`x`): selected in the list when the list shows it. */
	| {
			readonly type: 'openId';
			readonly id: JobId;
			readonly items: readonly Job[];
			readonly rows: number;
	  }
	/** `s` (1) or `S` (-1): the next order; `items` are the rows as shown before it. */
	| {
			readonly type: 'sort';
			readonly by: 1 | -1;
			readonly items: readonly Job[];
			readonly rows: number;
	  }
	/** `]` (1) or `[` (-1): the next failed job below or above, wrapping round. */
	| {
			readonly type: 'jump';
			readonly by: 1 | -1;
			readonly items: readonly Job[];
			readonly rows: number;
			readonly tail?: number;
	  }
	| { readonly type: 'back' }
	| { readonly type: 'toggleHelp' }
	| {
			readonly type: 'showError';
			readonly error: ErrorSummary;
			readonly failures?: readonly ServerFailure[];
	  }
	| { readonly type: 'filterStart' }
	| { readonly type: 'filterType'; readonly text: string }
	| { readonly type: 'filterDelete' }
	| { readonly type: 'filterClear' }
	| { readonly type: 'filterAccept' }
	| { readonly type: 'filterCancel' }
	| { readonly type: 'stateFilter' }
	/** `servers`: the fleet's server names in order (fewer than two: nothing to cycle). */
	| { readonly type: 'serverFilter'; readonly servers: readonly string[] }
	| { readonly type: 'notice'; readonly text: string; readonly until: number };

function scrollTo(scroll: number, rows: number, maxScroll: number, move: Move): number {
	const page = Math.max(1, rows - 1);
	const target = {
		up: scroll - 1,
		down: scroll + 1,
		pageUp: scroll - page,
		pageDown: scroll + page,
		home: 0,
		end: maxScroll,
	}[move];
	return Math.max(0, Math.min(maxScroll, target));
}

function withFilters(state: UiState, filters: Partial<Filters>): UiState {
	return { ...state, filters: { ...state.filters, ...filters } };
}

/**
 * "Stay on the newest" belongs to the whole list: in a filtered list the
 * selection is held by its job, so clearing the filter leaves it on the job
 * last selected or opened instead of jumping to the newest of all.
 */
function placed(state: UiState, cursor: ListCursor): ListCursor {
	const { text, state: stateFilter, server } = state.filters;
	// Sorted otherwise, the top row is no longer "the newest": the selection stays on its job.
	const sorted = (state.sort ?? DEFAULT_SORT_ORDER) !== DEFAULT_SORT_ORDER;
	return cursor.followNewest && (sorted || isFiltered(text, stateFilter, server))
		? { ...cursor, followNewest: false }
		: cursor;
}

function openJob(state: UiState, action: Extract<UiAction, { type: 'open' }>): UiState {
	const { items, rows } = action;
	const { selected, top } = resolveCursor(state.cursor, items, rows);
	const aimed = action.id == null ? -1 : items.findIndex((job) => jobId(job) === action.id);
	const index = aimed >= 0 ? aimed : selected;
	const job = items[index];
	if (!job) return state;
	return {
		...state,
		view: { kind: 'detail', id: jobId(job), scroll: 0 },
		cursor: placed(state, cursorAt(items, index, top, rows)),
	};
}

function openById(state: UiState, action: Extract<UiAction, { type: 'openId' }>): UiState {
	const index = action.items.findIndex((job) => jobId(job) === action.id);
	// Hidden by a filter: its detail all the same, the list's selection left where it was.
	if (index < 0) return { ...state, view: { kind: 'detail', id: action.id, scroll: 0 } };
	const { top } = resolveCursor(state.cursor, action.items, action.rows);
	return {
		...state,
		view: { kind: 'detail', id: action.id, scroll: 0 },
		cursor: placed(state, cursorAt(action.items, index, top, action.rows)),
	};
}

function stepDetail(state: UiState, action: Extract<UiAction, { type: 'step' }>): UiState {
	if (state.view.kind !== 'detail') return state;
	const current = state.view.id;
	const index = action.items.findIndex((job) => jobId(job) === current);
	const target = index < 0 ? 0 : index + action.by;
	const job = action.items[target];
	if (!job) return state;
	const { top } = resolveCursor(state.cursor, action.items, action.rows);
	return {
		...state,
		view: { kind: 'detail', id: jobId(job), scroll: 0 },
		cursor: placed(state, cursorAt(action.items, target, top, action.rows)),
	};
}

/**
 * Another order: the selection stays on its job and at the same line of the
 * window (the rows around it change), wherever the new order puts it.
 */
function resort(state: UiState, action: Extract<UiAction, { type: 'sort' }>): UiState {
	const sort = nextSortOrder(state.sort ?? DEFAULT_SORT_ORDER, action.by);
	const { selected, top } = resolveCursor(state.cursor, action.items, action.rows);
	const job = action.items[selected];
	const next = { ...state, sort };
	if (job === undefined) return next;
	const cursor: ListCursor = {
		selectedId: jobId(job),
		followNewest: false,
		// Unknown top: placed by the selection's line in the window (see resolveCursor).
		topId: null,
		lastIndex: selected,
		lastTop: top,
	};
	// Back to the default order with the newest selected: follow the newest again.
	const follow = sort === DEFAULT_SORT_ORDER && state.cursor.followNewest && selected === 0;
	return { ...next, cursor: follow ? INITIAL_CURSOR : placed(next, cursor) };
}

/** Selects the next failed job below (or above) the selection, wrapping round. */
function jump(state: UiState, action: Extract<UiAction, { type: 'jump' }>): UiState {
	const tail = action.tail ?? 0;
	const { selected, top } = resolveCursor(state.cursor, action.items, action.rows, tail);
	const target = failureRow(action.items, selected, action.by);
	if (target < 0) return state;
	return {
		...state,
		cursor: placed(state, cursorAt(action.items, target, top, action.rows, tail)),
	};
}

/** The UI state machine. Pure: effects (engine calls, clipboard) happen in the caller. */
export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'move':
			return {
				...state,
				cursor: placed(
					state,
					moveCursor(state.cursor, action.items, action.rows, action.move, action.tail ?? 0),
				),
			};
		case 'scroll': {
			if (state.view.kind === 'list') return state;
			const scroll = scrollTo(state.view.scroll, action.rows, action.maxScroll, action.move);
			return scroll === state.view.scroll ? state : { ...state, view: { ...state.view, scroll } };
		}
		case 'open':
			return openJob(state, action);
		case 'openId':
			return openById(state, action);
		case 'step':
			return stepDetail(state, action);
		case 'sort':
			return resort(state, action);
		case 'jump':
			return jump(state, action);
		case 'back':
			if (state.view.kind === 'help' || state.view.kind === 'error') {
				return { ...state, view: state.view.under };
			}
			return state.view.kind === 'detail' ? { ...state, view: { kind: 'list' } } : state;
		case 'toggleHelp':
			if (state.view.kind === 'help') return { ...state, view: state.view.under };
			if (state.view.kind === 'error') return state;
			return { ...state, view: { kind: 'help', under: state.view, scroll: 0 } };
		case 'showError':
			if (state.view.kind === 'help' || state.view.kind === 'error') return state;
			return {
				...state,
				view: {
					kind: 'error',
					under: state.view,
					scroll: 0,
					error: action.error,
					...(action.failures === undefined ? {} : { failures: action.failures }),
				},
			};
		case 'filterStart':
			return withFilters(state, { editing: true });
		case 'filterType':
			return withFilters(state, { text: state.filters.text + action.text });
		case 'filterDelete':
			return withFilters(state, { text: Array.from(state.filters.text).slice(0, -1).join('') });
		case 'filterClear':
			return withFilters(state, { text: '' });
		case 'filterAccept':
			return withFilters(state, { editing: false });
		case 'filterCancel':
			return withFilters(state, { editing: false, text: '' });
		case 'stateFilter':
			return withFilters(state, { state: nextStateFilter(state.filters.state) });
		case 'serverFilter':
			return withFilters(state, {
				server: nextServerFilter(state.filters.server ?? null, action.servers),
			});
		case 'notice':
			return { ...state, notice: { text: action.text, until: action.until } };
	}
}
