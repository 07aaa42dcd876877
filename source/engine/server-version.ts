import type { AiqumClient } from '../api/types.js';

/**
 * Reads the server's version from `/management-server/system` for the header:
 * at start, and once more later if that failed. Failures are ignored (the
 * header just shows less), and it never asks more than twice, so an old
 * server without `/system` costs no extra requests per poll.
 */
export class ServerVersionProbe {
	readonly #client: AiqumClient;
	readonly #onVersion: (version: string | null) => void;
	#known = false;
	#tries = 0;
	#inFlight: AbortController | null = null;

	/** @param onVersion called once, with the version (or null when the server did not say) */
	constructor(client: AiqumClient, onVersion: (version: string | null) => void) {
		this.#client = client;
		this.#onVersion = onVersion;
	}

	/** Asks, unless the version is known, a request is in flight, or both tries are spent. */
	fetch(): Promise<void> | null {
		if (this.#known || this.#inFlight !== null || this.#tries >= 2) return null;
		this.#tries += 1;
		const controller = new AbortController();
		this.#inFlight = controller;
		return this.#client
			.getSystem(controller.signal)
			.then((info) => {
				this.#known = true;
				if (!controller.signal.aborted) this.#onVersion(info.version);
			})
			.catch(() => undefined)
			.finally(() => {
				this.#inFlight = null;
			});
	}

	/** Abandons a request in flight (pause, stop). */
	abort(): void {
		this.#inFlight?.abort();
	}
}
