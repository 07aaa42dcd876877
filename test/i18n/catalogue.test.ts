// The catalogue's guarantees are the typechecker's: each `@ts-expect-error`
// below is a catalogue or a call that must NOT compile. If the types ever stop
// catching one, the directive is unused and `npm run typecheck` fails, so the
// guarantee itself is under test. The runtime checks cover what types cannot.
import { afterEach, describe, expect, it } from 'vitest';
import { fill, translation } from '../../source/i18n/catalogue.js';
import { en } from '../../source/i18n/en.js';
import { ja } from '../../source/i18n/ja.js';
import { setLanguage } from '../../source/i18n/language.js';
import { t } from '../../source/i18n/t.js';

const english = { greet: 'Connected to {host} as {user}.', done: 'Done.' } as const;

afterEach(() => setLanguage('en'));

describe('a translation is checked against the English catalogue', () => {
	it('compiles when every key has the same placeholders, in any order', () => {
		const good = translation(english, {
			greet: '{user} として {host} に接続しました。',
			done: '完了しました。',
		});
		expect(good.done).toBe('完了しました。');
	});

	it('does not compile with a key missing, a key too many, or placeholders that differ', () => {
		// @ts-expect-error a key of the English catalogue is missing
		translation(english, { greet: '{user} として {host} に接続しました。' });
		// @ts-expect-error a key the English catalogue does not have
		translation(english, { greet: '{user} {host}', done: '完了', extra: 'x' });
		// @ts-expect-error a placeholder misspelt ({hots})
		translation(english, { greet: '{user} として {hots} に接続しました。', done: '完了' });
		// @ts-expect-error a placeholder missing ({user})
		translation(english, { greet: '{host} に接続しました。', done: '完了' });
		// @ts-expect-error a placeholder the English message lacks ({port})
		translation(english, { greet: '{user} {host}:{port}', done: '完了' });
		// @ts-expect-error a placeholder in a message that has none
		translation(english, { greet: '{user} {host}', done: '{host} 完了' });
		expect(true).toBe(true);
	});

	it('t() does not compile with an unknown key or a missing or extra value', () => {
		// @ts-expect-error no such key
		expect(() => t('api.noSuchMessage')).not.toThrow();
		// @ts-expect-error {host} needs a value
		t('api.refused');
		// @ts-expect-error {host} needs a value, {port} is no placeholder
		t('api.refused', { port: 1 });
		// @ts-expect-error a message without placeholders takes no values
		t('api.auth', { host: 'um' });
		expect(t('api.refused', { host: 'um:443' })).toBe('Connection refused by um:443.');
	});
});

describe('the catalogues at run time', () => {
	it('Japanese has every English key, and the same placeholders in each message', () => {
		const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
		for (const key of Object.keys(en) as Array<keyof typeof en>) {
			expect(names(ja[key]), key).toEqual(names(en[key]));
		}
	});

	it('no message has a brace that is not a placeholder', () => {
		for (const text of [...Object.values(en), ...Object.values(ja)]) {
			expect(text.replace(/\{\w+\}/g, ''), text).not.toMatch(/[{}]/);
		}
	});

	it('fills placeholders in one pass: server text holding {host} stays as it is', () => {
		expect(fill('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
		expect(t('api.otherFailure', { host: 'um', detail: '{host}' })).toBe(
			'Could not talk to um: {host}.',
		);
	});

	it('speaks English until a language is set, and the language set afterwards', () => {
		expect(t('api.auth')).toBe('Unified Manager rejected the user name or password (401).');
		setLanguage('ja');
		expect(t('api.auth')).toBe('Unified Manager で認証に失敗しました (401)。');
		expect(t('api.refused', { host: 'um:443' })).toBe('um:443 への接続が拒否されました。');
		setLanguage('en');
		expect(t('api.refused', { host: 'um:443' })).toBe('Connection refused by um:443.');
	});
});
