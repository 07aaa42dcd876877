/**
 * One GET that answers JSON: the connection pool, Basic auth, timeouts, the
 * response size cap enforced while the body streams in, and the mapping of
 * every failure to an ApiError. The client above it knows only paths.
 */
import { type Dispatcher, Pool } from 'undici';
import { t } from '../i18n/t.js';
import type { Clock } from '../time/clock.js';
import { type FailureContext, mapFailure } from './error-map.js';
import { ApiError } from './errors.js';
import { statusError } from './status-error.js';
import { createConnector } from './tls.js';
import { tlsPortCheck } from './tls-port.js';
import type { BaseUrl } from './url.js';

/** Defaults for {@link HttpOptions}. */
export const HTTP_DEFAULTS = {
	connectTimeoutMs: 10_000,
	headersTimeoutMs: 30_000,
	bodyTimeoutMs: 30_000,
	maxResponseBytes: 32 * 1024 * 1024,
	/** Idle sockets are kept this long between polls (a poll every 2 s reuses them). */
	keepAliveMs: 30_000,
} as const;

/** Error bodies are read only this far: enough for a message, not a hostile page. */
const ERROR_BODY_BYTES = 64 * 1024;

/** Everything {@link createHttp} needs. */
export interface HttpOptions {
	readonly base: BaseUrl;
	readonly user: string;
	readonly password: string;
	readonly ca?: string;
	/** The CA file's path, for messages. */
	readonly caFile?: string;
	readonly insecure?: boolean;
	readonly fingerprint?: string;
	readonly connectTimeoutMs: number;
	readonly headersTimeoutMs: number;
	readonly bodyTimeoutMs: number;
	readonly maxResponseBytes: number;
	readonly clock: Clock;
	readonly dispatcher?: Dispatcher;
}

/** A decoded JSON answer. */
export interface JsonAnswer {
	readonly body: unknown;
	/** The `Date` header, if any. */
	readonly date: string | undefined;
	/** Time until the response headers arrived, on the injected clock. */
	readonly heldMs: number;
}

/** Per-request options. */
export interface GetOptions {
	readonly signal?: AbortSignal | undefined;
	/** Overrides the headers timeout (long polls are held longer). */
	readonly headersTimeoutMs?: number;
}

