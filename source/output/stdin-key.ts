import { quoteServerText } from '../api/error-map.js';
import { UsageError } from '../api/usage-error.js';
import { t } from '../i18n/t.js';
import type { InputStream } from './io.js';
import { checkJobKey } from './job-key.js';
import { inertText } from './safe-text.js';

/** A 202 body is tiny; more than this on stdin is not one. */
const MAX_STDIN_BYTES = 1024 * 1024;

/** What stdin should hold, for the end of each refusal (made when said: the language is chosen at start). */
function expected(): string {
	return t('output.stdin.expected', {
		job: '{"job":{"key":"…"}}',
		operation: '{"operationId":"…"}',
	});
}

/** Reads all of stdin as text, refusing more than a 202 body could be; stops when `signal` fires. */
export function readStdinText(stdin: InputStream, signal?: AbortSignal): Promise<string> {
	return new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const cleanup = () => {
			stdin.off('data', onData);
			stdin.off('end', onEnd);
			stdin.off('error', onError);
			signal?.removeEventListener('abort', onAbort);
		};
		const onData = (chunk: Buffer | string) => {
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += buffer.length;
			chunks.push(buffer);
			if (size > MAX_STDIN_BYTES) {
				cleanup();
				stdin.pause();
				reject(new UsageError(t('output.stdin.tooLarge', { expected: expected() })));
			}
		};
		const onEnd = () => {
			cleanup();
			resolve(Buffer.concat(chunks).toString('utf8'));
		};
		const onError = (error: Error) => {
			cleanup();
			reject(new UsageError(t('output.stdin.cannotRead', { error: error.message })));
		};
		// A writer that never closes its end must not outlive --timeout or Ctrl-C.
		const onAbort = () => {
			cleanup();
			stdin.pause();
			reject(signal?.reason ?? new Error('aborted'));
		};
		if (signal?.aborted) {
			onAbort();
			return;
		}
		signal?.addEventListener('abort', onAbort, { once: true });
		stdin.on('data', onData);
		stdin.once('end', onEnd);
		stdin.once('error', onError);
	});
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A 202 body without a key may still carry the job's own link: …/jobs/<encoded key>.
function keyFromLinks(job: Record<string, unknown>): string | null {
	const links = job._links;
	const self = isRecord(links) ? links.self : undefined;
	const href = isRecord(self) ? self.href : undefined;
	if (typeof href !== 'string') return null;
	const match = /\/jobs\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href);
	if (match?.[1] === undefined) return null;
	try {
		return decodeURIComponent(match[1]);
	} catch {
		return null;
	}
}

function keyFromJson(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	if (!isRecord(value)) return null;
	const job = value.job;
	if (isRecord(job)) {
		if (typeof job.key === 'string') return job.key;
		const linked = keyFromLinks(job);
		if (linked !== null) return linked;
	}
	if (typeof value.operationId === 'string') return value.operationId;
	// The job object itself, e.g. piped from `umwatch show KEY --json` or the API.
	if (typeof value.key === 'string') return value.key;
	return keyFromLinks(value);
}

function quoted(value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number') return '';
	return quoteServerText(String(value), [])
		.trim()
		.replace(/[.。]+$/u, '');
}

/**
 * What a failed POST left on stdin instead of a 202 body: AIQUM's error body
 * `{"error": {"message", "code", "target"}}` (or a bare `{"error": "…"}`), as
 * one sentence with the server's own words, made inert. Null for anything else.
 */
function serverErrorOf(value: unknown, where: string): string | null {
	if (!isRecord(value) || !Object.hasOwn(value, 'error')) return null;
	const error = value.error;
	const message = isRecord(error) ? quoted(error.message) : quoted(error);
	const details = isRecord(error)
		? [
				quoted(error.code) === ''
					? null
					: t('output.stdin.errorCode', { code: quoted(error.code) }),
				quoted(error.target) === ''
					? null
					: t('output.stdin.errorTarget', { target: quoted(error.target) }),
			].filter((part) => part !== null)
		: [];
	const said =
		message === '' ? t('output.stdin.noMessage') : t('output.stdin.quoted', { text: message });
	const more = details.length === 0 ? '' : ` (${details.join(t('output.listSeparator'))})`;
	return t('output.stdin.serverError', { where, said, more });
}

/** The `<title>` of an HTML page, inert and bounded, or ''. */
function htmlTitle(text: string): string {
	const match = /<title[^>]*>([^<]*)<\/title>/iu.exec(text);
	return match?.[1] === undefined ? '' : quoted(match[1].replace(/\s+/gu, ' '));
}

/**
 * Text that is not JSON and cannot be a key: an HTML page (a proxy's or the
 * server's error page), or words with spaces between them (an error message).
 * Keys are opaque, but never hold spaces or angle brackets.
 */
