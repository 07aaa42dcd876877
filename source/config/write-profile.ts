import { randomBytes } from 'node:crypto';
import {
	closeSync,
	fsyncSync,
	lstatSync,
	mkdirSync,
	openSync,
	readFileSync,
	readlinkSync,
	realpathSync,
	renameSync,
	rmSync,
	writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { t } from '../i18n/t.js';
import { errorCode, parseConfigText, withoutBom } from './config-file.js';
import { ConfigError } from './errors.js';

/** What `umwatch trust` changes in a profile; other fields stay as they are. */
export interface ProfileUpdate {
	readonly fingerprint: string;
	/**
	 * Written when the profile is new; an existing profile keeps its own url and
	 * user unless {@link ProfileUpdate.overwrite} names them.
	 */
	readonly url?: string;
	readonly user?: string;
	/** Fields that replace an existing profile's (`trust --set-url`, `trust --user U`). */
	readonly overwrite?: ReadonlyArray<'url' | 'user'>;
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
	const writes = (key: 'url' | 'user') => created || update.overwrite?.includes(key) === true;
	if (update.url !== undefined && writes('url')) profile.url = update.url;
	if (update.user !== undefined && writes('user')) profile.user = update.user;
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
		throw new ConfigError(t('config.cannotRead', { path, code: errorCode(error) }));
	}
	// Validates the whole file first: never rewrite a file we would misread.
	parseConfigText(text, path);
	return JSON.parse(withoutBom(text)) as Record<string, unknown>;
}

/**
 * Writes `text` to a temporary file (mode 0600) beside the file, then renames
 * it over the file. A symbolic link (a config kept in a dotfiles repository)
 * is followed: its target is replaced and the link stays a link.
 */
export function writeAtomically(path: string, text: string): void {
	let target = path;
	let temporary = '';
	try {
		target = linkTarget(path);
		const directory = dirname(target);
		temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
		mkdirSync(directory, { recursive: true, mode: 0o700 });
		const fd = openSync(temporary, 'wx', 0o600);
		try {
			writeSync(fd, text);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, target);
	} catch (error) {
		if (temporary !== '') rmSync(temporary, { force: true });
		const where = target === path ? path : t('config.linkTo', { path, target });
		throw new ConfigError(t('config.cannotWrite', { path: where, code: errorCode(error) }), {
			hint: t('config.cannotWrite.hint'),
		});
	}
}

/**
 * The file `path` stands for: itself, or the end of its chain of symbolic
 * links, even when that end does not exist yet (a link into a fresh checkout).
 */
function linkTarget(path: string): string {
	let current = path;
	for (let hops = 0; hops < 40; hops += 1) {
		try {
			return realpathSync(current);
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') throw error;
		}
		// Missing: either no file at all, or a link to a file not yet written.
		let isLink = false;
		try {
			isLink = lstatSync(current).isSymbolicLink();
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') throw error;
		}
		if (!isLink) return current;
		current = resolve(dirname(current), readlinkSync(current));
	}
	throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}
