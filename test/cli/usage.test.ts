import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODE_ROWS } from '../../source/api/exit-codes.js';
import { FLAG_SPECS, flagName } from '../../source/commands/flags.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt, repoRoot } from '../helpers/pty-app.js';

let sandbox: CliSandbox;
beforeAll(() => {
	ensureBuilt();
	sandbox = createSandbox();
});
afterAll(() => sandbox.dispose());

const LIST_USAGE =
	'usage: umwatch [PROFILE...] list [--json | --ndjson] [--state S] [--name N] [--type T] [--limit N] [--sort ORDER] [--since WHEN] [--all] [--partial-ok]\n' +
	"Run 'umwatch --help' for every flag.\n";

describe('--help and --version', () => {
	it('--help lists every mode, flag, variable, the config file and the exit codes', async () => {
		const result = await runCli(sandbox, ['--help']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const help = result.stdout;
		for (const mode of [
			'umwatch --demo',
			'umwatch list',
			'umwatch show KEY',
			'umwatch wait KEY|-',
			'umwatch events',
			'umwatch simulate',
			'umwatch trust',
		]) {
			expect(help).toContain(mode);
		}
		for (const [key, spec] of Object.entries(FLAG_SPECS)) {
			// A flag on by default (colour, long polls, the title) is shown as its --no- form.
			const name =
				'default' in spec && spec.default === true
					? flagName(key).replace('--', '--no-')
					: flagName(key);
			expect(help, name).toContain(name);
		}
		for (const variable of [
			'UMWATCH_URL',
			'UMWATCH_USER',
			'UMWATCH_PASSWORD',
			'UMWATCH_PROFILE',
			'UMWATCH_CA_FILE',
			'UMWATCH_FINGERPRINT',
			'UMWATCH_INSECURE',
			'UMWATCH_INTERVAL',
			'NO_COLOR',
			'UMWATCH_CONFIG',
			'UMWATCH_DEBUG',
		]) {
			expect(help, variable).toContain(variable);
		}
		expect(help).toContain(
			'$XDG_CONFIG_HOME/umwatch/config.json, else ~/.config/umwatch/config.json',
		);
		for (const row of EXIT_CODE_ROWS) {
			expect(help).toContain(`${String(row.code).padStart(3)}  ${row.meaning}`);
		}
	});

	it('--help works after a subcommand too', async () => {
		const result = await runCli(sandbox, ['wait', '--help']);
		expect([result.code, result.stdout.startsWith('Watch NetApp')]).toEqual([0, true]);
	});

	it('--version prints the package version', async () => {
		const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string };
		const result = await runCli(sandbox, ['--version']);
		expect([result.code, result.stdout]).toEqual([0, `${pkg.version}\n`]);
	});
});

describe('usage errors exit 2 with a specific message and the usage', () => {
	it('an unknown flag', async () => {
		const result = await runCli(sandbox, ['list', '--colour', '-q']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(`umwatch: unknown flags: --colour, -q\n${LIST_USAGE}`);
	});

	it('no server', async () => {
		// No UMWATCH_CONFIG: the default config path may be missing (a named one may not).
		const result = await runCli(sandbox, ['list'], { env: { UMWATCH_CONFIG: '' } });
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			'umwatch: no server: give --url, UMWATCH_URL or a profile; or try --demo\n' +
				'hint: e.g. umwatch --url https://um.example.com --user admin\n' +
				LIST_USAGE,
		);
	});

	it('a URL with credentials, without repeating the password', async () => {
		const result = await runCli(sandbox, ['list', '--user', 'u'], {
			env: { UMWATCH_URL: 'https://admin:hunter2@um.example.com' },
		});
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(
			'umwatch: UMWATCH_URL: the URL contains a user name or password (user:pass@host); refused',
		);
		expect(result.stderr).not.toContain('hunter2');
		expect(result.stdout).toBe('');
	});

	it('bad values: interval, duration, fingerprint, limit; a missing key; conflicting trust options', async () => {
		const base = ['--url', 'https://um.example.com', '--user', 'u'];
		const cases: [string[], string][] = [
			[
				[...base, '--interval', '0.2'],
				'umwatch: --interval: the interval must be at least 1 second',
			],
			[
				['wait', 'K1', ...base, '--timeout', '10 minutes'],
				'umwatch: --timeout: malformed duration "10 minutes": use e.g. 90s, 30m, 2h, 1h30m, 500ms, or plain seconds',
			],
			[
				['list', ...base, '--fingerprint', '12:34'],
				'umwatch: --fingerprint: not a SHA-256 fingerprint',
			],
			[
				['list', ...base, '--limit', 'all'],
				'umwatch: --limit must be a whole number from 1 to 1000000, not "all"',
			],
			[['show', ...base], 'umwatch: show needs a job key'],
			[
				['list', ...base, '--insecure', '--ca-file', '/x.pem'],
				'umwatch: --insecure turns certificate checks off, but --ca-file says which certificate to trust; keep one',
			],
			[['staging'], 'umwatch: unknown command or profile "staging"'],
			[['list', '--url'], 'umwatch: --url needs a value'],
		];
		const results = await Promise.all(cases.map(([args]) => runCli(sandbox, args)));
		expect(results.map((result) => [result.code, result.stderr.split('\n')[0]])).toEqual(
			cases.map(([, first]) => [2, first]),
		);
	});

	it('no password source and no terminal says how to give one', async () => {
		const result = await runCli(sandbox, ['list', '--url', 'http://127.0.0.1:9', '--user', 'u']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(
			/^umwatch: no password: no terminal is attached \(standard input is not a terminal and \/dev\/tty cannot be opened: \w+\)\nhint: set UMWATCH_PASSWORD, or use --password-file or --password-command \(or a profile that names one\)\n$/,
		);
	});

	it('an unreadable password file', async () => {
		const result = await runCli(sandbox, [
			'list',
			'--url',
			'http://127.0.0.1:9',
			'--user',
			'u',
			'--password-file',
			'/nonexistent/pw',
		]);
		expect([result.code, result.stderr]).toEqual([
			2,
			'umwatch: cannot read the password file /nonexistent/pw: ENOENT\nhint: check the path and that this user may read it\n',
		]);
	});
});
