// The script modes in Japanese, through the built binary as a shell runs it:
// what a person reads on stderr (a wait that timed out, a job on no server,
// a failed server among several, events retrying and restored, a bad --state)
// follows UMWATCH_LANG / LANG; what a script reads (wait's outcome line in a
// pipe, its JSON, events' NDJSON, exit codes) is the same bytes in every language.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import {
	type CliResult,
	type CliSandbox,
	createSandbox,
	runCli,
	startCli,
} from '../helpers/cli-run.js';
import { ensureBuilt } from '../helpers/pty-app.js';
import { until } from '../helpers/until.js';

const PASSWORD = 'correct horse';
const JA = { UMWATCH_LANG: 'ja' };
const JA_LOCALE = { LANG: 'ja_JP.UTF-8' };
const C = { LANG: 'C' };
const AUTH = { UMWATCH_USER: 'admin', UMWATCH_PASSWORD: PASSWORD };

let sandbox: CliSandbox;
let tokyo: Simulator;
let nagoya: Simulator;
let done: string;
let running: string;

function simulator(seed: number): Simulator {
	return createSimulator({
		seed,
		autoAdvance: false,
		historyJobs: 2,
		activeJobs: 0,
		ratePerMinute: 0,
		password: PASSWORD,
	});
}

beforeAll(async () => {
	ensureBuilt();
	sandbox = createSandbox();
	tokyo = simulator(21);
	nagoya = simulator(22);
	await Promise.all([tokyo.listen(), nagoya.listen()]);
	done = tokyo.addJob({ name: 'ボリュームの作成', state: 'completed', status: 'normal' }).key;
	running = tokyo.addJob({ name: 'Create volume', state: 'running' }).key;
	// Profiles as leading words: tokyo and nagoya answer; osaka's password is wrong (401).
	const passwordFile = join(sandbox.dir, 'password');
	writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
	const profile = (url: string) => ({ url, user: 'admin', passwordFile });
	const wrongFile = join(sandbox.dir, 'wrong-password');
	writeFileSync(wrongFile, 'wrong\n', { mode: 0o600 });
	const profiles = {
		tokyo: profile(tokyo.url),
		nagoya: profile(nagoya.url),
		osaka: { url: nagoya.url, user: 'admin', passwordFile: wrongFile },
	};
	writeFileSync(sandbox.configPath, JSON.stringify({ profiles }), { mode: 0o600 });
});
afterAll(async () => {
	await Promise.all([tokyo.close(), nagoya.close()]);
	sandbox.dispose();
});

function run(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
	return runCli(sandbox, args, { env: { ...AUTH, ...env } });
}

/** Several servers: profiles as leading words, each with its own password file. */
function runProfiles(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
	return runCli(sandbox, args, { env });
}

const withUrl = (args: readonly string[]) => [...args, '--url', tokyo.url];

describe('stderr in Japanese: what a person reads of wait, show, list and events', () => {
	it('wait --timeout: the job, what was last seen, exit 7', async () => {
		const ja = await run(withUrl(['wait', running, '--timeout', '1s']), JA);
		expect(ja.code).toBe(7);
		expect(ja.stdout).toBe('');
		expect(ja.stderr).toBe(
			`umwatch: ジョブ ${running} (最終状態 RUNNING) の待機が 1s でタイムアウトしました。\n`,
		);
		const en = await run(withUrl(['wait', running, '--timeout', '1s']), C);
		expect(en.stderr).toBe(
			`umwatch: timed out after 1s waiting for job ${running} (last seen RUNNING)\n`,
		);
		expect(en.code).toBe(7);
	});

	it('a job on none of several servers: 404 from each, named in Japanese, exit 8', async () => {
		const ja = await runProfiles(['tokyo', 'nagoya', 'show', 'no-such-job'], JA_LOCALE);
		expect(ja.code).toBe(8);
		expect(ja.stderr).toMatch(
			/^umwatch: tokyo、nagoya のどれにもジョブ no-such-job はありません \(404 Not Found\)。\nhint: /,
		);
		const en = await runProfiles(['tokyo', 'nagoya', 'show', 'no-such-job'], C);
		expect(en.stderr).toMatch(
			/^umwatch: No job no-such-job on tokyo or nagoya: each answered 404 Not Found\.\n/,
		);
	});

	it('a failed server among several is named; a timeout over several jobs names the open one', async () => {
		// Long enough for the finished job to be found on a loaded machine: the timeout must find it over.
		const args = ['tokyo', 'osaka', 'wait', done, running, '--timeout', '8s'];
		const ja = await runProfiles(args, JA);
		expect(ja.code).toBe(7);
		// Once per key looked for: osaka's password is wrong.
		expect(ja.stderr).toBe(
			'umwatch: osaka: Unified Manager で認証に失敗しました (401)。\n' +
				'hint: --user とパスワードの指定を確認してください。\n' +
				'umwatch: osaka: Unified Manager で認証に失敗しました (401)。\n' +
				'hint: --user とパスワードの指定を確認してください。\n' +
				`umwatch: ジョブ 2 件中 1 件の待機が 8s でタイムアウトしました：${running} (最終状態 RUNNING)\n`,
		);
		// The outcome line in a pipe is machine output: English words, whatever the language.
		expect(ja.stdout).toBe(`NORMAL  ボリュームの作成  ${done}  took 0s\n`);
	});

	it('list --state with a typo: the usage error in Japanese, exit 2', async () => {
		const ja = await run(withUrl(['list', '--state', 'eror']), JA);
		expect(ja.code).toBe(2);
		expect(ja.stderr).toMatch(
			/^umwatch: --state "eror" に一致する状態はありません。active, .*、または不明な状態には unknown:VALUE を指定してください/,
		);
		const en = await run(withUrl(['list', '--state', 'eror']), C);
		expect(en.stderr).toMatch(/^umwatch: --state "eror" matches no state; use active, /);
		expect(en.code).toBe(2);
	});

	it('events: retrying and restored, one line each, in Japanese; stdout untouched', async () => {
		tokyo.injectFault({ kind: 'status', status: 503 }, { count: Infinity });
		const events = startCli(sandbox, withUrl(['events']), { env: { ...AUTH, ...JA } });
		try {
			await until(() => events.stderr().includes('再試行中'), 'the retrying line', {
				timeoutMs: 20_000,
				detail: () => events.stderr(),
			});
			tokyo.clearFaults();
			await until(() => events.stderr().includes('接続が回復しました'), 'the restored line', {
				timeoutMs: 20_000,
				detail: () => events.stderr(),
			});
			expect(events.stderr()).toBe(
				'umwatch: 再試行中：Unified Manager でエラーが発生しました (503 Service Unavailable)：「The server is busy. Try again later」。\n' +
					'umwatch: 接続が回復しました。\n',
			);
		} finally {
			tokyo.clearFaults();
			events.child.kill('SIGINT');
		}
		const result = await events.exited;
		expect(result.code).toBe(130);
		expect(result.stdout).toBe('');
	});
});

