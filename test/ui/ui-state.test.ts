import { describe, expect, test } from 'vitest';
import { INITIAL_UI_STATE, type UiState, uiReducer } from '../../source/ui/screen/ui-state.js';
import { makeJob } from '../helpers/ui-fixtures.js';

const items = ['a', 'b', 'c', 'd'].map((key) => makeJob({ key }));

function run(state: UiState, ...actions: Parameters<typeof uiReducer>[1][]): UiState {
	return actions.reduce(uiReducer, state);
}

describe('UI reducer', () => {
	test('open takes the selected job; back returns to the list with it still selected', () => {
		const s = run(
			INITIAL_UI_STATE,
			{ type: 'move', move: 'down', items, rows: 3 },
			{ type: 'open', items, rows: 3 },
		);
		expect(s.view).toEqual({ kind: 'detail', id: 'b', scroll: 0 });
		const back = uiReducer(s, { type: 'back' });
		expect(back.view).toEqual({ kind: 'list' });
		expect(back.cursor.selectedId).toBe('b');
	});

	test('n/N step through the list and move the list selection along', () => {
		let s = run(INITIAL_UI_STATE, { type: 'open', items, rows: 3 });
		s = run(s, { type: 'step', by: 1, items, rows: 3 }, { type: 'step', by: 1, items, rows: 3 });
		expect(s.view).toEqual({ kind: 'detail', id: 'c', scroll: 0 });
		expect(s.cursor.selectedId).toBe('c');
		s = run(s, { type: 'step', by: -1, items, rows: 3 });
		expect(s.view).toEqual({ kind: 'detail', id: 'b', scroll: 0 });
		const first = run(
			INITIAL_UI_STATE,
			{ type: 'open', items, rows: 3 },
			{ type: 'step', by: -1, items, rows: 3 },
		);
		expect(first.view).toEqual({ kind: 'detail', id: 'a', scroll: 0 });
	});

	test('scrolling is clamped to the content', () => {
		let s = run(INITIAL_UI_STATE, { type: 'open', items, rows: 3 });
		s = run(s, { type: 'scroll', move: 'pageDown', rows: 5, maxScroll: 6 });
		expect(s.view).toEqual({ kind: 'detail', id: 'a', scroll: 4 });
		s = run(
			s,
			{ type: 'scroll', move: 'end', rows: 5, maxScroll: 6 },
			{ type: 'scroll', move: 'down', rows: 5, maxScroll: 6 },
		);
		expect(s.view).toEqual({ kind: 'detail', id: 'a', scroll: 6 });
		s = run(
			s,
			{ type: 'scroll', move: 'home', rows: 5, maxScroll: 6 },
			{ type: 'scroll', move: 'up', rows: 5, maxScroll: 6 },
		);
		expect(s.view).toEqual({ kind: 'detail', id: 'a', scroll: 0 });
	});

	test('help opens over the current view and closes back to it', () => {
		const detail = run(INITIAL_UI_STATE, { type: 'open', items, rows: 3 });
		const help = uiReducer(detail, { type: 'toggleHelp' });
		expect(help.view).toEqual({ kind: 'help', under: detail.view, scroll: 0 });
		expect(uiReducer(help, { type: 'back' }).view).toEqual(detail.view);
		expect(uiReducer(help, { type: 'toggleHelp' }).view).toEqual(detail.view);
	});

	test('text filter: typing, deleting (whole characters), keeping, cancelling', () => {
		let s = run(
			INITIAL_UI_STATE,
			{ type: 'filterStart' },
			{ type: 'filterType', text: 'ボ' },
			{ type: 'filterType', text: 'リ' },
			{ type: 'filterDelete' },
		);
		expect(s.filters).toEqual({ text: 'ボ', editing: true, state: 'all' });
		s = uiReducer(s, { type: 'filterAccept' });
		expect(s.filters).toEqual({ text: 'ボ', editing: false, state: 'all' });
		s = run(s, { type: 'filterStart' }, { type: 'filterCancel' });
		expect(s.filters).toEqual({ text: '', editing: false, state: 'all' });
	});

	test('state filter cycles all → in progress → failed → finished → all', () => {
		const states: string[] = [];
		let s = INITIAL_UI_STATE;
		for (let i = 0; i < 4; i++) {
			s = uiReducer(s, { type: 'stateFilter' });
			states.push(s.filters.state);
		}
		expect(states).toEqual(['in-progress', 'failed', 'finished', 'all']);
	});
});
