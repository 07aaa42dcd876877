// Reading the end-to-end screen and byte stream: which fixture jobs are shown, in
// what order, and what the program sent that it must never send.

/** The fixture job numbers on screen, top to bottom (`E2E job 07` → 7). */
export function visibleJobNumbers(lines: readonly string[]): number[] {
	const numbers: number[] = [];
	for (const line of lines) {
		const match = /E2E job (\d\d)/.exec(line);
		if (match?.[1] !== undefined) numbers.push(Number(match[1]));
	}
	return numbers;
}

/** The index of the first line containing `text`, or -1. */
export function lineIndexOf(lines: readonly string[], text: string | RegExp): number {
	return lines.findIndex((line) =>
		typeof text === 'string' ? line.includes(text) : text.test(line),
	);
}

/** The index of the last line with anything on it, or -1 for an empty screen. */
export function lastNonEmptyIndex(lines: readonly string[]): number {
	for (let i = lines.length - 1; i >= 0; i--) {
		if ((lines[i] ?? '').trim() !== '') return i;
	}
	return -1;
}

/** The lines with anything on them. */
export function nonEmptyLines(lines: readonly string[]): string[] {
	return lines.filter((line) => line.trim() !== '');
}

/** The SGR parameter lists (`ESC [ … m`) in a byte stream, e.g. `['1', '31', '38;5;196']`. */
export function sgrSequences(raw: string): string[] {
	const found: string[] = [];
	for (const match of raw.matchAll(/\u001B\[([0-9;:]*)m/g)) found.push(match[1] ?? '');
	return found;
}

/**
 * The SGR sequences that set a colour (foreground or background: 30–37, 90–97,
 * 40–47, 100–107, 38;…/48;…). Resets (0, 39, 49) and attributes (bold, dim,
 * inverse, underline) are not colour.
 */
export function colourSgr(raw: string): string[] {
	return sgrSequences(raw).filter((params) => {
		const parts = params.split(/[;:]/).map(Number);
		for (let i = 0; i < parts.length; i++) {
			const p = parts[i] ?? 0;
			if (p === 38 || p === 48) return true;
			if ((p >= 30 && p <= 37) || (p >= 40 && p <= 47)) return true;
			if ((p >= 90 && p <= 97) || (p >= 100 && p <= 107)) return true;
		}
		return false;
	});
}

/** Lines that look like a JavaScript stack trace or an unhandled-error report. */
export function stackTraceLines(lines: readonly string[]): string[] {
	return lines.filter(
		(line) =>
			/^\s+at .+[(:]\d+:\d+\)?$/.test(line) ||
			/node:internal|Uncaught|UnhandledPromiseRejection|\.js:\d+$/.test(line),
	);
}

/** Every `ESC [ 2 J` (erase screen) and `ESC [ 3 J` (erase scrollback) in the bytes. */
export function screenClears(raw: string): string[] {
	return [...raw.matchAll(/\u001B\[[23]J/g)].map((match) => match[0]);
}
