// readme.ja.md is what Japanese admins read instead of readme.md: it must give the
// same quick start, and no flag, key or exit code of readme.md may be missing from it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/pty-app.js';

const englishPath = join(repoRoot, 'readme.md');
const japanesePath = join(repoRoot, 'readme.ja.md');
const english = readFileSync(englishPath, 'utf8');
const japanese = existsSync(japanesePath) ? readFileSync(japanesePath, 'utf8') : '';

/** The lines of the section under `heading` (a whole heading line), up to the next heading. */
function section(text: string, heading: string): string[] {
	const lines = text.split('\n');
	const start = lines.indexOf(heading);
	if (start < 0) throw new Error(`no heading ${JSON.stringify(heading)}`);
	const rest = lines.slice(start + 1);
	const end = rest.findIndex((line) => /^#{1,6} /.test(line));
	return end < 0 ? rest : rest.slice(0, end);
}

/** The first cell of every body row of the first table in `lines`. */
function firstColumn(lines: readonly string[]): string[] {
	const rows = lines.filter((line) => line.startsWith('|'));
	// Skip the header row and the |---| separator.
	return rows.slice(2).map((row) => {
		const cells = row.replace(/\\\|/g, '\u0000').split('|');
		return (cells[1] ?? '').replace(/\u0000/g, '|').trim();
	});
}

/** The code blocks (their bodies) of `lines`. */
function codeBlocks(lines: readonly string[]): string[] {
	return lines.join('\n').match(/```[a-z]*\n[\s\S]*?```/g) ?? [];
}

/** Every `--flag` named in readme.md's Command line flag table. */
function englishFlags(): string[] {
	const cells = firstColumn(section(english, '## Command line'));
	return [...new Set(cells.flatMap((cell) => cell.match(/--[a-z][a-z-]*/g) ?? []))];
}

/** Every key of readme.md's Keys table: `↑ ↓, j k` is ↑, ↓, j and k. */
function keysOf(cells: readonly string[]): string[] {
	return cells.flatMap((cell) => cell.split(/,\s*|\s+/).filter((key) => key !== ''));
}

/** Whether `text` names `flag` as a whole flag (`--demo` is not found in `--demo-servers`). */
function mentions(text: string, flag: string): boolean {
	return new RegExp(`${flag}(?![a-z-])`).test(text);
}

describe('readme.ja.md', () => {
	test('exists', () => {
		expect(existsSync(japanesePath)).toBe(true);
	});

	test('has the Quick start command lines of readme.md, exactly', () => {
		const commands = codeBlocks(section(english, '## Quick start')).map((block) =>
			block.split('\n').slice(1, -1).join('\n'),
		);
		expect(commands).toHaveLength(2);
		const quickStart = section(japanese, '## クイックスタート').join('\n');
		for (const command of commands) expect(quickStart).toContain(`\n${command}\n`);
	});

	test('says how to install offline, with the same commands as readme.md', () => {
		const install = section(
			japanese,
			'### レジストリに接続できないホスト (オフライン インストール)',
		).join('\n');
		expect(english).toContain('`npm ci && npm pack`');
		expect(english).toContain('`npm install -g ./umwatch-0.1.0.tgz --offline`');
		expect(install).toContain('npm ci && npm pack');
		expect(install).toContain('npm install -g ./umwatch-0.1.0.tgz --offline');
	});

	test('names every flag of the Command line flag table', () => {
		const flags = englishFlags();
		// The table is where every flag is: a parse that finds few is broken, not a pass.
		expect(flags.length).toBeGreaterThan(30);
		expect(flags).toContain('--lang');
		const missing = flags.filter((flag) => !mentions(japanese, flag));
		expect(missing).toEqual([]);
	});

	test('has every key of the Keys table in its own keys table', () => {
		const englishKeys = keysOf(firstColumn(section(english, '### Keys')));
		expect(englishKeys).toContain('Ctrl-C');
		expect(englishKeys).toContain('?');
		expect(englishKeys.length).toBeGreaterThan(30);
		const japaneseKeys = new Set(keysOf(firstColumn(section(japanese, '### キー'))));
		const missing = englishKeys.filter((key) => !japaneseKeys.has(key));
		expect(missing).toEqual([]);
	});

	test('has every exit code of the Exit codes table in its own table', () => {
		const codes = firstColumn(section(english, '### Exit codes'));
		expect(codes).toContain('130');
		const japaneseCodes = firstColumn(section(japanese, '### 終了コード'));
		expect(japaneseCodes).toEqual(codes);
	});
});
