import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { type CliSandbox, createSandbox, runCli, startCli } from '../helpers/cli-run.js';
import { ensureBuilt } from '../helpers/pty-app.js';
import { until } from '../helpers/until.js';

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

	it('warns, as umwatch, about a password file others can read', async () => {
		const file = join(sandbox.dir, 'pw-open');
		writeFileSync(file, `${PASSWORD}\n`);
		chmodSync(file, 0o644);
		const args = ['list', '--url', url, '--user', 'admin', '--ndjson', '--limit', '1'];
		const result = await runCli(sandbox, [...args, '--password-file', file]);
		expect([result.code, result.stderr]).toEqual([
			0,
			`umwatch: warning: the password file ${file} is readable by other users (mode 644); run chmod 600 ${file}\n`,
		]);
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

	it('a wrong password exits 9 with its message and hint, and never echoes it', async () => {
		const result = await runCli(sandbox, ['list', '--url', url, '--user', 'admin'], {
			env: { UMWATCH_PASSWORD: 'wrong-secret' },
		});
		expect(result.code).toBe(9);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(
			/^umwatch: .*401.*\nhint: Check --user and the password source\.\n$/,
		);
		expect(result.stderr).not.toContain('wrong-secret');
	});

	it('a 503 blip of a busy server is retried: the jobs, exit 0, nothing on stderr', async () => {
		// A refused connection is retried for 30 s before exit 11: test/output/sim-list-show.test.ts.
		simulator.injectFault({ kind: 'status', status: 503 }, { count: 2, path: /\/jobs\?/ });
		const result = await runCli(sandbox, ['list', '--url', url, '--user', 'admin', '--json'], {
			env: { UMWATCH_PASSWORD: PASSWORD },
		});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(newestKey);
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

	it('wait - reads the 202 body from stdin and exits with the outcome', async () => {
		const failed = simulator.addJob({
			name: 'Broken job',
			state: 'completed',
			status: 'error',
		}).key;
		const env = { UMWATCH_PASSWORD: PASSWORD };
		const args = ['wait', '-', '--url', url, '--user', 'admin'];
		const [ok, error] = await Promise.all([
			runCli(sandbox, args, { env, input: JSON.stringify({ job: { key: newestKey } }) }),
			runCli(sandbox, args, { env, input: JSON.stringify({ job: { key: failed } }) }),
		]);
		expect([ok.code, ok.stderr]).toEqual([0, '']);
		expect(ok.stdout).toContain('Newest job');
		expect([error.code, error.stderr]).toEqual([5, '']);
		expect(error.stdout).toContain('Broken job');
	});

	it('events streams until SIGTERM, then exits 143 quietly', async () => {
		const events = startCli(
			sandbox,
			['events', '--url', url, '--user', 'admin', '--interval', '1'],
			{
				env: { UMWATCH_PASSWORD: PASSWORD },
			},
		);
		// Jobs present at the first poll are history (no event): add one once a second
		// list poll has arrived, which means the first one has been answered.
		const jobPolls = () => simulator.stats.byPath.get('/management-server/jobs') ?? 0;
		const before = jobPolls();
		await until(() => jobPolls() >= before + 2, 'a second list poll');
		simulator.advance(5000);
		const added = simulator.addJob({ name: 'Arrives later', state: 'running' });
		const [line = ''] = await events.waitForStdout(/^.*Arrives later.*\n/m);
		expect(JSON.parse(line)).toMatchObject({ event: 'new', key: added.key, name: 'Arrives later' });
		events.child.kill('SIGTERM');
		const result = await events.exited;
		expect([result.code, result.stderr]).toEqual([143, '']);
	});
});
