/**
 * Every failure the client can report, as one typed error. `message` is one line
 * that says what happened; `hint` says what to do. Neither ever contains the
 * password, and neither contains raw server text (server messages are sanitized
 * and bounded before they are quoted).
 */
import { t } from '../i18n/t.js';

export type ApiErrorKind =
	/** 401: the user name or password was rejected. Retrying cannot fix it. */
	| 'auth'
	/** 403: the user lacks an API role (Operator is enough to watch jobs). */
	| 'permission'
	/** 404: no such job or path (AIQUM also answers 404 briefly before its cache catches up). */
	| 'not-found'
	/** 405: a verb the jobs API does not allow. */
	| 'method'
	/** 429: too many requests; `retryAfterMs` when the server said. */
	| 'rate-limited'
	/** 5xx: the server failed; a GET is worth retrying. */
	| 'server'
	/** 400 or another 4xx the client does not expect. */
	| 'request'
	/** The body was not the JSON expected: HTML from a proxy, truncated, wrong shape, too deep. */
	| 'bad-response'
	/** The body was larger than the cap. */
	| 'too-large'
	/** Refused, reset, DNS failure, unreachable. */
	| 'network'
	/** Connect, header or body timeout. */
	| 'timeout'
	/** Certificate not trusted, expired, wrong host, or pinned fingerprint changed. */
	| 'tls'
	/** The caller aborted the request (not a failure of the server). */
	| 'aborted';

/** Options for {@link ApiError}. */
export interface ApiErrorOptions {
	readonly hint?: string;
	readonly status?: number;
	readonly retryAfterMs?: number;
	readonly cause?: unknown;
}

/** A failure talking to Unified Manager, typed so callers can decide what to do. */
export class ApiError extends Error {
	override readonly name = 'ApiError';
	readonly kind: ApiErrorKind;
	/** What the user can do about it, one line; '' when there is nothing useful to say. */
	readonly hint: string;
	readonly status: number | undefined;
	/** From `Retry-After`, when the server sent one. */
	readonly retryAfterMs: number | undefined;

	constructor(kind: ApiErrorKind, message: string, options: ApiErrorOptions = {}) {
		super(message, options.cause === undefined ? undefined : { cause: options.cause });
		this.kind = kind;
		this.hint = options.hint ?? '';
		this.status = options.status;
		this.retryAfterMs = options.retryAfterMs;
	}

	/** Whether trying the same GET again later may succeed. */
	get retryable(): boolean {
		return (
			this.kind === 'rate-limited' ||
			this.kind === 'server' ||
			this.kind === 'network' ||
			this.kind === 'timeout' ||
			this.kind === 'bad-response' ||
			this.kind === 'not-found'
		);
	}
}

/** True for errors no amount of retrying fixes: the user must act. */
export function isFatal(error: Pick<ApiError, 'kind'>): boolean {
	return error.kind === 'auth' || error.kind === 'permission' || error.kind === 'tls';
}

/**
 * True when no HTTP answer came at all: refused, reset, unreachable, a DNS
 * failure, a timeout. The server may be down or out of reach. Any HTTP status
 * (a 5xx, a 429, even a proxy's HTML page) is an answer: something is alive
 * there. The give-up bounds of `wait` and `events` count only this silence.
 */
export function isNoAnswer(error: ApiError): boolean {
	return error.kind === 'network' || error.kind === 'timeout';
}

/** The error every cancelled wait or request ends with. */
export function abortedError(): ApiError {
	return new ApiError('aborted', t('api.cancelled'));
}

/** Any thrown value as an ApiError (a non-ApiError is a bug upstream; it is reported, not rethrown raw). */
export function toApiError(error: unknown): ApiError {
	if (error instanceof ApiError) return error;
	if (error instanceof Error && error.name === 'AbortError') return abortedError();
	const text = error instanceof Error ? error.message : String(error);
	return new ApiError('bad-response', t('api.unexpected', { text: text.slice(0, 200) }), {
		cause: error,
	});
}
