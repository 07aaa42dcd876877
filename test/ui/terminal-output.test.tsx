import xtermHeadless from '@xterm/headless';
import fc from 'fast-check';
import { Box, render, Text } from 'ink';
import { describe, expect, test } from 'vitest';
import { FrameWriter } from '../../source/ui/terminal/frame-writer.js';
import { INK_RENDER_MODE, terminalOutput } from '../../source/ui/terminal/terminal-output.js';
import { stripAnsi } from '../helpers/ansi.js';

/** A terminal emulator of the given size, and how to read its screen. */
function emulator(columns: number, rows: number) {
	const term = new xtermHeadless.Terminal({ cols: columns, rows, allowProposedApi: true });
	const flush = () => new Promise<void>((resolve) => term.write('', resolve));
	/** The screen's rows, trailing blanks trimmed. */
	const screen = async (): Promise<string[]> => {
		await flush();
		const buffer = term.buffer.active;
		return Array.from({ length: term.rows }, (_, i) =>
			(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '').trimEnd(),
		);
	};
	/** Whether the cell at `row`, `column` is drawn inverse / in a palette colour. */
	const cell = async (row: number, column: number) => {
		await flush();
		const c = term.buffer.active.getLine(row)?.getCell(column);
		return { inverse: c?.isInverse() !== 0, fg: c?.isFgPalette() ? c.getFgColor() : null };
	};
	return { term, screen, cell };
}

const padded = (lines: readonly string[], rows: number) => [
	...lines,
	...Array<string>(Math.max(0, rows - lines.length)).fill(''),
];

describe('terminalOutput under Ink, on a terminal emulator', () => {
	test('every frame on screen is exactly what was rendered, in place', async () => {
		const { term, screen, cell } = emulator(30, 8);
		const writes: string[] = [];
		const stream = {
			columns: 30,
			rows: 8,
			isTTY: true,
			write(data: string, callback?: () => void) {
				writes.push(data);
				term.write(data, callback);
				return true;
			},
			on: () => stream,
			off: () => stream,
			once: () => stream,
			removeListener: () => stream,
		};
		const output = terminalOutput(stream);
		const view = (lines: readonly string[]) => (
			<Box flexDirection="column">
				{lines.map((line, i) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: positional lines
					<Text key={i}>{line}</Text>
				))}
			</Box>
		);
		const frames = [
			['title', '\x1b[7m\x1b[36m◐ RUNNING\x1b[0m 4s', 'ボリュームの作成', 'line d'],
			['title', '\x1b[7m\x1b[36m◐ RUNNING\x1b[0m 5s', 'ボリュームの作成', 'line d'],
			['title', '\x1b[32m✓ NORMAL\x1b[0m 5s', 'ファイル共有の作成', 'line d', 'line e'],
			['title', 'b'],
			['title', 'b', 'c'],
		];
		const instance = render(view(frames[0] ?? []), {
			...INK_RENDER_MODE,
			stdout: output.stdout as unknown as NodeJS.WriteStream,
			onRender: output.onRender,
			patchConsole: false,
		});
		expect(await screen()).toEqual(padded((frames[0] ?? []).map(stripAnsi), 8));
		expect(await cell(1, 0)).toEqual({ inverse: true, fg: 6 });
		for (const frame of frames.slice(1)) {
			const before = writes.length;
			instance.rerender(view(frame));
			expect(writes.length).toBe(before + 1);
			expect(await screen()).toEqual(padded(frame.map(stripAnsi), 8));
		}
		// The second frame changed one digit: one move and the digit, nothing else.
		expect(writes[1]).toBe('\x1b[?2026h\x1b[2;11H5\x1b[?2026l');
		expect(await cell(1, 0)).toEqual({ inverse: false, fg: null });
		// The same frame again costs nothing.
		const count = writes.length;
		instance.rerender(view(frames.at(-1) ?? []));
		expect(writes.length).toBe(count);
		instance.unmount();
		// Unmounting: the last frame is unchanged (nothing), and Ink's own writes pass through.
		expect(writes.slice(count)).toEqual(['\x1b[?25h']);
	});
});

/** A random row: ASCII, Japanese, box glyphs, each run in one of a few styles. */
const row = fc
	.array(
		fc.record({
			text: fc.stringMatching(/^[a-z ボリュームの作成◐✓…]{0,6}$/),
			style: fc.constantFrom('', '\x1b[7m', '\x1b[36m', '\x1b[1m\x1b[31m', '\x1b[2m'),
		}),
		{ maxLength: 5 },
	)
	.map((runs) => runs.map((r) => (r.style ? `${r.style}${r.text}\x1b[0m` : r.text)).join(''));
const frame = fc.array(row, { maxLength: 7 }).map((rows) => rows.join('\n'));

/** The text a terminal should show for `frame` at `columns` × `rows`: clipped, never wrapped. */
function expectedScreen(frameText: string, columns: number, rows: number): string[] {
	return padded(
		frameText
			.split('\n')
			.slice(0, rows)
			.map((line) => {
				let out = '';
				let used = 0;
				for (const ch of stripAnsi(line)) {
					const w = /[ボリュームの作成]/.test(ch) ? 2 : 1;
					if (used + w > columns) break;
					out += ch;
					used += w;
				}
				return out.trimEnd();
			}),
		rows,
	);
}

describe('FrameWriter against a terminal emulator', () => {
	test('after any sequence of frames and sizes, the screen shows the last frame', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(frame, fc.constantFrom(12, 16)), { minLength: 1, maxLength: 6 }),
				async (steps) => {
					const { term, screen } = emulator(16, 6);
					const writer = new FrameWriter();
					for (const [text, columns] of steps) {
						if (term.cols !== columns) term.resize(columns, 6);
						term.write(writer.update(text, { columns, rows: 6 }));
						expect(await screen()).toEqual(expectedScreen(text, columns, 6));
					}
					term.dispose();
				},
			),
			{ numRuns: 150 },
		);
	});
});
