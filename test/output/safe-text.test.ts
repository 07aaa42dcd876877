import { describe, expect, it } from 'vitest';
import { inertText, safeJsonStringify } from '../../source/output/safe-text.js';
import { HOSTILE_FRAGMENTS } from '../../source/simulator/index.js';
import { activeCharacters } from '../helpers/out-fakes.js';

describe('inertText (the final defence, independent of the parser)', () => {
	it('removes every control, bidi and zero-width character from raw hostile text', () => {
		const raw = HOSTILE_FRAGMENTS.join('x');
		expect(activeCharacters(raw).length).toBeGreaterThan(10);
		expect(activeCharacters(inertText(raw))).toEqual([]);
	});

	it('keeps a field on one line and Japanese and emoji as they are', () => {
		expect(inertText('a\tb\nc\rd')).toBe('a b c d');
		expect(inertText('ボリュームの作成 👩‍💻')).toBe('ボリュームの作成 👩‍💻');
	});
});

describe('safeJsonStringify', () => {
	it('escapes C0, DEL, C1, line separators, bidi and zero-width characters', () => {
		const text = safeJsonStringify({
			name: 'a\u001b[2J\u007f\u0085\u009b\u2028\u202e\u200b\u2066\ufeffz',
		});
		expect(text).toBe(
			'{"name":"a\\u001b[2J\\u007f\\u0085\\u009b\\u2028\\u202e\\u200b\\u2066\\ufeffz"}',
		);
		expect(activeCharacters(text)).toEqual([]);
		expect(JSON.parse(text).name).toBe(
			'a\u001b[2J\u007f\u0085\u009b\u2028\u202e\u200b\u2066\ufeffz',
		);
	});

	it('leaves ordinary text, Japanese and ZWJ-free emoji alone', () => {
		expect(safeJsonStringify({ n: 'ボリューム 🚀' })).toBe('{"n":"ボリューム 🚀"}');
	});
});
