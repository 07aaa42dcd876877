/**
 * The bytes that tell someone not looking at the screen: the bell, desktop
 * notifications (OSC 9, OSC 777) and the window title (OSC 2, with the title
 * stack push and pop). Callers pass text that is already inert
 * (present/notify-text.ts): nothing here escapes anything.
 */

/** The terminal bell: one byte, written on its own, never inside a sequence. */
export const BEL = '\x07';
/** Saves the window and icon titles on the terminal's title stack (xterm, VTE, WezTerm…). */
export const TITLE_PUSH = '\x1b[22;0t';
/** Restores the titles saved by {@link TITLE_PUSH}. */
export const TITLE_POP = '\x1b[23;0t';

/** OSC 2: sets the window title. tmux takes it itself (the pane title), so it is never wrapped. */
export function osc2(text: string): string {
	return `\x1b]2;${text}\x07`;
}

/** OSC 9: a desktop notification (iTerm2, WezTerm, Ghostty, Windows Terminal). */
export function osc9(text: string): string {
	return `\x1b]9;${text}\x07`;
}

/** OSC 777 notify: a desktop notification with a title (VTE terminals, WezTerm, Ghostty). */
export function osc777(title: string, body: string): string {
	return `\x1b]777;notify;${title};${body}\x07`;
}

/**
 * tmux's passthrough wrapper (it needs `allow-passthrough on`): the sequence
 * reaches the outer terminal instead of being eaten by tmux.
 */
export function tmuxPassthrough(sequence: string): string {
	return `\x1bPtmux;${sequence.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;
}

/**
 * Both desktop notifications, wrapped for tmux when inside it: OSC 9 has no
 * title, so its text names umwatch (`line`); OSC 777 has `umwatch` as title.
 */
export function desktopNotification(line: string, body: string, tmux: boolean): string {
	const wrap = (sequence: string) => (tmux ? tmuxPassthrough(sequence) : sequence);
	return wrap(osc9(line)) + wrap(osc777('umwatch', body));
}
