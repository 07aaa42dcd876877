/**
 * Makes server text inert before anything prints it. A job name, a task message
 * or a header can carry terminal escape sequences (OSC 52 writes the clipboard,
 * OSC 0/2 retitles the window, OSC 8 fakes links, CSI clears the screen),
 * C0/C1 controls (BEL, CR, backspace rewrite what is shown), bidirectional
 * overrides and invisible characters (which disguise text). All of them go.
 * Japanese, emoji (including ZWJ sequences and flag tags) and combining marks
 * stay exactly as sent.
 */

/** Default bound on a sanitized string, in code points (the ellipsis included). */
export const DEFAULT_MAX_LENGTH = 4096;

/** Appended when a string is cut to its bound. */
export const ELLIPSIS = '…';

const ESC = 0x1b;
const BEL = 0x07;
const ST_C1 = 0x9c;
const ZWJ = 0x200d;
const BLACK_FLAG = 0x1f3f4;

const FORMAT = /^\p{Cf}$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
/** Emoji modifiers and variation selectors that may sit between a pictograph and a ZWJ. */
const EMOJI_TAIL = /^[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u20E3]$/u;

/**
 * Returns `value` with every control character, escape sequence, bidi control
 * and invisible format character removed, line breaks and tabs turned into
 * spaces (so the result is always one line), and at most `maxLength` code points (the
 * last one an ellipsis when it was cut). Never throws, whatever it is given.
 */
export function sanitizeText(value: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
	try {
		const text = typeof value === 'string' ? value : String(value);
		const limit = Number.isFinite(maxLength)
			? Math.max(1, Math.floor(maxLength))
			: DEFAULT_MAX_LENGTH;
		return clean(text, limit);
	} catch {
		return '';
	}
}

/** Reads one code point at `index`; a lone surrogate reads as -1 (to be dropped). */
function codePointAt(text: string, index: number): number {
	const unit = text.charCodeAt(index);
	if (unit >= 0xd800 && unit <= 0xdbff) {
		const next = text.charCodeAt(index + 1);
		if (next >= 0xdc00 && next <= 0xdfff)
			return (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
		return -1;
	}
	if (unit >= 0xdc00 && unit <= 0xdfff) return -1;
	return unit;
}

function width(cp: number): number {
	return cp > 0xffff ? 2 : 1;
}

function clean(text: string, limit: number): string {
	const out: number[] = [];
	// Every line break (CR LF counts as one) becomes one space: the result is one line.
	const lineBreak = 0x20;
	let index = 0;
	// One extra code point tells us whether the text had to be cut.
	while (index < text.length && out.length <= limit) {
		const cp = codePointAt(text, index);
		if (cp === -1) {
			index += 1;
			continue;
		}
		const step = width(cp);
		if (cp === ESC) {
			index = skipEscape(text, index + 1);
			continue;
		}
		const c1End = skipC1(text, cp, index + step);
		if (c1End !== null) {
			index = c1End;
			continue;
		}
		index += step;
		if (cp === 0x0d) {
			if (text.charCodeAt(index) === 0x0a) index += 1;
			out.push(lineBreak);
		} else if (cp === 0x0a || cp === 0x2028 || cp === 0x2029) {
			out.push(lineBreak);
		} else if (cp === 0x09) {
			out.push(0x20);
		} else if (keep(cp, out, text, index)) {
			out.push(cp);
		}
	}
	if (out.length > limit) {
		out.length = limit - 1;
		while (out.length > 0 && out[out.length - 1] === ZWJ) out.length -= 1;
		return fromCodePoints(out) + ELLIPSIS;
	}
	return fromCodePoints(out);
}

function fromCodePoints(points: number[]): string {
	// String.fromCodePoint(...points) would overflow the argument list on long strings.
	let result = '';
	for (let start = 0; start < points.length; start += 4096) {
		result += String.fromCodePoint(...points.slice(start, start + 4096));
	}
	return result;
}

/** Whether a code point that is not a line break or an escape introducer may stay. */
function keep(cp: number, out: readonly number[], text: string, next: number): boolean {
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;
	if (cp < 0xad) return true;
	if (cp === ZWJ) return joinsEmoji(out, text, next);
	if (cp >= 0xe0020 && cp <= 0xe007f) return inFlagTag(out);
	return !FORMAT.test(String.fromCodePoint(cp));
}

/** A ZWJ stays only inside an emoji sequence: a pictograph on each side. */
function joinsEmoji(out: readonly number[], text: string, next: number): boolean {
	let back = out.length - 1;
	while (back >= 0 && EMOJI_TAIL.test(String.fromCodePoint(out[back] ?? 0))) back -= 1;
	const before = out[back];
	if (before === undefined || !PICTOGRAPHIC.test(String.fromCodePoint(before))) return false;
	const after = codePointAt(text, next);
	return after > 0 && PICTOGRAPHIC.test(String.fromCodePoint(after));
}

/** Tag characters stay only in a subdivision flag: U+1F3F4 followed by tags. */
function inFlagTag(out: readonly number[]): boolean {
	const last = out[out.length - 1];
	return last === BLACK_FLAG || (last !== undefined && last >= 0xe0020 && last <= 0xe007f);
}

/**
 * Skips the rest of an escape sequence whose ESC sat just before `index`;
 * returns the index after it. An unterminated string sequence (OSC, DCS…)
 * swallows the rest of the text, as a terminal would.
 */
function skipEscape(text: string, index: number): number {
	const next = text.charCodeAt(index);
	if (Number.isNaN(next)) return index;
	if (next === 0x5b) return skipCsi(text, index + 1);
	if (next === 0x5d || next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f) {
		return skipString(text, index + 1);
	}
	if (next >= 0x20 && next <= 0x2f) {
		// nF sequences (ESC ( B and the like): intermediates, then one final byte.
		let end = index;
		while (end < text.length && text.charCodeAt(end) >= 0x20 && text.charCodeAt(end) <= 0x2f)
			end += 1;
		const final = text.charCodeAt(end);
		return final >= 0x30 && final <= 0x7e ? end + 1 : end;
	}
	// Two-byte sequences (ESC 7, ESC c, ESC M…); anything else: drop the ESC alone.
	return next >= 0x30 && next <= 0x7e ? index + 1 : index;
}

/** If `cp` is an 8-bit C1 introducer, the index after its whole sequence; else null. */
function skipC1(text: string, cp: number, index: number): number | null {
	if (cp === 0x9b) return skipCsi(text, index);
	if (cp === 0x9d || cp === 0x90 || cp === 0x98 || cp === 0x9e || cp === 0x9f) {
		return skipString(text, index);
	}
	return null;
}

/** CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E. */
function skipCsi(text: string, index: number): number {
	let end = index;
	while (end < text.length) {
		const c = text.charCodeAt(end);
		if (c >= 0x40 && c <= 0x7e) return end + 1;
		if (c < 0x20 || c > 0x3f) return end;
		end += 1;
	}
	return end;
}

/** OSC/DCS/SOS/PM/APC payload: up to BEL, ESC \ or 8-bit ST (all consumed). */
function skipString(text: string, index: number): number {
	let end = index;
	while (end < text.length) {
		const c = text.charCodeAt(end);
		if (c === BEL || c === ST_C1) return end + 1;
		if (c === ESC) return text.charCodeAt(end + 1) === 0x5c ? end + 2 : end;
		end += 1;
	}
	return end;
}
