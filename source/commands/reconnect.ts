import { ApiError } from '../api/errors.js';
import type { AiqumClient, ListJobsOptions, LongPollOptions } from '../api/types.js';
import type { ErrorSummary } from '../engine/types.js';
import { t } from '../i18n/t.js';
import type { Reconnector } from '../ui/use-recovery.js';

/**
 * The client the live view's engine holds: it passes every call to the client
 * inside, which `r` replaces after a rejected password or a changed
 * certificate. The engine keeps its one client for its whole life (its poll
 * loop, long poll and version probe all hold it), so swapping behind this
 * small face changes nothing in the engine. A replaced client is closed once
 * its calls in flight have ended: closing destroys its sockets, and a poll cut
 * off that way would look aborted, not failed.
 */
export class SwappableClient implements AiqumClient {
	readonly baseUrl: string;
	readonly displayHost: string;
	readonly server: string;
	#inner: AiqumClient;
	/** Settings that could not be read again: every call fails with why, until the next swap. */
	#broken: ApiError | null = null;
	readonly #inFlight = new Map<AiqumClient, number>();
	#closed = false;

	constructor(first: AiqumClient) {
		this.#inner = first;
		this.baseUrl = first.baseUrl;
		this.displayHost = first.displayHost;
		this.server = first.server;
	}

	/** Uses `next` from the next call on; the client it replaces is closed when idle. */
	swap(next: AiqumClient): void {
		const old = this.#inner;
		this.#inner = next;
		this.#broken = null;
		if (!this.#inFlight.has(old)) void old.close();
		if (this.#closed) void next.close();
	}

	/** Makes every call fail with `error` (the engine then shows it) until the next swap. */
	fail(error: ApiError): void {
		this.#broken = error;
	}

	async #call<T>(run: (client: AiqumClient) => Promise<T>): Promise<T> {
		if (this.#broken !== null) throw this.#broken;
		const client = this.#inner;
		this.#inFlight.set(client, (this.#inFlight.get(client) ?? 0) + 1);
		try {
			return await run(client);
		} finally {
			const left = (this.#inFlight.get(client) ?? 1) - 1;
			if (left > 0) this.#inFlight.set(client, left);
			else {
				this.#inFlight.delete(client);
				if (client !== this.#inner) void client.close();
			}
		}
	}

	listJobsPage(options?: ListJobsOptions) {
		return this.#call((client) => client.listJobsPage(options));
	}
	listJobsPageAt(href: string, signal?: AbortSignal) {
		return this.#call((client) => client.listJobsPageAt(href, signal));
	}
	getJob(key: string, signal?: AbortSignal) {
		return this.#call((client) => client.getJob(key, signal));
	}
	longPollJob(key: string, options: LongPollOptions) {
		return this.#call((client) => client.longPollJob(key, options));
	}
	getSystem(signal?: AbortSignal) {
		return this.#call((client) => client.getSystem(signal));
	}
	async close(): Promise<void> {
		this.#closed = true;
		const all = new Set([this.#inner, ...this.#inFlight.keys()]);
		await Promise.all([...all].map((client) => client.close()));
	}
}

/** What reconnecting needs from the connection that made the first client. */
export interface ReconnectSource {
	/** "admin@um01.example.com", for the password prompt. */
	readonly label: string;
	/**
	 * Reads the settings again (the config file, the password source, the CA
	 * file), ready to build a client. Throws when one cannot be read.
	 */
	readonly prepare: () => Promise<PreparedClient>;
}

/** A client ready to build from freshly read settings. */
export interface PreparedClient {
	/** The password must be typed: the source is the hidden prompt. */
	readonly needsPassword: boolean;
	readonly insecure: boolean;
	/** Builds the client; `password` is what was typed when `needsPassword`. */
	build(password?: string): AiqumClient;
}

function describe(error: unknown): { message: string; hint: string } {
	const message = error instanceof Error ? error.message : String(error);
	const hint =
		typeof error === 'object' && error !== null && 'hint' in error && typeof error.hint === 'string'
			? error.hint
			: '';
	return { message, hint };
}

/**
 * The live view's reconnector over `client`. A setting that cannot be read
 * (a config file that no longer parses, a missing password file, a failing
 * password command, a CA file gone) becomes the failure the next request
 * reports, of the kind it was meant to fix, so the header shows it and quitting
 * exits with that failure's code.
 */
export function createReconnector(
	client: SwappableClient,
	source: ReconnectSource,
	insecureAtStart: boolean,
): Reconnector {
	let insecure = insecureAtStart;
	return {
		async reconnect(failure: ErrorSummary, askPassword) {
			try {
				const prepared = await source.prepare();
				let password: string | undefined;
				if (prepared.needsPassword) {
					const typed = await askPassword(source.label);
					if (typed === null) return null;
					password = typed;
				}
				client.swap(prepared.build(password));
				insecure = prepared.insecure;
			} catch (error) {
				const { message, hint } = describe(error);
				client.fail(new ApiError(failure.kind, t('cli.reloadFailed', { message }), { hint }));
			}
			return { insecure };
		},
	};
}
