// --ascii reaches the script modes (issue 9): `list` and `show` on a terminal,
// run as the shipped binary in a pseudo-terminal, write not one non-ASCII byte
// of their own. The fixture jobs' names, types and keys are plain ASCII, so any
// other byte would be umwatch's (a glyph, an ellipsis, a separator).
import { afterEach, expect, it } from 'vitest';
import { startApp } from '../helpers/pty-app.js';
import {
	E2E_PASSWORD,
	FIXTURE_JOB_COUNT,
	type FixtureServer,
	fixtureKey,
	startFixtureServer,
} from '../helpers/pty-fixtures.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';

let server: FixtureServer | undefined;
let term: PtyTerminal | undefined;

afterEach(async () => {
	term?.dispose();
	term = undefined;
	await server?.sim.close();
	server = undefined;
});

const NON_ASCII = /[^\x00-\x7f]/gu;

async function run(args: readonly string[], cols: number): Promise<string> {
	term = startApp({ args, password: E2E_PASSWORD, cols });
	await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
	return term.rawText();
}

it('list --ascii and show --ascii write ASCII only; without it they draw Unicode glyphs', async () => {
	server = await startFixtureServer();
	// 90 columns: every column shows and the keys are cut from the front, so the ellipsis shows too.
	const list = await run(['list', ...server.args, '--ascii', '--limit', '5'], 90);
	expect(list).toMatch(/\* RUNNING/);
	expect(list).toMatch(/ ~[0-9a-f:-]+-7f60\r\n/);
	expect(list.match(NON_ASCII)).toBeNull();
	const show = await run(
		['show', ...server.args, '--ascii', fixtureKey(FIXTURE_JOB_COUNT - 1)],
		60,
	);
	expect(show).toMatch(/x ERROR/);
	expect(show.match(NON_ASCII)).toBeNull();
	const unicode = await run(['list', ...server.args, '--limit', '5'], 40);
	expect(unicode).toMatch(/◐ RUNNING/);
});
