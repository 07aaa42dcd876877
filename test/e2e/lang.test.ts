// The built binary in each language, as an admin's shell starts it: the locale
// (or UMWATCH_LANG, or --lang) picks the language of the messages; the output
// scripts read (JSON, NDJSON, the plain list in a pipe, exit codes) never changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import {
	type ApiTestServer,
	refusedPort,
	sendJson,
	startApiServer,
} from '../helpers/api-server.js';
import { type CliResult, type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt } from '../helpers/pty-app.js';

const PASSWORD = 'correct horse';
const JA = { LANG: 'ja_JP.UTF-8' };
const C = { LANG: 'C' };
let sandbox: CliSandbox;
let simulator: Simulator;
let selfSigned: ApiTestServer;
let url: string;
let key: string;

beforeAll(async () => {
	ensureBuilt();
	sandbox = createSandbox();
	simulator = createSimulator({
		seed: 12,
		autoAdvance: false,
		historyJobs: 4,
		activeJobs: 0,
		ratePerMinute: 0,
		password: PASSWORD,
	});
	url = await simulator.listen();
	key = simulator.addJob({ name: 'ボリュームの作成', state: 'completed', status: 'normal' }).key;
	selfSigned = await startApiServer({ tls: 'self-signed' });
});
afterAll(async () => {
	await simulator.close();
	await selfSigned.close();
	sandbox.dispose();
});

function run(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
	return runCli(sandbox, args, { env });
}

const listWith = (password: string, env: Record<string, string>) =>
	run(['list', '--url', url, '--user', 'admin'], { UMWATCH_PASSWORD: password, ...env });

describe('error messages in Japanese with LANG=ja_JP.UTF-8, in English with LANG=C', () => {
	it('401: 認証に失敗しました', async () => {
		const ja = await listWith('wrong-secret', JA);
		expect(ja.code).toBe(9);
		expect(ja.stderr).toBe(
			'umwatch: Unified Manager で認証に失敗しました (401)。\n' +
				'hint: --user とパスワードの指定を確認してください。\n',
		);
		const en = await listWith('wrong-secret', C);
		expect(en.code).toBe(9);
		expect(en.stderr).toBe(
			'umwatch: Unified Manager rejected the user name or password (401).\n' +
				'hint: Check --user and the password source.\n',
		);
	});

	it('403: the user has no API role', async () => {
		const forbidding = await startApiServer();
		forbidding.handle((_request, response) =>
			sendJson(response, 403, { error: { message: 'Access denied.', code: '403' } }),
		);
		try {
			const args = ['list', '--url', forbidding.origin, '--user', 'admin'];
			const ja = await run(args, { UMWATCH_PASSWORD: PASSWORD, ...JA });
			expect(ja.stderr).toBe(
				'umwatch: Unified Manager がこのユーザーのアクセスを拒否しました (403)：「Access denied」。\n' +
					'hint: ユーザーに API のロールが必要です。ジョブの監視には Operator (読み取り専用) で十分です。\n',
			);
			const en = await run(args, { UMWATCH_PASSWORD: PASSWORD, ...C });
			expect(en.stderr).toContain(
				'umwatch: Unified Manager refused access for this user (403): "Access denied".\n',
			);
			expect(ja.code).toBe(en.code);
		} finally {
			await forbidding.close();
		}
	});

	it('a self-signed certificate: 証明書 … 信頼されていません, and how to trust it', async () => {
		const args = ['list', '--url', selfSigned.origin, '--user', 'admin'];
		const ja = await run(args, { UMWATCH_PASSWORD: PASSWORD, ...JA });
		expect(ja.stderr).toBe(
			`umwatch: 127.0.0.1:${selfSigned.port} の証明書は自己署名証明書のため、信頼されていません。\n` +
				'hint: `umwatch trust` で証明書を固定するか、--ca-file FILE または --insecure を使用してください。\n',
		);
		const en = await run(args, { UMWATCH_PASSWORD: PASSWORD, ...C });
		expect(en.stderr).toContain('presents a self-signed certificate, which is not trusted.');
		expect(ja.code).toBe(en.code);
	});

	it('a refused connection: 接続が拒否されました', async () => {
		const port = await refusedPort();
		const args = ['trust', '--url', `https://127.0.0.1:${port}`, '--yes'];
		const ja = await run(args, JA);
		expect(ja.stderr).toBe(
			`umwatch: 127.0.0.1:${port} への接続が拒否されました。\n` +
				'hint: URL とサーバーの稼働を確認してください。\n',
		);
		const en = await run(args, C);
		expect(en.stderr).toBe(
			`umwatch: Connection refused by 127.0.0.1:${port}.\nhint: Is the URL right and the server up?\n`,
		);
		expect(ja.code).toBe(en.code);
	});
});

