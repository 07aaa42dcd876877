import { ApiError } from '../api/errors.js';
import type { Clock } from './clock.js';

/** The error every cancelled wait or request in the engine ends with. */
export function abortedError(): ApiError {
	return new ApiError('aborted', 'The request was cancelled.');
}

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

/** Any thrown value as an ApiError (a non-ApiError is a bug upstream; it is reported, not rethrown raw). */
export function toApiError(error: unknown): ApiError {
	if (error instanceof ApiError) return error;
	if (error instanceof Error && error.name === 'AbortError') return abortedError();
	const text = error instanceof Error ? error.message : String(error);
	return new ApiError('bad-response', `Unexpected failure: ${text.slice(0, 200)}`, {
		cause: error,
	});
}
