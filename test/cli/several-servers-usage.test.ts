// Issue 10 (several servers) at the command line: the built binary's --help,
// and the usage errors of the several-server flags and forms (exit 2, the
// flag named, the mode's usage after it).
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageFor } from '../../source/commands/help.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt } from '../helpers/pty-app.js';

let sandbox: CliSandbox;
beforeAll(() => {
	ensureBuilt();
	sandbox = createSandbox();
	const profiles = {
		tokyo: { url: 'https://um1.example.com', user: 'ops' },
		osaka: { url: 'https://um2.example.com', user: 'ops' },
	};
	writeFileSync(sandbox.configPath, JSON.stringify({ profiles }), { mode: 0o600 });
});
afterAll(() => sandbox.dispose());

describe('--help', () => {
	it('describes the several-server forms, --all, --demo-servers and --partial-ok', async () => {
		const result = await runCli(sandbox, ['--help']);
		expect(result.code).toBe(0);
		for (const text of [
			'umwatch tokyo osaka            several servers in one view',
			'--profile NAME[,NAME…]',
			'--all                      every profile of the config file, in its order',
			'--demo-servers N           the demo with N simulated servers (2 to 9: tokyo, osaka, …)',
			'--partial-ok               list/show/events: exit 0 when one of several servers answered',
			'Several servers\n  umwatch tokyo osaka, umwatch --profile tokyo,osaka list, umwatch --all events',
			'umwatch tokyo osaka list --json --partial-ok',
		]) {
			expect(result.stdout).toContain(text);
		}
	});
});

describe('usage errors', () => {
	it.each([
		[
			['--demo-servers', '1'],
			'umwatch: --demo-servers must be a whole number from 2 to 9, not "1"',
			'watch',
		],
		[
			['list', '--demo-servers', '12'],
			'umwatch: --demo-servers must be a whole number from 2 to 9, not "12"',
			'list',
		],
		[['list', '--demo-servers'], 'umwatch: --demo-servers needs a value', 'list'],
		[
			['tokyo', 'osaka', 'list', '--user', 'root'],
			'umwatch: --user applies to one server; with several servers, each profile names its own',
			'list',
		],
		[
			['events', '--all', '--password-file', '/p'],
			'umwatch: --password-file applies to one server; with several servers, each profile names its own',
			'events',
		],
		[
			['tokyo', 'osaka', 'trust'],
			'umwatch: trust pins one server at a time; name one profile',
			'trust',
		],
		[['simulate', '--partial-ok'], 'umwatch: --partial-ok does not apply to simulate', 'simulate'],
	])('%j', async (args, message, mode) => {
		const result = await runCli(sandbox, args);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		const [first] = result.stderr.split('\n');
		expect(first).toBe(message);
		expect(result.stderr.endsWith(`${usageFor(mode)}\n`)).toBe(true);
	});

	it('a variable of one server with several names the variable', async () => {
		const result = await runCli(sandbox, ['--profile', 'tokyo,osaka', 'list'], {
			env: { UMWATCH_PASSWORD: 'secret' },
		});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(
			/^umwatch: UMWATCH_PASSWORD applies to one server; with several servers, each profile names its own\nhint: unset UMWATCH_PASSWORD, or name one profile\n/,
		);
		expect(result.stderr).not.toContain('secret');
	});
});
