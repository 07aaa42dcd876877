import type { ServerResponse } from 'node:http';
import { errorResponse, htmlResponse, type SimResponse } from './responses.js';
import type { Fault, FaultOptions } from './types.js';

interface Pending {
	readonly fault: Fault;
	readonly path: RegExp | null;
	remaining: number;
}

/** Faults waiting for requests, applied in the order they were injected. */
export class FaultQueue {
	#pending: Pending[] = [];

	inject(fault: Fault, options: FaultOptions = {}): void {
		const count = options.count ?? 1;
		if (!(count > 0)) return;
		this.#pending.push({ fault, path: options.path ?? null, remaining: count });
	}

	clear(): void {
		this.#pending = [];
	}

	/** The fault for a request with this target, if one applies (and counts it down). */
	take(target: string): Fault | null {
		for (const pending of this.#pending) {
			if (pending.path !== null) {
				pending.path.lastIndex = 0;
				if (!pending.path.test(target)) continue;
			}
			pending.remaining--;
			if (pending.remaining <= 0) this.#pending = this.#pending.filter((p) => p !== pending);
			return pending.fault;
		}
		return null;
	}
}

/** The complete answer a fault gives in place of the normal one, or null if it works on the normal one. */
export function faultAnswer(fault: Fault): SimResponse | null {
	switch (fault.kind) {
		case 'status': {
			const headers: Record<string, string> = {};
			if (fault.retryAfterSeconds !== undefined)
				headers['retry-after'] = String(fault.retryAfterSeconds);
			if (fault.status === 401)
				headers['www-authenticate'] = 'Basic realm="Active IQ Unified Manager"';
			const base = errorResponse(fault.status, undefined, '', headers);
			return fault.body === undefined ? base : { ...base, body: fault.body };
		}
		case 'html':
			return htmlResponse(fault.status ?? 502);
		case 'garbage':
			return {
				status: fault.status ?? 200,
				headers: { 'content-type': fault.contentType ?? 'application/json; charset=utf-8' },
				body: fault.body,
			};
		default:
			return null;
	}
}

/**
 * Writes the first half of a normal answer under its full length, then cuts
 * it: `truncated` ends the socket cleanly, `reset-mid-body` destroys it,
 * `stall-mid-body` leaves it open and silent (until the server closes).
 */
export function writePartial(
	res: ServerResponse,
	answer: SimResponse,
	kind: 'truncated' | 'reset-mid-body' | 'stall-mid-body',
	date: string,
): void {
	const body = Buffer.from(answer.body);
	res.writeHead(answer.status, {
		...answer.headers,
		date,
		'content-length': String(body.length),
	});
	const half = body.subarray(0, Math.floor(body.length / 2));
	if (kind === 'stall-mid-body') {
		res.write(half);
		return;
	}
	// Cut only once the half body has left, or the client would see no response at all.
	res.write(half, () => {
		if (kind === 'reset-mid-body') res.socket?.destroy();
		else res.socket?.end();
	});
}

/** Streams `bytes` bytes of a never-ending JSON array without holding them in memory. */
export function writeOversized(
	res: ServerResponse,
	bytes: number,
	declareLength: boolean,
	date: string,
): void {
	const headers: Record<string, string> = {
		'content-type': 'application/json; charset=utf-8',
		date,
	};
	if (declareLength) headers['content-length'] = String(bytes);
	res.writeHead(200, headers);
	const head = Buffer.from('{"records":[');
	const chunk = Buffer.from('0,'.repeat(32_768));
	let sent = 0;
	const pump = (): void => {
		while (sent < bytes) {
			const piece = sent === 0 ? head : chunk;
			const part = piece.subarray(0, Math.min(piece.length, bytes - sent));
			sent += part.length;
			if (!res.write(part)) {
				res.once('drain', pump);
				return;
			}
		}
		res.end();
	};
	res.on('close', () => res.removeAllListeners('drain'));
	pump();
}
