/**
 * Small real HTTP(S) servers on 127.0.0.1 for the client tests: each test
 * installs the handler it needs, and the server records what arrived.
 */
import { readFileSync } from 'node:fs';
import {
	createServer as createHttpServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A request as the server saw it. */
export interface SeenRequest {
	readonly method: string;
	/** The raw request target, exactly as sent (path and query, still encoded). */
	readonly url: string;
	readonly authorization: string | undefined;
	readonly accept: string | undefined;
}

/** Answers one request. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A running test server. */
export interface ApiTestServer {
	/** `http(s)://127.0.0.1:PORT` */
	readonly origin: string;
	readonly port: number;
	readonly requests: SeenRequest[];
	/** Replaces the handler (default: 404 for everything). */
	handle(handler: Handler): void;
	close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));

/** PEM text of a file in test/fixtures/tls (e.g. `ca.pem`). */
export function tlsFixture(name: string): string {
	return readFileSync(FIXTURES + name, 'utf8');
}

/** Starts a server; with `tls` naming a fixture pair (`server`, `self-signed`…) it speaks https. */
export async function startApiServer(options: { tls?: string } = {}): Promise<ApiTestServer> {
	let handler: Handler = (_request, response) => {
		response.writeHead(404).end();
	};
	const requests: SeenRequest[] = [];
	const listener = (request: IncomingMessage, response: ServerResponse): void => {
		requests.push({
			method: request.method ?? '',
			url: request.url ?? '',
			authorization: request.headers.authorization,
			accept: request.headers.accept,
		});
		handler(request, response);
	};
	const server =
		options.tls === undefined
			? createHttpServer(listener)
			: createHttpsServer(
					{ cert: tlsFixture(`${options.tls}.pem`), key: tlsFixture(`${options.tls}-key.pem`) },
					listener,
				);
	const sockets = trackSockets(server);
	const port = await listen(server);
	return {
		origin: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
		port,
		requests,
		handle(next) {
			handler = next;
		},
		close: () => closeServer(server, sockets),
	};
}

/** Sends `body` as JSON with the given status. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
	});
	response.end(text);
}

/** A TCP server that accepts connections and never says a word (for connect/handshake timeouts). */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
	const server = createNetServer(() => {});
	const sockets = trackSockets(server);
	const port = await listen(server);
	return { port, close: () => closeServer(server, sockets) };
}

/** A loopback port nothing listens on (bound, then released). */
export async function refusedPort(): Promise<number> {
	const server = createNetServer();
	const port = await listen(server);
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

function trackSockets(server: NetServer): Set<Socket> {
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	};
	server.on('connection', track);
	server.on('secureConnection', track);
	return sockets;
}

function listen(server: NetServer): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			resolve(typeof address === 'object' && address !== null ? address.port : 0);
		});
	});
}

function closeServer(server: NetServer, sockets: Set<Socket>): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
		for (const socket of sockets) socket.destroy();
	});
}
