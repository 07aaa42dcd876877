import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../source/api/sanitize.js';

const ESC = '\u001b';

describe('sanitizeText: escape sequences', () => {
	it.each([
		['CSI clear screen', `a${ESC}[2Jb`, 'ab'],
		['CSI colour with parameters', `a${ESC}[1;31mred${ESC}[0m`, 'ared'],
		['CSI private mode', `a${ESC}[?1049hb`, 'ab'],
		['OSC 52 clipboard with BEL', `x${ESC}]52;c;ZXZpbA==\u0007y`, 'xy'],
		['OSC 52 clipboard with ST', `x${ESC}]52;c;ZXZpbA==${ESC}\\y`, 'xy'],
		['OSC 0 title', `${ESC}]0;pwned\u0007job`, 'job'],
		['OSC 2 title', `${ESC}]2;pwned${ESC}\\job`, 'job'],
		['OSC 8 hyperlink', `${ESC}]8;;https://evil.test${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
		['DCS', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
		['SOS', `a${ESC}Xhidden${ESC}\\b`, 'ab'],
		['PM', `a${ESC}^hidden${ESC}\\b`, 'ab'],
		['APC', `a${ESC}_hidden${ESC}\\b`, 'ab'],
		['two-byte ESC c (reset)', `a${ESC}cb`, 'ab'],
		['two-byte ESC 7', `a${ESC}7b`, 'ab'],
		['nF charset ESC ( 0', `a${ESC}(0b`, 'ab'],
		['lone ESC at the end', `ab${ESC}`, 'ab'],
		['unterminated OSC swallows the rest', `ab${ESC}]52;c;ZXZpbA==`, 'ab'],
		['unterminated CSI', `ab${ESC}[12;`, 'ab'],
		['8-bit CSI', 'a\u009b31mb', 'ab'],
		['8-bit OSC with 8-bit ST', 'a\u009d0;title\u009cb', 'ab'],
		['8-bit DCS', 'a\u0090payload\u009cb', 'ab'],
		['8-bit APC', 'a\u009fpayload\u009cb', 'ab'],
	])('%s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});
});

describe('sanitizeText: control characters', () => {
	it.each([
		['BEL', 'a\u0007b', 'ab'],
		['backspace', 'safe\b\b\b\bevil', 'safeevil'],
		['NUL and other C0', 'a\u0000\u0001\u001fb', 'ab'],
		['DEL', 'a\u007fb', 'ab'],
		['C1 controls', 'a\u0080\u0085\u0099b', 'ab'],
		['CR alone becomes a space', 'fine\revil', 'fine evil'],
		['CR LF becomes one space', 'one\r\ntwo', 'one two'],
		['LF and tab become spaces', 'one\ntwo\tthree', 'one two three'],
		['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
	])('%s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});
});

describe('sanitizeText: bidi and invisible characters', () => {
	it.each([
		['RLO/PDF override', 'invoice\u202Egpj.exe\u202C', 'invoicegpj.exe'],
		['LRE/RLE/LRO', '\u202Aa\u202Bb\u202Dc', 'abc'],
		['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
		['LRM/RLM/ALM', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
		['zero-width space, non-joiner, word joiner, BOM', 'a\u200Bb\u200Cc\u2060d\uFEFFe', 'abcde'],
		['zero-width joiner between letters', 'pass\u200Dword', 'password'],
		['soft hyphen', 'in\u00ADvisible', 'invisible'],
		['invisible operators', 'a\u2061\u2062\u2063\u2064b', 'ab'],
		['interlinear annotation hides text', 'a\uFFF9hidden\uFFFAx\uFFFBb', 'ahiddenxb'],
		['ASCII smuggling with tag characters', 'ok\u{E0041}\u{E0042}', 'ok'],
		['lone high surrogate', 'a\uD800b', 'ab'],
		['lone low surrogate', 'a\uDC00b', 'ab'],
	])('%s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});
});

describe('sanitizeText: text that must survive unchanged', () => {
	it.each([
		['Japanese', 'ボリュームの作成（テスト）・ｶﾀｶﾅ　全角スペース'],
		['emoji', '✓ done 🎉'],
		['ZWJ family emoji', '👨‍👩‍👧 family'],
		['skin tone ZWJ emoji', '👩🏽‍💻 dev'],
		['keycap', '1️⃣'],
		['subdivision flag', '🏴󠁧󠁢󠁳󠁣󠁴󠁿 scot'],
		['combining marks', 'e\u0301 a\u0308 \u304B\u3099'],
		['key with punctuation', '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87'],
		['NBSP and ideographic space', 'a\u00A0b\u3000c'],
	])('%s', (_name, input) => {
		expect(sanitizeText(input)).toBe(input);
	});
});

describe('sanitizeText: bounds and robustness', () => {
	it('cuts to maxLength code points with an ellipsis', () => {
		expect(sanitizeText('abcdefghij', 5)).toBe('abcd…');
		expect(sanitizeText('abcde', 5)).toBe('abcde');
	});

	it('counts astral characters as one code point', () => {
		expect(sanitizeText('🎉🎉🎉🎉', 3)).toBe('🎉🎉…');
	});

	it('bounds the default length at 4096 code points', () => {
		const result = sanitizeText('x'.repeat(100_000));
		expect([...result]).toHaveLength(4096);
		expect(result.endsWith('x…')).toBe(true);
	});

	it('counts the length after removing controls', () => {
		expect(sanitizeText(`${'\u0007'.repeat(50)}abc`, 3)).toBe('abc');
	});

	it('never throws on non-strings passed from untyped code', () => {
		expect(sanitizeText(42 as unknown as string)).toBe('42');
		expect(sanitizeText(null as unknown as string)).toBe('null');
		const hostile = {
			toString() {
				throw new Error('no');
			},
		};
		expect(sanitizeText(hostile as unknown as string)).toBe('');
	});

	it('treats a nonsense maxLength as the default', () => {
		expect(sanitizeText('abc', Number.NaN)).toBe('abc');
		expect(sanitizeText('abc', 0)).toBe('…');
	});
});
