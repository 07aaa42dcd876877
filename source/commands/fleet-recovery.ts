import { isFatal } from '../api/errors.js';
import type { Engine } from '../engine/types.js';
import type { Reconnector } from '../ui/use-recovery.js';

/** One server of a fleet as `r` sees it: its own engine and its connection's reconnector. */
export interface RecoverableServer {
	readonly name: string;
	readonly engine: Pick<Engine, 'getSnapshot'>;
	/** Null when its settings cannot be read again (the demo). */
	readonly reconnector: Reconnector | null;
	/** Certificate checks were off for it at start. */
	readonly insecure: boolean;
}

/**
 * `r` for several servers: reconnects, one after another, each server whose
 * own engine has failed for good (a rejected password, a missing role, an
 * untrusted certificate), with that server's own reconnector and failure.
 * Each hidden prompt names its server (the connection's label does). Esc at a
 * prompt stops there and resolves null; the servers reconnected before it keep
 * their new settings. Polling again is the caller's (`useRecovery` refreshes
 * the fleet, which refreshes every server, the failed ones at once). Null when
 * no server has a reconnector.
 */
export function createFleetReconnector(servers: readonly RecoverableServer[]): Reconnector | null {
	if (servers.every((server) => server.reconnector === null)) return null;
	const insecure = new Map(servers.map((server) => [server, server.insecure]));
	return {
		async reconnect(_failure, askPassword) {
			for (const server of servers) {
				const state = server.engine.getSnapshot().connection;
				if (server.reconnector === null || state.kind !== 'failed' || !isFatal(state.error)) {
					continue;
				}
				const outcome = await server.reconnector.reconnect(state.error, askPassword);
				if (outcome === null) return null;
				insecure.set(server, outcome.insecure);
			}
			return { insecure: [...insecure.values()].some(Boolean) };
		},
	};
}
