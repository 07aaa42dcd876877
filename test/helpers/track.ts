/** How a tracked promise ended, read synchronously while the test moves a fake clock. */
export interface Tracked<T> {
	value?: T;
	error?: unknown;
	settled: boolean;
}

/**
 * Records how `promise` ends without awaiting it, so a test can advance the
 * fake clock meanwhile and check `settled` (and then `value` or `error`).
 */
export function track<T>(promise: Promise<T>): Tracked<T> {
	const result: Tracked<T> = { settled: false };
	promise.then(
		(value) => Object.assign(result, { value, settled: true }),
		(error: unknown) => Object.assign(result, { error, settled: true }),
	);
	return result;
}
