import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClient } from '../../source/api/client.js';
import type { AiqumClient, ClientOptions } from '../../source/api/types.js';
import { createSimulator } from '../../source/simulator/index.js';
import type { Simulator, SimulatorOptions } from '../../source/simulator/types.js';
import type { Clock, TimerHandle } from '../../source/time/clock.js';

/** A simulator with no background traffic: only what a test adds happens. */
export async function quietSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const sim = createSimulator({
		seed: 7,
		ratePerMinute: 0,
		historyJobs: 0,
		activeJobs: 0,
		...options,
	});
	await sim.listen();
	return sim;
}

/** A real client for `url` (admin/admin unless overridden). */
export function clientFor(url: string, options: Partial<ClientOptions> = {}): AiqumClient {
	return createClient({ url, user: 'admin', password: 'admin', ...options });
}

/** PEM text of a certificate fixture in test/fixtures/tls. */
export function tlsFixture(name: string): string {
	return readFileSync(fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url)), 'utf8');
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

/**
 * A clock for retry and backoff tests over real HTTP: a timer fires on the next
 * turn of the event loop instead of after its delay, and `now()` jumps to when
 * it was due. Backoffs of seconds take microseconds; the order of timers holds.
 */
export class SkippingClock implements Clock {
	private offset = 0;
	private readonly handles = new Map<number, NodeJS.Timeout>();
	private nextId = 1;

	now(): number {
		return Date.now() + this.offset;
	}

	setTimeout(callback: () => void, ms: number): TimerHandle {
		const id = this.nextId++;
		const due = this.now() + ms;
		this.handles.set(
			id,
			setTimeout(() => {
				this.handles.delete(id);
				this.offset += Math.max(0, due - this.now());
				callback();
			}, 0),
		);
		return id;
	}

	clearTimeout(handle: TimerHandle): void {
		const timer = this.handles.get(handle as number);
		if (timer !== undefined) clearTimeout(timer);
		this.handles.delete(handle as number);
	}
}
