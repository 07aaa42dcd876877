import { describe, expect, test } from 'vitest';
import { INITIAL_CURSOR, moveCursor, resolveCursor } from '../../source/ui/screen/cursor.js';

const keys = (n: number, prefix = 'k') =>
	Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}` }));

describe('list cursor', () => {
	test('starts on the newest job', () => {
		expect(resolveCursor(INITIAL_CURSOR, keys(5), 3)).toEqual({ selected: 0, top: 0 });
		expect(resolveCursor(INITIAL_CURSOR, [], 3)).toEqual({ selected: -1, top: 0 });
	});

	test('moves, pages and jumps, keeping the selection visible', () => {
		const items = keys(20);
		let c = moveCursor(INITIAL_CURSOR, items, 5, 'down');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 1, top: 0 });
		c = moveCursor(c, items, 5, 'pageDown');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 6, top: 5 });
		// With jobs above, the window's first line is the "▲ N newer" marker: 4 job rows.
		c = moveCursor(c, items, 5, 'end');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 19, top: 16 });
		c = moveCursor(c, items, 5, 'down');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 19, top: 16 });
		c = moveCursor(c, items, 5, 'pageUp');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 15, top: 12 });
		c = moveCursor(c, items, 5, 'home');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 0, top: 0 });
		c = moveCursor(c, items, 5, 'up');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 0, top: 0 });
	});

	test('new jobs on top move neither the selection nor the viewport', () => {
		const items = keys(20);
		let c = INITIAL_CURSOR;
		for (let i = 0; i < 7; i++) c = moveCursor(c, items, 5, 'down');
		expect(resolveCursor(c, items, 5)).toEqual({ selected: 7, top: 4 });
		const grown = [...keys(3, 'new'), ...items];
		const after = resolveCursor(c, grown, 5);
		expect(grown[after.selected]?.key).toBe('k7');
		expect(grown[after.top]?.key).toBe('k4');
	});

	test('on the newest job it stays on the newest', () => {
		const items = keys(5);
		const c = moveCursor(moveCursor(INITIAL_CURSOR, items, 3, 'down'), items, 3, 'up');
		expect(c.followNewest).toBe(true);
		const grown = [...keys(2, 'new'), ...items];
		expect(resolveCursor(c, grown, 3)).toEqual({ selected: 0, top: 0 });
	});

	test('when the selected job vanishes the selection keeps its row', () => {
		const items = keys(10);
		let c = INITIAL_CURSOR;
		for (let i = 0; i < 4; i++) c = moveCursor(c, items, 5, 'down');
		const shrunk = items.filter((item) => item.key !== 'k4');
		expect(resolveCursor(c, shrunk, 5)).toEqual({ selected: 4, top: 0 });
		expect(resolveCursor(c, keys(2), 5)).toEqual({ selected: 1, top: 0 });
	});
});
