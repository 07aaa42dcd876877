import type { Clock, TimerHandle } from '../../time/clock.js';

/** Keys the app can name; printable characters arrive as `text`. */
export type SpecialKey =
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'pageup'
	| 'pagedown'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	| 'backspace'
	| 'delete'
	| 'tab'
	| 'ctrl+c'
	| 'ctrl+l'
	| 'ctrl+u';

/** One decoded key press. */
export type KeyPress =
	| { readonly kind: 'key'; readonly name: SpecialKey }
	| { readonly kind: 'text'; readonly text: string };

/** How long a lone ESC waits for the rest of a sequence before it counts as Escape. */
export const ESCAPE_TIMEOUT_MS = 100;

const MAX_PENDING = 4096;

/** Final byte of a CSI sequence → key, for sequences without a `~`. */
const CSI_LETTERS: Readonly<Record<string, SpecialKey>> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	H: 'home',
	F: 'end',
};

/** Number before `~` → key (`ESC [ 5 ~` is page up). */
const CSI_TILDE: Readonly<Record<string, SpecialKey>> = {
	'1': 'home',
	'7': 'home',
	'4': 'end',
	'8': 'end',
	'3': 'delete',
	'5': 'pageup',
	'6': 'pagedown',
};

const CONTROL: Readonly<Record<string, SpecialKey>> = {
	'\r': 'return',
	'\n': 'return',
	'\x7f': 'backspace',
	'\b': 'backspace',
	'\t': 'tab',
	'\x03': 'ctrl+c',
	'\x0c': 'ctrl+l',
	'\x15': 'ctrl+u',
};

/** Result of reading one unit at the start of the buffer. */
type Step =
	| { readonly length: number; readonly key: KeyPress | null }
	/** The buffer ends inside a sequence: wait for more bytes. */
	| 'incomplete';

function csi(buffer: string): Step {
	// ESC [ M b x y: the legacy X10 mouse report carries three raw bytes.
	if (buffer[2] === 'M') return buffer.length >= 6 ? { length: 6, key: null } : 'incomplete';
	let i = 2;
	while (i < buffer.length) {
		const code = buffer.charCodeAt(i);
		if (code >= 0x40 && code <= 0x7e) {
			const params = buffer.slice(2, i);
			const final = buffer[i] ?? '';
			return { length: i + 1, key: csiKey(params, final) };
		}
		if (code < 0x20 || code > 0x3f) {
			// Not a CSI body after all: drop the introducer, keep the rest.
			return { length: 2, key: null };
		}
		i++;
	}
	return 'incomplete';
}

function csiKey(params: string, final: string): KeyPress | null {
	// Private sequences (mouse `<`, focus is `I`/`O` with no params) are not keys.
	if (/^[<=>?]/.test(params)) return null;
	const first = params.split(';')[0] ?? '';
	if (final === '~') {
		const name = CSI_TILDE[first];
		return name ? { kind: 'key', name } : null;
	}
	const name = CSI_LETTERS[final];
	// Modified arrows (`ESC [ 1 ; 5 A`) still move; anything else is ignored.
	if (name && (params === '' || first === '1')) return { kind: 'key', name };
	return null;
}

/**
 * SS3 finals → key: the cursor keys in application cursor mode (Windows
 * Terminal, PuTTY, xterm after DECCKM), Home/End as xterm sends them there, and
 * End as PuTTY's "rxvt" Home/End setting sends it (`ESC O w`; its Home is
 * `ESC [ H`). The keypad's other application codes never come: umwatch does not
 * switch the keypad to application mode.
 */
const SS3_LETTERS: Readonly<Record<string, SpecialKey>> = { ...CSI_LETTERS, w: 'end' };

function ss3(buffer: string): Step {
	// Old xterms put a modifier between O and the final (`ESC O 5 A`): read the
	// digits too, so the final letter never leaks out as typed text.
	let i = 2;
	while (i < buffer.length && /[0-9;]/.test(buffer[i] ?? '')) i++;
	if (i >= buffer.length) return 'incomplete';
	const code = buffer.charCodeAt(i);
	// Not a final byte: drop the introducer, keep the rest.
	if (code < 0x40 || code > 0x7e) return { length: 2, key: null };
	const name = SS3_LETTERS[buffer[i] ?? ''];
	return { length: i + 1, key: name ? { kind: 'key', name } : null };
}

