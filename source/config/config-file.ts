import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';

/** One named server in the config file. Every field is optional; flags and environment fill gaps. */
export interface Profile {
	readonly url?: string;
	readonly user?: string;
	/** A shell command whose standard output is the password (e.g. `pass show um/prod`). */
	readonly passwordCommand?: string;
	/** A file whose first line is the password. `~/` is expanded. */
	readonly passwordFile?: string;
	/** PEM file of CA certificates (or the server's own certificate) to trust. */
	readonly caFile?: string;
	/** SHA-256 fingerprint of the one certificate to accept (written by `umwatch trust`). */
	readonly fingerprint?: string;
	/** Poll interval in seconds. */
	readonly interval?: number;
	/** Skip certificate verification (discouraged: prefer `umwatch trust`). */
	readonly insecure?: boolean;
	/** Retention cap: how many jobs the live view keeps. */
	readonly maxJobs?: number;
	/** The live view rings the bell on a failure or a marked job's end (as `--bell`). */
	readonly bell?: boolean;
	/** The live view sends desktop notifications for the same (as `--desktop-notify`). */
	readonly desktopNotify?: boolean;
}

/** The config file as read: its profiles, and facts the resolver needs for warnings. */
export interface ConfigFile {
	/** The path it was read from (or would be, when absent). */
	readonly path: string;
	/** False when there is no file: every lookup then finds nothing. */
	readonly exists: boolean;
	readonly defaultProfile: string | null;
	readonly profiles: ReadonlyMap<string, Profile>;
	/**
	 * Profiles that failed their checks, with the error to show when one is
	 * used. A broken profile stops only the commands that use it; for the
	 * others it is a warning.
	 */
	readonly invalidProfiles?: ReadonlyMap<string, ConfigError>;
	/** Every profile name, valid or not, in the file's order (`--all` takes them in it). */
	readonly profileOrder?: readonly string[];
	/** File mode bits (e.g. 0o644), or null when absent. */
	readonly mode: number | null;
	/** Problems that do not stop umwatch (unknown keys); printed on stderr. */
	readonly warnings: readonly string[];
}

type FieldKind = 'string' | 'number' | 'boolean';

/** The keys the top level of the file may hold. */
const TOP_LEVEL_KEYS: readonly string[] = ['defaultProfile', 'profiles'];

/** Profile keys and their types; kebab-case spellings are accepted as aliases. */
const PROFILE_FIELDS: Readonly<Record<keyof Profile, FieldKind>> = {
	url: 'string',
	user: 'string',
	passwordCommand: 'string',
	passwordFile: 'string',
	caFile: 'string',
	fingerprint: 'string',
	interval: 'number',
	insecure: 'boolean',
	maxJobs: 'number',
	bell: 'boolean',
	desktopNotify: 'boolean',
};

const KEBAB_ALIASES: Readonly<Record<string, keyof Profile>> = {
	'password-command': 'passwordCommand',
	'password-file': 'passwordFile',
	'ca-file': 'caFile',
	'max-jobs': 'maxJobs',
	'desktop-notify': 'desktopNotify',
};

/**
 * Reads and checks the config file at `path`. A missing file is not an error
 * (most people never write one); a file that is not valid JSON, or whose
 * values have the wrong types, is a {@link ConfigError} naming the place.
 */
export function loadConfigFile(path: string): ConfigFile {
	let text: string;
	let mode: number;
	try {
		text = readFileSync(path, 'utf8');
		mode = statSync(path).mode & 0o777;
	} catch (error) {
		if (isNotFound(error)) {
			return {
				path,
				exists: false,
				defaultProfile: null,
				profiles: new Map(),
				mode: null,
				warnings: [],
			};
		}
		throw new ConfigError(`cannot read the config file ${path}: ${errorCode(error)}`, {
			hint: 'check its permissions, or point UMWATCH_CONFIG at another file',
		});
	}
	return { path, exists: true, mode, ...parseConfigText(text, path) };
}

/**
 * The error for a config file that `UMWATCH_CONFIG` names but that does not
 * exist, or null. Read as empty, a mistyped path would only surface later as
 * a puzzling "no profile" or "no server".
 */
export function missingNamedFile(file: ConfigFile, env: Environment): ConfigError | null {
	if (file.exists || (env.UMWATCH_CONFIG ?? '') === '') return null;
	return new ConfigError(`UMWATCH_CONFIG names ${file.path}, which does not exist`, {
		hint: 'fix the path, create the file (umwatch trust --url URL --profile NAME writes one), or unset UMWATCH_CONFIG',
	});
}

/** Parses config JSON text; exported for tests and for the trust write-back. */
export function parseConfigText(
	text: string,
	path: string,
): Pick<
	ConfigFile,
	'defaultProfile' | 'profiles' | 'invalidProfiles' | 'profileOrder' | 'warnings'
