import { readFileSync } from 'node:fs';
import { createClient } from '../api/client.js';
import type { AiqumClient, ClientOptions } from '../api/types.js';
import { errorCode } from '../config/config-file.js';
import { SetupError } from '../config/errors.js';
import { type PasswordContext, readPassword } from '../config/password.js';
import { rereadServer } from '../config/reload.js';
import type { ResolveInput } from '../config/resolve.js';
import { openTerminal } from '../config/terminal.js';
import type { Config, ServerConfig } from '../config/types.js';
import type { Reconnector } from '../ui/use-recovery.js';
import { type CommandIo, say } from './io.js';
import { createReconnector, type ReconnectSource, SwappableClient } from './reconnect.js';

/** A client ready to use, and what the screen says about it. */
export interface Connection {
	readonly client: AiqumClient;
	/** Host (and port) to show people. */
	readonly host: string;
	/** Certificate checks are off: the live view shows a standing warning. */
	readonly insecure: boolean;
	/** The live view's `r` after a failed login or certificate; null for the demo and scripts. */
	readonly reconnector: Reconnector | null;
	/** Closes the client, and the demo's simulator when there is one. */
	close(): Promise<void>;
}

/** Options of {@link openConnection}. */
export interface ConnectOptions {
	/**
	 * How the config was resolved: given, the connection can be made again
	 * from a fresh read of the config file (the live view's `r`).
	 */
	readonly reread?: ResolveInput;
}

/**
 * Connects as the config says: to the demo's in-process simulator, or to the
 * configured server with the password read from its source (which may prompt
 * on the terminal). The password goes straight into the client; nothing else
 * keeps it.
 */
export async function openConnection(
	config: Config,
	io: CommandIo,
	options: ConnectOptions = {},
): Promise<Connection> {
	if (config.demo) {
		// The simulator loads only for the demo: it is no part of a real session's start.
		const [{ startDemoServer }, { simulatorOverrides }] = await Promise.all([
			import('./demo.js'),
			import('./simulate.js'),
		]);
		const demo = await startDemoServer(simulatorOverrides(config.simulate));
		const client = createClient({ url: demo.url, user: demo.user, password: demo.password });
		return {
			client,
			host: client.displayHost,
			insecure: false,
			reconnector: null,
			async close() {
				await client.close();
				await demo.close();
			},
		};
	}
	const server = config.server;
	if (server === null || server.user === null) {
		throw new Error('openConnection needs a server and a user (the config layer checks both)');
	}
	const label = `${server.user}@${hostOf(server)}`;
	const context: PasswordContext = {
		env: io.env,
		openTerminal: () => openTerminal({ stdin: io.stdin, stderr: io.stderr }),
		warn: (line) => say(io, line),
		label,
		signal: io.signal,
	};
	const trust = trustOptions(server);
	const first = createClient({
		url: server.url,
		user: server.user,
		password: await readPassword(server.password, context),
		...trust,
	});
	if (server.insecure) say(io, 'warning: --insecure: the server certificate is not checked');
	const reread = options.reread;
	if (reread === undefined) {
		const close = () => first.close();
		return {
			client: first,
			host: first.displayHost,
			insecure: server.insecure,
			reconnector: null,
			close,
		};
	}
	const client = new SwappableClient(first);
	return {
		client,
		host: client.displayHost,
		insecure: server.insecure,
		reconnector: createReconnector(client, rereadSource(reread, server, context), server.insecure),
		close: () => client.close(),
	};
}

/**
 * What `r` reconnects with: the server settings resolved again from a fresh
 * read of the config file, the password read again from its source (or typed
 * in the screen's own prompt line when it came from a prompt), the CA file read
 * again. URL and user stay the session's (`rereadServer` refuses a change).
 */
function rereadSource(
	reread: ResolveInput,
	server: ServerConfig,
	context: PasswordContext,
): ReconnectSource {
	// The full screen holds the terminal: a prompt is the screen's, and warnings were said at start.
	const quiet = { ...context, warn: () => undefined, openTerminal: () => 'the screen holds it' };
	return {
		label: context.label,
		async prepare() {
			const fresh = rereadServer(reread, server);
			const trust = trustOptions(fresh);
			const needsPassword = fresh.password.kind === 'prompt';
			const read = needsPassword ? '' : await readPassword(fresh.password, quiet);
			const user = server.user ?? '';
			return {
				needsPassword,
				insecure: fresh.insecure,
				build: (typed) =>
					createClient({ url: server.url, user, password: typed ?? read, ...trust }),
			};
		},
	};
}

/** The certificate settings as the client takes them; reads the CA file (throws SetupError). */
function trustOptions(
	server: ServerConfig,
): Pick<ClientOptions, 'ca' | 'caFile' | 'fingerprint' | 'insecure'> {
	return {
		...(server.caFile === null ? {} : { ca: readCaFile(server.caFile), caFile: server.caFile }),
		...(server.fingerprint === null ? {} : { fingerprint: server.fingerprint }),
		...(server.insecure ? { insecure: true } : {}),
	};
}

/** Reads a PEM file named by --ca-file, UMWATCH_CA_FILE or a profile. */
export function readCaFile(path: string): string {
	try {
		const text = readFileSync(path, 'utf8');
		if (!text.includes('-----BEGIN CERTIFICATE-----')) {
			throw new SetupError(
				`the CA file ${path} holds no PEM certificate`,
				'it must contain -----BEGIN CERTIFICATE-----',
			);
		}
		return text;
	} catch (error) {
		if (error instanceof SetupError) throw error;
		throw new SetupError(
			`cannot read the CA file ${path}: ${errorCode(error)}`,
			'check the path and its permissions',
		);
	}
}

function hostOf(server: ServerConfig): string {
	try {
		return new URL(/^[a-z]+:\/\//i.test(server.url) ? server.url : `https://${server.url}`).host;
	} catch {
		return server.url;
	}
}