function notAKey(text: string, where: string): UsageError | null {
	if (/[<>]/u.test(text)) {
		const title = htmlTitle(text);
		return new UsageError(
			title === ''
				? t('output.stdin.html', { where })
				: t('output.stdin.htmlTitled', { where, title }),
		);
	}
	if (/\s/u.test(text)) {
		const shown = inertText(text.replace(/\s+/gu, ' ')).slice(0, 60);
		return new UsageError(
			t('output.stdin.text', { where, shown: JSON.stringify(shown), expected: expected() }),
		);
	}
	return null;
}

/**
 * Finds the job key in what `wait -` read from stdin: the AIQUM 202 body
 * (`{"job": {"key": …, "_links": …}}`, or `{"operationId": …}` from a cluster
 * rediscovery), the job object itself, a JSON string, or a bare key on one line.
 * Throws {@link UsageError} with a specific message for empty or unusable input:
 * the server's error body (its message quoted), an HTML page, other text.
 */
export function jobKeyFromStdinText(text: string, where = 'stdin'): string {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '')
		throw new UsageError(t('output.stdin.empty', { where, expected: expected() }));
	let parsed: unknown;
	try {
		parsed = JSON.parse(trimmed);
	} catch {
		if (/^[{["]/.test(trimmed)) {
			throw new UsageError(t('output.stdin.notJson', { where, expected: expected() }));
		}
		// Not JSON: a bare key, alone on its line.
		const refusal = notAKey(trimmed, where);
		if (refusal !== null) throw refusal;
		return checkJobKey(trimmed, t('output.stdin.keyOn', { where }));
	}
	const failure = serverErrorOf(parsed, where);
	if (failure !== null) throw new UsageError(failure);
	const key = keyFromJson(parsed);
	if (key === null) throw new UsageError(t('output.stdin.noKey', { where, expected: expected() }));
	return checkJobKey(key, t('output.stdin.keyOn', { where }));
}

/**
 * Every job key in what `wait -` read from stdin: one document as
 * {@link jobKeyFromStdinText} reads it (a 202 body, pretty or not, or a key),
 * or one per line, NDJSON 202 bodies and plain keys mixed (a loop of `curl`s),
 * blank lines skipped. A line that is neither is a usage error naming its
 * line number, so nothing is asked of a server for half a list. Input that
 * was one document's refusal (one line, an HTML page, pretty JSON) keeps that
 * message. Keys given twice count once; the order is the first appearance.
 */
export function jobKeysFromStdinText(text: string): string[] {
	const whole = text.replace(/^\uFEFF/, '');
	const lines = whole.split(/\r?\n/u);
	const filled = lines.filter((line) => line.trim() !== '');
	if (filled.length <= 1 || isOneDocument(whole)) return [jobKeyFromStdinText(whole)];
	const keys = lines.flatMap((line, i) =>
		line.trim() === '' ? [] : [jobKeyFromStdinText(line, t('output.stdin.line', { line: i + 1 }))],
	);
	return [...new Set(keys)];
}

/** Several lines that still make one thing: one JSON value, or an HTML page. */
function isOneDocument(text: string): boolean {
	try {
		JSON.parse(text.trim());
		return true;
	} catch {
		return /<\s*(?:!doctype|html|head|body|title)\b/iu.test(text);
	}
}

/**
 * Resolves the KEY argument of `wait`: `-` reads it from stdin (which must not
 * be a terminal: nobody is typing a 202 body), anything else is the key itself.
 */
export async function resolveKeyArgument(
	argument: string,
	stdin: InputStream | undefined,
	signal?: AbortSignal,
): Promise<string> {
	if (argument !== '-') return checkJobKey(argument);
	checkStdin(stdin);
	return jobKeyFromStdinText(await readStdinText(stdin, signal));
}

function checkStdin(stdin: InputStream | undefined): asserts stdin is InputStream {
	if (stdin === undefined) {
		throw new UsageError(t('output.stdin.none', { expected: expected() }));
	}
	if (stdin.isTTY === true) throw new UsageError(t('output.stdin.terminal'));
}

/**
 * Resolves `wait`'s KEY arguments to the keys to wait for: each key as given,
 * `-` (at most once counts) the keys on stdin, one per line. Every key is
 * checked before anything is asked of a server; keys given twice count once,
 * in the order they first appear.
 */
export async function resolveKeyArguments(
	argumentList: readonly string[],
	stdin: InputStream | undefined,
	signal?: AbortSignal,
): Promise<string[]> {
	const keys: string[] = [];
	for (const argument of new Set(argumentList)) {
		if (argument !== '-') {
			keys.push(checkJobKey(argument));
			continue;
		}
		checkStdin(stdin);
		keys.push(...jobKeysFromStdinText(await readStdinText(stdin, signal)));
	}
	return [...new Set(keys)];
}
