/**
 * Turns every way a request can fail (a socket error, a TLS refusal, a
 * timeout, an HTTP status) into one {@link ApiError} with a one-line message
 * and a hint. Only our own words, the host, the status and sanitized, bounded
 * server text go into a message, and known secrets are scrubbed from the
 * server text in case a server echoes them.
 */
import { t } from '../i18n/t.js';
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
	if (ms < 1000) return t('api.durationMs', { value: ms });
	return t('api.durationS', { value: ms % 1000 === 0 ? ms / 1000 : (ms / 1000).toFixed(1) });
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
			t('api.fingerprintChanged', { host, actual: error.actual, expected: error.expected }),
			t('api.fingerprintChanged.hint'),
			error,
		);
	}
	if (context.speaksTls === true) {
		// Not retried ('request'): asking again in plain HTTP cannot help.
		return make('request', t('api.speaksTls', { host }), t('api.speaksTls.hint', { host }), error);
	}
	const tls = mapTlsCode(code, error, context);
	if (tls !== null) return tls;
	switch (code) {
		case 'ECONNREFUSED':
			return make('network', t('api.refused', { host }), t('api.refused.hint'), error);
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'EAI_NONAME':
			return make('network', t('api.hostNotFound', { host }), t('api.hostNotFound.hint'), error);
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'EHOSTDOWN':
			return make('network', t('api.noRoute', { host }), t('api.noRoute.hint'), error);
		case 'ETIMEDOUT':
		case 'UND_ERR_CONNECT_TIMEOUT':
			return make(
				'timeout',
				t('api.connectTimeout', { host, time: seconds(context.connectTimeoutMs) }),
				t('api.connectTimeout.hint'),
				error,
			);
		case 'UND_ERR_HEADERS_TIMEOUT':
			return make(
				'timeout',
				t('api.headersTimeout', { host, time: seconds(context.headersTimeoutMs) }),
				t('api.overloaded.hint'),
				error,
			);
		case 'UND_ERR_BODY_TIMEOUT':
			return make(
				'timeout',
				t('api.bodyTimeout', { host, time: seconds(context.bodyTimeoutMs) }),
				t('api.overloaded.hint'),
				error,
			);
		case 'UND_ERR_ABORTED':
		case 'ABORT_ERR':
			return make('aborted', t('api.cancelled'), '', error);
		case 'UND_ERR_DESTROYED':
			return make('aborted', t('api.cancelledClosed'), '', error);
		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
		case 'UND_ERR_CLOSED':
		case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
			return make(
				'network',
				context.inBody ? t('api.closedInBody', { host }) : t('api.closedBeforeAnswer', { host }),
				t('api.closed.hint'),
				error,
			);
		default:
			break;
	}
	if (error instanceof Error && error.name === 'AbortError') {
		return make('aborted', t('api.cancelled'), '', error);
	}
	const detail =
		code === '' ? sanitizeText(error instanceof Error ? error.message : String(error), 120) : code;
	return make(
		'network',
		t('api.otherFailure', { host, detail: quoteServerText(detail, context.secrets).trim() }),
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
			code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
				? t('api.certSelfSignedNotFromCaFile', { host, caFile })
				: t('api.certNotFromCaFile', { host, caFile }),
			t('api.certNotFromCaFile.hint', { caFile }),
			error,
		);
	}
	if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
		return make('tls', t('api.selfSigned', { host }), t('api.trust.hint'), error);
	}
	if (UNTRUSTED_CA.has(code)) {
		return make('tls', t('api.untrustedCa', { host }), t('api.trust.hint'), error);
	}
	if (code === 'CERT_HAS_EXPIRED') {
		return make('tls', t('api.certExpired', { host }), t('api.certExpired.hint'), error);
	}
	if (code === 'CERT_NOT_YET_VALID') {
		return make('tls', t('api.certNotYetValid', { host }), t('api.certNotYetValid.hint'), error);
	}
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
		const names = altNames(error);
		return make(
			'tls',
			names === ''
				? t('api.certOtherHost', { host })
				: t('api.certOtherHostNames', { host, names }),
			t('api.certOtherHost.hint'),
			error,
		);
	}
	if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') {
		return make(
			'tls',
			t('api.handshakeFailed', { host, code: sanitizeText(code, 60) }),
			t('api.handshakeFailed.hint'),
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
