import { readFileSync } from 'node:fs';
import { createClient } from '../api/client.js';
import type { AiqumClient } from '../api/types.js';
import { errorCode } from '../config/config-file.js';
import { SetupError } from '../config/errors.js';
import { readPassword } from '../config/password.js';
import { openTerminal } from '../config/terminal.js';
import type { Config, ServerConfig } from '../config/types.js';
import { type CommandIo, say } from './io.js';

/** A client ready to use, and what the screen says about it. */
export interface Connection {
	readonly client: AiqumClient;
	/** Host (and port) to show people. */
	readonly host: string;
	/** Certificate checks are off: the live view shows a standing warning. */
	readonly insecure: boolean;
	/** Closes the client, and the demo's simulator when there is one. */
	close(): Promise<void>;
}

/**
 * Connects as the config says: to the demo's in-process simulator, or to the
 * configured server with the password read from its source (which may prompt
 * on the terminal). The password goes straight into the client; nothing else
 * keeps it.
 */
export async function openConnection(config: Config, io: CommandIo): Promise<Connection> {
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
	const ca = server.caFile === null ? undefined : readCaFile(server.caFile);
	const client = createClient({
		url: server.url,
		user: server.user,
		password: await readPassword(server.password, {
			env: io.env,
			openTerminal: () => openTerminal({ stdin: io.stdin, stderr: io.stderr }),
			warn: (line) => say(io, line),
			label: `${server.user}@${hostOf(server)}`,
			signal: io.signal,
		}),
		...(ca === undefined || server.caFile === null ? {} : { ca, caFile: server.caFile }),
		...(server.fingerprint === null ? {} : { fingerprint: server.fingerprint }),
		...(server.insecure ? { insecure: true } : {}),
	});
	if (server.insecure) say(io, 'warning: --insecure: the server certificate is not checked');
	return {
		client,
		host: client.displayHost,
		insecure: server.insecure,
		close: () => client.close(),
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
