import { sanitizeText } from '../api/sanitize.js';

/**
 * The last line of defence before text reaches a terminal or a log. The API
 * parser already strips control characters and escape sequences from every
 * server string; this pass runs again on everything the scripting modes print,
 * cheaply, so a parser bug alone cannot let a job name clear a screen, set a
 * window title or write the clipboard.
 */

// C0 controls and DEL, C1 controls, the line and paragraph separators, bidirectional
// overrides, isolates and marks, zero-width space, word joiners and the BOM. The
// zero-width (non-)joiners U+200C/U+200D stay: emoji sequences and some scripts need
// them, and the parser has already removed any that were not part of such text.
const INERT_PATTERN =
	/[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Makes one printed field inert: every control, bidi and zero-width character is
 * removed, and whitespace controls (tab, newline, CR) become a space so a field
 * stays on its line. With ESC gone an escape sequence is only harmless text.
 */
export function inertText(text: string): string {
	// The parser's sanitizer first (it also drops escape sequences' payloads), then an
	// independent, simpler pass, so one bug in either cannot leave a control behind.
	return sanitizeText(text, Number.MAX_SAFE_INTEGER).replace(INERT_PATTERN, (char) =>
		char === '\t' || char === '\n' || char === '\r' ? ' ' : '',
	);
}
