/**
 * ASCII for the few non-ASCII characters umwatch's own prose uses (the help,
 * usage lines, error messages and hints): what `--ascii`, or a locale that is
 * not UTF-8, prints in their place. The screens do not come here: they draw
 * from the glyph set (theme.ts), which has one-column ASCII stand-ins.
 */
const ASCII_FOR: Readonly<Record<string, string>> = {
	'…': '...',
	'–': '-',
	'—': '-',
	'−': '-',
	'·': '-',
	'×': 'x',
	'›': '>',
	'‹': '<',
	'←': '<-',
	'→': '->',
	'↑': '^',
	'↓': 'v',
	'⏎': 'Enter',
	'‘': "'",
	'’': "'",
	'“': '"',
	'”': '"',
};

const REPLACED = new RegExp(`[${Object.keys(ASCII_FOR).join('')}]`, 'gu');

/**
 * `text` with umwatch's typographic characters made ASCII. Anything else is
 * left as it is: a server's text (a job name in a message) keeps its own
 * characters, and at most loses these few to their ASCII forms.
 */
export function asciiText(text: string): string {
	return text.replace(REPLACED, (char) => ASCII_FOR[char] ?? char);
}

/** `text` as the glyph choice wants it: {@link asciiText} when `ascii`, else unchanged. */
export function proseFor(text: string, ascii: boolean): string {
	return ascii ? asciiText(text) : text;
}
