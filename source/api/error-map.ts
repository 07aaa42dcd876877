/**
 * Turns every way a request can fail (a socket error, a TLS refusal, a
 * timeout, an HTTP status) into one {@link ApiError} with a one-line message
 * and a hint. Only our own words, the host, the status and sanitized, bounded
 * server text go into a message, and known secrets are scrubbed from the
 * server text in case a server echoes them.
 */
import { ApiError, type ApiErrorKind } from './errors.js';
import { sanitizeText } from './sanitize.js';
import { FingerprintMismatchError } from './tls.js';

/** What the mapper knows about the request that failed. */
export interface FailureContext {
	/** `host:port` for messages. */
	readonly host: string;
	/** The request path (our own, already encoded), for 404 messages. */
	readonly path: string;
	/** Strings that must never appear in a message (the password, the Basic credential). */
	readonly secrets: readonly string[];
	readonly connectTimeoutMs: number;
	readonly headersTimeoutMs: number;
	readonly bodyTimeoutMs: number;
	/** True once the response headers arrived: a socket error then cut the body short. */
	readonly inBody: boolean;
	/** The CA file given with --ca-file, named when a certificate is not signed by it. */
	readonly caFile?: string;
	/** The URL says http://, and a TLS handshake on its port completed (see tls-port.ts). */
	readonly speaksTls?: boolean;
}

/** Longest piece of server text quoted in a message. */
export const QUOTE_LENGTH = 200;

const UNTRUSTED_CA = new Set([
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_GET_ISSUER_CERT',
	'CERT_UNTRUSTED',
]);

const TRUST_HINT =
	'Run `umwatch trust` to pin its certificate, or use --ca-file FILE, or --insecure.';

/** Server text made safe to quote: sanitized, bounded, secrets replaced by `***`. */
export function quoteServerText(text: string, secrets: readonly string[]): string {
	let safe = sanitizeText(text, QUOTE_LENGTH * 4);
	for (const secret of secrets) {
		// Too short a secret would garble every message; the password check upstream keeps such
		// secrets rare, and a 1–2 character password is no secret to begin with.
		if (secret.length >= 3) safe = safe.split(secret).join('***');
	}
	return sanitizeText(safe, QUOTE_LENGTH);
}

/** The first errno or undici code on the error or its causes, or ''. */
export function codeOf(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && code !== '') return code;
		current = (current as { cause?: unknown }).cause;
	}
	return '';
}

