// Reads the raw bytes a program wrote to its terminal the way a terminal does:
// which bells ring on their own, and which OSC and DCS strings it sent.

/** What a terminal makes of the bytes, as far as being told goes. */
export interface TerminalBytes {
	/** BEL bytes outside any sequence: each one rings. */
	readonly bells: number;
	/** Every OSC string's body (`2;title`, `9;text`), terminator left out. */
	readonly oscs: readonly string[];
	/** Every DCS string's body with doubled ESCs undone (`tmux;ESC]9;…BEL`). */
	readonly dcs: readonly string[];
}

const ESC = '\u001B';
const BEL = '\u0007';

/** The end of a CSI sequence starting at `from` (just after `ESC [`): after its final byte. */
function skipCsi(raw: string, from: number): number {
	let i = from;
	while (i < raw.length) {
		const code = raw.charCodeAt(i);
		i++;
		if (code >= 0x40 && code <= 0x7e) break;
	}
	return i;
}

/** An OSC body from `from` (after `ESC ]`) up to BEL or ST; returns the body and where it ended. */
function readOsc(raw: string, from: number): [string, number] {
	let i = from;
	while (i < raw.length) {
		if (raw[i] === BEL) return [raw.slice(from, i), i + 1];
		if (raw[i] === ESC && raw[i + 1] === '\\') return [raw.slice(from, i), i + 2];
		i++;
	}
	return [raw.slice(from), i];
}

/** A DCS body from `from` (after `ESC P`) up to ST, ESC ESC read as one ESC (tmux's escaping). */
function readDcs(raw: string, from: number): [string, number] {
	let body = '';
	let i = from;
	while (i < raw.length) {
		if (raw[i] === ESC && raw[i + 1] === ESC) {
			body += ESC;
			i += 2;
		} else if (raw[i] === ESC && raw[i + 1] === '\\') {
			return [body, i + 2];
		} else {
			body += raw[i];
			i++;
		}
	}
	return [body, i];
}

/** Scans `raw` as a terminal would for bells, OSC and DCS strings. */
export function scanTerminalBytes(raw: string): TerminalBytes {
	let bells = 0;
	const oscs: string[] = [];
	const dcs: string[] = [];
	let i = 0;
	while (i < raw.length) {
		const char = raw[i];
		if (char === BEL) {
			bells++;
			i++;
		} else if (char === ESC && raw[i + 1] === ']') {
			const [body, end] = readOsc(raw, i + 2);
			oscs.push(body);
			i = end;
		} else if (char === ESC && raw[i + 1] === 'P') {
			const [body, end] = readDcs(raw, i + 2);
			dcs.push(body);
			i = end;
		} else if (char === ESC && raw[i + 1] === '[') {
			i = skipCsi(raw, i + 2);
		} else {
			i += char === ESC ? 2 : 1;
		}
	}
	return { bells, oscs, dcs };
}

/** How many times `part` occurs in `text`. */
export function occurrences(text: string, part: string): number {
	return text.split(part).length - 1;
}
