import { describe, expect, test } from 'vitest';
import { parseRow } from '../../source/ui/terminal/cells.js';
import { lineToAnsi } from '../../source/ui/terminal/line-ansi.js';

describe('parseRow', () => {
	test('one cell per narrow character, two (the second empty) per wide one', () => {
		expect(parseRow('a作b', 10)).toEqual({ chars: ['a', '作', '', 'b'], styles: ['', '', '', ''] });
		expect(parseRow('◐ ›…', 10).chars).toEqual(['◐', ' ', '›', '…']);
	});

	test('graphemes that join several code points stay one cell', () => {
		expect(parseRow('e\u0301x', 10).chars).toEqual(['e\u0301', 'x']);
		expect(parseRow('👩\u200d💻!', 10).chars).toEqual(['👩\u200d💻', '', '!']);
		expect(parseRow('🇯🇵', 10).chars).toEqual(['🇯🇵', '']);
		expect(parseRow('ガ', 10).chars).toEqual(['ガ', '']);
	});

	test('styles are canonical, whatever the spelling, and reset where the codes say', () => {
		const row = parseRow('\x1b[36m\x1b[7ma\x1b[27mb\x1b[0mc\x1b[1;2md\x1b[22me\x1b[38;5;208mf', 10);
		expect(row.chars).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
		expect(row.styles).toEqual(['7;36', '36', '', '1;2', '', '38;5;208']);
	});

	test('cut at the width; a wide character that would straddle the edge is left out', () => {
		expect(parseRow('abcdef', 4).chars).toEqual(['a', 'b', 'c', 'd']);
		expect(parseRow('abc作', 4).chars).toEqual(['a', 'b', 'c']);
	});

	test('trailing blanks in the default look are dropped, styled ones kept', () => {
		expect(parseRow('ab   ', 10).chars).toEqual(['a', 'b']);
		expect(parseRow('ab\x1b[7m  \x1b[0m', 10).chars).toEqual(['a', 'b', ' ', ' ']);
	});

	test('controls and escapes other than SGR take no cells', () => {
		expect(parseRow('a\tb\x1b[2Kc\x1b]0;title\x07d\x1b[?25le', 10).chars).toEqual([
			'a',
			'b',
			'c',
			'd',
			'e',
		]);
	});
});

describe('lineToAnsi', () => {
	const line = [
		{ text: '›' },
		{ text: '◐ RUNNING', color: 'cyan', inverse: true },
		{ text: ' aborted', color: 'red', dim: true },
		{ text: ' title', bold: true },
	];

	test('each styled segment is opened and reset on its own', () => {
		expect(lineToAnsi(line, true)).toBe(
			'›\x1b[7m\x1b[36m◐ RUNNING\x1b[0m\x1b[2m\x1b[31m aborted\x1b[0m\x1b[1m title\x1b[0m',
		);
	});

	test('without colour: no colour and no dim, but inverse and bold stay', () => {
		expect(lineToAnsi(line, false)).toBe('›\x1b[7m◐ RUNNING\x1b[0m aborted\x1b[1m title\x1b[0m');
	});
});
