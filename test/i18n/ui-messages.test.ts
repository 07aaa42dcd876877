// A guard that no human-facing text in source/ui/ is written as a literal any
// more (every one comes from t() and the catalogue's ui area), and that every
// footer hint has its words in the catalogue.
import { describe, expect, it } from 'vitest';
import { HINT_TEXT } from '../../source/ui/screen/footer.js';
import { footerHints } from '../../source/ui/screen/keymap.js';
import { readTree } from '../architecture/read-tree.js';

/**
 * Literals that stay: the footer's hint names (their identity; the words
 * shown come from HINT_TEXT), the product name, and "UM" before the server's
 * version. Key names ('Enter', 'Esc', 'Ctrl-C'), glyphs and state words are
 * single words and never match below.
 */
const ALLOWED = new Set<string>([...Object.keys(HINT_TEXT), ' umwatch', ' ¤ UM ¤']);

/** Source text without comments (strings holding `//`, such as URLs, are kept). */
function withoutComments(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

/**
 * String literals that read as prose: two words or more (`'no jobs yet'`,
 * a key and its word: `'q quit'`), or
 * a word after a leading space, the way a segment of a line starts
 * (`' Tasks'`). Each `${…}` is read as `¤`.
 */
function proseLiterals(text: string): string[] {
	const found: string[] = [];
	for (const match of withoutComments(text).matchAll(/'([^'\n]*)'|`([^`]*)`|"([^"\n]*)"/g)) {
		const literal = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\$\{[^}]*\}/g, '¤');
		const bare = literal.replaceAll('¤', '');
		const prose = /[A-Za-z]+[:,;]? +[A-Za-z]{2,}/.test(bare) || /^\s+[A-Za-z]{2,}/.test(bare);
		if (prose && !ALLOWED.has(literal)) found.push(literal);
	}
	return found;
}

describe('no literal message left in source/ui/', () => {
	it('every text the live view shows comes from t()', () => {
		const found: string[] = [];
		for (const [file, text] of readTree('source/ui')) {
			for (const literal of proseLiterals(text)) found.push(`${file}: ${literal}`);
		}
		expect(found).toEqual([]);
	});

	it('the guard sees a literal segment, notice and description', () => {
		expect(proseLiterals("lines.push([{ text: ' no jobs yet' }]);")).toEqual([' no jobs yet']);
		expect(proseLiterals("notice('copied key');")).toEqual(['copied key']);
		expect(proseLiterals("[{ text: ' q quit' }]")).toEqual([' q quit']);
		expect(proseLiterals('{ description: `move up / scroll up` }')).toEqual([
			'move up / scroll up',
		]);
		expect(proseLiterals("const a = 'ui.hint.move'; // a comment with words")).toEqual([]);
	});

	it('every footer hint has its words in the catalogue', () => {
		for (const view of ['list', 'detail'] as const) {
			for (const hint of footerHints(view)) {
				expect(HINT_TEXT[hint.text], `${view}: ${hint.text}`).toBeDefined();
			}
		}
	});
});
