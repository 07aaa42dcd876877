// SIGTERM (kill) and SIGHUP (the SSH link drops) end umwatch quietly: the terminal
// restored, the summary printed, the shell's 128+n exit code, nothing left running.
import { afterEach, describe, expect, it } from 'vitest';
import { nonEmptyLines } from '../helpers/pty-screen.js';
import { closeWatchSessions, expectRestored, watchFixtures } from '../helpers/pty-watch.js';

afterEach(closeWatchSessions);

describe.each([
	{ signal: 'SIGTERM', exitCode: 143 },
	{ signal: 'SIGHUP', exitCode: 129 },
] as const)('$signal', ({ signal, exitCode }) => {
	it(`restores the terminal, prints the summary and exits ${exitCode}`, async () => {
		const { term: t } = await watchFixtures();
		t.kill(signal);
		// Handled: not killed by the signal's default action, which restores nothing
		// and prints no summary.
		await expect(t.exit).resolves.toEqual({ exitCode, signal: undefined });
		expectRestored(t);
		expect(nonEmptyLines(t.screenText())[0]).toContain(signal);
	});
});
