import { t } from '../i18n/t.js';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';

/**
 * The locale that sets the character set, as the C library picks it: the first
 * non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` (empty when none is set).
 */
export function ctypeLocale(env: Environment): string {
	for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG'] as const) {
		const value = env[name];
		if (value !== undefined && value !== '') return value;
	}
	return '';
}

/**
 * Whether the locale says the terminal takes UTF-8 (`en_US.UTF-8`, `C.utf8`,
 * `ja_JP.UTF-8`). `C`, `POSIX`, `ja_JP.eucJP`, `ja_JP.SJIS` or no locale at all
 * do not: the terminal behind them may show a UTF-8 glyph as several wrong
 * characters, or as `?`, and a row drawn with one would no longer line up.
 */
export function localeIsUtf8(env: Environment): boolean {
	return /utf-?8/i.test(ctypeLocale(env));
}

/** The flags that choose the glyph set. */
export interface CharsetFlags {
	readonly ascii?: boolean | undefined;
	readonly unicode?: boolean | undefined;
}

/**
 * Whether umwatch draws ASCII only: `--ascii` or `--unicode` when given,
 * else ASCII exactly when the locale is not UTF-8. Both flags at once is a
 * usage error. The command line asks this before the rest of the config (for
 * `--help` and for usage errors), so it takes the flags as parsed.
 */
export function resolveAscii(flags: CharsetFlags, env: Environment): boolean {
	if (flags.ascii === true && flags.unicode === true) {
		throw new ConfigError(t('config.asciiAndUnicode'));
	}
	return wantsAscii(flags, env);
}

/**
 * {@link resolveAscii} without the check, for what is printed before the config
 * is resolved or when it failed (`--help`, the usage error itself): with both
 * flags, ASCII, which every terminal shows.
 */
export function wantsAscii(flags: CharsetFlags, env: Environment): boolean {
	if (flags.ascii === true) return true;
	if (flags.unicode === true) return false;
	return !localeIsUtf8(env);
}
