// Issue 10 as a person sees it: the bundled binary in a real pseudo-terminal,
// watching three in-process simulators (`--demo-servers 3`): one merged table
// with a SERVER column, each server's health in the header, `v` showing one
// server, a job's detail naming its server and URL, and q's summary per server.
import { afterEach, expect, it } from 'vitest';
import { displayWidth } from '../../source/present/text-width.js';
import { startApp } from '../helpers/pty-app.js';
import { lastNonEmptyIndex, lineIndexOf, stackTraceLines } from '../helpers/pty-screen.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

let term: PtyTerminal | undefined;

afterEach(() => {
	term?.dispose();
	term = undefined;
});

const SERVERS = ['tokyo', 'osaka', 'nagoya'];

/** The server names in the SERVER column of the rows on screen. */
function rowServers(lines: readonly string[]): string[] {
	const heading = lineIndexOf(lines, /SERVER\s+STATE\s+NAME/);
	const footer = lastNonEmptyIndex(lines);
	return lines
		.slice(heading + 1, footer)
		.map((line) => /^.(\S+)\s/.exec(line)?.[1] ?? '')
		.filter((name) => SERVERS.includes(name));
}

function expectFits(t: PtyTerminal): void {
	const lines = t.screenText();
	expect(lines[t.size.rows - 1], t.screenDump()).toBe('');
	for (const line of lines) {
		expect(displayWidth(line), t.screenDump()).toBeLessThanOrEqual(t.size.cols - 1);
	}
}

it('--demo-servers 3: one merged table, every server in the header, v shows one, q counts per server', async () => {
	term = startApp({ args: ['--demo-servers', '3'], cols: 100, rows: 30 });
	const t = term;
	await t.waitForText(/tokyo ● live {2}osaka ● live {2}nagoya ● live/);
	await t.waitFor(() => new Set(rowServers(t.screenText())).size === 3, {
		what: 'rows of all three servers',
	});
	expectFits(t);
	expect(t.screenText()[0]).toMatch(/^ umwatch {2}tokyo ● live/);

	// v: tokyo alone, said in the footer; then osaka, nagoya, and all again.
	t.write('v');
	await t.waitForText(/server: tokyo/);
	await t.waitFor(() => rowServers(t.screenText()).every((name) => name === 'tokyo'));
	expect(rowServers(t.screenText()).length).toBeGreaterThan(3);
	t.write('v');
	await t.waitFor(() => rowServers(t.screenText()).every((name) => name === 'osaka'));
	t.write('vv');
	await t.waitFor(() => new Set(rowServers(t.screenText())).size === 3);
	expect(t.screenText().join('\n')).not.toMatch(/server: (tokyo|osaka|nagoya)/);

	// A job's detail names its server and its URL.
	t.write('\r');
	await t.waitForText(/^ URL +http:\/\/127\.0\.0\.1:\d+/);
	expect(t.screenText().some((line) => /^ Server +(tokyo|osaka|nagoya)$/.test(line))).toBe(true);
	t.write('\u001B');
	await t.waitFor(() => lineIndexOf(t.screenText(), /SERVER\s+STATE\s+NAME/) > 0);

	// Narrow and short, it still fits: each server compactly.
	t.resize(60, 15);
	await t.waitForText(/^ umwatch {2}tokyo ● {2}osaka ● {2}nagoya ● +\? help$/);
	expect(lineIndexOf(t.screenText(), /^ SERVER STATE +NAME +SUBMITTED/)).toBe(2);
	expectFits(t);

	// Wide again, so the summary line is not wrapped.
	t.resize(200, 15);
	await t.waitForText(/^ umwatch {2}tokyo ● live/);
	t.write('q');
	await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
	const lines = t.screenText().filter((line) => line !== '');
	expect(lines[0]).toMatch(
		/^umwatch: watched tokyo, osaka, nagoya for \d+s: tokyo \d+ jobs( \(\d+ failed\))?, osaka \d+ jobs( \(\d+ failed\))?, nagoya \d+ jobs( \(\d+ failed\))?$/,
	);
	expect(stackTraceLines(t.screenText())).toEqual([]);
});
