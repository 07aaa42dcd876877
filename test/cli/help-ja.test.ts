// --help in Japanese through the built binary: descriptions translated, flag
// names as typed, every line within 80 columns by display width; the English
// help unchanged; the exit codes' English meanings kept equal to api/exit-codes.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODE_ROWS } from '../../source/api/exit-codes.js';
import { en } from '../../source/i18n/en.js';
import { displayWidth } from '../../source/present/text-width.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';

let sandbox: CliSandbox;
beforeAll(() => {
	sandbox = createSandbox();
});
afterAll(() => sandbox.dispose());

const JA = { UMWATCH_LANG: 'ja', LANG: 'ja_JP.UTF-8' };

describe('--help in Japanese', () => {
	it('translates the descriptions, keeps every flag name, fits 80 columns', async () => {
		const [ja, english] = await Promise.all([
			runCli(sandbox, ['--help'], { env: JA }),
			runCli(sandbox, ['--help']),
		]);
		expect(ja.code).toBe(0);
		expect(ja.stdout).toContain('使い方\n');
		expect(ja.stdout).toContain(
			'  --user USER                ユーザー名 (Operator ロールで十分)\n',
		);
		expect(ja.stdout).toContain('    9  認証または権限の失敗 (401/403)\n');
		const wide = ja.stdout.split('\n').filter((line) => displayWidth(line) > 80);
		expect(wide).toEqual([]);
		// Every flag the English help names, the Japanese names too.
		const flags = (text: string) => new Set(text.match(/--[a-z][a-z-]*/g));
		expect([...flags(english.stdout)].filter((flag) => !flags(ja.stdout).has(flag))).toEqual([]);
		expect(english.stdout).toContain(
			'  --user USER                user name (the Operator role is enough)\n',
		);
		expect(english.stdout).not.toMatch(/[\u3040-\u30ff]/);
	});

	it('the English exit-code meanings in the catalogue are those of api/exit-codes.ts', () => {
		for (const row of EXIT_CODE_ROWS) {
			expect(en[`help.exit.${row.code}` as keyof typeof en]).toBe(row.meaning);
		}
	});
});
