// `wait KEY KEY …` and `wait -` with several lines (issue 11) as the shipped
// binary in a pipe, the way a script runs it.
import { afterAll, afterEach, expect, it } from 'vitest';
import { createSandbox, runCli } from '../helpers/cli-run.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureKey,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';

const sandbox = createSandbox();
let server: FixtureServer | undefined;

afterEach(async () => {
	await server?.sim.close();
	server = undefined;
});
afterAll(() => sandbox.dispose());

const env = { UMWATCH_PASSWORD: E2E_PASSWORD };
// The fixtures: the newest job runs; the one before ended in ERROR, the one before that in WARNING.
const RUNNING = fixtureKey(FIXTURE_JOB_COUNT);
const FAILED = fixtureKey(FIXTURE_JOB_COUNT - 1);
const WARNED = fixtureKey(FIXTURE_JOB_COUNT - 2);

it('waits for every key given and exits with the worst outcome; --json makes NDJSON', async () => {
	server = await startFixtureServer();
	const plain = await runCli(sandbox, ['wait', WARNED, FAILED, ...server.args], { env });
	expect(plain.code).toBe(5);
	expect(plain.stdout.trimEnd().split('\n')).toHaveLength(2);
	const json = await runCli(sandbox, ['wait', WARNED, FAILED, '--json', ...server.args], { env });
	expect(json.code).toBe(5);
	const objects = json.stdout
		.trimEnd()
		.split('\n')
		.map((line) => JSON.parse(line));
	expect(objects.map((job) => job.state).sort()).toEqual(['ERROR', 'WARNING']);
});

it('--any returns with the first job over while another still runs', async () => {
	server = await startFixtureServer();
	const result = await runCli(sandbox, ['wait', RUNNING, WARNED, '--any', ...server.args], {
		env,
	});
	expect(result.code).toBe(3);
	expect(result.stdout).toMatch(/^WARNING {2}[^\n]+\n$/);
});

it('wait - reads one body or key per line; a bad line is exit 2 naming it', async () => {
	server = await startFixtureServer();
	const input = `{"job":{"key":"${WARNED}"}}\n${FAILED}\n`;
	const good = await runCli(sandbox, ['wait', '-', ...server.args], { env, input });
	expect(good.code).toBe(5);
	const bad = await runCli(sandbox, ['wait', '-', ...server.args], {
		env,
		input: `${WARNED}\n<b>oops</b>\n`,
	});
	expect(bad.code).toBe(2);
	expect(bad.stderr).toMatch(/^umwatch: stdin line 2 holds an HTML page/);
});

it('--any anywhere but wait is a usage error', async () => {
	server = await startFixtureServer();
	const result = await runCli(sandbox, ['list', '--any', ...server.args], { env });
	expect(result.code).toBe(2);
	expect(result.stderr).toMatch(/^umwatch: --any applies only to wait\n/);
});
