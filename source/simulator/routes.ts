import { Buffer } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';
import type { LongPolls } from './long-poll.js';
import { parseCollectionQuery, selectJobs } from './query.js';
import { errorResponse, jsonResponse, type SimResponse, unauthorized } from './responses.js';
import { jobJson, type WireFormat } from './serialize.js';
import type { SimShape } from './types.js';
import type { World } from './world.js';

/** What the routes need from the simulator. */
export interface RouteContext {
	readonly world: World;
	readonly polls: LongPolls;
	readonly user: string;
	readonly password: string;
	readonly shape: SimShape;
	readonly offsetMinutes: number;
	readonly longPoll: boolean;
	readonly system: (prefix: string) => Record<string, unknown>;
}

/** A request as the routes see it. */
export interface RouteRequest {
	readonly method: string;
	/** The request target as sent: path and query. */
	readonly target: string;
	readonly authorization: string | undefined;
}

/** A held answer, with a way to give it up if the client leaves. */
export interface PendingResponse {
	readonly response: Promise<SimResponse>;
	cancel(): void;
}

/** The route a request target names, for the stats (`other` when none). */
export function routeName(target: string): string {
	const path = target.split('?')[0] ?? '';
	const match = /^\/api(?:\/v2)?(\/management-server\/(?:jobs|system))(\/[^/]+)?\/?$/.exec(path);
	if (match === null) return 'other';
	return match[2] === undefined ? (match[1] ?? 'other') : `${match[1]}/{key}`;
}

function sameText(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

function authorized(header: string | undefined, ctx: RouteContext): boolean {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (match?.[1] === undefined) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return false;
	// Both compared, always, so timing does not tell which one was wrong.
	const userOk = sameText(decoded.slice(0, colon), ctx.user);
	const passwordOk = sameText(decoded.slice(colon + 1), ctx.password);
	return userOk && passwordOk;
}

/**
 * Answers one request: authentication, then the route. Returns the answer at
 * once, or a pending one for a long poll that is being held.
 */
export function route(request: RouteRequest, ctx: RouteContext): SimResponse | PendingResponse {
	if (!authorized(request.authorization, ctx)) return unauthorized();
	const url = new URL(request.target, 'http://simulator.invalid');
	const match = /^(\/api(?:\/v2)?)(\/management-server\/(jobs|system))(?:\/([^/]+))?\/?$/.exec(
		url.pathname,
	);
	const prefix = match?.[1];
	if (match === null || prefix === undefined || (match[3] === 'system' && match[4] !== undefined)) {
		return errorResponse(404, `No such resource: ${url.pathname}`);
	}
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		return errorResponse(405, `Method ${request.method} is not allowed on ${url.pathname}.`);
	}
	const format: WireFormat = { shape: ctx.shape, offsetMinutes: ctx.offsetMinutes, prefix };
	if (match[3] === 'system') return jsonResponse(200, ctx.system(prefix));
	if (match[4] === undefined) return listJobs(url, format, ctx);
	let key: string;
	try {
		key = decodeURIComponent(match[4]);
	} catch {
		return errorResponse(400, 'The job key is not correctly URL-encoded.', 'key');
	}
	return getJob(key, url.searchParams, format, ctx);
}

function listJobs(url: URL, format: WireFormat, ctx: RouteContext): SimResponse {
	const query = parseCollectionQuery(url.searchParams);
	if ('error' in query) return errorResponse(400, query.error, query.target);
	const { store } = ctx.world;
	const selection = selectJobs(store.list, (key) => store.get(key), query, ctx);
	const self = `${url.pathname}${url.search}`;
	const links: Record<string, { href: string }> = { self: { href: self } };
	const end = query.offset + selection.records.length;
	if (selection.records.length > 0 && end < selection.total) {
		const next = new URLSearchParams(url.searchParams);
		next.set('offset', String(end));
		next.set('max_records', String(query.maxRecords));
		links.next = { href: `${url.pathname}?${next.toString()}` };
	}
	return jsonResponse(200, {
		records: selection.records.map((job) => jobJson(job, format)),
		num_records: selection.records.length,
		total_records: selection.total,
		_links: links,
	});
}

/** `last_modified` as epoch ms, and whether it was given to the second only. */
function parseLastModified(raw: string): { time: number; seconds: boolean } | null {
	if (/^\d+(\.\d+)?$/.test(raw)) {
		const value = Number(raw);
		// Below 10^11 it can only be seconds (10^11 ms is 1973; 10^11 s is the year 5138).
		if (value < 1e11) return { time: Math.round(value * 1000), seconds: !raw.includes('.') };
		return { time: Math.floor(value), seconds: false };
	}
	const time = Date.parse(raw);
	if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) return null;
	return { time, seconds: !/T\d{2}:\d{2}:\d{2}[.,]\d/.test(raw) };
}

function getJob(
	key: string,
	params: URLSearchParams,
	format: WireFormat,
	ctx: RouteContext,
): SimResponse | PendingResponse {
	const answer = (): SimResponse => {
		const job = ctx.world.store.get(key);
		if (job === undefined) return errorResponse(404, `Job ${key} was not found.`, 'key');
		return jsonResponse(200, jobJson(job, format));
	};
	const rawTimeout = params.get('poll_timeout');
	if (!ctx.longPoll || rawTimeout === null) return answer();
	if (!/^-?\d+$/.test(rawTimeout)) {
		return errorResponse(400, `Invalid value "${rawTimeout}" for poll_timeout.`, 'poll_timeout');
	}
	const timeoutMs = Math.min(120, Math.max(1, Number(rawTimeout))) * 1000;
	const rawSince = params.get('last_modified');
	const since = rawSince === null ? null : parseLastModified(rawSince);
	if (rawSince !== null && since === null) {
		return errorResponse(400, `Invalid value "${rawSince}" for last_modified.`, 'last_modified');
	}
	const job = ctx.world.store.get(key);
	if (job === undefined) return answer();
	if (since !== null) {
		// Compared at the precision the client gave, so a Date header's whole second
		// does not make a change made earlier in that second look new.
		const modified = since.seconds ? Math.floor(job.modifiedTime / 1000) * 1000 : job.modifiedTime;
		if (modified > since.time) return answer();
	}
	const held = ctx.polls.hold(key, timeoutMs);
	return { response: held.wake.then(answer), cancel: held.cancel };
}
