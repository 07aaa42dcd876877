import { readFileSync } from 'node:fs';
import { createClient } from '../api/client.js';
import type { AiqumClient, ClientOptions } from '../api/types.js';
import { errorCode } from '../config/config-file.js';
import { ConfigError, SetupError } from '../config/errors.js';
import { type PasswordContext, readPassword } from '../config/password.js';
import { rereadServer } from '../config/reload.js';
import { type ResolveInput, serverHost } from '../config/resolve.js';
import { openTerminal } from '../config/terminal.js';
import type { Config, NamedServer, ServerConfig } from '../config/types.js';
import { t } from '../i18n/t.js';
import type { Reconnector } from '../ui/use-recovery.js';
import { type CommandIo, say } from './io.js';
import { createReconnector, type ReconnectSource, SwappableClient } from './reconnect.js';

/** A client ready to use, and what the screen says about it. */
export interface Connection {
	readonly client: AiqumClient;
	/**
	 * The server's name, as its jobs carry it ({@link AiqumClient.server}): the
	 * profile name, the host for a `--url` without one, the simulated server's
	 * name in a demo of several.
	 */
	readonly name: string;
	/** The client's base URL (scheme, host, port, `/api`), for the detail view. */
	readonly url: string;
	/** Host (and port) to show people. */
	readonly host: string;
	/** Certificate checks are off: the live view shows a standing warning. */
	readonly insecure: boolean;
	/** The live view's `r` after a failed login or certificate; null for the demo and scripts. */
	readonly reconnector: Reconnector | null;
	/** Closes the client, and the demo's simulator when there is one. */
	close(): Promise<void>;
}

/** Options of {@link openConnection} and {@link openConnections}. */
export interface ConnectOptions {
	/**
	 * How the config was resolved: given, the connection can be made again
	 * from a fresh read of the config file (the live view's `r`).
	 */
	readonly reread?: ResolveInput;
}

/**
 * Connects to the first server the config names (or the demo's first
 * simulator): the single-server modes. See {@link openConnections}.
 */
export async function openConnection(
	config: Config,
	io: CommandIo,
	options: ConnectOptions = {},
): Promise<Connection> {
	if (config.demo) {
		const [only] = await openDemo(1, config);
		if (only === undefined) throw new Error('the demo starts at least one simulator');
		return only;
	}
	return connectServer(firstServer(config), io, options, false);
}

/**
 * One connection per server of {@link Config.servers}, in their order (or one
 * per simulator of the demo, `--demo-servers N`). Passwords are read one
 * server after another, each from its own profile's source; a hidden prompt
 * names the server when there are several. When one cannot be opened, those
 * already open are closed and the error (named after its server) is thrown.
 */
export async function openConnections(
	config: Config,
	io: CommandIo,
	options: ConnectOptions = {},
): Promise<Connection[]> {
	if (config.demo) return openDemo(Math.max(1, config.demoServers), config);
	const servers = config.servers.length > 0 ? config.servers : [firstServer(config)];
	const several = servers.length > 1;
	const open: Connection[] = [];
	try {
		// One after another: prompts share the terminal, and a password command may ask for a passphrase.
		for (const named of servers) open.push(await connectServer(named, io, options, several));
	} catch (error) {
		await Promise.all(open.map((connection) => connection.close()));
		throw several ? namedError(error, servers[open.length]?.name ?? '') : error;
	}
	return open;
}

/** The first server: today's single server, also for a config made without {@link Config.servers}. */
function firstServer(config: Config): NamedServer {
	const named = config.servers[0];
	if (named !== undefined) return named;
	const server = config.server;
	if (server === null) {
		throw new Error('openConnection needs a server (the config layer checks it)');
	}
	const name = config.profileName ?? serverHost(server.url);
	return { name, server, intervalMs: config.intervalMs, profileName: config.profileName };
}

/** A setup failure of one server among several says which: "osaka: cannot read …". */
function namedError(error: unknown, name: string): unknown {
	if (error instanceof SetupError) {
		return new SetupError(t('cli.serverSays', { name, message: error.message }), error.hint);
	}
	if (error instanceof ConfigError) {
		return new ConfigError(t('cli.serverSays', { name, message: error.message }), {
			hint: error.hint,
			usage: error.usage,
		});
	}
	return error;
}

/**
 * The demo's simulators, in process: one for a plain `--demo`, named "demo"
 * (its host would be a new port each run, and the demo's jobs are the same
 * in every run); N named tokyo, osaka, … for `--demo-servers N`.
 */
async function openDemo(count: number, config: Config): Promise<Connection[]> {
	// The simulator loads only for the demo: it is no part of a real session's start.
	const [{ startDemoServers }, { simulatorOverrides }] = await Promise.all([
		import('./demo.js'),
		import('./simulate.js'),
	]);
	const demos = await startDemoServers(count, simulatorOverrides(config.simulate));
	return demos.map((demo) => {
		const client = createClient({
			url: demo.url,
			user: demo.user,
			password: demo.password,
			server: demo.name,
		});
		return {
			client,
			name: client.server,
			url: client.baseUrl,
			host: client.displayHost,
			insecure: false,
			reconnector: null,
			async close() {
				await client.close();
				await demo.close();
			},
		};
	});
}

/**
 * Connects to one server with the password read from its source (which may
 * prompt on the terminal). The password goes straight into the client;
 * nothing else keeps it.
 */
async function connectServer(
	named: NamedServer,
	io: CommandIo,
	options: ConnectOptions,
	several: boolean,
): Promise<Connection> {
	const { server, name } = named;
	if (server.user === null) {
		throw new Error('openConnection needs a server and a user (the config layer checks both)');
	}
	const label = `${server.user}@${serverHost(server.url)}${several ? ` (${name})` : ''}`;
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
		server: name,
		...trust,
	});
	if (server.insecure) {
		say(io, several ? t('cli.insecureOf', { name }) : t('cli.insecure'));
	}
	const shown = { name, url: first.baseUrl, host: first.displayHost, insecure: server.insecure };
	const reread = options.reread;
	if (reread === undefined) {
		return { client: first, ...shown, reconnector: null, close: () => first.close() };
	}
	const client = new SwappableClient(first);
	const source = rereadSource(reread, server, context, name, several);
	return {
		client,
		...shown,
		reconnector: createReconnector(client, source, server.insecure),
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
	name: string,
	several: boolean,
): ReconnectSource {
	// The full screen holds the terminal: a prompt is the screen's, and warnings were said at start.
	const quiet = {
		...context,
		warn: () => undefined,
		openTerminal: () => t('cli.screenHoldsTerminal'),
	};
	return {
		label: context.label,
		async prepare() {
			const fresh = rereadServer(reread, server, several ? name : undefined);
			const trust = trustOptions(fresh);
			const needsPassword = fresh.password.kind === 'prompt';
			const read = needsPassword ? '' : await readPassword(fresh.password, quiet);
			const user = server.user ?? '';
			return {
				needsPassword,
				insecure: fresh.insecure,
				build: (typed) =>
					createClient({
						url: server.url,
						user,
						password: typed ?? read,
						server: name,
						...trust,
					}),
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
			throw new SetupError(t('cli.caFileEmpty', { path }), t('cli.caFileEmpty.hint'));
		}
		return text;
	} catch (error) {
		if (error instanceof SetupError) throw error;
		throw new SetupError(
			t('cli.caFileUnreadable', { path, code: errorCode(error) }),
			t('cli.caFileUnreadable.hint'),
		);
	}
}