/** OSC, DCS, APC, PM, SOS: strings a terminal may send back; end at BEL or ST. */
function controlString(buffer: string): Step {
	for (let i = 2; i < buffer.length; i++) {
		if (buffer[i] === '\x07') return { length: i + 1, key: null };
		if (buffer[i] === '\x1b') {
			if (i + 1 >= buffer.length) return 'incomplete';
			return { length: buffer[i + 1] === '\\' ? i + 2 : i, key: null };
		}
	}
	return 'incomplete';
}

function escapeSequence(buffer: string): Step {
	if (buffer.length < 2) return 'incomplete';
	const second = buffer[1] ?? '';
	if (second === '[') return csi(buffer);
	if (second === 'O') return ss3(buffer);
	if (']P_^X'.includes(second)) return controlString(buffer);
	// ESC ESC: the first is a real Escape key; the second starts afresh.
	if (second === '\x1b') return { length: 1, key: { kind: 'key', name: 'escape' } };
	// Alt+key and other two-byte sequences are not ours: ignore the pair.
	const pair = String.fromCodePoint(buffer.codePointAt(1) ?? 0);
	return { length: 1 + pair.length, key: null };
}

function step(buffer: string): Step {
	const first = buffer[0] ?? '';
	if (first === '\x1b') return escapeSequence(buffer);
	const control = CONTROL[first];
	if (control) return { length: 1, key: { kind: 'key', name: control } };
	const code = buffer.codePointAt(0) ?? 0;
	const char = String.fromCodePoint(code);
	// Other C0 and C1 controls are never typed text.
	if (code < 0x20 || (code >= 0x80 && code < 0xa0)) return { length: char.length, key: null };
	return { length: char.length, key: { kind: 'text', text: char } };
}

/** A stateful decoder from terminal input to key presses. */
export interface InputDecoder {
	/** Feeds a chunk of input as read from the terminal (UTF-8 decoded). */
	push(chunk: string): void;
	/** Drops anything pending and cancels the escape timer. */
	dispose(): void;
}

/**
 * Decodes terminal input into key presses. A sequence split across chunks is
 * held until the rest arrives; a lone ESC becomes Escape only when nothing
 * follows within {@link ESCAPE_TIMEOUT_MS}, so a split arrow key never acts as
 * Escape. Sequences the app does not know (focus and mouse reports, function
 * keys, terminal replies) are swallowed whole: never Escape, never text.
 * Ink's own useInput flushes a pending ESC on the next tick and turns unknown
 * sequences such as focus reports into text, which is why this exists.
 */
export function createInputDecoder(
	onKey: (key: KeyPress) => void,
	timers: Pick<Clock, 'setTimeout' | 'clearTimeout'>,
	escapeTimeoutMs = ESCAPE_TIMEOUT_MS,
): InputDecoder {
	let pending = '';
	let timer: TimerHandle | undefined;

	const cancelTimer = (): void => {
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
	};

	const onTimeout = (): void => {
		timer = undefined;
		const stale = pending;
		pending = '';
		// Only a lone ESC was a key press; a cut-off sequence is dropped.
		if (stale === '\x1b') onKey({ kind: 'key', name: 'escape' });
	};

	const drain = (): void => {
		while (pending.length > 0) {
			const result = step(pending);
			if (result === 'incomplete') {
				// An unterminated terminal reply must not grow without bound.
				if (pending.length > MAX_PENDING) {
					pending = '';
					return;
				}
				timer = timers.setTimeout(onTimeout, escapeTimeoutMs);
				return;
			}
			pending = pending.slice(result.length);
			if (result.key) onKey(result.key);
		}
	};

	return {
		push(chunk) {
			cancelTimer();
			pending += chunk;
			drain();
		},
		dispose() {
			cancelTimer();
			pending = '';
		},
	};
}
