import { truncate } from '../present/text-width.js';
import type { Clock, TimerHandle } from '../time/clock.js';
import type { OutputStream } from './io.js';

/** Return to the line's start and erase it: the line is rewritten in place. */
const CLEAR_LINE = '\r\u001b[2K';

/** A status line on a terminal's stderr, rewritten in place, gone when stopped. */
export interface ProgressLine {
	/** Redraws now (the state changed). */
	refresh(): void;
	/**
	 * Erases the line and keeps ticking: the next refresh or tick draws it again.
	 * For a line printed on stdout meanwhile (`wait` with several keys): on one
	 * terminal it would otherwise land after the status text.
	 */
	hide(): void;
	/** Stops the ticker and erases the line, leaving the cursor where the line began. */
	stop(): void;
}

const NOOP: ProgressLine = { refresh() {}, hide() {}, stop() {} };

/**
 * Shows `describe()` on `stream` and redraws it every second (elapsed times
 * tick), only when `stream` is a terminal: in a pipe or a log it does nothing
 * at all. The text is cut to the terminal width so it never wraps (a wrapped
 * line could not be erased with one CR), ending in `ellipsis` when cut.
 */
export function startProgressLine(
	stream: OutputStream,
	clock: Clock,
	describe: () => string,
	ellipsis = '…',
): ProgressLine {
	if (stream.isTTY !== true) return NOOP;
	let timer: TimerHandle | null = null;
	let shown = '';
	let stopped = false;
	const draw = () => {
		const width = Math.max(10, (stream.columns || 80) - 1);
		const text = truncate(describe(), width, ellipsis);
		if (text === shown) return;
		shown = text;
		stream.write(`${CLEAR_LINE}${text}`);
	};
	const tick = () => {
		draw();
		timer = clock.setTimeout(tick, 1000);
	};
	tick();
	return {
		refresh() {
			if (!stopped) draw();
		},
		hide() {
			if (stopped || shown === '') return;
			shown = '';
			stream.write(CLEAR_LINE);
		},
		stop() {
			if (stopped) return;
			stopped = true;
			if (timer !== null) clock.clearTimeout(timer);
			if (shown !== '') stream.write(CLEAR_LINE);
		},
	};
}
