/**
 * Which language umwatch speaks: chosen once at start (cli.tsx) from `--lang`,
 * `UMWATCH_LANG` or the locale, then read by {@link t} in every layer, so no
 * call has to carry it. Until something sets it, it is English: the tests and
 * every library use of a layer get English unless they ask otherwise.
 */

/** The languages umwatch has a catalogue for. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

let current: Language = 'en';

/** Sets the language for every later message (the command line does this once; tests reset it). */
export function setLanguage(language: Language): void {
	current = language;
}

/** The language messages are in now. */
export function currentLanguage(): Language {
	return current;
}

/** The environment variables the choice reads. */
export type LanguageEnvironment = Readonly<Record<string, string | undefined>>;

/** What {@link chooseLanguage} decided. */
export interface LanguageChoice {
	/** The language to speak (for a bad value: the one the rest of the choice gives, for its message). */
	readonly language: Language;
	/** A `--lang` or `UMWATCH_LANG` value that names no language: a usage error. */
	readonly invalid?: { readonly name: '--lang' | 'UMWATCH_LANG'; readonly value: string };
}

/**
 * `--lang`, else `UMWATCH_LANG` (an empty one counts as unset), else the locale.
 * `ja`/`en` in any case; anything else is reported in `invalid`.
 */
export function chooseLanguage(flag: string | undefined, env: LanguageEnvironment): LanguageChoice {
	const fromEnv = env.UMWATCH_LANG ?? '';
	const envChoice = fromEnv === '' ? undefined : asLanguage(fromEnv);
	const fallback = envChoice ?? localeLanguage(env);
	if (flag !== undefined) {
		const chosen = asLanguage(flag);
		return chosen === undefined
			? { language: fallback, invalid: { name: '--lang', value: flag } }
			: { language: chosen };
	}
	if (fromEnv !== '' && envChoice === undefined) {
		return { language: fallback, invalid: { name: 'UMWATCH_LANG', value: fromEnv } };
	}
	return { language: fallback };
}

function asLanguage(text: string): Language | undefined {
	const lower = text.trim().toLowerCase();
	return LANGUAGES.find((language) => language === lower);
}

/** The first non-empty of the variables, as POSIX reads the locale; '' when none is set. */
function firstSet(env: LanguageEnvironment, names: readonly string[]): string {
	for (const name of names) {
		const value = env[name] ?? '';
		if (value !== '') return value;
	}
	return '';
}

/**
 * Japanese when the messages locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`)
 * starts with `ja` and the character set locale (`LC_ALL`, else `LC_CTYPE`,
 * else `LANG`) is UTF-8: a `ja_JP.eucJP` terminal would show UTF-8 Japanese as
 * garbage, so it gets English (`--lang ja` still forces Japanese).
 */
export function localeLanguage(env: LanguageEnvironment): Language {
	const messages = firstSet(env, ['LC_ALL', 'LC_MESSAGES', 'LANG']);
	if (!/^ja(?:[_.@-]|$)/i.test(messages)) return 'en';
	return localeIsUtf8(env) ? 'ja' : 'en';
}

/**
 * The locale that sets the character set, as the C library picks it: the first
 * non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` (empty when none is set).
 */
export function ctypeLocale(env: LanguageEnvironment): string {
	return firstSet(env, ['LC_ALL', 'LC_CTYPE', 'LANG']);
}

/**
 * Whether the locale says the terminal takes UTF-8 (`en_US.UTF-8`, `C.utf8`,
 * `ja_JP.UTF-8`). `C`, `POSIX`, `ja_JP.eucJP`, `ja_JP.SJIS` or no locale at all
 * do not. The one rule for both the language (Japanese needs UTF-8) and the
 * glyphs (ASCII without it).
 */
export function localeIsUtf8(env: LanguageEnvironment): boolean {
	return /utf-?8/i.test(ctypeLocale(env));
}
