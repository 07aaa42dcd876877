import { describe, expect, test } from 'vitest';
import {
	createInputDecoder,
	ESCAPE_TIMEOUT_MS,
	type KeyPress,
} from '../../source/ui/terminal/input-decoder.js';
import { FakeClock } from '../helpers/fake-clock.js';

function decoder() {
	const keys: KeyPress[] = [];
	const clock = new FakeClock(0);
	const d = createInputDecoder((key) => keys.push(key), clock);
	const names = () => keys.map((k) => (k.kind === 'key' ? k.name : `text:${k.text}`));
	return { d, clock, keys, names };
}

/**
 * What Windows Terminal and PuTTY (and the terminals PuTTY imitates) send over
 * SSH for the moving keys, in the normal and the application cursor mode
 * (DECCKM, left on by a program before umwatch or set by the terminal).
 */
const MOVING_KEYS: readonly { sequence: string; key: string; sender: string }[] = [
	// Normal cursor mode: CSI.
	{ sequence: '\x1b[A', key: 'up', sender: 'Windows Terminal, PuTTY: normal mode' },
	{ sequence: '\x1b[B', key: 'down', sender: 'Windows Terminal, PuTTY: normal mode' },
	{ sequence: '\x1b[C', key: 'right', sender: 'Windows Terminal, PuTTY: normal mode' },
	{ sequence: '\x1b[D', key: 'left', sender: 'Windows Terminal, PuTTY: normal mode' },
	{ sequence: '\x1b[H', key: 'home', sender: 'Windows Terminal: normal mode; PuTTY: rxvt Home' },
	{ sequence: '\x1b[F', key: 'end', sender: 'Windows Terminal: normal mode' },
	// Application cursor mode: SS3.
	{ sequence: '\x1bOA', key: 'up', sender: 'Windows Terminal, PuTTY: application mode' },
	{ sequence: '\x1bOB', key: 'down', sender: 'Windows Terminal, PuTTY: application mode' },
	{ sequence: '\x1bOC', key: 'right', sender: 'Windows Terminal, PuTTY: application mode' },
	{ sequence: '\x1bOD', key: 'left', sender: 'Windows Terminal, PuTTY: application mode' },
	{ sequence: '\x1bOH', key: 'home', sender: 'Windows Terminal: application mode' },
	{ sequence: '\x1bOF', key: 'end', sender: 'Windows Terminal: application mode' },
	// PuTTY's Home/End settings ("Standard", the default; "rxvt").
	{ sequence: '\x1b[1~', key: 'home', sender: 'PuTTY: Standard Home' },
	{ sequence: '\x1b[4~', key: 'end', sender: 'PuTTY: Standard End' },
	{ sequence: '\x1bOw', key: 'end', sender: 'PuTTY: rxvt End' },
	{ sequence: '\x1b[7~', key: 'home', sender: 'rxvt, PuTTY (patched rxvt mode): Home' },
	{ sequence: '\x1b[8~', key: 'end', sender: 'rxvt, PuTTY (patched rxvt mode): End' },
	// PgUp/PgDn are the same in both cursor modes.
	{ sequence: '\x1b[5~', key: 'pageup', sender: 'Windows Terminal, PuTTY' },
	{ sequence: '\x1b[6~', key: 'pagedown', sender: 'Windows Terminal, PuTTY' },
	// With a modifier held.
	{ sequence: '\x1b[1;5A', key: 'up', sender: 'Windows Terminal: Ctrl+Up' },
	{ sequence: '\x1b[1;5H', key: 'home', sender: 'Windows Terminal: Ctrl+Home' },
	{ sequence: '\x1b[5;5~', key: 'pageup', sender: 'Windows Terminal: Ctrl+PgUp' },
	{ sequence: '\x1bO5B', key: 'down', sender: 'old xterm: Ctrl+Down in application mode' },
];

const visible = (sequence: string) => sequence.replace('\x1b', 'ESC ');

