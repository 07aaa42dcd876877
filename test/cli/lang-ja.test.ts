// What a Japanese admin reads from the command line itself, through the built
// binary: a usage error (exit 2), a config file error and warning, the password
// prompt naming its server, trust's question (answered はい), and --lang ja on a
// host whose locale is C (Japanese in UTF-8, typographic characters in ASCII).
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usageFor } from '../../source/commands/help.js';
import { setLanguage } from '../../source/i18n/language.js';
import { createSimulator, type Simulator } from '../../source/simulator/index.js';
import { tlsFixture } from '../helpers/api-server.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { startApp } from '../helpers/pty-app.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

const JA = { UMWATCH_LANG: 'ja', LANG: 'ja_JP.UTF-8' };

let sandbox: CliSandbox;
let tls: Simulator;
let tlsUrl: string;
let term: PtyTerminal | undefined;

beforeAll(async () => {
	sandbox = createSandbox();
	tls = createSimulator({
		seed: 3,
		autoAdvance: false,
		historyJobs: 1,
		activeJobs: 0,
		ratePerMinute: 0,
		tls: { cert: tlsFixture('self-signed.pem'), key: tlsFixture('self-signed-key.pem') },
	});
	tlsUrl = await tls.listen();
});
afterAll(async () => {
	await tls.close();
	sandbox.dispose();
});
afterEach(() => {
	setLanguage('en');
	term?.dispose();
	term = undefined;
});

describe('the command line in Japanese', () => {
	it('a usage error: the message and the usage words in Japanese, flags as typed, exit 2', async () => {
		const result = await runCli(sandbox, ['show', '--colour'], { env: JA });
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			[
				'umwatch: 不明なフラグ: --colour',
				'使い方: umwatch [PROFILE...] show KEY [--json] [--all] [--partial-ok]',
				'すべてのフラグは umwatch --help で。',
				'',
			].join('\n'),
		);
	});

	it('a flag given twice, which the parser itself refuses, in the language --lang names', async () => {
		const result = await runCli(sandbox, ['--url', 'a', '--url', 'b', '--lang', 'ja']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^umwatch: --url は 1 回だけ指定できます。\n使い方: /);
		const english = await runCli(sandbox, ['--url', 'a', '--url', 'b']);
		expect(english.stderr).toMatch(/^umwatch: --url can only be set once\.\nusage: /);
	});

	it('the usage of every mode: each line under the first, by display width', () => {
		setLanguage('ja');
		const lines = usageFor(null).split('\n');
		expect(lines[0]).toMatch(/^使い方: umwatch \[PROFILE\.\.\.\] \[--url URL/);
		// `使い方: ` is 8 columns wide (6 + 2), where `usage: ` is 7.
		expect(lines[1]).toMatch(/^ {8}umwatch \[PROFILE\.\.\.\] list /);
		expect(lines.at(-1)).toBe('すべてのフラグは umwatch --help で。');
	});

	it('a config file error names the file, the profile and the key; exit 2', async () => {
		writeFileSync(sandbox.configPath, JSON.stringify({ profiles: { lab: { interval: '5' } } }));
		const result = await runCli(sandbox, ['lab', 'list'], { env: JA });
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			`umwatch: ${sandbox.configPath}: プロファイル "lab": "interval" は number にしてください (string ("5") は不可)。\n`,
		);
	});

	it('a config file warning: an unknown key, ignored', async () => {
		const lab = { url: 'http://127.0.0.1:9', user: 'ops', colour: 'red' };
		writeFileSync(sandbox.configPath, JSON.stringify({ profiles: { lab } }));
		// The demo's list: the profile is read (and warned about) without a server to reach.
		const result = await runCli(sandbox, ['lab', '--demo', 'list'], { env: JA });
		expect(result.code).toBe(0);
		expect(result.stderr).toContain(
			`umwatch: 警告: ${sandbox.configPath}: プロファイル "lab": 不明なキー "colour" (無視します)\n`,
		);
	});

	it('--lang ja under LANG=C: Japanese in UTF-8, umwatch’s typographic characters in ASCII', async () => {
		const result = await runCli(sandbox, ['--lang', 'ja', '--demo', 'wait'], {
			env: { LANG: 'C' },
		});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'umwatch: wait にはジョブ キーが必要です (- で標準入力から 202 の本文かキー)\n',
		);
		expect(result.stderr).toContain('wait KEY|- [KEY...] [--any]');
		expect(result.stderr).not.toContain('…');
		// UMWATCH_LANG=ja says the same; the locale alone (no UTF-8) keeps English.
		const fromEnv = await runCli(sandbox, ['--demo', 'wait'], {
			env: { LANG: 'C', UMWATCH_LANG: 'ja' },
		});
		expect(fromEnv.stderr).toBe(result.stderr);
		const eucJp = await runCli(sandbox, ['--demo', 'wait'], { env: { LANG: 'ja_JP.eucJP' } });
		expect(eucJp.stderr).toMatch(/^umwatch: wait needs a job key/);
		expect(Buffer.from(eucJp.stderr).every((byte) => byte < 0x80)).toBe(true);
	});

	it('the password prompt names the user, the server and its profile', async () => {
		const profiles = {
			tokyo: { url: 'https://127.0.0.1:9', user: 'admin', insecure: true },
			osaka: { url: 'https://127.0.0.2:9', user: 'admin', insecure: true },
		};
		const configPath = join(sandbox.dir, 'two.json');
		writeFileSync(configPath, JSON.stringify({ profiles }));
		term = startApp({
			args: ['tokyo', 'osaka', 'list'],
			env: { ...JA, UMWATCH_CONFIG: configPath },
		});
		await term.waitForText('admin@127.0.0.1:9 (tokyo) のパスワード:');
	});

	it('trust asks in Japanese and takes はい for yes', async () => {
		const configPath = join(sandbox.dir, 'trusted.json');
		term = startApp({
			args: ['trust', '--url', tlsUrl, '--profile', 'lab'],
			env: { ...JA, UMWATCH_CONFIG: configPath },
		});
		await term.waitForText('この証明書をプロファイル "lab" に固定しますか? [y/N]');
		const screen = term.screenText().join('\n');
		expect(screen).toContain('(自己署名)');
		expect(screen).toMatch(/^SHA-256 {6}[0-9A-F:]+$/m);
		term.write('はい\r');
		expect((await term.exit).exitCode).toBe(0);
		const fingerprint = new X509Certificate(tlsFixture('self-signed.pem')).fingerprint256;
		expect(JSON.parse(readFileSync(configPath, 'utf8')).profiles.lab.fingerprint).toBe(fingerprint);
		expect(term.screenText().join('')).toContain('"lab" を作成しました。');
	});
});
