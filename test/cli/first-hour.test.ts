// Defects an admin hits in the first hour (issue 15), through the built binary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt } from '../helpers/pty-app.js';

let sandbox: CliSandbox;

beforeAll(() => {
	ensureBuilt();
	sandbox = createSandbox();
});
afterAll(() => sandbox.dispose());

interface JobJson {
	readonly key: string;
	readonly name: string;
	readonly type: string;
	readonly state: string;
	readonly over: boolean;
}

async function listDemo(extra: readonly string[] = []): Promise<JobJson[]> {
	const result = await runCli(sandbox, ['list', '--demo', '--json', ...extra]);
	expect([result.code, result.stderr]).toEqual([0, '']);
	return JSON.parse(result.stdout) as JobJson[];
}

describe('--demo: the same seed builds the same world in every process', () => {
	it('a key from list --demo works in show --demo KEY and wait --demo KEY', async () => {
		const listed = await listDemo();
		// A finished history job: it exists from the start in every run.
		const job = listed.filter((each) => each.over)[10];
		if (job === undefined) throw new Error('the demo has too few finished jobs');
		const show = await runCli(sandbox, ['show', '--demo', job.key, '--json']);
		expect([show.code, show.stderr]).toEqual([0, '']);
		expect(JSON.parse(show.stdout)).toMatchObject({
			key: job.key,
			name: job.name,
			type: job.type,
			state: job.state,
		});
		const wait = await runCli(sandbox, ['wait', '--demo', job.key]);
		expect(wait.stderr).toBe('');
		expect(wait.stdout).toContain(`${job.state}  ${job.name}  ${job.key}  took `);
	});

	it('--seed picks another world, the same in every process', async () => {
		const [plain, seeded, again] = await Promise.all([
			listDemo(),
			listDemo(['--seed', '5']),
			listDemo(['--seed', '5']),
		]);
		const keys = (jobs: JobJson[]) => jobs.filter((job) => job.over).map((job) => job.key);
		expect(keys(seeded).slice(0, 20)).toEqual(keys(again).slice(0, 20));
		expect(keys(seeded)[0]).not.toBe(keys(plain)[0]);
	});
});

describe('a negative --timeout', () => {
	it.each([
		[['wait', 'KEY', '--demo', '--timeout', '-1s']],
		[['wait', '--timeout', '-1s', 'KEY', '--demo']],
		[['wait', 'KEY', '--demo', '--timeout=-1s']],
	])('is a bad duration, not unknown flags: %j', async (args) => {
		const result = await runCli(sandbox, args);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			[
				'umwatch: --timeout: duration "-1s" must be more than zero',
				'usage: umwatch [PROFILE...] wait KEY|- [KEY…] [--any] [--timeout DURATION] [--json] [--bell] [--all]',
				"Run 'umwatch --help' for every flag.",
				'',
			].join('\n'),
		);
	});

	it('--interval -2 says the same kind of thing', async () => {
		const result = await runCli(sandbox, ['list', '--demo', '--interval', '-2']);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(
			'umwatch: --interval: duration "-2" must be more than zero',
		);
	});
});

describe('first-hour usage errors exit 2 at once', () => {
	it('list --state eror names the accepted words', async () => {
		const result = await runCli(sandbox, ['list', '--demo', '--state', 'eror']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(
			/^umwatch: --state "eror" matches no state; use active, in_progress, failed, finished, running, .*, completed, or unknown:VALUE/,
		);
	});

	it.each([
		[
			JSON.stringify({
				error: { message: 'Invalid value for "size".', code: '4', target: 'size' },
			}),
			'umwatch: stdin holds an error from the server, not a job: "Invalid value for "size"" (code 4, target size); the request that should have started the job failed\n',
		],
		[
			'<html><head><title>403 Forbidden</title></head><body>nginx</body></html>\n',
			'umwatch: stdin holds an HTML page ("403 Forbidden"), not a job: the request that should have started the job failed\n',
		],
	])('wait - after a failed POST: %s', async (input, message) => {
		const result = await runCli(sandbox, ['wait', '-', '--demo'], { input });
		expect([result.code, result.stdout, result.stderr]).toEqual([2, '', message]);
	});
});