describe('moving keys from Windows Terminal and PuTTY', () => {
	test.each(MOVING_KEYS)('$sender: $sequence is $key', ({ sequence, key }) => {
		const { d, clock, names } = decoder();
		d.push(`${sequence}j`);
		clock.tick(1000);
		expect(names(), visible(sequence)).toEqual([key, 'text:j']);
	});

	test.each(MOVING_KEYS)(
		'$sequence split across two reads, at every byte, is $key',
		({ sequence, key }) => {
			for (let cut = 1; cut < sequence.length; cut++) {
				const { d, clock, names } = decoder();
				d.push(sequence.slice(0, cut));
				// The second read comes late (SSH), but within the escape timeout.
				clock.tick(ESCAPE_TIMEOUT_MS - 1);
				d.push(`${sequence.slice(cut)}j`);
				clock.tick(1000);
				expect(names(), `${visible(sequence)} cut after ${cut}`).toEqual([key, 'text:j']);
			}
		},
	);

	test('all of them in one read, back to back', () => {
		const { d, clock, names } = decoder();
		d.push(MOVING_KEYS.map((k) => k.sequence).join(''));
		clock.tick(1000);
		expect(names()).toEqual(MOVING_KEYS.map((k) => k.key));
	});
});

describe('input decoder', () => {
	test('real byte sequences for every named key', () => {
		const { d, names } = decoder();
		d.push(
			'\x1b[A\x1b[B\x1b[C\x1b[D\x1b[5~\x1b[6~\x1b[H\x1b[F\x1b[1~\x1b[4~\x1bOA\x1bOH\r\x7f\x03',
		);
		expect(names()).toEqual([
			'up',
			'down',
			'right',
			'left',
			'pageup',
			'pagedown',
			'home',
			'end',
			'home',
			'end',
			'up',
			'home',
			'return',
			'backspace',
			'ctrl+c',
		]);
	});

	test('printable text, Japanese included, one key per character', () => {
		const { d, names } = decoder();
		d.push('jk/ボリ');
		expect(names()).toEqual(['text:j', 'text:k', 'text:/', 'text:ボ', 'text:リ']);
	});

	test('an arrow split after ESC waits and never acts as Escape', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b');
		clock.tick(ESCAPE_TIMEOUT_MS - 1);
		expect(names()).toEqual([]);
		d.push('[A');
		clock.tick(ESCAPE_TIMEOUT_MS * 5);
		expect(names()).toEqual(['up']);
	});

	test('an arrow split inside the CSI body', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b[');
		clock.tick(10);
		d.push('B');
		d.push('\x1b[6');
		d.push('~');
		clock.tick(1000);
		expect(names()).toEqual(['down', 'pagedown']);
	});

	test('a lone ESC becomes Escape only after the timeout', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b');
		expect(names()).toEqual([]);
		clock.tick(ESCAPE_TIMEOUT_MS);
		expect(names()).toEqual(['escape']);
		expect(clock.pendingTimers).toBe(0);
	});

	test('ESC ESC is two Escapes', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b\x1b');
		clock.tick(ESCAPE_TIMEOUT_MS);
		expect(names()).toEqual(['escape', 'escape']);
	});

	test('focus reports are neither Escape nor text', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b[I');
		d.push('\x1b[O');
		d.push('\x1b');
		d.push('[I');
		clock.tick(1000);
		expect(names()).toEqual([]);
	});

	test('mouse reports (SGR and X10), function keys and terminal replies are swallowed', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b[<0;12;5M\x1b[<0;12;5m');
		d.push('\x1b[M !!');
		d.push('\x1b[15~\x1bOP\x1b[200~');
		d.push('\x1b]11;rgb:0000/0000/0000\x07');
		d.push('\x1b]52;c;?\x1b\\');
		d.push('\x1b[?1;2c');
		d.push('q');
		clock.tick(1000);
		expect(names()).toEqual(['text:q']);
	});

	test('a split X10 mouse report does not leak its bytes as text', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b[M');
		d.push(' !');
		d.push('!j');
		clock.tick(1000);
		expect(names()).toEqual(['text:j']);
	});

	test('a cut-off sequence is dropped, not turned into Escape or text', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b[1;');
		clock.tick(ESCAPE_TIMEOUT_MS);
		d.push('k');
		expect(names()).toEqual(['text:k']);
	});

	test('Alt+key and other C0 controls are ignored', () => {
		const { d, names } = decoder();
		d.push('\x1bq\x01\x1a\x04j');
		expect(names()).toEqual(['text:j']);
	});

	test('modified arrows still move', () => {
		const { d, names } = decoder();
		d.push('\x1b[1;5A\x1b[1;2B');
		expect(names()).toEqual(['up', 'down']);
	});

	test('dispose cancels a pending Escape', () => {
		const { d, clock, names } = decoder();
		d.push('\x1b');
		d.dispose();
		clock.tick(1000);
		expect(names()).toEqual([]);
		expect(clock.pendingTimers).toBe(0);
	});
});