function seconds(ms: number): string {
	if (ms < 1000) return `${ms} ms`;
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function make(kind: ApiErrorKind, message: string, hint: string, cause: unknown): ApiError {
	return new ApiError(kind, message, { hint, cause: sanitizedCause(cause) });
}

/**
 * The cause kept on an ApiError: name, code and a sanitized, scrubbed message
 * only (an undici error can hold sockets and request options; none is needed).
 */
function sanitizedCause(cause: unknown): Error {
	const code = codeOf(cause);
	const text = cause instanceof Error ? cause.message : String(cause);
	const error = new Error(sanitizeText(text, 300));
	if (code !== '') Object.assign(error, { code });
	return error;
}

/** Maps a thrown error (socket, TLS, timeout, abort) to an ApiError. */
export function mapFailure(error: unknown, context: FailureContext): ApiError {
	if (error instanceof ApiError) return error;
	const code = codeOf(error);
	const host = context.host;
	if (error instanceof FingerprintMismatchError) {
		return make(
			'tls',
			`The certificate of ${host} changed: its SHA-256 fingerprint is ${error.actual}, not the pinned ${error.expected}.`,
			'If the certificate was renewed on purpose, check it and run `umwatch trust` again; otherwise the connection may be intercepted.',
			error,
		);
	}
	if (context.speaksTls === true) {
		// Not retried ('request'): asking again in plain HTTP cannot help.
		return make(
			'request',
			`The URL says http://, but ${host} speaks TLS.`,
			`This port speaks TLS: use https://, as in --url https://${host}.`,
			error,
		);
	}
	const tls = mapTlsCode(code, error, context);
	if (tls !== null) return tls;
	switch (code) {
		case 'ECONNREFUSED':
			return make(
				'network',
				`Connection refused by ${host}.`,
				'Is the URL right and the server up?',
				error,
			);
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'EAI_NONAME':
			return make(
				'network',
				`Host name not found: ${host}.`,
				'Check the host name in the URL (and DNS).',
				error,
			);
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'EHOSTDOWN':
			return make(
				'network',
				`No route to ${host}.`,
				'Check the network path (VPN, firewall, routing).',
				error,
			);
		case 'ETIMEDOUT':
		case 'UND_ERR_CONNECT_TIMEOUT':
			return make(
				'timeout',
				`No connection to ${host} within ${seconds(context.connectTimeoutMs)}.`,
				'Is the host reachable from here (VPN, firewall)?',
				error,
			);
		case 'UND_ERR_HEADERS_TIMEOUT':
			return make(
				'timeout',
				`${host} did not answer within ${seconds(context.headersTimeoutMs)}.`,
				'Unified Manager may be overloaded.',
				error,
			);
		case 'UND_ERR_BODY_TIMEOUT':
			return make(
				'timeout',
				`The answer from ${host} stalled for ${seconds(context.bodyTimeoutMs)}.`,
				'Unified Manager may be overloaded.',
				error,
			);
		case 'UND_ERR_ABORTED':
		case 'ABORT_ERR':
			return make('aborted', 'The request was cancelled.', '', error);
		case 'UND_ERR_DESTROYED':
			return make('aborted', 'The request was cancelled: the client was closed.', '', error);
		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
		case 'UND_ERR_CLOSED':
		case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
			return make(
				'network',
				context.inBody
					? `The connection to ${host} closed before the whole answer arrived.`
					: `The connection to ${host} was closed or reset before an answer.`,
				'If it keeps happening, check proxies between here and the server.',
				error,
			);
		default:
			break;
	}
	if (error instanceof Error && error.name === 'AbortError') {
		return make('aborted', 'The request was cancelled.', '', error);
	}
	const detail =
		code === '' ? sanitizeText(error instanceof Error ? error.message : String(error), 120) : code;
	return make(
		'network',
		`Could not talk to ${host}: ${quoteServerText(detail, context.secrets).trim()}.`,
		'',
		error,
	);
}

function mapTlsCode(code: string, error: unknown, context: FailureContext): ApiError | null {
	const host = context.host;
	const caFile = context.caFile;
	if (caFile !== undefined && (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || UNTRUSTED_CA.has(code))) {
		// With --ca-file the system store is not used: "this machine does not trust" would mislead.
		return make(
			'tls',
			`The certificate of ${host} is not signed by the CA in ${caFile}${code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ? ' (it is self-signed)' : ''}.`,
			`Check that ${caFile} holds the CA that signed it, or the server's own certificate; or pin it with \`umwatch trust\`.`,
			error,
		);
	}
	if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
		return make(
			'tls',
			`${host} presents a self-signed certificate, which is not trusted.`,
			TRUST_HINT,
			error,
		);
	}
	if (UNTRUSTED_CA.has(code)) {
		return make(
			'tls',
			`The certificate of ${host} is signed by a CA this machine does not trust.`,
			TRUST_HINT,
			error,
		);
	}
	if (code === 'CERT_HAS_EXPIRED') {
		return make(
			'tls',
			`The certificate of ${host} has expired.`,
			'Renew it on Unified Manager; to connect meanwhile, pin it with `umwatch trust` or use --insecure.',
			error,
		);
	}
	if (code === 'CERT_NOT_YET_VALID') {
		return make(
			'tls',
			`The certificate of ${host} is not valid yet.`,
			"Check this machine's clock and the server's.",
			error,
		);
	}
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
		const names = altNames(error);
		return make(
			'tls',
			`The certificate of ${host} is for another host name${names === '' ? '' : ` (${names})`}.`,
			'Use a host name the certificate names in the URL, or pin it with `umwatch trust`.',
			error,
		);
	}
	if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') {
		return make(
			'tls',
			`The TLS handshake with ${host} failed (${sanitizeText(code, 60)}).`,
			'Is the port right, and does it speak https? For the simulator without TLS use http://.',
			error,
		);
	}
	return null;
}

/** The names in a certificate that did not match, from Node's error, bounded and sanitized. */
function altNames(error: unknown): string {
	const cert = (error as { cert?: { subjectaltname?: unknown } } | null)?.cert;
	const names = cert?.subjectaltname;
	return typeof names === 'string' ? sanitizeText(names, 120) : '';
}
