// Issue 12, locale and terminal fit, as the shipped binary on an admin host:
// with a locale that is not UTF-8 (LC_ALL=C, POSIX, ja_JP.eucJP, or none) not
// one non-ASCII byte of umwatch's own, in any mode; only the server's text
// (the demo's Japanese job names) may carry them. With TERM=dumb the live view
// prints the list once, with a note on stderr, and exits 0.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	ABORTED_MESSAGE,
	ERROR_MESSAGES,
	SKIPPED_MESSAGE,
	TEMPLATES,
	WARNING_MESSAGES,
} from '../../source/simulator/catalog.js';
import { type CliSandbox, createSandbox, runCli } from '../helpers/cli-run.js';
import { ensureBuilt, repoRoot, startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureKey,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { colourSgr } from '../helpers/pty-screen.js';
import { openPtyTerminal, type PtyTerminal } from '../helpers/pty-terminal.js';
import { until } from '../helpers/until.js';

/** Every non-ASCII character the demo's server can send: its job names, types, tasks, messages. */
const SERVER_CHARACTERS = new Set(
	[
		...TEMPLATES.flatMap((template) => [...template.names, template.type, ...template.tasks]),
		...ERROR_MESSAGES,
		...WARNING_MESSAGES,
		SKIPPED_MESSAGE,
		ABORTED_MESSAGE,
	]
		.join('')
		.replace(/[\x00-\x7f]/gu, ''),
);

/** The non-ASCII characters in `text` that the server did not send: umwatch's own. */
function umwatchsOwn(text: string): string[] {
	return [...new Set(text.replace(/[\x00-\x7f]/gu, ''))].filter(
		(char) => !SERVER_CHARACTERS.has(char),
	);
}

const NON_ASCII = /[^\x00-\x7f]/u;

let sandbox: CliSandbox;
let server: FixtureServer | undefined;
let term: PtyTerminal | undefined;
let dir: string | undefined;

beforeAll(() => {
	sandbox = createSandbox();
});
afterAll(() => sandbox.dispose());
afterEach(async () => {
	term?.dispose();
	term = undefined;
	await server?.sim.close();
	server = undefined;
	if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

it("the demo's server text is all that may be non-ASCII: none of umwatch's glyphs is in it", () => {
	for (const glyph of ['…', '·', '—', '›', '●', '○', '◐', '✓', '✗', '↑', '↓', '⏎', '▲']) {
		expect(SERVER_CHARACTERS.has(glyph)).toBe(false);
	}
	// The check can fail: the glyphs are umwatch's own.
	expect(umwatchsOwn('● live · ボリュームの作成…')).toEqual(['●', '·', '…']);
});

describe('the live view', () => {
	it('LC_ALL=C (over LANG=C.UTF-8): list, help, detail and the summary in ASCII', async () => {
		term = startApp({ args: ['--demo'], env: { LC_ALL: 'C' }, cols: 80, rows: 24 });
		const t = term;
		await t.waitForText(/quit/);
		await t.waitForText(/^>/);
		expect(t.screenText()[0]).toMatch(/@ live/);
		t.write('?');
		await t.waitForText(/Job list/);
		t.write('q');
		await t.waitForText(/quit/);
		t.write('\r');
		await t.waitFor(() => !t.screenText().some((line) => /STATE\s+NAME/.test(line)), {
			what: 'the detail view',
		});
		t.write('\u001b');
		await t.waitForText(/STATE\s+NAME/);
		t.write('q');
		await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
		expect(umwatchsOwn(t.rawText())).toEqual([]);
	});

	it("LANG=C: umwatch's own messages on the screen (a proxy's HTML page) are ASCII too", async () => {
		server = await startFixtureServer();
		term = startApp({
			args: [...server.args, '--interval', '1'],
			password: E2E_PASSWORD,
			env: { LANG: 'C' },
			cols: 120,
		});
		const t = term;
		await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
		server.sim.injectFault(
			{ kind: 'html', status: 200 },
			{ count: Number.POSITIVE_INFINITY, path: /\/jobs/ },
		);
		// In Unicode: "answered HTML, not JSON – a proxy or login page?".
		await t.waitForText(/answered HTML, not JSON - a proxy/);
		t.write('q');
		await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
		expect(t.rawText()).not.toMatch(NON_ASCII);
	});

	it('--unicode draws the Unicode glyphs in the same C locale', async () => {
		term = startApp({ args: ['--demo', '--unicode'], env: { LC_ALL: 'C' } });
		await term.waitForText(/^›/);
		expect(term.screenText()[0]).toMatch(/● live/);
		term.write('q');
		await term.exit;
	});
});

describe('the script modes', () => {
	it.each([
		['LC_ALL=C', { LC_ALL: 'C' }],
		['LANG=ja_JP.eucJP', { LANG: 'ja_JP.eucJP' }],
	])('list --demo on a terminal, %s: ASCII but for the job names', async (_, env) => {
		// 60 columns: names are cut, so the ellipsis shows.
		term = startApp({ args: ['list', '--demo', '--limit', '15'], env, cols: 60 });
		await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
		const raw = term.rawText();
		expect(term.screenText().join('\n')).toMatch(/STATE\s+NAME/);
		expect(raw).toMatch(/~/);
		expect(umwatchsOwn(raw)).toEqual([]);
	});

	it('list --demo in a pipe, no locale at all: ASCII but for the job names', async () => {
		const result = await runCli(sandbox, ['list', '--demo'], { env: { LANG: '' } });
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^STATE\s+NAME/);
		expect(umwatchsOwn(result.stdout + result.stderr)).toEqual([]);
	});

	it('machine output does not change with the locale: the piped list and --json are byte-identical under LC_ALL=C', async () => {
		server = await startFixtureServer();
		const serverArgs = server.args;
		const run = (args: readonly string[], env: Record<string, string>) =>
			runCli(sandbox, [...args, ...serverArgs], {
				env: { UMWATCH_PASSWORD: E2E_PASSWORD, ...env },
			});
		// Ended jobs only: a running job's duration follows the wall clock between the runs.
		const ended = ['--state', 'normal|warning|error'];
		const failed = fixtureKey(FIXTURE_JOB_COUNT - 1);
		for (const args of [
			['list', ...ended],
			['list', '--json', ...ended],
			['show', failed],
		]) {
			const ascii = await run(args, { LC_ALL: 'C' });
			const unicode = await run(args, { LANG: 'ja_JP.UTF-8', UMWATCH_LANG: 'en' });
			expect(ascii.code).toBe(0);
			expect(ascii.stdout).not.toBe('');
			expect(ascii.stdout).toBe(unicode.stdout);
		}
	});

	it('show on a terminal, LC_ALL=POSIX: not one non-ASCII byte (the fixture names are ASCII)', async () => {
		server = await startFixtureServer();
		term = startApp({
			args: ['show', ...server.args, fixtureKey(FIXTURE_JOB_COUNT)],
			password: E2E_PASSWORD,
			env: { LC_ALL: 'POSIX' },
		});
		await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
		expect(term.rawText()).toMatch(/\* RUNNING/);
		expect(term.rawText()).not.toMatch(NON_ASCII);
	});

	it("wait's progress line (stderr, a terminal) and its final line, LC_ALL=C: ASCII", async () => {
		server = await startFixtureServer();
		const running = fixtureKey(FIXTURE_JOB_COUNT);
		dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-plain-'));
		const out = join(dir, 'stdout');
		// stdout to a file, stderr (the progress line) to the terminal.
		term = openPtyTerminal({
			command: '/bin/sh',
			args: [
				'-c',
				'"$0" "$@" >"$OUT"',
				process.execPath,
				ensureBuilt(),
				'wait',
				running,
				...server.args,
			],
			cols: 100,
			rows: 24,
			cwd: repoRoot,
			env: { UMWATCH_PASSWORD: E2E_PASSWORD, XDG_CONFIG_HOME: dir, OUT: out, LC_ALL: 'C' },
		});
		await term.waitForText(/RUNNING/);
		const sim = server.sim;
		await until(() => sim.stats.longPollsHeld > 0, 'a held long poll', { timeoutMs: 15_000 });
		sim.finishJob(running, 'normal');
		await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
		const progress = term.rawText();
		expect(progress).toMatch(/\* RUNNING/);
		expect(progress).not.toMatch(NON_ASCII);
		const final = readFileSync(out, 'utf8');
		expect(final).toMatch(/^NORMAL/);
		expect(final).not.toMatch(NON_ASCII);
	});

	it('--help and a usage error, LC_ALL=C: ASCII; with LANG=C.UTF-8 the same text has its Unicode', async () => {
		const help = await runCli(sandbox, ['--help'], { env: { LC_ALL: 'C' } });
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('wait KEY|- [KEY...]');
		expect(help.stdout).not.toMatch(NON_ASCII);
		const usage = await runCli(sandbox, ['wait'], { env: { LC_ALL: 'C' } });
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('usage: umwatch [PROFILE...] wait KEY|- [KEY...]');
		expect(usage.stderr).not.toMatch(NON_ASCII);
		// The control: a UTF-8 locale keeps the ellipsis, so the checks above can fail.
		expect((await runCli(sandbox, ['--help'])).stdout).toContain('[KEY…]');
		expect((await runCli(sandbox, ['wait'])).stderr).toContain('[KEY…]');
	});

	it('--ascii with --unicode: a usage error saying so, exit 2', async () => {
		const result = await runCli(sandbox, ['list', '--demo', '--ascii', '--unicode']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^umwatch: --ascii and --unicode cannot be combined/);
		expect(result.stdout).toBe('');
	});
});

describe('TERM=dumb', () => {
	it('the live view prints the list once, no escape sequences, a note on stderr, exit 0', async () => {
		dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-dumb-'));
		const err = join(dir, 'stderr');
		const code = join(dir, 'code');
		// stderr to a file, so the terminal shows only what stdout got. TERM is set in
		// the shell: node-pty sets the child's TERM to the terminal's name.
		term = openPtyTerminal({
			command: '/bin/sh',
			args: [
				'-c',
				'TERM=dumb "$0" "$@" 2>"$ERR"; echo $? >"$CODE"',
				process.execPath,
				ensureBuilt(),
				'--demo',
			],
			cols: 80,
			rows: 24,
			cwd: repoRoot,
			env: { XDG_CONFIG_HOME: dir, ERR: err, CODE: code },
		});
		// A live view would never end by itself.
		await until(() => existsSync(code), 'umwatch to end after printing the list', {
			timeoutMs: 10_000,
		});
		await term.exit;
		expect(Number(readFileSync(code, 'utf8').trim())).toBe(0);
		const raw = term.rawText();
		expect(raw).toMatch(/^STATE\s+NAME/);
		expect(raw.split('\n').length).toBeGreaterThan(3);
		// No alternate screen, no cursor moves, no colour: nothing but text.
		expect(raw).not.toMatch(/\u001b/);
		expect(colourSgr(raw)).toEqual([]);
		expect(term.isAlternateScreen()).toBe(false);
		expect(readFileSync(err, 'utf8')).toBe(
			'umwatch: TERM=dumb: no live view on a terminal without cursor addressing; here are the jobs once (umwatch list). To follow them: umwatch events\n',
		);
	});
});
