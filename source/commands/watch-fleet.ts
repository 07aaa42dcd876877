import type { Config } from '../config/types.js';
import { createEngine, createFleet, type WatchEngine } from '../engine/index.js';
import type { ConnectionState, Snapshot } from '../engine/types.js';
import { describeSummary, failureLines } from '../present/failure.js';
import type { Reconnector } from '../ui/use-recovery.js';
import type { Connection } from './connect.js';
import { createFleetReconnector } from './fleet-recovery.js';

/** What the live view watches: one engine (a fleet for several servers) and what the screen says of it. */
export interface Watched {
	readonly engine: WatchEngine;
	/** The host for one server; the servers' names for several. */
	readonly host: string;
	readonly insecure: boolean;
	readonly reconnector: Reconnector | null;
}

/** The engine of one connection, with its server's own interval and retention cap. */
function engineFor(config: Config, connection: Connection): WatchEngine {
	const named = config.servers.find((server) => server.name === connection.name);
	const maxJobs = named?.maxJobs ?? config.maxJobs;
	return createEngine({
		client: connection.client,
		intervalMs: named?.intervalMs ?? config.intervalMs,
		...(maxJobs === null || maxJobs === undefined ? {} : { maxJobs }),
		// --since: every job since then at start, from every server.
		since: config.output.since,
	});
}

/**
 * One engine per connection, each polling on its own (its own interval,
 * backoff and retention), merged into one fleet; with one connection, just
 * its engine, exactly as ever.
 */
export function watchConnections(config: Config, connections: readonly Connection[]): Watched {
	const [only] = connections;
	if (only === undefined) throw new Error('the live view watches at least one server');
	if (connections.length === 1) {
		return {
			engine: engineFor(config, only),
			host: only.host,
			insecure: only.insecure,
			reconnector: only.reconnector,
		};
	}
	const members = connections.map((connection) => ({
		connection,
		engine: engineFor(config, connection),
	}));
	const fleet = createFleet(
		members.map(({ connection, engine }) => ({
			name: connection.name,
			url: connection.url,
			engine,
		})),
	);
	return {
		engine: fleet,
		host: connections.map((connection) => connection.name).join(', '),
		insecure: connections.some((connection) => connection.insecure),
		reconnector: createFleetReconnector(
			members.map(({ connection, engine }) => ({
				name: connection.name,
				engine,
				reconnector: connection.reconnector,
				insecure: connection.insecure,
			})),
		),
	};
}

/** Each server's connection: the one server's, or every member's of a fleet. */
function serverStates(snapshot: Snapshot): readonly ConnectionState[] {
	const servers = snapshot.servers;
	return servers === undefined || servers.length < 2
		? [snapshot.connection]
		: servers.map((server) => server.connection);
}

/**
 * Whether start-up has its answer: a server answered well (the screen starts,
 * the others still connecting), or every server has answered badly.
 */
export function startupSettled(snapshot: Snapshot): boolean {
	const states = serverStates(snapshot);
	return (
		states.some((state) => state.kind === 'live') ||
		states.every((state) => state.kind !== 'connecting')
	);
}

/**
 * Every server failed before any answered: each failure named by its server
 * (`umwatch: osaka: MESSAGE`, then its hint) for standard error, and the
 * first failure's exit code.
 */
export function fleetStartupFailure(snapshot: Snapshot): { text: string; code: number } | null {
	const servers = snapshot.servers ?? [];
	let text = '';
	let code: number | null = null;
	for (const server of servers) {
		const state = server.connection;
		const summary =
			state.kind === 'failed' ? state.error : state.kind === 'retrying' ? state.lastError : null;
		if (summary === null) continue;
		const failure = describeSummary(summary);
		text += failureLines(failure, server.name);
		code ??= failure.code;
	}
	return code === null ? null : { text, code };
}
