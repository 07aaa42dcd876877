import { ConfigError } from '../config/errors.js';
import type { CliFlags } from '../config/types.js';
import { t } from '../i18n/t.js';

type FlagSpec =
	| { readonly type: 'string' }
	| { readonly type: 'boolean'; readonly default?: boolean };

/**
 * Every flag umwatch accepts, in the shape the command line parser takes. Values
 * that need checking (numbers, durations) are read as strings so the config
 * layer can name the flag in its message. `color` and `longPoll` default to
 * true so that `--no-color` and `--no-long-poll` can be told from silence.
 */
export const FLAG_SPECS = {
	url: { type: 'string' },
	user: { type: 'string' },
	profile: { type: 'string' },
	passwordFile: { type: 'string' },
	passwordCommand: { type: 'string' },
	caFile: { type: 'string' },
	fingerprint: { type: 'string' },
	insecure: { type: 'boolean' },
	interval: { type: 'string' },
	maxJobs: { type: 'string' },
	color: { type: 'boolean', default: true },
	ascii: { type: 'boolean' },
	unicode: { type: 'boolean' },
	demo: { type: 'boolean' },
	demoServers: { type: 'string' },
	all: { type: 'boolean' },
	partialOk: { type: 'boolean' },
	json: { type: 'boolean' },
	ndjson: { type: 'boolean' },
	state: { type: 'string' },
	name: { type: 'string' },
	type: { type: 'string' },
	limit: { type: 'string' },
	sort: { type: 'string' },
	since: { type: 'string' },
	timeout: { type: 'string' },
	any: { type: 'boolean' },
	bell: { type: 'boolean' },
	desktopNotify: { type: 'boolean' },
	title: { type: 'boolean', default: true },
	yes: { type: 'boolean' },
	setUrl: { type: 'boolean' },
	port: { type: 'string' },
	host: { type: 'string' },
	tlsCert: { type: 'string' },
	tlsKey: { type: 'string' },
	rate: { type: 'string' },
	seed: { type: 'string' },
	shape: { type: 'string' },
	longPoll: { type: 'boolean', default: true },
	help: { type: 'boolean' },
	version: { type: 'boolean' },
	lang: { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

/** `passwordFile` → `--password-file`. */
export function flagName(key: string): string {
	const kebab = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
	return key.length === 1 ? `-${key}` : `--${kebab}`;
}

/**
 * Joins a value flag to a following word that starts like a negative number
 * (`--timeout -1s` → `--timeout=-1s`). The parser would read `-1s` as the short
 * flags `-1` and `-s` and report "unknown flags", hiding the real mistake; joined,
 * the value reaches the flag's own check, which says what is wrong with it.
 * Nothing after `--` is touched.
 */
export function joinDashedValues(argv: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i] ?? '';
		if (word === '--') return [...out, ...argv.slice(i)];
		const next = argv[i + 1];
		if (next !== undefined && /^-[\d.]/.test(next) && takesValue(word)) {
			out.push(`${word}=${next}`);
			i++;
			continue;
		}
		out.push(word);
	}
	return out;
}

// `--password-file` → whether `passwordFile` is a string flag.
function takesValue(word: string): boolean {
	if (!/^--[a-z][a-z-]*$/.test(word)) return false;
	const key = word.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
	return (
		Object.hasOwn(FLAG_SPECS, key) && FLAG_SPECS[key as keyof typeof FLAG_SPECS].type === 'string'
	);
}

/**
 * The message for what the parser threw: a flag given twice (`--url A --url B`)
 * said in the current language, anything else as the parser put it.
 */
export function parseFailureMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const repeated = /^The flag (--[\w-]+) can only be set once\.?$/.exec(message);
	if (repeated !== null) return t('cli.repeatedFlag', { flag: repeated[1] ?? '' });
	return message.replace(/^The flag /, '');
}

/**
 * `--lang X` or `--lang=X` among the words, for the messages said before the
 * parser has read them (its own failure); the last one wins, as it does there.
 */
export function langInArgv(argv: readonly string[]): string | undefined {
	let lang: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i] ?? '';
		if (word === '--') break;
		if (word === '--lang') lang = argv[i + 1];
		else if (word.startsWith('--lang=')) lang = word.slice('--lang='.length);
	}
	return lang;
}

/**
 * Checks what the parser produced: no unknown flags (a typo must not be
 * ignored), and no string flag given without a value (`--url` at the end of
 * the line). Returns the flags typed for the config layer.
 */
export function checkFlags(parsed: Readonly<Record<string, unknown>>): CliFlags {
	const known = new Set(Object.keys(FLAG_SPECS));
	const unknown = Object.keys(parsed).filter((key) => !known.has(key));
	if (unknown.length > 0) {
		const names = unknown.map(flagName).join(', ');
		throw new ConfigError(
			t(unknown.length > 1 ? 'cli.unknownFlags' : 'cli.unknownFlag', { names }),
		);
	}
	for (const [key, spec] of Object.entries(FLAG_SPECS)) {
		const value = parsed[key];
		if (spec.type === 'string' && value === '') {
			throw new ConfigError(t('cli.needsValue', { flag: flagName(key) }));
		}
		if (spec.type === 'string' && value !== undefined && typeof value !== 'string') {
			throw new ConfigError(t('cli.needsValue', { flag: flagName(key) }));
		}
	}
	return parsed as CliFlags;
}
