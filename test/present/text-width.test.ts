import { describe, expect, test } from 'vitest';
import {
	displayWidth,
	fitCell,
	truncate,
	truncateStart,
	wrap,
} from '../../source/present/text-width.js';

describe('truncate by display width', () => {
	test('Japanese characters count two columns and are never split', () => {
		expect(truncate('ボリュームの作成', 8)).toBe('ボリュ…');
		expect(displayWidth(truncate('ボリュームの作成', 8))).toBe(7);
		expect(truncate('ボリュームの作成', 7)).toBe('ボリュ…');
		expect(truncate('ボリュームの作成', 16)).toBe('ボリュームの作成');
	});

	test('emoji and joined emoji sequences stay whole', () => {
		expect(truncate('ab😀cd', 4)).toBe('ab…');
		expect(truncate('ab😀cd', 5)).toBe('ab😀…');
		expect(truncate('👨‍👩‍👧 family', 4)).toBe('👨‍👩‍👧 …');
		expect(truncate('👨‍👩‍👧 family', 3)).toBe('👨‍👩‍👧…');
	});

	test('no room means nothing, exact fit is untouched', () => {
		expect(truncate('abc', 0)).toBe('');
		expect(truncate('abc', 3)).toBe('abc');
		expect(truncate('abcd', 3)).toBe('ab…');
		expect(truncate('abcd', 1)).toBe('…');
	});

	test('fitCell pads to exactly the width, left or right', () => {
		expect(fitCell('ボリュームの作成', 8)).toBe('ボリュ… ');
		expect(displayWidth(fitCell('ボリュームの作成', 8))).toBe(8);
		expect(fitCell('23s', 6, 'right')).toBe('   23s');
		expect(fitCell('', 3)).toBe('   ');
	});

	test('truncateStart keeps the tail', () => {
		expect(truncateStart('06a6148bf9e862df:-7f87', 8)).toBe('…f:-7f87');
		expect(truncateStart('abcdef', 4)).toBe('…def');
		expect(truncateStart('abc', 4)).toBe('abc');
	});
});

describe('wrap', () => {
	test('breaks at spaces and keeps every word', () => {
		expect(wrap('Task failed: aggregate aggr1 is offline', 16)).toEqual([
			'Task failed:',
			'aggregate aggr1',
			'is offline',
		]);
	});

	test('breaks Japanese text (no spaces) by width, never past it', () => {
		const lines = wrap('アグリゲートaggr1がオフラインです', 10);
		expect(lines).toEqual(['アグリゲー', 'トaggr1が', 'オフライン', 'です']);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(10);
	});

	test('a word longer than the line is cut inside, and line breaks are kept', () => {
		expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrap('one\ntwo', 10)).toEqual(['one', 'two']);
	});
});