describe('which language: --lang, UMWATCH_LANG, LC_ALL, LC_MESSAGES, LANG', () => {
	const japanese = /認証に失敗しました/;
	const english = /rejected the user name or password/;

	it.each([
		['LC_ALL=C over LANG=ja', { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }, english],
		['LC_MESSAGES=ja over LANG', { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C.UTF-8' }, japanese],
		['LC_ALL=ja over LC_MESSAGES', { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'C' }, japanese],
		['UMWATCH_LANG=ja', { UMWATCH_LANG: 'ja', LANG: 'C.UTF-8' }, japanese],
		['UMWATCH_LANG=en over LANG=ja', { UMWATCH_LANG: 'en', LANG: 'ja_JP.UTF-8' }, english],
		['no locale at all', {}, english],
	] as const)('%s', async (_name, env, expected) => {
		expect((await listWith('wrong', env)).stderr).toMatch(expected);
	});

	it('--lang wins over UMWATCH_LANG and the locale', async () => {
		const args = ['list', '--url', url, '--user', 'admin'];
		const en = await run([...args, '--lang', 'en'], { UMWATCH_PASSWORD: 'x', UMWATCH_LANG: 'ja' });
		expect(en.stderr).toMatch(english);
		const ja = await run([...args, '--lang=ja'], { UMWATCH_PASSWORD: 'x', LANG: 'C.UTF-8' });
		expect(ja.stderr).toMatch(japanese);
	});

	it('a bad --lang or UMWATCH_LANG is a usage error naming ja and en (exit 2)', async () => {
		const flag = await run(['list', '--lang', 'fr'], C);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toMatch(/^umwatch: --lang must be ja or en, not "fr"\nusage: /);
		const env = await run(['list'], { UMWATCH_LANG: 'jp', LANG: 'C' });
		expect(env.code).toBe(2);
		expect(env.stderr).toMatch(/^umwatch: UMWATCH_LANG must be ja or en, not "jp"\nusage: /);
		// The message itself in the language the locale asks for.
		const ja = await run(['list', '--lang', 'fr'], JA);
		expect(ja.stderr).toMatch(/^umwatch: --lang に "fr" は使えません \(ja か en\)\n/);
	});
});

describe('machine output does not depend on the language', () => {
	it.each([
		['list --json', ['list', '--json']],
		['list --ndjson', ['list', '--ndjson']],
		['plain list in a pipe (its column titles too)', ['list']],
		['show --json', ['show', '__KEY__', '--json']],
		['show, plain', ['show', '__KEY__']],
	])('%s: the same bytes and exit code under LANG=C and LANG=ja_JP.UTF-8', async (_name, words) => {
		const args = [...words.map((word) => (word === '__KEY__' ? key : word)), '--url', url];
		const env = { UMWATCH_USER: 'admin', UMWATCH_PASSWORD: PASSWORD };
		const en = await run(args, { ...env, ...C });
		const ja = await run(args, { ...env, ...JA });
		const forced = await run([...args, '--lang', 'ja'], { ...env, ...C });
		expect(en.code).toBe(0);
		expect(en.stdout).not.toBe('');
		expect(ja).toEqual(en);
		expect(forced).toEqual(en);
	});
});
