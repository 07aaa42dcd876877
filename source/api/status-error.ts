/**
 * HTTP statuses other than 2xx, as {@link ApiError}s with a message and a hint.
 * The server's own error text (`{"error": {"message": …}}`) is quoted only
 * after {@link quoteServerText} made it safe.
 */
import { t } from '../i18n/t.js';
import { quoteServerText } from './error-map.js';
import { ApiError } from './errors.js';

/** What a non-2xx answer carried. */
export interface StatusAnswer {
	readonly status: number;
	/** `Retry-After` header value, if any. */
	readonly retryAfter: string | undefined;
	/** `Location` header value, if any (for redirects). */
	readonly location: string | undefined;
	/** The body (possibly cut at a small cap), decoded as UTF-8. */
	readonly body: string;
}

/** Longest Retry-After honoured: a server asking for more is asking for too much. */
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP-date.
 * Null when absent or unreadable; clamped to 0…1 hour.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
	if (value === undefined) return null;
	const text = value.trim();
	let ms: number;
	if (/^\d+$/.test(text)) ms = Number(text) * 1000;
	else if (/^[A-Za-z]{3},/.test(text)) ms = Date.parse(text) - now;
	else return null;
	if (!Number.isFinite(ms)) return null;
	return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** The `error.message` (or a top-level `message`) of a JSON error body, or ''. */
export function serverMessage(body: string): string {
	try {
		const parsed: unknown = JSON.parse(body);
		if (typeof parsed !== 'object' || parsed === null) return '';
		const record = parsed as Record<string, unknown>;
		const error = Object.hasOwn(record, 'error') ? record.error : undefined;
		if (typeof error === 'string') return error;
		if (typeof error === 'object' && error !== null && Object.hasOwn(error, 'message')) {
			const message = (error as Record<string, unknown>).message;
			if (typeof message === 'string') return message;
		}
		return Object.hasOwn(record, 'message') && typeof record.message === 'string'
			? record.message
			: '';
	} catch {
		return '';
	}
}

const REASONS: Readonly<Record<number, string>> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** True for `…/management-server/jobs/KEY`: the one path where a 404 means the job is missing. */
function isOneJobPath(path: string): boolean {
	return /\/management-server\/jobs\/[^/]+$/.test(path);
}

/** Maps a non-2xx answer to an ApiError. */
export function statusError(
	answer: StatusAnswer,
	context: { readonly path: string; readonly secrets: readonly string[]; readonly now: number },
): ApiError {
	const { status } = answer;
	// The sentence around the quote ends with its own full stop: drop the server's.
	const text = quoteServerText(serverMessage(answer.body), context.secrets)
		.trim()
		.replace(/[.。]+$/u, '');
	const said = text === '' ? '' : t('api.serverSaid', { text });
	const label = `${status}${REASONS[status] === undefined ? '' : ` ${REASONS[status]}`}`;
	const path = context.path.split('?')[0]?.slice(0, 200) ?? '';
	if (status === 401) {
		return new ApiError('auth', t('api.auth'), { status, hint: t('api.auth.hint') });
	}
	if (status === 403) {
		return new ApiError('permission', t('api.forbidden', { said }), {
			status,
			hint: t('api.forbidden.hint'),
		});
	}
	if (status === 404 && !isOneJobPath(path)) {
		// Not a job that is missing: the URL does not reach the jobs API (a wrong
		// prefix, a proxy). Exit 8 ("job not found") would send a script's author
		// looking for a key that `list` never had.
		return new ApiError('bad-response', t('api.notFound', { path, said }), {
			status,
			hint: t('api.notFound.pathHint'),
		});
	}
	if (status === 404) {
		return new ApiError('not-found', t('api.notFound', { path, said }), {
			status,
			hint: t('api.notFound.jobHint'),
		});
	}
	if (status === 405) {
		return new ApiError('method', t('api.method', { said }), {
			status,
			hint: t('api.method.hint'),
		});
	}
	if (status === 429) return rateLimited(answer, context.now, said);
	if (status >= 500) {
		return new ApiError('server', t('api.serverFailed', { status: label, said }), {
			status,
			hint: status === 503 ? t('api.serverFailed.hint503') : t('api.serverFailed.hint'),
		});
	}
	if (status >= 300 && status < 400) {
		const message =
			answer.location === undefined
				? t('api.redirect', { status })
				: t('api.redirectTo', {
						status,
						location: quoteServerText(answer.location, context.secrets),
					});
		return new ApiError('bad-response', message, { status, hint: t('api.redirect.hint') });
	}
	return new ApiError('request', t('api.requestRejected', { status: label, said }), {
		status,
		hint: t('api.requestRejected.hint'),
	});
}

function rateLimited(answer: StatusAnswer, now: number, said: string): ApiError {
	const wait = parseRetryAfter(answer.retryAfter, now);
	const message =
		wait === null
			? t('api.rateLimited', { said })
			: t('api.rateLimitedWait', { seconds: Math.ceil(wait / 1000), said });
	return new ApiError('rate-limited', message, {
		status: 429,
		hint: t('api.rateLimited.hint'),
		...(wait === null ? {} : { retryAfterMs: wait }),
	});
}
