import type { DisplayState } from '../api/job.js';

/**
 * How a display state looks in terminal output: a one-column glyph (so no
 * distinction rests on colour alone) and an SGR colour, the same palette as
 * the live UI: running cyan, queued grey, normal green, warning yellow,
 * partial failures magenta, error red, aborting/aborted dim red.
 */
export interface StateStyle {
	readonly glyph: string;
	/** SGR parameters, e.g. `32` for green. */
	readonly sgr: string;
}

const STYLES: Readonly<Record<DisplayState, StateStyle>> = {
	QUEUED: { glyph: '○', sgr: '90' },
	WAITING: { glyph: '○', sgr: '90' },
	RUNNING: { glyph: '◐', sgr: '36' },
	NORMAL: { glyph: '✓', sgr: '32' },
	WARNING: { glyph: '!', sgr: '33' },
	PARTIAL_FAILURES: { glyph: '◆', sgr: '35' },
	ERROR: { glyph: '✗', sgr: '31' },
	ABORTING: { glyph: '◐', sgr: '2;31' },
	ABORTED: { glyph: '✗', sgr: '2;31' },
	UNKNOWN: { glyph: '?', sgr: '0' },
};

/** The style of a display state. */
export function stateStyle(state: DisplayState): StateStyle {
	return STYLES[state];
}

/** Wraps `text` in the SGR colour `sgr` when `color` is true; otherwise returns it unchanged. */
export function paint(text: string, sgr: string, color: boolean): string {
	return color && sgr !== '0' ? `\u001b[${sgr}m${text}\u001b[0m` : text;
}
