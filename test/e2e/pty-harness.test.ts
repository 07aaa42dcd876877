// The pseudo-terminal harness itself, against tiny Node programs: if these fail,
// every end-to-end result is suspect.
import { afterEach, describe, expect, it } from 'vitest';
import { colourSgr, screenClears, stackTraceLines } from '../helpers/pty-screen.js';
import { openPtyTerminal, type PtyTerminal } from '../helpers/pty-terminal.js';

// A miniature full-screen program: alternate screen, hidden cursor, a red word,
// its size on every SIGWINCH, typed keys echoed, `q` restores and exits 0.
const FULL_SCREEN_PROGRAM = `
const out = process.stdout;
const draw = () => out.write('\\x1b[H\\x1b[2Ktop ' + out.columns + 'x' + out.rows + ' \\x1b[31mRED\\x1b[0m plain');
out.write('\\x1b[?1049h\\x1b[?25l');
draw();
process.on('SIGWINCH', draw);
process.stdin.setRawMode(true);
process.stdin.on('data', (d) => {
	const s = d.toString();
	if (s === 'q') {
		out.write('\\x1b[?25h\\x1b[?1049lbye summary\\r\\n');
		process.exit(0);
	}
	out.write('\\x1b[2;1Hgot ' + JSON.stringify(s));
});
`;

describe('pty harness', () => {
	let term: PtyTerminal | undefined;
	afterEach(() => {
		term?.dispose();
		term = undefined;
	});

	it('shows the screen, colours, keys, resizes and a restored exit', async () => {
		term = openPtyTerminal({
			command: process.execPath,
			args: ['-e', FULL_SCREEN_PROGRAM],
			cols: 80,
			rows: 24,
		});
		await term.waitForText('top 80x24 RED plain');
		expect(term.isAlternateScreen()).toBe(true);
		expect(term.cursorVisible()).toBe(false);
		const red = term.cellAt(term.columnOf('RED', 0), 0);
		expect(red).toMatchObject({ chars: 'R', fgMode: 'palette', fg: 1 });
		expect(term.cellAt(term.columnOf('plain', 0), 0).fgMode).toBe('default');

		term.write('\u001B[B');
		await term.waitForText('got "\\u001b[B"');

		term.resize(60, 15);
		await term.waitForText('top 60x15');
		expect(term.screenText()).toHaveLength(15);

		term.write('q');
		await expect(term.exit).resolves.toEqual({ exitCode: 0, signal: undefined });
		expect(term.isAlternateScreen()).toBe(false);
		expect(term.cursorVisible()).toBe(true);
		expect(term.screenText()[0]).toBe('bye summary');
		expect(term.rawText()).toContain('\u001B[?1049h');
		expect(term.bytesWritten).toBe(term.rawBytes().length);
	});

	it('passes TERM, TZ and NO_COLOR to the child, and no CI or FORCE_COLOR of ours', async () => {
		term = openPtyTerminal({
			command: process.execPath,
			args: [
				'-e',
				'const e=process.env;console.log(["CI" in e,e.TERM,e.TZ,e.NO_COLOR,"FORCE_COLOR" in e,process.stdout.isTTY].join("|"))',
			],
			cols: 80,
			rows: 24,
			noColor: true,
			tz: 'Asia/Tokyo',
		});
		await expect(term.exit).resolves.toMatchObject({ exitCode: 0 });
		expect(term.screenText()[0]).toBe('false|xterm-256color|Asia/Tokyo|1|false|true');
	});

	it('rejects a wait with the screen when the program ends first, and on its deadline', async () => {
		term = openPtyTerminal({
			command: process.execPath,
			args: ['-e', 'console.log("only this"); setTimeout(() => process.exit(3), 50)'],
			cols: 40,
			rows: 5,
		});
		await expect(term.waitForText('never shown')).rejects.toThrow(/exited.*\n0\|only this/s);
		await expect(term.exit).resolves.toEqual({ exitCode: 3, signal: undefined });
		await expect(term.waitForText('never', { timeoutMs: 50 })).rejects.toThrow(/exited/);
	});

	it('times out with the screen in the message', async () => {
		term = openPtyTerminal({
			command: process.execPath,
			args: ['-e', 'console.log("waiting"); setInterval(() => {}, 1000)'],
			cols: 40,
			rows: 5,
		});
		await term.waitForText('waiting');
		await expect(term.waitForText('absent', { timeoutMs: 100 })).rejects.toThrow(
			/timed out after 100 ms.*0\|waiting/s,
		);
	});

	it('dispose kills a program that ignores SIGTERM', async () => {
		term = openPtyTerminal({
			command: process.execPath,
			args: [
				'-e',
				'process.on("SIGTERM", () => {}); console.log("stubborn"); setInterval(() => {}, 1000)',
			],
			cols: 40,
			rows: 5,
		});
		await term.waitForText('stubborn');
		const { pid } = term;
		term.dispose();
		const exit = await term.exit;
		expect(exit.signal).toBe(9);
		expect(() => process.kill(pid, 0)).toThrow();
	});
});

describe('screen readers', () => {
	it('colourSgr finds colour in any SGR form and ignores resets and attributes', () => {
		const raw =
			'\u001B[1m\u001B[7mx\u001B[27m\u001B[0m\u001B[39m\u001B[2;31my\u001B[38;5;196mz\u001B[90m\u001B[48:2::1:2:3m';
		expect(colourSgr(raw)).toEqual(['2;31', '38;5;196', '90', '48:2::1:2:3']);
		expect(colourSgr('\u001B[1m\u001B[0m\u001B[39;49m\u001B[m')).toEqual([]);
	});

	it('screenClears finds erase-screen and erase-scrollback only', () => {
		expect(screenClears('a\u001B[2Jb\u001B[K\u001B[3J\u001B[1J')).toEqual([
			'\u001B[2J',
			'\u001B[3J',
		]);
	});

	it('stackTraceLines recognises a Node stack trace', () => {
		const lines = [
			'TypeError: x is not a function',
			'    at run (file:///work/main/dist/umwatch.js:120:7)',
			'    at node:internal/process/task_queues:95:5',
			'umwatch: the server rejected the password (401).',
		];
		expect(stackTraceLines(lines)).toEqual([lines[1], lines[2]]);
	});
});
