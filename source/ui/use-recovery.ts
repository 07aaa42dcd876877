import { useEffect, useMemo, useRef, useState } from 'react';
import { isFatal } from '../api/errors.js';
import type { ConnectionState, Engine, ErrorSummary } from '../engine/types.js';
import { HiddenInput } from './screen/hidden-input.js';
import { failureToFix, type ServerConnection } from './screen/server-errors.js';

/** What a reconnection changed that the screen shows. */
export interface ReconnectOutcome {
	/** Certificate checks are now off (the profile says `insecure`): the standing warning. */
	readonly insecure: boolean;
}

/**
 * How `r` fixes a failure retrying cannot (a rejected password, a missing
 * role, a changed or untrusted certificate): the command that opened the
 * connection implements it, so the screen never learns where a password
 * comes from.
 */
export interface Reconnector {
	/**
	 * Reads the password source and the profile's certificate settings again
	 * and uses them from the next request on. Calls `askPassword` when the
	 * password came from the hidden prompt; its null (Esc) cancels, and then
	 * nothing changes and this resolves null. Never rejects: settings that
	 * cannot be read become the failure the next request reports, of the
	 * kind of `failure` (the one they were meant to fix).
	 */
	reconnect(
		failure: ErrorSummary,
		askPassword: (label: string) => Promise<string | null>,
	): Promise<ReconnectOutcome | null>;
}

/** What the key handler asks of {@link useRecovery}. */
export interface Recovery {
	/**
	 * `r`: reconnects first when a failure needs the user, then polls now.
	 * `servers`: each server's connection when there are several; any one of
	 * them failed for good counts, though the summed-up connection is live.
	 */
	refresh(connection: ConnectionState, servers?: readonly ServerConnection[]): void;
	/** The password prompt while it is open, read live (keys typed fast must not reach the list). */
	readonly prompt: HiddenInput | null;
}

/** {@link useRecovery}'s result: the handler's side and what the screen shows. */
export interface RecoveryView {
	readonly recovery: Recovery;
	/** Whose password the open prompt asks for, or null when none is open. */
	readonly promptLabel: string | null;
	readonly insecure: boolean;
}

/**
 * `r` after a failure: without a reconnector (the demo, tests) or for a
 * failure worth retrying it only polls now; for one retrying cannot fix it
 * reconnects with freshly read settings, asking for the password in a
 * hidden prompt line when it came from a prompt, then polls once.
 */
export function useRecovery(
	engine: Engine,
	reconnector: Reconnector | undefined,
	insecureAtStart: boolean,
): RecoveryView {
	const [insecure, setInsecure] = useState(insecureAtStart);
	const [promptLabel, setPromptLabel] = useState<string | null>(null);
	const prompt = useRef<HiddenInput | null>(null);
	const busy = useRef(false);
	const mounted = useRef(true);
	useEffect(() => {
		mounted.current = true;
		return () => {
			mounted.current = false;
			prompt.current?.cancel();
		};
	}, []);

	const recovery = useMemo<Recovery>(() => {
		const askPassword = (label: string) =>
			new Promise<string | null>((resolve) => {
				prompt.current = new HiddenInput(label, (secret) => {
					prompt.current = null;
					if (mounted.current) setPromptLabel(null);
					resolve(secret);
				});
				setPromptLabel(label);
			});
		return {
			get prompt() {
				return prompt.current;
			},
			refresh(connection, servers) {
				const failure = failureToFix(connection, servers);
				if (reconnector === undefined || failure === null || !isFatal(failure)) {
					engine.refresh();
					return;
				}
				if (busy.current) return;
				busy.current = true;
				const done = (outcome: ReconnectOutcome | null): void => {
					busy.current = false;
					if (outcome === null || !mounted.current) return;
					setInsecure(outcome.insecure);
					engine.refresh();
				};
				// The contract says it never rejects; if it did, retrying as before is the safe fallback.
				reconnector.reconnect(failure, askPassword).then(done, () => {
					busy.current = false;
					engine.refresh();
				});
			},
		};
	}, [engine, reconnector]);
	return { recovery, promptLabel, insecure };
}
