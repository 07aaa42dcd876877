/**
 * HTTP statuses other than 2xx, as {@link ApiError}s with a message and a hint.
 * The server's own error text (`{"error": {"message": …}}`) is quoted only
 * after {@link quoteServerText} made it safe.
 */
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
	const said = quoteServerText(serverMessage(answer.body), context.secrets)
		.trim()
		.replace(/[.。]+$/u, '');
	const quoted = said === '' ? '' : `: "${said}"`;
	const label = `${status}${REASONS[status] === undefined ? '' : ` ${REASONS[status]}`}`;
	const path = context.path.split('?')[0]?.slice(0, 200) ?? '';
	if (status === 401) {
		return new ApiError('auth', 'Unified Manager rejected the user name or password (401).', {
			status,
			hint: 'Check --user and the password source.',
		});
	}
	if (status === 403) {
		return new ApiError(
			'permission',
			`Unified Manager refused access for this user (403)${quoted}.`,
			{
				status,
				hint: 'The user needs an API role: Operator (read-only) is enough to watch jobs.',
			},
		);
	}
	if (status === 404 && !isOneJobPath(path)) {
		// Not a job that is missing: the URL does not reach the jobs API (a wrong
		// prefix, a proxy). Exit 8 ("job not found") would send a script's author
		// looking for a key that `list` never had.
		return new ApiError(
			'bad-response',
			`Unified Manager answered 404 Not Found for ${path}${quoted}.`,
			{
				status,
				hint: "Check the URL: it must reach Unified Manager's API (…/api), directly or through its proxy prefix.",
			},
		);
	}
	if (status === 404) {
		return new ApiError(
			'not-found',
			`Unified Manager answered 404 Not Found for ${path}${quoted}.`,
			{
				status,
				hint: 'Check the job key and the URL; a job submitted a moment ago can take a few seconds to appear.',
			},
		);
	}
	if (status === 405) {
		return new ApiError('method', `Unified Manager does not allow this request (405)${quoted}.`, {
			status,
			hint: 'The jobs API is read-only; please report this as a umwatch bug.',
		});
	}
	if (status === 429) return rateLimited(answer, context.now, quoted);
	if (status >= 500) {
		return new ApiError('server', `Unified Manager failed with ${label}${quoted}.`, {
			status,
			hint:
				status === 503
					? 'The server is overloaded or starting up.'
					: "If it persists, check Unified Manager's health.",
		});
	}
	if (status >= 300 && status < 400) {
		const to =
			answer.location === undefined
				? ''
				: ` to ${quoteServerText(answer.location, context.secrets)}`;
		return new ApiError('bad-response', `Unified Manager answered a redirect (${status})${to}.`, {
			status,
			hint: 'Is the URL right (https, the port, …/api)?',
		});
	}
	return new ApiError('request', `Unified Manager rejected the request (${label})${quoted}.`, {
		status,
		hint: 'Check the filters and options given.',
	});
}

function rateLimited(answer: StatusAnswer, now: number, quoted: string): ApiError {
	const wait = parseRetryAfter(answer.retryAfter, now);
	const when = wait === null ? '' : `; it asks to wait ${Math.ceil(wait / 1000)} s`;
	return new ApiError(
		'rate-limited',
		`Unified Manager is limiting requests (429)${when}${quoted}.`,
		{
			status: 429,
			hint: 'In the live view, a longer --interval avoids it.',
			...(wait === null ? {} : { retryAfterMs: wait }),
		},
	);
}
