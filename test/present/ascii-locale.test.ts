// Issue 12, locale and terminal fit: a locale that is not UTF-8 (LANG=C, POSIX,
// ja_JP.eucJP, or none at all) means ASCII everywhere umwatch draws, unless
// --unicode says otherwise; --ascii forces it; both is a usage error. Prose
// (the help, usage lines, messages) loses its few typographic characters.
import { describe, expect, it } from 'vitest';
import { DISPLAY_STATES } from '../../source/api/job.js';
import { helpText, USAGE, usageFor } from '../../source/commands/help.js';
import { resolveAscii } from '../../source/config/charset.js';
import { ConfigError } from '../../source/config/errors.js';
import { resolveConfig } from '../../source/config/resolve.js';
import type { CliFlags } from '../../source/config/types.js';
import { localeIsUtf8 } from '../../source/i18n/language.js';
import { asciiText } from '../../source/present/ascii-text.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../../source/present/theme.js';

const NON_ASCII = /[^\x00-\x7f]/u;

/** The whole config as the command line resolves it (the demo needs no server or file). */
function configAscii(env: Record<string, string>, flags: CliFlags = {}): boolean {
	return resolveConfig({
		flags: { demo: true, ...flags },
		positionals: ['list'],
		env: { UMWATCH_CONFIG: '/nonexistent/umwatch-test/config.json', ...env },
		stdoutIsTty: true,
	}).ascii;
}

describe('the locale picks the glyph set', () => {
	it.each([
		[{ LANG: 'C' }, true],
		[{ LANG: 'POSIX' }, true],
		[{ LANG: 'ja_JP.eucJP' }, true],
		[{ LANG: 'ja_JP.SJIS' }, true],
		[{}, true],
		[{ LANG: '', LC_CTYPE: '', LC_ALL: '' }, true],
		[{ LANG: 'ja_JP.UTF-8' }, false],
		[{ LANG: 'en_US.utf8' }, false],
		[{ LANG: 'C.UTF-8' }, false],
		[{ LANG: 'de_DE.Utf-8@euro' }, false],
	])('%o: ASCII is %s', (env, ascii) => {
		expect(configAscii(env)).toBe(ascii);
		expect(localeIsUtf8(env)).toBe(!ascii);
	});

	it('LC_ALL wins over LC_CTYPE, which wins over LANG; an empty one is skipped', () => {
		expect(configAscii({ LC_ALL: 'C', LC_CTYPE: 'C.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe(true);
		expect(configAscii({ LC_ALL: 'ja_JP.UTF-8', LC_CTYPE: 'C', LANG: 'C' })).toBe(false);
		expect(configAscii({ LC_CTYPE: 'POSIX', LANG: 'ja_JP.UTF-8' })).toBe(true);
		expect(configAscii({ LC_CTYPE: 'en_US.UTF-8', LANG: 'C' })).toBe(false);
		expect(configAscii({ LC_ALL: '', LC_CTYPE: '', LANG: 'ja_JP.UTF-8' })).toBe(false);
		expect(configAscii({ LC_ALL: '', LC_CTYPE: 'C', LANG: 'ja_JP.UTF-8' })).toBe(true);
		// LC_MESSAGES says the language, not the character set.
		expect(configAscii({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C' })).toBe(true);
	});

	it('--unicode forces Unicode in a C locale; --ascii forces ASCII in a UTF-8 one', () => {
		expect(configAscii({ LC_ALL: 'C' }, { unicode: true })).toBe(false);
		expect(configAscii({}, { unicode: true })).toBe(false);
		expect(configAscii({ LANG: 'ja_JP.UTF-8' }, { ascii: true })).toBe(true);
	});

	it('--ascii with --unicode is a usage error naming both', () => {
		let thrown: unknown;
		try {
			configAscii({ LANG: 'C.UTF-8' }, { ascii: true, unicode: true });
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ConfigError);
		expect((thrown as Error).message).toMatch(/--ascii and --unicode/);
		expect(() => resolveAscii({ ascii: true, unicode: true }, {})).toThrow(ConfigError);
	});
});

describe('prose in ASCII', () => {
	it('the typographic characters umwatch writes become ASCII; anything else is left alone', () => {
		expect(asciiText('wait KEY|- [KEY…] – a · b — c × d ↑↓ ⏎ ›')).toBe(
			'wait KEY|- [KEY...] - a - b - c x d ^v Enter >',
		);
		expect(asciiText('ボリュームの作成')).toBe('ボリュームの作成');
	});

	it('--help and every usage line: Unicode by default, ASCII when asked', () => {
		expect(helpText()).toMatch(NON_ASCII);
		expect(helpText(true)).not.toMatch(NON_ASCII);
		expect(helpText(true)).toContain('wait KEY|- [KEY...]');
		expect(helpText(true)).toContain('--unicode');
		expect(usageFor(null)).toMatch(NON_ASCII);
		expect(asciiText(usageFor(null))).not.toMatch(NON_ASCII);
		for (const mode of Object.keys(USAGE)) {
			expect(asciiText(usageFor(mode))).not.toMatch(NON_ASCII);
		}
	});
});

describe('without colour (NO_COLOR, TERM=dumb) the states and the selection still read apart', () => {
	it.each([
		['Unicode', UNICODE_GLYPHS],
		['ASCII', ASCII_GLYPHS],
	])(
		'%s: glyph and word differ for every state; the selection marker, live dot and mark are no state glyph',
		(_, glyphs) => {
			const looks = DISPLAY_STATES.map((state) => `${glyphs.states[state]} ${state}`);
			expect(new Set(looks).size).toBe(DISPLAY_STATES.length);
			const stateGlyphs = new Set(Object.values(glyphs.states));
			for (const glyph of [glyphs.pointer, glyphs.live, glyphs.mark]) {
				expect(stateGlyphs.has(glyph)).toBe(false);
			}
		},
	);

	it('the ASCII set is printable ASCII, one character each (the ellipsis too)', () => {
		const { states, ...rest } = ASCII_GLYPHS;
		for (const glyph of [...Object.values(states), ...Object.values(rest)]) {
			expect(glyph).toMatch(/^[\x21-\x7e]$/u);
		}
	});
});
