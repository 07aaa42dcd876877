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
 */
export function asciiOnlyWrites(stream: Writable): void {
	if (patched.has(stream)) return;
	patched.add(stream);
	const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
	stream.write = ((chunk: unknown, ...rest: unknown[]) =>
		write(typeof chunk === 'string' ? asciiText(chunk) : chunk, ...rest)) as Writable['write'];
}