> {
	const root = parseJson(text, path);
	if (!isRecord(root)) {
		throw new ConfigError(`${path}: the top level must be a JSON object`, {
			hint: 'e.g. {"profiles": {"prod": {"url": "https://um.example.com", "user": "admin"}}}',
		});
	}
	const warnings: string[] = [];
	const unknown = Object.keys(root).filter((key) => !TOP_LEVEL_KEYS.includes(key));
	if (unknown.length > 0) {
		warnings.push(
			`warning: ${path}: unknown top-level key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')} (ignored; known: ${TOP_LEVEL_KEYS.join(', ')})`,
		);
	}
	const profiles = new Map<string, Profile>();
	const rawProfiles = root.profiles ?? {};
	if (!isRecord(rawProfiles)) {
		throw new ConfigError(`${path}: "profiles" must be an object of named profiles`);
	}
	const invalidProfiles = new Map<string, ConfigError>();
	for (const [name, raw] of Object.entries(rawProfiles)) {
		try {
			profiles.set(name, parseProfile(name, raw, path, warnings));
		} catch (error) {
			if (!(error instanceof ConfigError)) throw error;
			invalidProfiles.set(name, error);
			warnings.push(`warning: ${error.message} (profile "${name}" is ignored)`);
		}
	}
	const defaultProfile = root.defaultProfile ?? null;
	if (defaultProfile !== null && typeof defaultProfile !== 'string') {
		throw new ConfigError(`${path}: "defaultProfile" must be a string (a profile name)`);
	}
	if (
		defaultProfile !== null &&
		!profiles.has(defaultProfile) &&
		!invalidProfiles.has(defaultProfile)
	) {
		throw new ConfigError(
			`${path}: "defaultProfile" names "${defaultProfile}", which is not a profile`,
			{ hint: knownProfilesHint(profiles) },
		);
	}
	const profileOrder = Object.keys(rawProfiles);
	return { defaultProfile, profiles, invalidProfiles, profileOrder, warnings };
}

function parseProfile(name: string, raw: unknown, path: string, warnings: string[]): Profile {
	if (!isRecord(raw)) {
		throw new ConfigError(`${path}: profile "${name}" must be an object`);
	}
	const profile: Record<string, unknown> = {};
	for (const [rawKey, value] of Object.entries(raw)) {
		const key = KEBAB_ALIASES[rawKey] ?? rawKey;
		const kind = PROFILE_FIELDS[key as keyof Profile];
		if (kind === undefined) {
			warnings.push(`warning: ${path}: profile "${name}": unknown key "${rawKey}" (ignored)`);
			continue;
		}
		if (value === null) continue;
		if (typeof value !== kind) {
			throw new ConfigError(
				`${path}: profile "${name}": "${rawKey}" must be a ${kind}, not ${describeType(value)}`,
			);
		}
		profile[key] = value;
	}
	if (profile.passwordFile !== undefined && profile.passwordCommand !== undefined) {
		throw new ConfigError(
			`${path}: profile "${name}" names both "passwordFile" and "passwordCommand"; keep one`,
		);
	}
	return profile as Profile;
}

/** "known profiles: a, b" or a hint on how to add one; used by several messages. */
export function knownProfilesHint(profiles: ReadonlyMap<string, Profile>): string {
	const names = [...profiles.keys()];
	if (names.length === 0) return 'the config file defines no profiles';
	return `known profiles: ${names.join(', ')}`;
}

/**
 * The JSON text without a UTF-8 byte-order mark, which Windows editors (and
 * PowerShell's Out-File) write and JSON.parse refuses.
 */
export function withoutBom(text: string): string {
	return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function parseJson(raw: string, path: string): unknown {
	const text = withoutBom(raw);
	try {
		return JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new ConfigError(`${path}: not valid JSON: ${describeJsonError(message, text)}`, {
			hint: 'fix the file, or point UMWATCH_CONFIG at another one',
		});
	}
}

/** Turns V8's "… in JSON at position 42" into "… (line 3, column 5)". */
export function describeJsonError(message: string, text: string): string {
	const match = /\s*in JSON at position (\d+)/.exec(message);
	if (match === null) return message;
	const position = Number(match[1]);
	const before = text.slice(0, position);
	const line = before.split('\n').length;
	const column = position - before.lastIndexOf('\n');
	return `${message.slice(0, match.index)} (line ${line}, column ${column})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value} (${JSON.stringify(value)})`;
}

function isNotFound(error: unknown): boolean {
	return errorCode(error) === 'ENOENT';
}

/** The errno code of a file system error (ENOENT, EACCES…), never its full text. */
export function errorCode(error: unknown): string {
	if (typeof error === 'object' && error !== null && 'code' in error) {
		return String((error as { code: unknown }).code);
	}
	return 'unknown error';
}
