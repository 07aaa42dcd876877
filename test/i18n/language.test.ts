import { describe, expect, it } from 'vitest';
import { chooseLanguage, localeLanguage } from '../../source/i18n/language.js';

describe('the language from the locale', () => {
	it.each([
		[{ LANG: 'ja_JP.UTF-8' }, 'ja'],
		[{ LANG: 'ja_JP.utf8' }, 'ja'],
		[{ LANG: 'en_US.UTF-8' }, 'en'],
		[{ LANG: 'C' }, 'en'],
		[{}, 'en'],
		// LC_ALL wins over LC_MESSAGES, which wins over LANG.
		[{ LC_ALL: 'C.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' }, 'en'],
		[{ LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'C' }, 'ja'],
		[{ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }, 'ja'],
		[{ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' }, 'en'],
		// An empty variable counts as unset.
		[{ LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' }, 'ja'],
		// Japanese messages but no UTF-8 to show them in: English (--lang ja still forces it).
		[{ LANG: 'ja_JP.eucJP' }, 'en'],
		[{ LANG: 'ja_JP' }, 'en'],
		[{ LC_MESSAGES: 'ja_JP.UTF-8', LC_CTYPE: 'C' }, 'en'],
		[{ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C.UTF-8' }, 'ja'],
	] as const)('%j → %s', (env, language) => {
		expect(localeLanguage(env)).toBe(language);
		expect(chooseLanguage(undefined, env)).toEqual({ language });
	});
});

describe('--lang and UMWATCH_LANG', () => {
	const ja = { LANG: 'ja_JP.UTF-8' };
	const c = { LANG: 'C' };

	it('UMWATCH_LANG wins over the locale; --lang wins over both', () => {
		expect(chooseLanguage(undefined, { ...c, UMWATCH_LANG: 'ja' })).toEqual({ language: 'ja' });
		expect(chooseLanguage(undefined, { ...ja, UMWATCH_LANG: 'en' })).toEqual({ language: 'en' });
		expect(chooseLanguage('en', { ...ja, UMWATCH_LANG: 'ja' })).toEqual({ language: 'en' });
		expect(chooseLanguage('ja', { ...c, UMWATCH_LANG: 'en' })).toEqual({ language: 'ja' });
		expect(chooseLanguage('JA', c)).toEqual({ language: 'ja' });
	});

	it('an empty UMWATCH_LANG counts as unset', () => {
		expect(chooseLanguage(undefined, { ...ja, UMWATCH_LANG: '' })).toEqual({ language: 'ja' });
	});

	it('a bad value is reported with its source; the message goes in the language the rest gives', () => {
		expect(chooseLanguage('fr', ja)).toEqual({
			language: 'ja',
			invalid: { name: '--lang', value: 'fr' },
		});
		expect(chooseLanguage(undefined, { ...c, UMWATCH_LANG: 'jp' })).toEqual({
			language: 'en',
			invalid: { name: 'UMWATCH_LANG', value: 'jp' },
		});
		// A good --lang makes a bad UMWATCH_LANG irrelevant: the flag decides.
		expect(chooseLanguage('en', { UMWATCH_LANG: 'xx' })).toEqual({ language: 'en' });
		expect(chooseLanguage('fr', { ...c, UMWATCH_LANG: 'ja' })).toEqual({
			language: 'ja',
			invalid: { name: '--lang', value: 'fr' },
		});
	});
});
