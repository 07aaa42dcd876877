// umwatch the way admins reach it: over a real OpenSSH server (127.0.0.1, the
// test's own sshd), with `ssh -tt` in a local pseudo-terminal for the live view
// and plain `ssh host umwatch` for scripts. What only a real SSH hop shows: the
// remote pseudo-terminal, a resize carried as a window-change message, the
// hangup when the client dies, LANG carried by SendEnv.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stripAnsi } from '../helpers/ansi.js';
import { sessionMembers } from '../helpers/fault-hangup.js';
import type { PtyTerminal } from '../helpers/pty-terminal.js';
import { markedProcesses, processEnv, remoteUmwatch, startSshApp } from '../helpers/ssh-app.js';
import { Sshd, sshUnavailable } from '../helpers/sshd.js';
import { until } from '../helpers/until.js';

const unavailable = sshUnavailable();
if (unavailable !== undefined) {
	// Said where a person reads the run, not only as a skipped count.
	console.warn(`test/e2e/ssh.test.ts: real-SSH tests skipped: ${unavailable}`);
}

/** A row of the job table: glyph and state word (the demo has history from the start). */
const JOB_ROW = /^.?[◐○⊘✓!◆✗?] (RUNNING|QUEUED|WAITING|NORMAL|WARNING|ERROR)/;

/** The selected row's gutter mark. */
const POINTER = '›';

/** Takes longer than a local start: key exchange and login come first. */
const SSH_START = { timeoutMs: 20_000 };

describe.skipIf(unavailable !== undefined)(
	unavailable === undefined
		? 'over a real OpenSSH server'
		: `over a real OpenSSH server (skipped: ${unavailable})`,
	() => {
		let sshd: Sshd;
		let term: PtyTerminal | undefined;

		beforeAll(async () => {
			sshd = await Sshd.start();
		});
		afterAll(() => sshd?.stop());
		afterEach(() => {
			term?.dispose();
			term = undefined;
		});

		/** The one live remote umwatch carrying the marker, once it runs. */
		async function remotePid(marker: string): Promise<number> {
			await until(() => markedProcesses(marker).length > 0, `the remote umwatch (${marker})`);
			const pids = markedProcesses(marker);
			expect(pids).toHaveLength(1);
			return pids[0] ?? -1;
		}

		it('ssh -tt: the live screen appears, Down/End/Home move, ? opens help, q closes it, q quits with 0', async () => {
			const app = startSshApp(sshd, { args: ['--demo'] });
			term = app.term;
			const t = app.term;
			await t.waitForText(JOB_ROW, SSH_START);
			expect(t.isAlternateScreen()).toBe(true);
			// The moving keys as PuTTY and Windows Terminal send them, through the hop.
			const rows = () => t.screenText().filter((line) => JOB_ROW.test(line));
			const selected = () => rows().findIndex((line) => line.startsWith(POINTER));
			t.write('\x1bOB'); // Down, application cursor mode
			await t.waitFor(() => selected() > 0, { what: 'the selection below the top row' });
			t.write('\x1bOw'); // End, PuTTY's rxvt mode
			await t.waitFor(() => selected() === rows().length - 1, { what: 'the last row selected' });
			t.write('\x1b[1~'); // Home, PuTTY's default
			await t.waitFor(() => selected() === 0, { what: 'the top row selected' });
			t.write('?');
			await t.waitForText('close help');
			t.write('q');
			await t.waitFor(() => t.screenText().some((line) => JOB_ROW.test(line)), {
				what: 'the list again',
			});
			t.write('q');
			// ssh exits with the remote command's exit code.
			await expect(t.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
			expect(t.isAlternateScreen()).toBe(false);
			expect(markedProcesses(app.marker)).toEqual([]);
		});

		it('a resize of the local terminal reaches the remote screen', async () => {
			const app = startSshApp(sshd, { args: ['--demo'], cols: 80, rows: 24 });
			term = app.term;
			const t = app.term;
			await t.waitForText(JOB_ROW, SSH_START);
			// 80 columns have no room for the KEY column; 120 have.
			expect(t.screenText().join('\n')).not.toContain('KEY');
			t.resize(120, 40);
			await t.waitForText(/STATE\s+NAME.*KEY/);
			t.resize(60, 15);
			await t.waitFor(
				() =>
					!t.screenText().join('\n').includes('KEY') &&
					t.screenText().some((line) => JOB_ROW.test(line)) &&
					t.screenText().every((line) => line.length <= 60),
				{ what: 'a redraw at 60×15' },
			);
			// The remote process sees the new size, not only the local screen.
			const pid = await remotePid(app.marker);
			expect(sessionMembers(pid)).toContain(pid);
		});

		it('the ssh client killed: the remote umwatch ends by SIGHUP within 3 s, nothing left', async () => {
			const app = startSshApp(sshd, { args: ['--demo'] });
			term = app.term;
			await app.term.waitForText(JOB_ROW, SSH_START);
			const pid = await remotePid(app.marker);
			app.term.kill('SIGKILL');
			await app.term.exit;
			const killedAt = Date.now();
			// sshd sees the connection drop and closes the remote pseudo-terminal;
			// the kernel hangs it up: SIGHUP to umwatch, the session's leader (the
			// remote shell execs it). Its session id is its pid: nothing it started
			// may outlive it.
			expect(sessionMembers(pid)).toContain(pid);
			await until(
				() => sessionMembers(pid).length === 0,
				`remote umwatch (pid ${pid}) and its session to end after the hangup`,
				{ timeoutMs: 3_000, stepMs: 20, detail: () => sshd.log },
			);
			expect(Date.now() - killedAt).toBeLessThan(3_000);
			expect(markedProcesses(app.marker)).toEqual([]);
		});

		it('LANG is forwarded (SendEnv) to the remote umwatch', async () => {
			const app = startSshApp(sshd, {
				args: ['--demo'],
				env: { LANG: 'ja_JP.UTF-8' },
				sendEnv: ['LANG'],
			});
			term = app.term;
			await app.term.waitForText(JOB_ROW, SSH_START);
			const pid = await remotePid(app.marker);
			expect(processEnv(pid).LANG).toBe('ja_JP.UTF-8');
			// The screen's language is the Japanese UI's test; here only the hop.
		});

		it('ssh host umwatch --demo without a terminal prints the plain list and exits 0', async () => {
			const { stdout, stderr, code } = await sshd.exec(remoteUmwatch(['--demo']));
			expect(code, stderr).toBe(0);
			const lines = stdout.trimEnd().split('\n');
			expect(lines[0]).toMatch(/^STATE\s+NAME\s+TYPE\s+SUBMITTED\s+DURATION/);
			expect(lines.length).toBeGreaterThan(5);
			// Plain text for a script: no escape sequences, no alternate screen.
			expect(stdout).not.toContain('\x1b');
			expect(stripAnsi(stdout)).toBe(stdout);
		});
	},
);
