import { localeIsUtf8 } from '../i18n/language.js';
import { t } from '../i18n/t.js';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';

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