describe('machine output of wait and events does not depend on the language', () => {
	it.each([
		['wait, the outcome line in a pipe', () => withUrl(['wait', done])],
		['wait --json', () => withUrl(['wait', done, '--json'])],
		['wait, two jobs (NDJSON)', () => withUrl(['wait', done, done, '--json'])],
		['wait --timeout (stdout and exit code)', () => withUrl(['wait', running, '--timeout', '1s'])],
	])('%s: the same stdout and exit code under LANG=C and LANG=ja_JP.UTF-8', async (_name, args) => {
		const en = await run(args(), C);
		const ja = await run(args(), JA_LOCALE);
		const forced = await run([...args(), '--lang', 'ja'], C);
		expect(ja.stdout).toBe(en.stdout);
		expect(forced.stdout).toBe(en.stdout);
		expect([ja.stderr === '', ja.code, forced.code]).toEqual([en.stderr === '', en.code, en.code]);
	});

	it('the outcome line in a pipe keeps its English words under LANG=ja_JP.UTF-8', async () => {
		const ja = await run(withUrl(['wait', done]), JA_LOCALE);
		expect(ja.stderr).toBe('');
		expect(ja.code).toBe(0);
		expect(ja.stdout).toBe(`NORMAL  ボリュームの作成  ${done}  took 0s\n`);
	});

	it('events: the same NDJSON lines under LANG=C and LANG=ja_JP.UTF-8 (but for when each was seen)', async () => {
		/** One run of the same story: a job appears, runs, completes; the NDJSON it printed. */
		const story = async (env: Record<string, string>): Promise<CliResult> => {
			tokyo.resetStats();
			const events = startCli(sandbox, withUrl(['events', '--interval', '1s']), {
				env: { ...AUTH, ...env },
			});
			const key = 'lang-events:-1';
			try {
				// Two list polls: the first one's answer is the baseline, so the job below is new.
				const polls = () => tokyo.stats.byPath.get('/management-server/jobs') ?? 0;
				await until(() => polls() >= 2, 'two polls', { timeoutMs: 20_000 });
				const submitTime = tokyo.now() - 60_000;
				tokyo.addJob({
					key,
					name: '移行',
					type: 'Migrate',
					state: 'running',
					auto: false,
					submitTime,
				});
				await events.waitForStdout(/"event":"new"/, 20_000);
				tokyo.updateJob(key, {
					state: 'completed',
					status: 'normal',
					completeTime: submitTime + 5_000,
				});
				await events.waitForStdout(/"event":"transition"/, 20_000);
			} finally {
				events.child.kill('SIGINT');
				tokyo.removeJob(key);
			}
			return events.exited;
		};
		const en = await story(C);
		const ja = await story(JA_LOCALE);
		// When each run saw a change (`at`, and a running job's duration so far) is the only difference.
		const seen = (text: string) =>
			text
				.replace(/"at":"[^"]+"/g, '"at":"…"')
				.replace(/"over":false(.*)"duration_ms":\d+/g, '"over":false$1"duration_ms":…');
		expect(en.stdout.split('\n')).toHaveLength(3);
		expect(en.stdout).toContain('"duration_ms":5000');
		expect(seen(ja.stdout)).toBe(seen(en.stdout));
		expect([ja.code, en.code]).toEqual([130, 130]);
	});
});
