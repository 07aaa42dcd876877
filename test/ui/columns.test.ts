import { describe, expect, test } from 'vitest';
import { COLUMN_GAP, GUTTER_WIDTH, layoutTable } from '../../source/ui/screen/columns.js';

function summary(width: number): string {
	return layoutTable(width)
		.columns.map((c) => `${c.id}:${c.width}`)
		.join(' ');
}

function total(width: number): number {
	const { columns } = layoutTable(width);
	return (
		GUTTER_WIDTH + columns.reduce((s, c) => s + c.width, 0) + COLUMN_GAP * (columns.length - 1)
	);
}

describe('table layout', () => {
	test('100 columns show every column', () => {
		expect(summary(100)).toBe('state:18 name:28 type:14 submitted:11 duration:8 key:14');
	});

	test('80 columns drop the key first', () => {
		expect(summary(80)).toBe('state:18 name:23 type:14 submitted:11 duration:8');
	});

	test('60 columns drop the type next, with a compact state column', () => {
		expect(summary(60)).toBe('state:10 name:26 submitted:11 duration:8');
	});

	test('50 columns still fit state, name, submitted and duration', () => {
		expect(summary(50)).toBe('state:10 name:16 submitted:11 duration:8');
	});

	test('wide terminals give the name room, then type and key', () => {
		expect(summary(120)).toBe('state:18 name:38 type:24 submitted:11 duration:8 key:14');
		expect(summary(200)).toBe('state:18 name:84 type:24 submitted:11 duration:8 key:48');
	});

	test('a row never reaches the last column', () => {
		for (const width of [50, 60, 61, 79, 80, 81, 99, 100, 120, 200, 300]) {
			expect(total(width)).toBe(width - 1);
		}
	});

	test('the layout depends on the width alone', () => {
		expect(layoutTable(93)).toEqual(layoutTable(93));
	});
});
