// Lives in present/ so the live view and the failure describer use the same pass.
export { inertText } from '../present/inert-text.js';

/**
 * Serializes `value` as JSON with every character that could act on a terminal
 * escaped as `\uXXXX`: JSON.stringify already escapes C0 controls, this adds
 * DEL, C1, U+2028/2029, bidi controls and zero-width characters. Safe because such
 * characters can only occur inside JSON strings, never in the structure.
 * (`jq -r` decodes the escapes again; the parser has removed them before this point.)
 */
export function safeJsonStringify(value: unknown, indent?: number): string {
	return JSON.stringify(value, null, indent).replace(
		/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
