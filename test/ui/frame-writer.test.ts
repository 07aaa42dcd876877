import { describe, expect, test } from 'vitest';
import { FrameWriter, SYNC_BEGIN, SYNC_END } from '../../source/ui/terminal/frame-writer.js';

const SIZE = { columns: 20, rows: 6 };

/** A writer that has drawn `first` already. */
function drawn(first: string, size = SIZE): FrameWriter {
	const writer = new FrameWriter();
	writer.update(first, size);
	return writer;
}

const framed = (body: string) => `${SYNC_BEGIN}${body}${SYNC_END}`;

describe('FrameWriter', () => {
	test('the first frame clears the screen and draws every row', () => {
		expect(new FrameWriter().update('ab\ncd\n\nef', SIZE)).toBe(
			framed('\x1b[H\x1b[2Jab\x1b[2Hcd\x1b[4Hef'),
		);
	});

	test('an unchanged frame writes nothing at all', () => {
		const writer = drawn('ab\n\x1b[36mcd\x1b[0m');
		expect(writer.update('ab\n\x1b[36mcd\x1b[0m', SIZE)).toBe('');
		// Trailing blanks in the default look are the same as nothing.
		expect(writer.update('ab   \n\x1b[36mcd\x1b[0m', SIZE)).toBe('');
	});

	test('one changed cell: a move to it and the character', () => {
		expect(drawn('ab\ncd').update('ab\ncx', SIZE)).toBe(framed('\x1b[2;2Hx'));
		expect(drawn('abcd').update('xbcd', SIZE)).toBe(framed('\x1b[1Hx'));
	});

	test('changes close together go in one run; far apart, each gets its own move', () => {
		expect(drawn('abcdefghijklmnop').update('Xbcdefghijklmnop', SIZE)).toBe(framed('\x1b[1HX'));
		expect(drawn('abcdefghijklmnop').update('XbcdeFghijklmnop', SIZE)).toBe(
			framed('\x1b[1HXbcdeF'),
		);
		expect(drawn('abcdefghijklmnop').update('XbcdefghijklmnoP', SIZE)).toBe(
			framed('\x1b[1HX\x1b[1;16HP'),
		);
	});

	test('a changed cell takes its style, and the pen is reset at the end', () => {
		expect(drawn('a\x1b[36mb\x1b[0m').update('a\x1b[36mc\x1b[0m', SIZE)).toBe(
			framed('\x1b[1;2H\x1b[36mc\x1b[0m'),
		);
		// Bold and inverse in any spelling are one style.
		expect(drawn('a\x1b[7m\x1b[1mb\x1b[0m').update('a\x1b[1;7mc\x1b[0m', SIZE)).toBe(
			framed('\x1b[1;2H\x1b[1;7mc\x1b[0m'),
		);
		// Going from one style to another starts from a reset.
		expect(drawn('\x1b[7mab\x1b[0m').update('\x1b[7ma\x1b[0m\x1b[32mc\x1b[0m', SIZE)).toBe(
			framed('\x1b[1;2H\x1b[32mc\x1b[0m'),
		);
		expect(drawn('\x1b[7ma\x1b[0m\x1b[32mb\x1b[0m').update('\x1b[7mac\x1b[0m', SIZE)).toBe(
			framed('\x1b[1;2H\x1b[7mc\x1b[0m'),
		);
	});

	test('a style change alone redraws the cell', () => {
		expect(drawn('a\x1b[7mb\x1b[0m').update('ab', SIZE)).toBe(framed('\x1b[1;2Hb'));
		expect(drawn('ab').update('a\x1b[31mb\x1b[0m', SIZE)).toBe(framed('\x1b[1;2H\x1b[31mb\x1b[0m'));
	});

	test('without colour codes in the frames, none are written', () => {
		const out = drawn('› \x1b[7m◐ RUNNING 4s\x1b[0m').update('› \x1b[7m◐ RUNNING 5s\x1b[0m', SIZE);
		expect(out).toBe(framed('\x1b[1;13H\x1b[7m5\x1b[0m'));
	});

	test('wide characters: a change is written whole, never half', () => {
		// Japanese characters take two cells.
		expect(drawn('aボb').update('aデb', SIZE)).toBe(framed('\x1b[1;2Hデ'));
		// Narrow to wide, and back: both cells under the wide character are rewritten.
		expect(drawn('abcd').update('aボd', SIZE)).toBe(framed('\x1b[1;2Hボ'));
		expect(drawn('aボd').update('abcd', SIZE)).toBe(framed('\x1b[1;2Hbc'));
		// Shifted by one: the wide character and the cell it left.
		expect(drawn('aボcd').update('abボd', SIZE)).toBe(framed('\x1b[1;2Hbボ'));
		// A change to the right of an unchanged wide character starts after it.
		expect(drawn('ボab').update('ボax', SIZE)).toBe(framed('\x1b[1;4Hx'));
	});

	test('a shorter row erases what is left of it; a shorter frame erases the rows below', () => {
		expect(drawn('abcdef').update('abc', SIZE)).toBe(framed('\x1b[1;4H\x1b[K'));
		expect(drawn('abcdef').update('abX', SIZE)).toBe(framed('\x1b[1;3HX\x1b[K'));
		expect(drawn('ab\ncd\nef').update('ab', SIZE)).toBe(framed('\x1b[2H\x1b[J'));
		expect(drawn('ab\ncd\nef').update('ab\ncX', SIZE)).toBe(framed('\x1b[2;2HX\x1b[3H\x1b[J'));
		// The erase is done in the default look, not the last cell's.
		expect(drawn('\x1b[7mabcd\x1b[0m').update('\x1b[7mab\x1b[0m', SIZE)).toBe(
			framed('\x1b[1;3H\x1b[K'),
		);
		// Rows below that were blank already need nothing.
		expect(drawn('ab\n\n').update('ab', SIZE)).toBe('');
	});

	test('a longer frame draws its new rows', () => {
		expect(drawn('ab').update('ab\n\ncd', SIZE)).toBe(framed('\x1b[3Hcd'));
	});

	test('a resize (either way) clears and draws everything again', () => {
		const writer = drawn('ab\ncd');
		expect(writer.update('ab\ncd', { columns: 30, rows: 6 })).toBe(
			framed('\x1b[H\x1b[2Jab\x1b[2Hcd'),
		);
		expect(writer.update('ab\ncd', { columns: 30, rows: 5 })).toBe(
			framed('\x1b[H\x1b[2Jab\x1b[2Hcd'),
		);
		expect(writer.update('ab\ncd', { columns: 30, rows: 5 })).toBe('');
		writer.invalidate();
		expect(writer.update('ab\ncd', { columns: 30, rows: 5 })).toBe(
			framed('\x1b[H\x1b[2Jab\x1b[2Hcd'),
		);
	});

	test('nothing is drawn past the right edge or below the last row', () => {
		const size = { columns: 4, rows: 2 };
		expect(new FrameWriter().update('abcdef\nghij\nklm', size)).toBe(
			framed('\x1b[H\x1b[2Jabcd\x1b[2Hghij'),
		);
		// A wide character that would straddle the edge is left out.
		expect(new FrameWriter().update('abcボ', size)).toBe(framed('\x1b[H\x1b[2Jabc'));
		// After the last column the cursor is not trusted: the next run moves explicitly.
		expect(drawn('abcd\nefgh', size).update('abcX\nXfgh', size)).toBe(framed('\x1b[1;4HX\x1b[2HX'));
	});

	test('escape sequences other than SGR take no cells', () => {
		expect(drawn('ab').update('a\x1b]8;;x\x07b\x1b[2Kc', SIZE)).toBe(framed('\x1b[1;3Hc'));
	});
});
