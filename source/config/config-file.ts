import { readFileSync, statSync } from 'node:fs';
import { t } from '../i18n/t.js';
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
		throw new ConfigError(t('config.cannotRead', { path, code: errorCode(error) }), {
			hint: t('config.cannotRead.hint'),
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
	return new ConfigError(t('config.namedMissing', { path: file.path }), {
		hint: t('config.namedMissing.hint'),
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
		throw new ConfigError(t('config.topNotObject', { path }), {
			hint: t('config.example.hint', {
				example: '{"profiles": {"prod": {"url": "https://um.example.com", "user": "admin"}}}',
			}),
		});
	}
	const warnings: string[] = [];
	const unknown = Object.keys(root).filter((key) => !TOP_LEVEL_KEYS.includes(key));
	if (unknown.length > 0) {
		const keys = unknown.map((key) => JSON.stringify(key)).join(', ');
		const known = TOP_LEVEL_KEYS.join(', ');
		warnings.push(
			t(unknown.length > 1 ? 'config.unknownTopKeys' : 'config.unknownTopKey', {
				path,
				keys,
				known,
			}),
		);
	}
	const profiles = new Map<string, Profile>();
	const rawProfiles = root.profiles ?? {};
	if (!isRecord(rawProfiles)) {
		throw new ConfigError(t('config.profilesNotObject', { path }));
	}
	const invalidProfiles = new Map<string, ConfigError>();
	for (const [name, raw] of Object.entries(rawProfiles)) {
		try {
			profiles.set(name, parseProfile(name, raw, path, warnings));
		} catch (error) {
			if (!(error instanceof ConfigError)) throw error;
			invalidProfiles.set(name, error);
			warnings.push(t('config.profileIgnored', { message: error.message, name }));
		}
	}
	const defaultProfile = root.defaultProfile ?? null;
	if (defaultProfile !== null && typeof defaultProfile !== 'string') {
		throw new ConfigError(t('config.defaultNotString', { path }));
	}
	if (
		defaultProfile !== null &&
		!profiles.has(defaultProfile) &&
		!invalidProfiles.has(defaultProfile)
	) {
		throw new ConfigError(t('config.defaultUnknown', { path, name: defaultProfile }), {
			hint: knownProfilesHint(profiles),
		});
	}
	const profileOrder = Object.keys(rawProfiles);
	return { defaultProfile, profiles, invalidProfiles, profileOrder, warnings };
}

function parseProfile(name: string, raw: unknown, path: string, warnings: string[]): Profile {
	if (!isRecord(raw)) {
		throw new ConfigError(t('config.profileNotObject', { path, name }));
	}
	const profile: Record<string, unknown> = {};
	for (const [rawKey, value] of Object.entries(raw)) {
		const key = KEBAB_ALIASES[rawKey] ?? rawKey;
		const kind = PROFILE_FIELDS[key as keyof Profile];
		if (kind === undefined) {
			warnings.push(t('config.unknownProfileKey', { path, name, key: rawKey }));
			continue;
		}
		if (value === null) continue;
		if (typeof value !== kind) {
			throw new ConfigError(
				t('config.wrongType', { path, name, key: rawKey, kind, actual: describeType(value) }),
			);
		}
		profile[key] = value;
	}
	if (profile.passwordFile !== undefined && profile.passwordCommand !== undefined) {
		throw new ConfigError(t('config.bothPasswordKeys', { path, name }));
	}
	return profile as Profile;
}

/** "known profiles: a, b" or a hint on how to add one; used by several messages. */
export function knownProfilesHint(profiles: ReadonlyMap<string, Profile>): string {
	const names = [...profiles.keys()];
	if (names.length === 0) return t('config.noProfiles');
	return t('config.knownProfiles', { names: names.join(', ') });
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
		const detail = describeJsonError(message, text);
		throw new ConfigError(t('config.invalidJson', { path, detail }), {
			hint: t('config.invalidJson.hint'),
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
	return t('config.jsonPosition', { message: message.slice(0, match.index), line, column });
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
	if (Array.isArray(value)) return t('config.type.array');
	if (typeof value === 'object') return t('config.type.object');
	return t('config.type.value', { kind: typeof value, json: JSON.stringify(value) });
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
