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
