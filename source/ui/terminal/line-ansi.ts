import type { Line, Segment } from '../screen/segments.js';

/**
 * SGR foreground codes of the colour names the screen uses (Ink's names, as
 * chalk spells them). An unknown name draws in the default colour.
 */
const FOREGROUND: Readonly<Record<string, number>> = {
	black: 30,
	red: 31,
	green: 32,
	yellow: 33,
	blue: 34,
	magenta: 35,
	cyan: 36,
	white: 37,
	gray: 90,
	grey: 90,
	blackBright: 90,
	redBright: 91,
	greenBright: 92,
	yellowBright: 93,
	blueBright: 94,
	magentaBright: 95,
	cyanBright: 96,
	whiteBright: 97,
};

/**
 * The SGR sequences that switch `segment`'s style on. Colour and dim are left
 * out when colour is off (NO_COLOR); bold and inverse stay, as they are not colour.
 */
function openCodes(segment: Segment, color: boolean): string {
	let codes = '';
	if (segment.inverse) codes += '\x1b[7m';
	if (segment.bold) codes += '\x1b[1m';
	if (color && segment.dim) codes += '\x1b[2m';
	const fg = color && segment.color !== undefined ? FOREGROUND[segment.color] : undefined;
	if (fg !== undefined) codes += `\x1b[${fg}m`;
	return codes;
}

/**
 * One planned line as one string with SGR codes: each styled segment is
 * opened and reset on its own, so segments never leak style into each other.
 * The screen's whole output stage reads this format (see cells.ts).
 */
export function lineToAnsi(line: Line, color: boolean): string {
	let out = '';
	for (const segment of line) {
		const open = openCodes(segment, color);
		out += open === '' ? segment.text : `${open}${segment.text}\x1b[0m`;
	}
	return out;
}
