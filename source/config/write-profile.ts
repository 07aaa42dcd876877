import { randomBytes } from 'node:crypto';
import {
	closeSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { errorCode, parseConfigText } from './config-file.js';
import { ConfigError } from './errors.js';

/** What `umwatch trust` changes in a profile; other fields stay as they are. */
export interface ProfileUpdate {
	readonly fingerprint: string;
	/** Set only when the profile is new (an existing profile keeps its url and user). */
	readonly url?: string;
	readonly user?: string;
}

/** What {@link writeProfileFingerprint} did, for the message printed afterwards. */
export interface WriteResult {
	readonly path: string;
	readonly created: boolean;
}

/**
 * Stores a fingerprint in profile `name` of the config file at `path`,
 * creating the file, the profile (with url and user) or both as needed. Every
 * other key in the file is kept. The new file is written beside the old one
 * with mode 0600 and renamed over it, so a crash never leaves half a file.
 */
export function writeProfileFingerprint(
	path: string,
	name: string,
	update: ProfileUpdate,
): WriteResult {
	const root = readRoot(path);
	const profiles = (root.profiles ?? {}) as Record<string, Record<string, unknown>>;
	const existing = profiles[name];
	const created = existing === undefined;
	const profile: Record<string, unknown> = existing ?? {};
	if (created) {
		if (update.url !== undefined) profile.url = update.url;
		if (update.user !== undefined) profile.user = update.user;
	}
	profile.fingerprint = update.fingerprint;
	// Pinning and skipping verification contradict each other; pinning wins.
	delete profile.insecure;
	profiles[name] = profile;
	root.profiles = profiles;
	const text = `${JSON.stringify(root, null, 2)}\n`;
	// Refuse to write something we could not read back.
	parseConfigText(text, path);
	writeAtomically(path, text);
	return { path, created };
}

function readRoot(path: string): Record<string, unknown> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return {};
		throw new ConfigError(`cannot read the config file ${path}: ${errorCode(error)}`);
	}
	// Validates the whole file first: never rewrite a file we would misread.
	parseConfigText(text, path);
	return JSON.parse(text) as Record<string, unknown>;
}

/** Writes `text` to a temporary file (mode 0600) in the same directory, then renames it over `path`. */
export function writeAtomically(path: string, text: string): void {
	const directory = dirname(path);
	const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		mkdirSync(directory, { recursive: true, mode: 0o700 });
		const fd = openSync(temporary, 'wx', 0o600);
		try {
			writeSync(fd, text);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw new ConfigError(`cannot write the config file ${path}: ${errorCode(error)}`, {
			hint: 'check the permissions of its directory, or pass --fingerprint on each run instead',
		});
	}
}
