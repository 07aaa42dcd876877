import { abortedError } from '../api/errors.js';
import type { Clock } from '../time/clock.js';

/**
 * Waits `ms` on the injected clock. Rejects with an `aborted` ApiError as soon
 * as `signal` aborts, and clears its timer then, so a stopped engine leaves no
 * timer behind.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortedError());
			return;
		}
		const onAbort = () => {
			clock.clearTimeout(timer);
			reject(abortedError());
		};
		const timer = clock.setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}
