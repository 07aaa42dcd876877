import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SetupError } from '../../source/config/errors.js';
import { PromptCancelled, promptConfirm, promptHidden } from '../../source/config/prompt.js';

/** A stand-in for a terminal: a stream that records its raw-mode switches. */
class FakeTty extends PassThrough {
	isRaw = false;
	readonly modes: boolean[] = [];
	setRawMode(mode: boolean): this {
		this.isRaw = mode;
		this.modes.push(mode);
		return this;
	}
}

function fakeOutput() {
	const written: string[] = [];
	return { written, write: (text: string) => written.push(text) };
}

describe('promptHidden', () => {
	it('reads until Enter with echo off, then restores the mode', async () => {
		const input = new FakeTty();
		const output = fakeOutput();
		const answer = promptHidden(input, output, 'Password for u@h: ');
		input.write('s3');
		input.write('cr€t\r');
		expect(await answer).toBe('s3cr€t');
		expect(output.written).toEqual(['Password for u@h: ', '\n']);
		expect(input.modes).toEqual([true, false]);
		expect(input.isRaw).toBe(false);
	});

	it('handles Backspace (DEL and ^H), Ctrl-U and ignores arrow keys', async () => {
		const input = new FakeTty();
		const answer = promptHidden(input, fakeOutput(), '> ');
		input.write('abx\u007Fc\bd');
		input.write('\u001B[A\u001B[D');
		input.write('e\u0015fg\n');
		expect(await answer).toBe('fg');
	});

	it('Ctrl-C rejects with PromptCancelled and restores the mode', async () => {
		const input = new FakeTty();
		const answer = promptHidden(input, fakeOutput(), '> ');
		input.write('abc\u0003');
		await expect(answer).rejects.toBeInstanceOf(PromptCancelled);
		expect(input.isRaw).toBe(false);
	});

	it('keeps a terminal that was already raw in raw mode', async () => {
		const input = new FakeTty();
		input.isRaw = true;
		const answer = promptHidden(input, fakeOutput(), '> ');
		input.write('x\r');
		await answer;
		expect(input.modes).toEqual([true, true]);
	});

	it('Ctrl-D on an empty line and a closed terminal are errors', async () => {
		const input = new FakeTty();
		const answer = promptHidden(input, fakeOutput(), '> ');
		input.write('\u0004');
		await expect(answer).rejects.toEqual(new SetupError('no password entered'));
		const closing = new FakeTty();
		const closed = promptHidden(closing, fakeOutput(), '> ');
		closing.end();
		await expect(closed).rejects.toEqual(
			new SetupError('the terminal closed before a password was entered'),
		);
	});
});

describe('promptConfirm', () => {
	it('only y or yes means yes', async () => {
		for (const [typed, expected] of [
			['y\n', true],
			['YES\n', true],
			['\n', false],
			['n\n', false],
			['yess\n', false],
		] as const) {
			const input = new FakeTty();
			const output = fakeOutput();
			const answer = promptConfirm(input, output, 'Trust it? [y/N] ');
			input.write(typed);
			expect(await answer).toBe(expected);
			expect(output.written).toEqual(['Trust it? [y/N] ']);
		}
	});

	it('end of input means no', async () => {
		const input = new FakeTty();
		const answer = promptConfirm(input, fakeOutput(), '? ');
		input.end();
		expect(await answer).toBe(false);
	});
});
