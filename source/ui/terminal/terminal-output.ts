/**
 * The screen's output stage, between Ink and the terminal. Ink renders in
 * debug mode with its linear renderer (see {@link INK_RENDER_MODE}): every
 * render hands over the whole frame, unthrottled, and Ink's own terminal code
 * (log-update) never runs. A {@link FrameWriter} sends only the cells that
 * changed. This replaces Ink 6.8's incremental mode, which rewrote each
 * changed row whole and drew every frame a row low.
 */
import { type FrameSize, FrameWriter } from './frame-writer.js';

/**
 * Ink's render mode for the screen. `debug` makes Ink write each frame whole
 * through `stdout.write`, skipping log-update, its throttle and its CI mode.
 * `isScreenReaderEnabled` selects Ink's linear renderer: text nodes joined
 * line by line, with no cell grid. The screen is a column of pre-fitted,
 * pre-styled lines (one Text each), so the grid would only re-parse every
 * character of every row each frame, which was three quarters of a frame's cost.
 * Nothing here uses aria props, the one other thing the flag changes.
 */
export const INK_RENDER_MODE = { debug: true, isScreenReaderEnabled: true } as const;

/** The stream the screen draws on. */
export interface FrameStream {
	readonly columns?: number;
	readonly rows?: number;
	write(data: string, ...rest: never[]): unknown;
}

/** What Ink is given: the stream to write to, and the hook that marks the next write a frame. */
export interface TerminalOutput<T> {
	/** The terminal as Ink should see it: frames are diffed, other writes pass through. */
	readonly stdout: T;
	/** Pass as Ink's `onRender` option: Ink calls it just before it writes a frame. */
	readonly onRender: () => void;
	/** Forgets what is on screen, so the next frame is drawn whole (after something else drew). */
	readonly invalidate: () => void;
}

function sizeOf(stream: FrameStream): FrameSize {
	return { columns: stream.columns || 80, rows: stream.rows || 24 };
}

/**
 * Wraps `stream` for Ink. In debug mode Ink calls `onRender` and then writes
 * the frame; that one write becomes the frame's changed cells. Every other
 * write (Ink showing the cursor as it unmounts, its end-of-output barrier)
 * reaches the stream unchanged, but for a lone newline (see below). Size and events are the real stream's.
 */
export function terminalOutput<T extends FrameStream>(stream: T): TerminalOutput<T> {
	const writer = new FrameWriter();
	let frameNext = false;
	const write = (data: unknown, ...rest: never[]): unknown => {
		// With CI set, Ink "prints the last frame" as it unmounts; in debug mode that
		// frame is empty and only its newline is left, which would move the cursor.
		if (!frameNext && data === '\n' && rest.length === 0) return true;
		if (!frameNext || typeof data !== 'string') return stream.write(data as string, ...rest);
		frameNext = false;
		const bytes = writer.update(data, sizeOf(stream));
		return bytes === '' ? true : stream.write(bytes);
	};
	const stdout = new Proxy(stream, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	return {
		stdout,
		onRender: () => {
			frameNext = true;
		},
		invalidate: () => writer.invalidate(),
	};
}
