import type { DisplayState } from '../api/job.js';

/**
 * How a display state looks: a one-column glyph, the word, and a colour. The
 * glyph and the word always carry the meaning, so nothing rests on colour alone.
 */
export interface StateStyle {
	readonly glyph: string;
	readonly word: string;
	/** An Ink colour name, or undefined for the terminal's default colour. */
	readonly color: string | undefined;
	/** Drawn dim (the aborted states: a dim red). */
	readonly dim: boolean;
}

/** The glyph set: Unicode by default, plain ASCII for terminals without it. */
export interface Glyphs {
	readonly states: Readonly<Record<DisplayState, string>>;
	/** Marks the selected row in the gutter (the row is also drawn inverse). */
	readonly pointer: string;
	readonly ellipsis: string;
	/** Connection: live, or anything else. */
	readonly live: string;
	readonly down: string;
	readonly separator: string;
	readonly warning: string;
	/** Marks the line above the table's window when newer jobs are above it ("▲ 10 newer"). */
	readonly newer: string;
	/** Help and other scrolled text: more above, more below. */
	readonly moreAbove: string;
	readonly moreBelow: string;
}

/**
 * Every glyph here is one column wide in string-width and in real terminals
 * (checked: ◐ ○ ✓ ! ◆ ✗ ⊘ ? ● › … · ▲ ↑ ↓). `✔` and `⚠` are avoided on purpose:
 * they have emoji forms some terminals draw two columns wide.
 */
export const UNICODE_GLYPHS: Glyphs = {
	states: {
		RUNNING: '◐',
		QUEUED: '○',
		WAITING: '○',
		ABORTING: '⊘',
		NORMAL: '✓',
		WARNING: '!',
		PARTIAL_FAILURES: '◆',
		ERROR: '✗',
		ABORTED: '⊘',
		UNKNOWN: '?',
	},
	pointer: '›',
	ellipsis: '…',
	live: '●',
	down: '○',
	separator: '·',
	warning: '!',
	newer: '▲',
	moreAbove: '↑',
	moreBelow: '↓',
};

/** The fallback for terminals or fonts without the Unicode glyphs. */
export const ASCII_GLYPHS: Glyphs = {
	states: {
		RUNNING: '*',
		QUEUED: '.',
		WAITING: '.',
		ABORTING: '/',
		NORMAL: '+',
		WARNING: '!',
		PARTIAL_FAILURES: '%',
		ERROR: 'x',
		ABORTED: '/',
		UNKNOWN: '?',
	},
	pointer: '>',
	ellipsis: '~',
	// Not `*`: that is RUNNING, and "* live" read as a running job's glyph.
	live: '@',
	down: 'o',
	separator: '-',
	warning: '!',
	newer: '^',
	moreAbove: '^',
	moreBelow: 'v',
};

const COLORS: Readonly<Record<DisplayState, string | undefined>> = {
	RUNNING: 'cyan',
	QUEUED: 'gray',
	WAITING: 'gray',
	ABORTING: 'red',
	NORMAL: 'green',
	WARNING: 'yellow',
	PARTIAL_FAILURES: 'magenta',
	ERROR: 'red',
	ABORTED: 'red',
	UNKNOWN: undefined,
};

/** The look of `state`. For UNKNOWN the word is the server's raw value. */
export function stateStyle(state: DisplayState, rawState: string, glyphs: Glyphs): StateStyle {
	return {
		glyph: glyphs.states[state],
		word: state === 'UNKNOWN' ? rawState || 'UNKNOWN' : state,
		color: COLORS[state],
		dim: state === 'ABORTING' || state === 'ABORTED',
	};
}

/** Lower-case label for header counts, e.g. "partial" for PARTIAL_FAILURES. */
export const COUNT_LABELS: Readonly<Record<DisplayState, string>> = {
	RUNNING: 'running',
	QUEUED: 'queued',
	WAITING: 'waiting',
	ABORTING: 'aborting',
	NORMAL: 'normal',
	WARNING: 'warning',
	PARTIAL_FAILURES: 'partial',
	ERROR: 'error',
	ABORTED: 'aborted',
	UNKNOWN: 'unknown',
};