/** The transport the client uses. */
export interface Http {
	getJson(path: string, options?: GetOptions): Promise<JsonAnswer>;
	close(): Promise<void>;
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** Creates the transport: one pool per server, or the injected dispatcher. */
export function createHttp(options: HttpOptions): Http {
	const { base } = options;
	const credential = Buffer.from(`${options.user}:${options.password}`, 'utf8').toString('base64');
	const headers = {
		authorization: `Basic ${credential}`,
		accept: 'application/json',
		'user-agent': 'umwatch',
	};
	const secrets = [options.password, credential];
	const ownPool =
		options.dispatcher === undefined
			? new Pool(base.origin, {
					connect: createConnector({
						connectTimeoutMs: options.connectTimeoutMs,
						...(options.ca === undefined ? {} : { ca: options.ca }),
						...(options.insecure === undefined ? {} : { insecure: options.insecure }),
						...(options.fingerprint === undefined ? {} : { fingerprint: options.fingerprint }),
					}),
					connections: 4,
					keepAliveTimeout: HTTP_DEFAULTS.keepAliveMs,
					keepAliveMaxTimeout: HTTP_DEFAULTS.keepAliveMs,
					headersTimeout: options.headersTimeoutMs,
					bodyTimeout: options.bodyTimeoutMs,
				})
			: null;
	const dispatcher: Dispatcher = ownPool ?? (options.dispatcher as Dispatcher);
	const speaksTls = tlsPortCheck(base, options.connectTimeoutMs);

	async function getJson(path: string, get: GetOptions = {}): Promise<JsonAnswer> {
		const headersTimeoutMs = get.headersTimeoutMs ?? options.headersTimeoutMs;
		const context: FailureContext = {
			host: `${base.hostname.includes(':') ? `[${base.hostname}]` : base.hostname}:${base.port}`,
			path,
			secrets,
			connectTimeoutMs: options.connectTimeoutMs,
			headersTimeoutMs,
			bodyTimeoutMs: options.bodyTimeoutMs,
			inBody: false,
			...(options.caFile === undefined ? {} : { caFile: options.caFile }),
		};
		const started = options.clock.now();
		let response: Dispatcher.ResponseData;
		try {
			response = await dispatcher.request({
				origin: base.origin,
				path,
				method: 'GET',
				headers,
				headersTimeout: headersTimeoutMs,
				bodyTimeout: options.bodyTimeoutMs,
				...(get.signal === undefined ? {} : { signal: get.signal }),
			});
		} catch (error) {
			throw mapFailure(error, { ...context, speaksTls: await speaksTls(error) });
		}
		const heldMs = options.clock.now() - started;
		const bodyContext = { ...context, inBody: true };
		const ok = response.statusCode >= 200 && response.statusCode < 300;
		const cap = ok ? options.maxResponseBytes : ERROR_BODY_BYTES;
		const bytes = await readCapped(response, cap, !ok, bodyContext);
		if (!ok) {
			throw statusError(
				{
					status: response.statusCode,
					retryAfter: header(response.headers, 'retry-after'),
					location: header(response.headers, 'location'),
					body: bytes.toString('utf8'),
				},
				{ path, secrets, now: options.clock.now() },
			);
		}
		const body = decodeJson(bytes, header(response.headers, 'content-type'), context.host);
		return { body, date: header(response.headers, 'date'), heldMs };
	}

	return {
		getJson,
		async close() {
			// destroy, not close: close() would wait out a long poll the server holds for minutes.
			if (ownPool !== null && !ownPool.destroyed) await ownPool.destroy();
		},
	};
}

/**
 * Reads the body up to `cap` bytes. Over the cap, the body is destroyed and
 * `too-large` thrown (or, with `truncate`, what arrived is returned), so a
 * hostile server cannot make the client buffer without bound.
 */
async function readCapped(
	response: Dispatcher.ResponseData,
	cap: number,
	truncate: boolean,
	context: FailureContext,
): Promise<Buffer> {
	const tooLarge = () =>
		new ApiError('too-large', t('api.tooLarge', { host: context.host, size: formatBytes(cap) }), {
			hint: t('api.tooLarge.hint'),
		});
	const declared = Number(header(response.headers, 'content-length'));
	if (!truncate && Number.isFinite(declared) && declared > cap) {
		response.body.destroy();
		throw tooLarge();
	}
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of response.body) {
			const buffer = chunk as Buffer;
			size += buffer.length;
			chunks.push(buffer);
			if (size > cap) {
				response.body.destroy();
				if (truncate) return Buffer.concat(chunks).subarray(0, cap);
				throw tooLarge();
			}
		}
	} catch (error) {
		response.body.destroy();
		throw mapFailure(error, context);
	}
	return Buffer.concat(chunks, size);
}

function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
	if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
	return `${bytes} bytes`;
}

function decodeJson(bytes: Buffer, contentType: string | undefined, host: string): unknown {
	const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
	const start = text.trimStart();
	if (/html/i.test(contentType ?? '') || start.startsWith('<')) {
		throw new ApiError('bad-response', t('api.html', { host }), { hint: t('api.html.hint') });
	}
	if (start === '') {
		throw new ApiError('bad-response', t('api.emptyBody', { host }), {
			hint: t('api.emptyBody.hint'),
		});
	}
	try {
		return JSON.parse(text);
	} catch {
		const cut = /^[[{]/.test(start) && !/[\]}]\s*$/.test(text);
		throw new ApiError(
			'bad-response',
			cut ? t('api.jsonCut', { host, bytes: bytes.length }) : t('api.notJson', { host }),
			{ hint: t('api.badBody.hint') },
		);
	}
}
