/**
 * `t('api.auth', { host })`: a message in the current language (see
 * language.ts), its placeholders filled. The key and the values are checked by
 * the typechecker against the English catalogue.
 */
import { fill, type Params, type Placeholders } from './catalogue.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { currentLanguage } from './language.js';

/** Every message key. */
export type MessageKey = keyof typeof en;

/** The values `key` needs: none, or one per placeholder. */
export type MessageArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
	? []
	: [params: Params<(typeof en)[K]>];

const CATALOGUES = { en, ja } as const;

/** The message `key` in the current language, with `params` filled in. */
export function t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
	const template: string = CATALOGUES[currentLanguage()][key];
	const [params] = args;
	return params === undefined ? template : fill(template, params);
}
