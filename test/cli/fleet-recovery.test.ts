// `r` with several servers: each server failed for good is reconnected with its
// own reconnector and its own failure; the others are left alone.
import { describe, expect, it } from 'vitest';
import {
	createFleetReconnector,
	type RecoverableServer,
} from '../../source/commands/fleet-recovery.js';
import type { ConnectionState, ErrorSummary } from '../../source/engine/types.js';
import type { Reconnector } from '../../source/ui/use-recovery.js';
import { makeSnapshot } from '../helpers/ui-fixtures.js';

const AUTH: ErrorSummary = { kind: 'auth', message: 'rejected (401)', hint: '' };
const DOWN: ErrorSummary = { kind: 'network', message: 'refused', hint: '' };

/** A reconnector that records what it was asked and asks for the password under `label`. */
function recording(label: string, calls: string[], insecure = false): Reconnector {
	return {
		async reconnect(failure, askPassword) {
			const typed = await askPassword(label);
			if (typed === null) return null;
			calls.push(`${label}:${failure.message}:${typed}`);
			return { insecure };
		},
	};
}

function server(
	name: string,
	connection: ConnectionState,
	reconnector: Reconnector | null,
	insecure = false,
): RecoverableServer {
	const snapshot = makeSnapshot([], { connection });
	return { name, engine: { getSnapshot: () => snapshot }, reconnector, insecure };
}

describe('createFleetReconnector', () => {
	it('reconnects only the servers failed for good, each with its own failure and prompt', async () => {
		const calls: string[] = [];
		const fleet = createFleetReconnector([
			server('tokyo', { kind: 'live' }, recording('admin@tokyo (tokyo)', calls)),
			server('osaka', { kind: 'failed', error: AUTH }, recording('admin@osaka (osaka)', calls)),
			server(
				'nagoya',
				{ kind: 'retrying', attempt: 1, nextTryAt: 0, lastError: DOWN },
				recording('admin@nagoya (nagoya)', calls),
			),
			server(
				'sapporo',
				{ kind: 'failed', error: AUTH },
				recording('admin@sapporo (sapporo)', calls, true),
			),
		]);
		const asked: string[] = [];
		const outcome = await fleet?.reconnect(AUTH, async (label) => {
			asked.push(label);
			return 'typed';
		});
		expect(asked).toEqual(['admin@osaka (osaka)', 'admin@sapporo (sapporo)']);
		expect(calls).toEqual([
			'admin@osaka (osaka):rejected (401):typed',
			'admin@sapporo (sapporo):rejected (401):typed',
		]);
		expect(outcome).toEqual({ insecure: true });
	});

	it('stops at Esc: nothing more is asked and the outcome is null', async () => {
		const calls: string[] = [];
		const fleet = createFleetReconnector([
			server('osaka', { kind: 'failed', error: AUTH }, recording('osaka', calls)),
			server('sapporo', { kind: 'failed', error: AUTH }, recording('sapporo', calls)),
		]);
		const asked: string[] = [];
		const outcome = await fleet?.reconnect(AUTH, async (label) => {
			asked.push(label);
			return null;
		});
		expect(outcome).toBeNull();
		expect(asked).toEqual(['osaka']);
		expect(calls).toEqual([]);
	});

	it('is null when no server can be reconnected (the demo)', () => {
		expect(createFleetReconnector([server('tokyo', { kind: 'live' }, null)])).toBeNull();
	});
});
