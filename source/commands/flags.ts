import { ConfigError } from '../config/errors.js';
import type { CliFlags } from '../config/types.js';

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
	demo: { type: 'boolean' },
	json: { type: 'boolean' },
	ndjson: { type: 'boolean' },
	state: { type: 'string' },
	name: { type: 'string' },
	type: { type: 'string' },
	limit: { type: 'string' },
	timeout: { type: 'string' },
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
} as const satisfies Record<string, FlagSpec>;

/** `passwordFile` → `--password-file`. */
export function flagName(key: string): string {
	const kebab = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
	return key.length === 1 ? `-${key}` : `--${kebab}`;
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
		throw new ConfigError(`unknown flag${unknown.length > 1 ? 's' : ''}: ${names}`);
	}
	for (const [key, spec] of Object.entries(FLAG_SPECS)) {
		const value = parsed[key];
		if (spec.type === 'string' && value === '') {
			throw new ConfigError(`${flagName(key)} needs a value`);
		}
		if (spec.type === 'string' && value !== undefined && typeof value !== 'string') {
			throw new ConfigError(`${flagName(key)} needs a value`);
		}
	}
	return parsed as CliFlags;
}
