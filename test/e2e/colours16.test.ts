// Issue 12: colours keep to the 16 basic ANSI colours, which is what SSH to an
// admin host can count on (a 256-colour or truecolor code shows as the wrong
// colour, or as nothing, on many of them). The shipped binary in a terminal
// that claims truecolor (COLORTERM=truecolor, TERM=xterm-256color): every SGR
// code the live view (list, help, detail) and `list` send is a 16-colour one.
import { afterEach, expect, it } from 'vitest';
import { startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureName,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import { sgrSequences } from '../helpers/pty-screen.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

let server: FixtureServer | undefined;
let term: PtyTerminal | undefined;

afterEach(async () => {
	term?.dispose();
	term = undefined;
	await server?.sim.close();
	server = undefined;
});

/** A terminal that says it can do everything: any wider colour would be sent here. */
const RICH_TERMINAL = { COLORTERM: 'truecolor' };

/**
 * SGR parameters within the 16-colour set: reset, bold, dim, inverse (and their
 * ends), the 8 + 8 foreground colours and the default foreground, and the same
 * 16 as backgrounds.
 */
function isBasic(parameter: number): boolean {
	return (
		[0, 1, 2, 7, 22, 27, 39, 49].includes(parameter) ||
		(parameter >= 30 && parameter <= 37) ||
		(parameter >= 90 && parameter <= 97) ||
		(parameter >= 40 && parameter <= 47) ||
		(parameter >= 100 && parameter <= 107)
	);
}

/** The SGR sequences in `raw` with a parameter outside the 16-colour set (38;5;n, 38;2;r;g;b, …). */
function beyondSixteen(raw: string): string[] {
	return sgrSequences(raw).filter((params) =>
		params.split(/[;:]/).some((part) => part !== '' && !isBasic(Number(part))),
	);
}

/** The distinct SGR colour parameters in `raw`, to show the check saw colour at all. */
function colours(raw: string): Set<number> {
	const found = new Set<number>();
	for (const params of sgrSequences(raw)) {
		for (const part of params.split(/[;:]/)) {
			const n = Number(part);
			if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) found.add(n);
		}
	}
	return found;
}

it('the check itself: 256-colour and truecolor codes are caught, basic ones are not', () => {
	expect(beyondSixteen('\u001b[1;31mx\u001b[0m\u001b[2;90my\u001b[39m\u001b[7m')).toEqual([]);
	expect(beyondSixteen('\u001b[38;5;196mx\u001b[38;2;255;0;0my\u001b[48;5;17mz')).toEqual([
		'38;5;196',
		'38;2;255;0;0',
		'48;5;17',
	]);
});

it('the live view (list, help, detail) sends only 16-colour SGR codes', async () => {
	server = await startFixtureServer();
	term = startApp({
		args: [...server.args, '--interval', '1'],
		password: E2E_PASSWORD,
		env: RICH_TERMINAL,
	});
	const t = term;
	await t.waitForText(fixtureName(FIXTURE_JOB_COUNT));
	// Down to the failed and the warned job: their colours are drawn selected too.
	t.write('jj');
	await t.waitFor(() => t.screenText().some((line) => /^›.*E2E job 58/.test(line)), {
		what: 'the selection on job 58',
	});
	t.write('?');
	await t.waitForText(/Job list/);
	t.write('q');
	await t.waitForText(/STATE\s+NAME/);
	t.write('\r');
	await t.waitFor(() => !t.screenText().some((line) => /STATE\s+NAME/.test(line)), {
		what: 'the detail view',
	});
	t.write('\u001b');
	await t.waitForText(/STATE\s+NAME/);
	t.write('q');
	await t.exit;
	const raw = t.rawText();
	// Running (cyan), failed (red), warned (yellow), normal (green) were all drawn.
	expect([...colours(raw)]).toEqual(expect.arrayContaining([31, 32, 33, 36]));
	expect(beyondSixteen(raw)).toEqual([]);
});

it('list on a terminal sends only 16-colour SGR codes', async () => {
	server = await startFixtureServer();
	term = startApp({
		args: ['list', ...server.args, '--limit', '10'],
		password: E2E_PASSWORD,
		env: RICH_TERMINAL,
		cols: 120,
	});
	await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
	const raw = term.rawText();
	expect([...colours(raw)]).toEqual(expect.arrayContaining([31, 32, 33, 36]));
	expect(beyondSixteen(raw)).toEqual([]);
});
