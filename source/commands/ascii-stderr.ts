import { asciiText } from '../present/ascii-text.js';

/** The part of a stream {@link asciiOnlyWrites} changes. */
interface Writable {
	write: NodeJS.WritableStream['write'];
}

const patched = new WeakSet<Writable>();

/**
 * Makes every string later written to `stream` pass through {@link asciiText}.
 * For standard error under `--ascii` or a locale that is not UTF-8: its text
 * comes from every layer (errors and hints, warnings, usage, `wait`'s progress
 * line, `trust`'s questions), and this one edge keeps all of it, and whatever
 * message is added later, to ASCII. Standard output is never wrapped: it carries
 * machine output (JSON, NDJSON, the piped list), which must not change with the
 * locale; its human text draws from the glyph set instead. Idempotent.
 *
 * Japanese passes through as UTF-8: only umwatch's typographic characters are
 * replaced. The locale alone never picks Japanese without UTF-8 (ja_JP.eucJP
 * gets English, i18n/language.ts), so Japanese here means `--lang ja` or
 * `UMWATCH_LANG=ja`: the user says their terminal shows it whatever LANG says
 * (an SSH session into a host left at LANG=C); the glyphs still follow the
 * ASCII rule (`--unicode` for those).
 */
export function asciiOnlyWrites(stream: Writable): void {
	if (patched.has(stream)) return;
	patched.add(stream);
	const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
	stream.write = ((chunk: unknown, ...rest: unknown[]) =>
		write(typeof chunk === 'string' ? asciiText(chunk) : chunk, ...rest)) as Writable['write'];
}
