import {
	createServer as createHttpServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock, TimerHandle } from '../time/clock.js';
import { type FaultQueue, faultAnswer, writeOversized, writePartial } from './faults.js';
import type { SimResponse } from './responses.js';
import { type PendingResponse, type RouteContext, route, routeName } from './routes.js';
import type { SimTime } from './sim-time.js';
import type { Fault, SimulatorStats } from './types.js';

const MAX_HEADER_BYTES = 64 * 1024;

/** What the HTTP layer needs: where to listen and the parts it serves from. */
export interface HttpServerParts {
	readonly host: string;
	readonly tls: { cert: string; key: string } | null;
	readonly clock: Clock;
	readonly time: SimTime;
	readonly faults: FaultQueue;
	readonly stats: SimulatorStats;
	readonly routes: RouteContext;
}

/**
 * The node:http(s) server of the simulator: counts, faults, routes, writes.
 * It owns every socket and timer it makes, and `close()` ends them all.
 */
export class HttpServer {
	readonly #parts: HttpServerParts;
	readonly #sockets = new Set<Socket>();
	readonly #timers = new Set<TimerHandle>();
	readonly #written = new WeakMap<Socket, number>();
	#server: Server | null = null;

	constructor(parts: HttpServerParts) {
		this.#parts = parts;
	}

	/** Listens on `port` (0 for any); resolves the port bound. */
	async listen(port: number): Promise<number> {
		const handler = (req: IncomingMessage, res: ServerResponse) => this.#handle(req, res);
		const { tls } = this.#parts;
		// Room for a key filter naming a few hundred jobs (Node's default stops at 16 KiB).
		const limits = { maxHeaderSize: MAX_HEADER_BYTES };
		const server =
			tls === null
				? createHttpServer(limits, handler)
				: createHttpsServer({ ...tls, ...limits }, handler);
		// A held long poll or a hung fault must last as long as the test wants it to.
		server.requestTimeout = 0;
		server.on('connection', (socket: Socket) => {
			this.#sockets.add(socket);
			socket.once('close', () => this.#sockets.delete(socket));
		});
		this.#server = server;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, this.#parts.host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		return (server.address() as AddressInfo).port;
	}

	/** Stops listening and destroys every socket, held or hung; clears latency timers. */
	async close(): Promise<void> {
		const server = this.#server;
		this.#server = null;
		for (const timer of this.#timers) this.#parts.clock.clearTimeout(timer);
		this.#timers.clear();
		if (server === null) return;
		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		for (const socket of this.#sockets) socket.destroy();
		this.#sockets.clear();
		await closed;
	}

	#date(): string {
		return new Date(this.#parts.time.now()).toUTCString();
	}

	#handle(req: IncomingMessage, res: ServerResponse): void {
		const { stats, faults, time } = this.#parts;
		const target = req.url ?? '/';
		time.processDue();
		stats.requests++;
		const name = routeName(target);
		stats.byPath.set(name, (stats.byPath.get(name) ?? 0) + 1);
		res.once('finish', () => this.#countBytes(req.socket));
		const fault = faults.take(target);
		if (fault === null) {
			this.#serve(req, res, (answer) => this.#write(res, answer));
			return;
		}
		stats.faults++;
		this.#applyFault(fault, req, res);
	}

	#applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
		const whole = faultAnswer(fault);
		if (whole !== null) {
			this.#write(res, whole);
			return;
		}
		switch (fault.kind) {
			case 'reset':
				req.socket.destroy();
				return;
			case 'hang':
				return;
			case 'latency': {
				const timer = this.#parts.clock.setTimeout(() => {
					this.#timers.delete(timer);
					if (!res.destroyed) this.#serve(req, res, (answer) => this.#write(res, answer));
				}, fault.ms);
				this.#timers.add(timer);
				return;
			}
			case 'oversized':
				writeOversized(res, fault.bytes, fault.declareLength ?? false, this.#date());
				return;
			case 'truncated':
			case 'reset-mid-body':
			case 'stall-mid-body':
				this.#serve(req, res, (answer) => writePartial(res, answer, fault.kind, this.#date()));
				return;
		}
	}

	#serve(req: IncomingMessage, res: ServerResponse, send: (answer: SimResponse) => void): void {
		if (req.method === 'GET' || req.method === 'HEAD')
			this.#parts.stats.longPolls += isLongPoll(req) ? 1 : 0;
		const result = route(
			{
				method: req.method ?? 'GET',
				target: req.url ?? '/',
				authorization: req.headers.authorization,
			},
			this.#parts.routes,
		);
		if (!isPending(result)) {
			send(result);
			return;
		}
		const onClose = () => result.cancel();
		res.once('close', onClose);
		result.response.then(
			(answer) => {
				res.off('close', onClose);
				if (!res.destroyed) send(answer);
			},
			() => res.destroy(),
		);
	}

	#write(res: ServerResponse, answer: SimResponse): void {
		const body = Buffer.from(answer.body);
		res.writeHead(answer.status, {
			...answer.headers,
			date: this.#date(),
			'content-length': String(body.length),
		});
		res.end(body);
	}

	#countBytes(socket: Socket): void {
		const before = this.#written.get(socket) ?? 0;
		this.#parts.stats.bytesSent += socket.bytesWritten - before;
		this.#written.set(socket, socket.bytesWritten);
	}
}

function isPending(result: SimResponse | PendingResponse): result is PendingResponse {
	return 'response' in result;
}

function isLongPoll(req: IncomingMessage): boolean {
	return /[?&]poll_timeout=/.test(req.url ?? '');
}
