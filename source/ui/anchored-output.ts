/**
 * Ink 6.8's incremental renderer moves the cursor up one row too few before
 * each frame (its frames end with a newline, so the cursor sits below the
 * last line, but it moves up `lines - 1`): every frame lands one row lower,
 * leaving the old header above it. Reproduced in tmux with a four-line Ink
 * app. In the alternate screen the frame always starts at the top left, so
 * the fix is to anchor: replace the relative move before each frame with an
 * absolute one.
 */

/** The relative moves log-update puts before a frame: erase line, cursor up, column 1. */
const RELATIVE_PREFIX = /^(?:\x1b\[2K|\x1b\[\d*A|\x1b\[1?G)+/;

/** Cursor to the top left. */
const HOME = '\x1b[H';
/** Erase from the cursor to the end of the screen. */
const ERASE_BELOW = '\x1b[J';

/**
 * One write from Ink, anchored to the top left. A frame that began by erasing
 * old lines (it got shorter, or the terminal got narrower) also erases what is
 * left below it; other writes pass through unchanged.
 */
export function anchorFrame(data: string): string {
	const prefix = RELATIVE_PREFIX.exec(data)?.[0];
	if (!prefix) return data;
	const rest = data.slice(prefix.length);
	return prefix.includes('\x1b[2K') ? `${HOME}${rest}${ERASE_BELOW}` : `${HOME}${rest}`;
}

/**
 * The output stream as Ink should see it: the same stream, with every write
 * anchored by {@link anchorFrame}. Everything else (size, events, state) is the
 * real stream's.
 */
export function anchoredOutput<T extends { write(data: string, ...rest: never[]): unknown }>(
	stream: T,
): T {
	const write = (data: unknown, ...rest: never[]): unknown =>
		stream.write(typeof data === 'string' ? anchorFrame(data) : (data as string), ...rest);
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') return write;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
