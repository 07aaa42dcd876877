import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../source/config/errors.js';
import { type ResolveInput, resolveConfig } from '../../source/config/resolve.js';
import type { CliFlags } from '../../source/config/types.js';

const PIN = 'AB'.repeat(32);
const PIN_COLONS = (PIN.match(/../g) ?? []).join(':');

let dir: string;
let configPath: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'umwatch-config-'));
	configPath = join(dir, 'config.json');
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

function writeConfig(value: unknown, mode = 0o600): void {
	writeFileSync(configPath, JSON.stringify(value), { mode });
	chmodSync(configPath, mode);
}

function resolve(
	flags: CliFlags,
	env: Record<string, string> = {},
	positionals: string[] = [],
	stdoutIsTty = true,
) {
	const input: ResolveInput = {
		flags,
		positionals,
		env: { UMWATCH_CONFIG: configPath, ...env },
		stdoutIsTty,
		home: dir,
	};
	return resolveConfig(input);
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

const PROD = {
	url: 'https://prod.example.com',
	user: 'ops',
	interval: 10,
	fingerprint: PIN,
	passwordFile: '~/prod-pass',
};

describe('precedence: flags > environment > profile > defaults', () => {
	it('takes each field from the highest layer that has it', () => {
		writeConfig({ profiles: { prod: PROD } });
		const config = resolve(
			{ profile: 'prod', user: 'flag-user' },
			{ UMWATCH_USER: 'env-user', UMWATCH_URL: 'https://env.example.com', UMWATCH_INTERVAL: '5' },
		);
		expect(config.server).toEqual({
			url: 'https://env.example.com',
			user: 'flag-user',
			caFile: null,
			// The profile's pin is for prod.example.com, not for the URL from the environment.
			fingerprint: null,
			insecure: false,
			password: {
				kind: 'file',
				path: join(dir, 'prod-pass'),
				origin: '"passwordFile" in profile prod',
			},
		});
		expect(config.intervalMs).toBe(5000);
		expect(config.profileName).toBe('prod');
	});

	it('falls back to the profile, then to defaults', () => {
		writeConfig({ profiles: { prod: { url: 'https://prod.example.com', user: 'ops' } } });
		const config = resolve({ profile: 'prod' });
		expect(config.server?.url).toBe('https://prod.example.com');
		expect(config.intervalMs).toBe(2000);
		expect(config.maxJobs).toBeNull();
		expect(config.color).toBe(true);
		expect(config.server?.password).toEqual({ kind: 'prompt' });
	});

	it('uses the profile interval in seconds when no flag or variable says otherwise', () => {
		writeConfig({ profiles: { prod: PROD } });
		expect(resolve({ profile: 'prod' }).intervalMs).toBe(10_000);
		expect(resolve({ profile: 'prod', interval: '3s' }).intervalMs).toBe(3000);
	});

	it('chooses the profile by flag, positional word, UMWATCH_PROFILE, then defaultProfile', () => {
		writeConfig({
			defaultProfile: 'lab',
			profiles: { prod: PROD, lab: { url: 'https://lab.example.com', user: 'lab' } },
		});
		expect(resolve({}, {}, ['prod']).profileName).toBe('prod');
		expect(resolve({}, { UMWATCH_PROFILE: 'prod' }).profileName).toBe('prod');
		expect(resolve({}).server?.url).toBe('https://lab.example.com');
		// A URL given directly wins over the default profile entirely.
		const direct = resolve({ url: 'https://other.example.com', user: 'x' });
		expect(direct.profileName).toBeNull();
		expect(direct.server?.fingerprint).toBeNull();
	});

	it('NO_COLOR (non-empty) and --no-color turn colour off', () => {
		const flags = { url: 'https://a.example.com', user: 'u' };
		expect(resolve(flags, { NO_COLOR: '1' }).color).toBe(false);
		expect(resolve(flags, { NO_COLOR: '' }).color).toBe(true);
		expect(resolve({ ...flags, color: false }).color).toBe(false);
	});
});

describe('commands and the profile positional', () => {
	it('reads a first word that is a profile, then a command', () => {
		writeConfig({ profiles: { prod: PROD } });
		const config = resolve({}, {}, ['prod', 'show', 'KEY1']);
		expect([config.profileName, config.command, config.args]).toEqual(['prod', 'show', ['KEY1']]);
	});

	it('reads a subcommand name as a command even when a profile has that name', () => {
		writeConfig({ profiles: { list: PROD } });
		const config = resolve({ url: 'https://a.example.com', user: 'u' }, {}, ['list']);
		expect([config.command, config.profileName]).toEqual(['list', null]);
	});

	it('refuses a word that is neither, listing both', () => {
		writeConfig({ profiles: { prod: PROD, lab: PROD } });
		const error = usageError(() => resolve({}, {}, ['staging']));
		expect(error.message).toBe('unknown command or profile "staging"');
		expect(error.hint).toBe(
			'commands: list, show, wait, events, simulate, trust; known profiles: prod, lab',
		);
	});

	it('refuses an unknown --profile, listing the known ones', () => {
		writeConfig({ profiles: { prod: PROD } });
		const error = usageError(() => resolve({ profile: 'qa' }));
		expect(error.message).toBe(`no profile "qa" in ${configPath}`);
		expect(error.hint).toBe('known profiles: prod');
	});

	it('turns the live view into list when stdout is not a terminal', () => {
		const flags = { url: 'https://a.example.com', user: 'u' };
		expect(resolve(flags, {}, [], false).command).toBe('list');
		expect(resolve(flags, {}, [], true).command).toBe('watch');
	});

	it('needs no server for simulate or the demo', () => {
		expect(resolve({}, {}, ['simulate']).server).toBeNull();
		const demo = resolve({ demo: true }, {}, ['list']);
		expect([demo.demo, demo.command, demo.server]).toEqual([true, 'list', null]);
	});
});

describe('validation', () => {
	it('missing URL', () => {
		// No UMWATCH_CONFIG: the default config path may be missing (a named one may not).
		const error = usageError(() => resolve({ user: 'u' }, { UMWATCH_CONFIG: '' }));
		expect(error.message).toBe('no server: give --url, UMWATCH_URL or a profile; or try --demo');
	});

	it('missing user, except for trust', () => {
		expect(usageError(() => resolve({ url: 'https://a.example.com' })).message).toBe(
			'no user: give --user, UMWATCH_USER or a profile with "user"',
		);
		expect(resolve({ url: 'https://a.example.com' }, {}, ['trust']).server?.user).toBeNull();
	});

	it('trust NAME names the profile to pin, as the usage line says', () => {
		writeConfig({ profiles: { lab: { url: 'https://lab.example.com', user: 'ops' } } });
		const known = resolve({}, {}, ['trust', 'lab']);
		expect([known.command, known.profileName, known.server?.url, known.args]).toEqual([
			'trust',
			'lab',
			'https://lab.example.com',
			[],
		]);
		// Like --profile, the word after trust may name a profile pinning creates.
		const created = resolve({ url: 'https://new.example.com' }, {}, ['trust', 'fresh']);
		expect([created.profileName, created.server?.url]).toEqual([
			'fresh',
			'https://new.example.com',
		]);
		expect(usageError(() => resolve({}, {}, ['lab', 'trust', 'other'])).message).toBe(
			'two profiles named: "lab" and "other"; choose one',
		);
		expect(usageError(() => resolve({ profile: 'lab' }, {}, ['trust', 'other'])).message).toBe(
			'two profiles named: --profile lab and "other"; choose one',
		);
	});

	it('refuses a URL with credentials without repeating them', () => {
		for (const [flags, env, origin] of [
			[{ url: 'https://admin:s3cret@um.example.com', user: 'u' }, {}, '--url'],
			[{ user: 'u' }, { UMWATCH_URL: 'admin:s3cret@um.example.com' }, 'UMWATCH_URL'],
		] as const) {
			const error = usageError(() => resolve(flags, env));
			expect(error.message).toBe(
				`${origin}: the URL contains a user name or password (user:pass@host); refused`,
			);
			expect(`${error.message} ${error.hint}`).not.toContain('s3cret');
		}
	});

	it('interval: floor one second, malformed durations named', () => {
		const flags = { url: 'https://a.example.com', user: 'u' };
		expect(usageError(() => resolve({ ...flags, interval: '0.5' })).message).toBe(
			'--interval: the interval must be at least 1 second',
		);
		expect(usageError(() => resolve({ ...flags, interval: 'soon' })).message).toBe(
			'--interval: malformed duration "soon": use e.g. 90s, 30m, 2h, 1h30m, 500ms, or plain seconds',
		);
		expect(resolve({ ...flags, interval: '1' }).intervalMs).toBe(1000);
	});

	it('timeout, limit and max-jobs are checked', () => {
		const flags = { url: 'https://a.example.com', user: 'u' };
		expect(resolve({ ...flags, timeout: '90s' }, {}, ['wait', 'K']).output.timeoutMs).toBe(90_000);
		const timeout = usageError(() =>
			resolve({ ...flags, timeout: '5 parsecs' }, {}, ['wait', 'K']),
		);
		expect(timeout.message).toMatch(/^--timeout: malformed duration "5 parsecs"/);
		expect(timeout.usage).toBe('wait');
		expect(usageError(() => resolve({ ...flags, limit: '-3' })).message).toBe(
			'--limit must be a whole number from 1 to 1000000, not "-3"',
		);
		expect(resolve({ ...flags, maxJobs: '500' }).maxJobs).toBe(500);
	});

	it('fingerprint: normalised, or refused when malformed', () => {
		const flags = { url: 'https://a.example.com', user: 'u' };
		expect(
			resolve({ ...flags, fingerprint: `sha256:${PIN.toLowerCase()}` }).server?.fingerprint,
		).toBe(PIN_COLONS);
		const error = usageError(() => resolve({ ...flags, fingerprint: 'AB:CD' }));
		expect(error.message).toBe('--fingerprint: not a SHA-256 fingerprint');
	});

	it('--insecure together with a pin or a CA file is refused, naming both', () => {
		writeConfig({ profiles: { prod: PROD } });
		const error = usageError(() => resolve({ profile: 'prod', insecure: true }));
		expect(error.message).toBe(
			'--insecure turns certificate checks off, but profile prod says which certificate to trust; keep one',
		);
		const env = usageError(() =>
			resolve(
				{ url: 'https://a.example.com', user: 'u', caFile: '/ca.pem' },
				{ UMWATCH_INSECURE: 'yes' },
			),
		);
		expect(env.message).toBe(
			'UMWATCH_INSECURE turns certificate checks off, but --ca-file says which certificate to trust; keep one',
		);
		expect(
			resolve({ url: 'https://a.example.com', user: 'u' }, { UMWATCH_INSECURE: '0' }).server
				?.insecure,
		).toBe(false);
	});

	it('--json with --ndjson, and --demo with --url, are refused', () => {
		const flags = { url: 'https://a.example.com', user: 'u' };
		expect(
			usageError(() => resolve({ ...flags, json: true, ndjson: true }, {}, ['list'])).message,
		).toBe('--json and --ndjson both given; choose one');
		expect(usageError(() => resolve({ ...flags, demo: true })).message).toBe(
			'--demo watches a built-in simulator; it cannot be combined with --url',
		);
	});

	it('warns about plain http to another host, not to loopback', () => {
		expect(resolve({ url: 'http://um.example.com', user: 'u' }).warnings).toEqual([
			'warning: the URL is plain http://; the password crosses the network unencrypted',
		]);
		expect(resolve({ url: 'http://127.0.0.1:8080', user: 'u' }).warnings).toEqual([]);
	});
});

describe('password source order', () => {
	const base = { url: 'https://a.example.com', user: 'u' };

	it('UMWATCH_PASSWORD beats every other source', () => {
		expect(
			resolve({ ...base, passwordFile: '/f' }, { UMWATCH_PASSWORD: 'x' }).server?.password,
		).toEqual({
			kind: 'environment',
		});
	});

	it('then --password-file, then --password-command, then the profile, then the prompt', () => {
		writeConfig({
			profiles: { prod: { ...PROD, passwordFile: undefined, passwordCommand: 'pass show um' } },
		});
		expect(resolve({ ...base, passwordFile: '/f' }).server?.password).toEqual({
			kind: 'file',
			path: '/f',
			origin: '--password-file',
		});
		expect(resolve({ profile: 'prod', passwordCommand: 'cat /p' }).server?.password).toEqual({
			kind: 'command',
			command: 'cat /p',
			origin: '--password-command',
		});
		expect(resolve({ profile: 'prod' }).server?.password).toEqual({
			kind: 'command',
			command: 'pass show um',
			origin: '"passwordCommand" in profile prod',
		});
		expect(resolve(base).server?.password).toEqual({ kind: 'prompt' });
	});

	it('refuses both password flags at once', () => {
		expect(
			usageError(() => resolve({ ...base, passwordFile: '/f', passwordCommand: 'c' })).message,
		).toBe('--password-file and --password-command both given; choose one');
	});
});

describe('config file permissions', () => {
	it('warns when a file readable by others says where the password is', () => {
		writeConfig({ profiles: { prod: PROD } }, 0o644);
		expect(resolve({ profile: 'prod' }).warnings).toEqual([
			`warning: ${configPath} is readable by other users (mode 644) and says where the password is; run chmod 600 ${configPath}`,
		]);
	});

	it('warns more loudly when others could change a password command', () => {
		writeConfig(
			{ profiles: { prod: { url: 'https://a.example.com', user: 'u', passwordCommand: 'x' } } },
			0o666,
		);
		expect(resolve({ profile: 'prod' }).warnings).toEqual([
			`warning: ${configPath} is writable by other users (mode 666) and names a password command they could change; run chmod 600 ${configPath}`,
		]);
	});

	it('stays quiet for mode 600, and for an open file that names no password source', () => {
		writeConfig({ profiles: { prod: PROD } }, 0o600);
		expect(resolve({ profile: 'prod' }).warnings).toEqual([]);
		writeConfig({ profiles: { prod: { url: 'https://a.example.com', user: 'u' } } }, 0o644);
		expect(resolve({ profile: 'prod' }).warnings).toEqual([]);
	});
});

describe('which parts of a profile apply', () => {
	it('a broken profile stops only the commands that use it; the others warn', () => {
		writeConfig({ profiles: { prod: PROD, bad: { url: 'https://b', interval: 'x' } } });
		const config = resolve({}, {}, ['prod', 'list'], false);
		expect(config.profileName).toBe('prod');
		expect(config.warnings).toEqual([
			`warning: ${configPath}: profile "bad": "interval" must be a number, not a string ("x") (profile "bad" is ignored)`,
		]);
		expect(usageError(() => resolve({}, {}, ['bad', 'list'], false)).message).toBe(
			`${configPath}: profile "bad": "interval" must be a number, not a string ("x")`,
		);
	});

	it("a profile's certificate settings do not follow --url to another server", () => {
		writeConfig({ profiles: { prod: PROD } });
		const elsewhere = resolve({ url: 'https://other.example.com' }, {}, ['prod', 'list'], false);
		expect(elsewhere.server?.fingerprint).toBeNull();
		expect(elsewhere.warnings).toEqual([
			"warning: the URL is not profile prod's server; its certificate settings (fingerprint, CA file, insecure) are not used",
		]);
		// The same server, spelled with /api and the default port, keeps the pin.
		const same = resolve({ url: 'https://prod.example.com:443/api' }, {}, ['prod', 'list'], false);
		expect(same.server?.fingerprint).toBe(PIN_COLONS);
		expect(same.warnings).toEqual([]);
	});
});
