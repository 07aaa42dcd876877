// Every way out leaves the terminal as it was: main screen, cursor shown, one
// summary line, no stack trace. And a start that cannot work says why, briefly.
import { afterEach, expect, it } from 'vitest';
import { startApp, startAppInShell } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { nonEmptyLines, stackTraceLines } from '../helpers/pty-screen.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';
import { closeWatchSessions, expectRestored, watchFixtures } from '../helpers/pty-watch.js';

// For the tests that start their own server or terminal.
let server: FixtureServer | undefined;
let term: PtyTerminal | undefined;

afterEach(async () => {
	await closeWatchSessions();
	term?.dispose();
	term = undefined;
	await server?.sim.close();
	server = undefined;
});

/** umwatch on the fixture server, on the alternate screen. */
async function watching(): Promise<PtyTerminal> {
	const { term: t } = await watchFixtures();
	expect(t.isAlternateScreen()).toBe(true);
	return t;
}

it('q quits with exit code 0 and restores the terminal', async () => {
	const t = await watching();
	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
	expectRestored(t);
});

it('q leaves the terminal settings (raw mode, echo) exactly as they were', async () => {
	server = await startFixtureServer();
	const run = startAppInShell({
		args: [...server.args, '--interval', '1'],
		password: E2E_PASSWORD,
	});
	term = run.term;
	await term.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	term.write('q');
	await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
	const { before, after } = run.termios();
	expect(before).toMatch(/^[0-9a-f:]+$/);
	expect(after).toBe(before);
});

it('Ctrl-C quits from the list like q and restores the terminal', async () => {
	const t = await watching();
	t.write('\u0003');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
	expectRestored(t);
});

it('a wrong password at start gives a short, clear message and a non-zero exit', async () => {
	server = await startFixtureServer();
	term = startApp({ args: server.args, password: 'not-the-password' });
	const exit = await term.exit;
	const lines = term.screenText();
	expect(exit.exitCode, term.screenDump()).not.toBe(0);
	expect(term.isAlternateScreen()).toBe(false);
	expect(term.cursorVisible()).toBe(true);
	expect(lines.join('\n'), term.screenDump()).toMatch(/password|credentials|401|rejected/i);
	expect(lines.join('\n')).not.toContain('not-the-password');
	expect(stackTraceLines(lines), term.screenDump()).toEqual([]);
	expect(nonEmptyLines(lines).length).toBeLessThan(term.size.rows);
});

it('umwatch --demo shows jobs at once', async () => {
	term = startApp({ args: ['--demo'] });
	// A glyph and a state word in a table row: the demo has history from the start.
	await term.waitForText(/^.?[◐○⊘✓!◆✗?] (RUNNING|QUEUED|WAITING|NORMAL|WARNING|ERROR)/);
	expect(term.isAlternateScreen()).toBe(true);
	expect(term.screenText()[term.size.rows - 1]).toBe('');
	term.write('q');
	await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
});
