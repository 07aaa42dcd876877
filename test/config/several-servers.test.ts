// Issue 10 (several servers): which profiles a command line names, and the
// settings each server keeps from its own profile.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../source/config/errors.js';
import { resolveConfig } from '../../source/config/resolve.js';
import type { CliFlags } from '../../source/config/types.js';

const PIN = 'AB'.repeat(32);
const PIN_COLONS = (PIN.match(/../g) ?? []).join(':');

let dir: string;
let configPath: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-several-config-'));
	configPath = join(dir, 'config.json');
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

function writeConfig(value: unknown): void {
	writeFileSync(configPath, JSON.stringify(value), { mode: 0o600 });
	chmodSync(configPath, 0o600);
}

function resolve(flags: CliFlags, positionals: string[] = [], env: Record<string, string> = {}) {
	return resolveConfig({
		flags,
		positionals,
		env: { UMWATCH_CONFIG: configPath, ...env },
		stdoutIsTty: true,
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

const PROFILES = {
	tokyo: {
		url: 'https://um1.example.com',
		user: 'ops',
		interval: 5,
		fingerprint: PIN,
		passwordFile: '~/tokyo-pass',
		maxJobs: 500,
	},
	osaka: {
		url: 'https://um2.example.com:8443',
		user: 'admin',
		caFile: '~/osaka-ca.pem',
		passwordCommand: 'pass show um/osaka',
	},
	nagoya: { url: 'https://um3.example.com', user: 'watcher', insecure: true, interval: 30 },
};

const names = (flags: CliFlags, positionals: string[] = [], env: Record<string, string> = {}) =>
	resolve(flags, positionals, env).servers.map((server) => server.name);

describe('naming several profiles', () => {
	it('takes every leading word that names a profile, before the command', () => {
		writeConfig({ profiles: PROFILES });
		const config = resolve({ json: true }, ['tokyo', 'osaka', 'list']);
		expect(config.command).toBe('list');
		expect(config.servers.map((server) => server.name)).toEqual(['tokyo', 'osaka']);
		expect(config.profileName).toBe('tokyo');
		expect(names({}, ['nagoya', 'tokyo', 'osaka'])).toEqual(['nagoya', 'tokyo', 'osaka']);
		expect(resolve({}, ['osaka', 'tokyo']).command).toBe('watch');
		for (const command of ['events', 'show', 'wait']) {
			const some = resolve({}, [
				'tokyo',
				'nagoya',
				command,
				...(command === 'events' ? [] : ['k']),
			]);
			expect(some.command).toBe(command);
			expect(some.servers.map((server) => server.name)).toEqual(['tokyo', 'nagoya']);
		}
	});

	it('takes --profile as a comma list, and the same list given both ways', () => {
		writeConfig({ profiles: PROFILES });
		expect(names({ profile: 'osaka,tokyo' })).toEqual(['osaka', 'tokyo']);
		expect(names({ profile: 'osaka, nagoya' }, ['list'])).toEqual(['osaka', 'nagoya']);
		expect(names({ profile: 'tokyo,osaka' }, ['tokyo', 'osaka'])).toEqual(['tokyo', 'osaka']);
		expect(usageError(() => resolve({ profile: 'tokyo,osaka' }, ['nagoya'])).message).toBe(
			'two profiles named: --profile tokyo,osaka and "nagoya"; choose one',
		);
		expect(usageError(() => resolve({ profile: ',' })).message).toMatch(/^--profile needs a value/);
	});

	it('--all takes every profile of the file, in its order', () => {
		writeConfig({ profiles: PROFILES });
		expect(names({ all: true })).toEqual(['tokyo', 'osaka', 'nagoya']);
		expect(names({ all: true }, ['list'])).toEqual(['tokyo', 'osaka', 'nagoya']);
		expect(usageError(() => resolve({ all: true }, ['tokyo'])).message).toBe(
			'--all names every profile, and "tokyo" names some; choose one',
		);
	});

	it('--all without profiles is a clear usage error', () => {
		// A missing file UMWATCH_CONFIG names says so first, as for any profile.
		const error = usageError(() => resolve({ all: true }, ['list']));
		expect(error.message).toMatch(/^UMWATCH_CONFIG names .*, which does not exist/);
		writeConfig({ profiles: {} });
		expect(usageError(() => resolve({ all: true })).message).toBe(
			`--all: no profiles in ${configPath}`,
		);
	});

	it('a profile named twice counts once; twice the same is one server, as today', () => {
		writeConfig({ profiles: PROFILES });
		expect(names({}, ['tokyo', 'osaka', 'tokyo'])).toEqual(['tokyo', 'osaka']);
		expect(names({ profile: 'osaka,osaka' })).toEqual(['osaka']);
		// One server after all: the one-server flags apply again.
		const one = resolve({ user: 'someone' }, ['osaka', 'osaka', 'list']);
		expect(one.servers).toHaveLength(1);
		expect(one.server?.user).toBe('someone');
	});

	it('an unknown profile among several gets the unknown-profile message', () => {
		writeConfig({ profiles: PROFILES });
		const error = usageError(() => resolve({ profile: 'tokyo,kobe' }));
		expect(error.message).toBe(`no profile "kobe" in ${configPath}`);
		expect(error.hint).toBe('known profiles: tokyo, osaka, nagoya');
		const later = usageError(() => resolve({}, ['tokyo', 'kobe', 'list']));
		expect(later.message).toBe('unknown command or profile "kobe" after the profile name');
		expect(later.hint).toMatch(/known profiles: tokyo, osaka, nagoya/);
	});

	it('UMWATCH_PROFILE may name several too', () => {
		writeConfig({ profiles: PROFILES });
		expect(names({}, [], { UMWATCH_PROFILE: 'nagoya,osaka' })).toEqual(['nagoya', 'osaka']);
	});
});

describe('each server keeps its own profile', () => {
	it('URL, user, password source, CA file, fingerprint, insecure and interval', () => {
		writeConfig({ profiles: PROFILES });
		const config = resolve({}, ['tokyo', 'osaka', 'nagoya']);
		expect(config.servers).toEqual([
			{
				name: 'tokyo',
				profileName: 'tokyo',
				intervalMs: 5000,
				maxJobs: 500,
				server: {
					url: 'https://um1.example.com',
					user: 'ops',
					caFile: null,
					fingerprint: PIN_COLONS,
					insecure: false,
					password: {
						kind: 'file',
						path: join(dir, 'tokyo-pass'),
						origin: '"passwordFile" in profile tokyo',
					},
				},
			},
			{
				name: 'osaka',
				profileName: 'osaka',
				intervalMs: 2000,
				maxJobs: null,
				server: {
					url: 'https://um2.example.com:8443',
					user: 'admin',
					caFile: join(dir, 'osaka-ca.pem'),
					fingerprint: null,
					insecure: false,
					password: {
						kind: 'command',
						command: 'pass show um/osaka',
						origin: '"passwordCommand" in profile osaka',
					},
				},
			},
			{
				name: 'nagoya',
				profileName: 'nagoya',
				intervalMs: 30_000,
				maxJobs: null,
				server: {
					url: 'https://um3.example.com',
					user: 'watcher',
					caFile: null,
					fingerprint: null,
					insecure: true,
					password: { kind: 'prompt' },
				},
			},
		]);
		// The common settings are the first server's.
		expect(config.server).toBe(config.servers[0]?.server);
		expect(config.intervalMs).toBe(5000);
		expect(config.maxJobs).toBe(500);
	});

	it('--interval, --max-jobs and UMWATCH_INTERVAL apply to every server', () => {
		writeConfig({ profiles: PROFILES });
		const flagged = resolve({ interval: '3', maxJobs: '50' }, ['tokyo', 'nagoya']);
		expect(flagged.servers.map((server) => [server.intervalMs, server.maxJobs])).toEqual([
			[3000, 50],
			[3000, 50],
		]);
		expect(flagged.intervalMs).toBe(3000);
		const fromEnv = resolve({}, ['tokyo', 'nagoya'], { UMWATCH_INTERVAL: '7' });
		expect(fromEnv.servers.map((server) => server.intervalMs)).toEqual([7000, 7000]);
	});

	it('a plain-http server among several is named in its warning', () => {
		writeConfig({
			profiles: { ...PROFILES, lab: { url: 'http://lab.example.com', user: 'ops' } },
		});
		const config = resolve({}, ['tokyo', 'lab']);
		expect(config.warnings).toContain(
			'warning: lab: the URL is plain http://; the password crosses the network unencrypted',
		);
	});

	it('a broken profile among several fails with its own error', () => {
		writeConfig({
			profiles: { ...PROFILES, bad: { url: 'https://b.example.com', interval: 'x' } },
		});
		const error = usageError(() => resolve({}, ['tokyo', 'bad']));
		expect(error.message).toMatch(/interval/);
		// --all includes it too, in file order: it fails when used.
		expect(() => resolve({ all: true })).toThrow(/interval/);
	});
});

describe('what several servers refuse', () => {
	it.each([
		[{ url: 'https://x.example.com' }, '--url'],
		[{ user: 'someone' }, '--user'],
		[{ passwordFile: '/p' }, '--password-file'],
		[{ passwordCommand: 'true' }, '--password-command'],
		[{ caFile: '/ca.pem' }, '--ca-file'],
		[{ fingerprint: PIN }, '--fingerprint'],
	] as [CliFlags, string][])('%j: a usage error naming %s', (flags, flag) => {
		writeConfig({ profiles: PROFILES });
		const error = usageError(() => resolve(flags, ['tokyo', 'osaka', 'list']));
		expect(error.message).toBe(
			`${flag} applies to one server; with several servers, each profile names its own`,
		);
		expect(error.usage).toBe('list');
		// The same with --all and --profile a,b.
		expect(() => resolve({ ...flags, all: true })).toThrow(error.message);
		expect(() => resolve({ ...flags, profile: 'osaka,nagoya' })).toThrow(error.message);
	});

	it.each([
		'UMWATCH_URL',
		'UMWATCH_USER',
		'UMWATCH_PASSWORD',
		'UMWATCH_CA_FILE',
		'UMWATCH_FINGERPRINT',
	])('%s: a usage error naming it', (variable) => {
		writeConfig({ profiles: PROFILES });
		const error = usageError(() => resolve({}, ['tokyo', 'osaka'], { [variable]: 'x' }));
		expect(error.message).toBe(
			`${variable} applies to one server; with several servers, each profile names its own`,
		);
		expect(error.hint).toBe(`unset ${variable}, or name one profile`);
		// Empty counts as unset, as everywhere.
		expect(names({}, ['tokyo', 'osaka'], { [variable]: '' })).toEqual(['tokyo', 'osaka']);
	});

	it('--insecure applies to every server (no profile of these pins or names a CA)', () => {
		writeConfig({
			profiles: {
				a: { url: 'https://a.example.com', user: 'u' },
				b: { url: 'https://b.example.com', user: 'u' },
			},
		});
		const config = resolve({ insecure: true }, ['a', 'b']);
		expect(config.servers.map((server) => server.server.insecure)).toEqual([true, true]);
	});

	it('trust pins one server at a time', () => {
		writeConfig({ profiles: PROFILES });
		const expected = 'trust pins one server at a time; name one profile';
		for (const run of [
			() => resolve({}, ['tokyo', 'osaka', 'trust']),
			() => resolve({ profile: 'tokyo,osaka' }, ['trust']),
			() => resolve({ all: true }, ['trust']),
		]) {
			const error = usageError(run);
			expect(error.message).toBe(expected);
			expect(error.usage).toBe('trust');
		}
		// One profile still pins as before.
		expect(resolve({}, ['trust', 'tokyo']).profileName).toBe('tokyo');
	});
});

describe('--demo-servers and --partial-ok', () => {
	it('--demo-servers N runs N simulated servers and implies --demo', () => {
		const config = resolve({ demoServers: '4' }, ['list']);
		expect(config.demo).toBe(true);
		expect(config.demoServers).toBe(4);
		expect(config.servers).toEqual([]);
		expect(resolve({ demo: true }).demoServers).toBe(1);
		expect(resolve({ demo: true, demoServers: '9' }).demoServers).toBe(9);
	});

	it.each(['1', '10', '0', 'three', '2.5', '-3'])(
		'--demo-servers %s is a usage error naming the flag',
		(value) => {
			expect(usageError(() => resolve({ demoServers: value })).message).toBe(
				`--demo-servers must be a whole number from 2 to 9, not "${value}"`,
			);
		},
	);

	it('--demo-servers refuses what --demo refuses, naming itself', () => {
		expect(usageError(() => resolve({ demoServers: '2' }, ['simulate'])).message).toBe(
			'--demo-servers does not apply to simulate',
		);
		expect(usageError(() => resolve({ demoServers: '2', url: 'https://x' })).message).toBe(
			'--demo-servers watches a built-in simulator; it cannot be combined with --url',
		);
	});

	it('--partial-ok is read for the modes that read servers, and refused elsewhere', () => {
		writeConfig({ profiles: PROFILES });
		expect(resolve({}, ['tokyo', 'osaka', 'list']).partialOk).toBe(false);
		expect(resolve({ partialOk: true }, ['tokyo', 'osaka', 'list']).partialOk).toBe(true);
		expect(resolve({ partialOk: true, demoServers: '3' }, ['events']).partialOk).toBe(true);
		expect(usageError(() => resolve({ partialOk: true }, ['simulate'])).message).toBe(
			'--partial-ok does not apply to simulate',
		);
	});
});
