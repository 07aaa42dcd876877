// The config file defects of issue 15: a missing UMWATCH_CONFIG file, unknown
// top-level keys, a profile without url, a byte-order mark, a symlinked file,
// and trust's --set-url / --user.
import {
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../source/config/config-file.js';
import { ConfigError } from '../../source/config/errors.js';
import { resolveConfig } from '../../source/config/resolve.js';
import type { CliFlags } from '../../source/config/types.js';
import { writeProfileFingerprint } from '../../source/config/write-profile.js';

const PIN = ('AB'.repeat(32).match(/../g) ?? []).join(':');
let dir: string;
let configPath: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-first-hour-'));
	configPath = join(dir, 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function resolve(flags: CliFlags, positionals: string[] = [], env: Record<string, string> = {}) {
	return resolveConfig({
		flags,
		positionals,
		env: { UMWATCH_CONFIG: configPath, ...env },
		stdoutIsTty: false,
		home: dir,
	});
}

function usageError(run: () => unknown): ConfigError {
	try {
		run();
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('expected a ConfigError');
}

describe('a config file that UMWATCH_CONFIG names but that does not exist', () => {
	const missingMessage = () => `UMWATCH_CONFIG names ${configPath}, which does not exist`;

	it('is an error when a profile is looked up in it, not an empty file', () => {
		for (const run of [
			() => resolve({ profile: 'prod' }),
			() => resolve({}, [], { UMWATCH_PROFILE: 'prod' }),
			// No URL: the file is read for its default profile.
			() => resolve({ user: 'ops' }, ['list']),
		]) {
			const error = usageError(run);
			expect(error.message).toBe(missingMessage());
			expect(error.hint).toBe(
				'fix the path, create the file (umwatch trust --url URL --profile NAME writes one), or unset UMWATCH_CONFIG',
			);
		}
	});

	it('a first word that is not a command: either a typo or a profile in the missing file', () => {
		const error = usageError(() => resolve({}, ['prod', 'list']));
		expect(error.message).toBe('unknown command or profile "prod"');
		expect(error.hint).toBe(
			`commands: list, show, wait, events, simulate, trust; ${missingMessage()}`,
		);
	});

	it('is fine for trust, which creates it, and when the file is never read', () => {
		const trust = resolve({ url: 'https://um.example.com', profile: 'lab' }, ['trust']);
		expect(trust.profileName).toBe('lab');
		expect(
			resolve({}, ['trust', 'lab'], { UMWATCH_URL: 'https://um.example.com' }).profileName,
		).toBe('lab');
		expect(resolve({ url: 'https://um.example.com', user: 'ops' }, ['list']).server?.url).toBe(
			'https://um.example.com',
		);
	});

	it('the default path (no UMWATCH_CONFIG) may still be missing: most people never write one', () => {
		const error = usageError(() => resolve({ user: 'ops' }, ['list'], { UMWATCH_CONFIG: '' }));
		expect(error.message).toBe('no server: give --url, UMWATCH_URL or a profile; or try --demo');
	});
});

describe('what the file says', () => {
	it('warns about unknown top-level keys, naming them', () => {
		writeFileSync(
			configPath,
			JSON.stringify({
				defaultprofile: 'prod',
				profile: {},
				profiles: { prod: { url: 'https://p', user: 'ops' } },
			}),
		);
		const warning = `warning: ${configPath}: unknown top-level keys "defaultprofile", "profile" (ignored; known: defaultProfile, profiles)`;
		expect(loadConfigFile(configPath).warnings).toEqual([warning]);
		expect(resolve({}, ['prod', 'list']).warnings).toEqual([warning]);
	});

	it('names the profile and the missing "url" key', () => {
		writeFileSync(configPath, JSON.stringify({ profiles: { lab: { user: 'ops' } } }));
		for (const run of [() => resolve({}, ['lab', 'list']), () => resolve({}, ['trust', 'lab'])]) {
			const error = usageError(run);
			expect(error.message).toBe('profile "lab" has no "url"');
			expect(error.hint).toBe(`add "url": "https://HOST" to it in ${configPath}, or give --url`);
		}
		// A URL from the command line fills the gap.
		expect(resolve({ url: 'https://l' }, ['lab', 'list']).server?.url).toBe('https://l');
	});

	it('accepts a UTF-8 byte-order mark, and trust rewrites such a file', () => {
		writeFileSync(
			configPath,
			`\uFEFF${JSON.stringify({ defaultProfile: 'prod', profiles: { prod: { url: 'https://p', user: 'ops' } } })}`,
		);
		expect(resolve({}, ['list']).server?.url).toBe('https://p');
		writeProfileFingerprint(configPath, 'prod', { fingerprint: PIN });
		expect(loadConfigFile(configPath).profiles.get('prod')).toEqual({
			url: 'https://p',
			user: 'ops',
			fingerprint: PIN,
		});
	});

	it('a byte-order mark does not shift the line and column of a JSON error', () => {
		writeFileSync(configPath, '\uFEFF{\n  "profiles": {,}\n}');
		const error = usageError(() => loadConfigFile(configPath));
		expect(error.message).toMatch(/\(line 2, column 16\)$/);
	});
});

describe('trust --set-url and --user', () => {
	it('--set-url needs trust, --url and a profile', () => {
		writeFileSync(configPath, JSON.stringify({ profiles: { lab: { url: 'https://l' } } }));
		const cases: Array<[() => unknown, string]> = [
			[
				() => resolve({ setUrl: true, url: 'https://x', user: 'u' }, ['list']),
				'--set-url applies only to trust',
			],
			[
				() => resolve({ setUrl: true }, ['trust', 'lab']),
				"--set-url needs --url: the profile's new URL",
			],
			[
				() => resolve({ setUrl: true, url: 'https://x' }, ['trust']),
				'--set-url needs a profile whose URL to change',
			],
		];
		for (const [run, message] of cases) {
			const error = usageError(run);
			expect([error.message, error.usage]).toEqual([message, 'trust']);
		}
		expect(
			resolve({ setUrl: true, url: 'https://x', user: 'ops' }, ['trust', 'lab']).trust,
		).toEqual({
			setUrl: true,
			user: 'ops',
		});
	});

	it('trust with another server in --url gives no "certificate settings not used" warning: trust says it itself', () => {
		writeFileSync(
			configPath,
			JSON.stringify({ profiles: { lab: { url: 'https://l', fingerprint: PIN } } }),
		);
		expect(resolve({ url: 'https://other' }, ['trust', 'lab']).warnings).toEqual([]);
		expect(resolve({ url: 'https://other', user: 'u' }, ['lab', 'list']).warnings).toHaveLength(1);
	});

	it('writeProfileFingerprint replaces url and user of an existing profile only when told', () => {
		writeFileSync(
			configPath,
			JSON.stringify({ profiles: { lab: { url: 'https://l', user: 'a' } } }),
		);
		writeProfileFingerprint(configPath, 'lab', { fingerprint: PIN, url: 'https://x', user: 'b' });
		expect(loadConfigFile(configPath).profiles.get('lab')).toMatchObject({
			url: 'https://l',
			user: 'a',
		});
		writeProfileFingerprint(configPath, 'lab', {
			fingerprint: PIN,
			url: 'https://x',
			user: 'b',
			overwrite: ['url', 'user'],
		});
		expect(loadConfigFile(configPath).profiles.get('lab')).toEqual({
			url: 'https://x',
			user: 'b',
			fingerprint: PIN,
		});
	});
});

describe('a symlinked config file (kept in a dotfiles repository)', () => {
	it('is updated where the link points; the link stays a link', () => {
		const repo = join(dir, 'dotfiles');
		mkdirSync(repo);
		const target = join(repo, 'umwatch.json');
		writeFileSync(target, JSON.stringify({ profiles: { lab: { url: 'https://l' } } }), {
			mode: 0o600,
		});
		symlinkSync(target, configPath);
		writeProfileFingerprint(configPath, 'lab', { fingerprint: PIN });
		expect(lstatSync(configPath).isSymbolicLink()).toBe(true);
		expect(readlinkSync(configPath)).toBe(target);
		expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({
			profiles: { lab: { url: 'https://l', fingerprint: PIN } },
		});
		expect(statSync(target).mode & 0o777).toBe(0o600);
		// The temporary file was beside the target and is gone.
		expect(readdirSync(repo)).toEqual(['umwatch.json']);
		expect(readdirSync(dir).sort()).toEqual(['config.json', 'dotfiles']);
	});

	it('follows a relative link, and a chain of links', () => {
		const repo = join(dir, 'dotfiles');
		mkdirSync(repo);
		writeFileSync(join(repo, 'real.json'), '{}');
		symlinkSync('real.json', join(repo, 'middle.json'));
		symlinkSync('dotfiles/middle.json', configPath);
		writeProfileFingerprint(configPath, 'lab', { fingerprint: PIN, url: 'https://l' });
		expect(lstatSync(join(repo, 'middle.json')).isSymbolicLink()).toBe(true);
		expect(lstatSync(configPath).isSymbolicLink()).toBe(true);
		expect(loadConfigFile(join(repo, 'real.json')).profiles.get('lab')).toEqual({
			url: 'https://l',
			fingerprint: PIN,
		});
	});

	it('a link to a file not written yet creates that file', () => {
		const repo = join(dir, 'dotfiles');
		mkdirSync(repo);
		symlinkSync(join(repo, 'umwatch.json'), configPath);
		writeProfileFingerprint(configPath, 'lab', { fingerprint: PIN, url: 'https://l' });
		expect(lstatSync(configPath).isSymbolicLink()).toBe(true);
		expect(statSync(join(repo, 'umwatch.json')).mode & 0o777).toBe(0o600);
		expect(loadConfigFile(configPath).profiles.get('lab')?.fingerprint).toBe(PIN);
	});
});
