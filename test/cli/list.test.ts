import { chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt } from '../helpers/pty-app.js';

const PASSWORD = 'correct horse';
let sandbox: CliSandbox;
let simulator: Simulator;
let url: string;
let newestKey: string;

beforeAll(async () => {
	ensureBuilt();
	sandbox = createSandbox();
	simulator = createSimulator({
		seed: 7,
		autoAdvance: false,
		historyJobs: 3,
		activeJobs: 0,
		ratePerMinute: 0,
		password: PASSWORD,
	});
	url = await simulator.listen();
	newestKey = simulator.addJob({ name: 'Newest job', state: 'completed', status: 'normal' }).key;
});
afterAll(async () => {
	await simulator.close();
	sandbox.dispose();
});

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

describe('list against a simulator', () => {
	it('prints the jobs with UMWATCH_PASSWORD, newest first, exit 0', async () => {
		const result = await runCli(sandbox, ['list', '--url', url, '--user', 'admin', '--json'], {
			env: { UMWATCH_PASSWORD: PASSWORD },
		});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const jobs = JSON.parse(result.stdout) as { key: string; name: string }[];
		expect(jobs).toHaveLength(4);
		expect(jobs[0]).toMatchObject({ key: newestKey, name: 'Newest job' });
	});

	it('umwatch with stdout not a terminal behaves like list', async () => {
		const env = { UMWATCH_PASSWORD: PASSWORD, UMWATCH_URL: url, UMWATCH_USER: 'admin' };
		const [watch, list] = await Promise.all([
			runCli(sandbox, [], { env }),
			runCli(sandbox, ['list'], { env }),
		]);
		expect(watch.code).toBe(0);
		expect(watch.stdout).toBe(list.stdout);
		expect(watch.stdout.split('\n')[0]).toMatch(
			/^STATE\s+NAME\s+TYPE\s+SUBMITTED\s+DURATION\s+KEY$/,
		);
		expect(watch.stdout).toContain(newestKey);
	});

	it('reads the password from --password-command and --password-file', async () => {
		const file = join(sandbox.dir, 'pw');
		writeFileSync(file, `${PASSWORD}\n`);
		chmodSync(file, 0o600);
		const args = ['list', '--url', url, '--user', 'admin', '--ndjson', '--limit', '1'];
		const [command, fromFile] = await Promise.all([
			runCli(sandbox, [...args, '--password-command', `printf '%s\\n' '${PASSWORD}'`]),
			runCli(sandbox, [...args, '--password-file', file]),
		]);
		for (const result of [command, fromFile]) {
			expect([result.code, result.stderr]).toEqual([0, '']);
			expect((JSON.parse(result.stdout) as { key: string }).key).toBe(newestKey);
		}
	});

	it('a profile chosen by its name as the first word', async () => {
		writeFileSync(
			sandbox.configPath,
			JSON.stringify({
				profiles: { sim: { url, user: 'admin', passwordCommand: `echo '${PASSWORD}'` } },
			}),
			{ mode: 0o600 },
		);
		const result = await runCli(sandbox, ['sim', 'show', newestKey, '--json']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(JSON.parse(result.stdout)).toMatchObject({ key: newestKey, name: 'Newest job' });
	});

	it('a wrong password exits 9 with one clear line and never echoes it', async () => {
		const result = await runCli(sandbox, ['list', '--url', url, '--user', 'admin'], {
			env: { UMWATCH_PASSWORD: 'wrong-secret' },
		});
		expect(result.code).toBe(9);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^umwatch: .*401.*\n$/);
		expect(result.stderr).not.toContain('wrong-secret');
	});

	it('a refused connection exits 11', async () => {
		const port = await closedPort();
		const result = await runCli(
			sandbox,
			['list', '--url', `http://127.0.0.1:${port}`, '--user', 'admin'],
			{
				env: { UMWATCH_PASSWORD: PASSWORD },
			},
		);
		expect(result.code).toBe(11);
		expect(result.stderr).toMatch(/^umwatch: Connection refused by 127\.0\.0\.1:\d+\..*\n$/);
		expect(result.stderr).not.toContain('    at ');
	});

	it('a failing password command is a clear error, exit 2', async () => {
		const result = await runCli(sandbox, [
			'list',
			'--url',
			url,
			'--user',
			'admin',
			'--password-command',
			'echo oops >&2; exit 3',
		]);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			'oops\numwatch: the password command (--password-command) exited with status 3\nhint: run it yourself to see why\n',
		);
	});

	it('list --demo needs no server', async () => {
		const result = await runCli(sandbox, ['list', '--demo', '--limit', '3', '--json']);
		expect([result.code, result.stderr]).toEqual([0, '']);
		expect(JSON.parse(result.stdout)).toHaveLength(3);
	});
});
