import type { DisplayState } from '../api/job.js';

/**
 * How a display state looks, wherever a job is printed: the live view and the
 * script modes (`list`, `show`, `wait`) take glyph, word and colour from here,
 * so the same job reads the same in both. A one-column glyph, the word, and a
 * colour: the glyph and the word always carry the meaning, so nothing rests on
 * colour alone.
 */
export interface StateStyle {
	readonly glyph: string;
	readonly word: string;
	/** An Ink colour name, or undefined for the terminal's default colour. */
	readonly color: string | undefined;
	/** Drawn dim (the aborted states: a dim red). */
	readonly dim: boolean;
	/** The same colour (and dimness) as SGR parameters for plain terminal text, e.g. `2;31`. */
	readonly sgr: string;
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
	/** Stands for a value the server did not send (a job not yet completed). */
	readonly absent: string;
	/** Help and other scrolled text: more above, more below. */
	readonly moreAbove: string;
	readonly moreBelow: string;
	/** Before a marked job's name (`m`: tell me when it ends). */
	readonly mark: string;
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
	absent: '—',
	moreAbove: '↑',
	moreBelow: '↓',
	// U+2691: one column everywhere (not East Asian ambiguous, no emoji form).
	mark: '⚑',
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
	absent: '-',
	moreAbove: '^',
	moreBelow: 'v',
	mark: '#',
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

/** SGR foreground codes of the Ink colour names used above. */
const SGR: Readonly<Record<string, string>> = {
	cyan: '36',
	gray: '90',
	red: '31',
	green: '32',
	yellow: '33',
	magenta: '35',
};

/** An UNKNOWN state's raw value is shown, but bounded so one odd value cannot take the row. */
const MAX_STATE_WORD = 28;

/**
 * The state as a word: the display state, or `UNKNOWN:<raw value>` (spaces made
 * `_`, so it stays one word in a pipe). That form, not the raw value alone, is
 * what `list` has always printed and what `--state unknown:<raw>` matches, and
 * it says both that umwatch does not know the state and what the server sent.
 * `raw` must already be sanitized (the parser does; the script modes pass it
 * through their inert pass too).
 */
export function stateWord(state: DisplayState, raw: string, ellipsis = '…'): string {
	if (state !== 'UNKNOWN') return state;
	const value = raw.replaceAll(' ', '_');
	const word = value === '' || value === 'UNKNOWN' ? 'UNKNOWN' : `UNKNOWN:${value}`;
	return word.length <= MAX_STATE_WORD
		? word
		: `${Array.from(word)
				.slice(0, MAX_STATE_WORD - 1)
				.join('')}${ellipsis}`;
}

/** The look of `state`. For UNKNOWN the word carries the server's raw value (see {@link stateWord}). */
export function stateStyle(state: DisplayState, rawState: string, glyphs: Glyphs): StateStyle {
	const color = COLORS[state];
	const dim = state === 'ABORTING' || state === 'ABORTED';
	const sgr = color === undefined ? '' : `${dim ? '2;' : ''}${SGR[color] ?? ''}`;
	return {
		glyph: glyphs.states[state],
		word: stateWord(state, rawState, glyphs.ellipsis),
		color,
		dim,
		sgr,
	};
}

/** Wraps `text` in the SGR colour `sgr` when `color` is true; otherwise returns it unchanged. */
export function paint(text: string, sgr: string, color: boolean): string {
	return color && sgr !== '' ? `\u001b[${sgr}m${text}\u001b[0m` : text;
}

/** The glyph set for `ascii` (the `--ascii` option / config). */
export function glyphsFor(ascii: boolean): Glyphs {
	return ascii ? ASCII_GLYPHS : UNICODE_GLYPHS;
}
