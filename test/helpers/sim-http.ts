import { Agent, request } from 'undici';

/** What a test request got back: status, headers, the raw body and its JSON (or undefined). */
export interface TestReply {
	readonly status: number;
	readonly headers: Record<string, string | string[] | undefined>;
	readonly text: string;
	// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes.
	readonly json: any;
}

/** Options of {@link simGet}. */
export interface SimGetOptions {
	readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
	/** `user:password`; default `admin:admin`; null sends no Authorization header. */
	readonly auth?: string | null;
	readonly dispatcher?: Agent;
}

/** A dispatcher for one test file: short keep-alive so nothing holds the process. */
export function testAgent(connect?: { ca?: string }): Agent {
	return new Agent({
		keepAliveTimeout: 100,
		keepAliveMaxTimeout: 100,
		...(connect ? { connect } : {}),
	});
}

/** Sends one request to the simulator with undici and reads the whole answer. */
export async function simGet(
	base: string,
	path: string,
	options: SimGetOptions = {},
): Promise<TestReply> {
	const auth = options.auth === undefined ? 'admin:admin' : options.auth;
	const headers: Record<string, string> = {};
	if (auth !== null) headers.authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
	const response = await request(`${base}${path}`, {
		method: options.method ?? 'GET',
		headers,
		...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
	});
	const text = await response.body.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.statusCode, headers: response.headers, text, json };
}
