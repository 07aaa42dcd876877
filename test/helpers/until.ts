/** Options of {@link until}. */
export interface UntilOptions {
	/** How long to wait, in real milliseconds (generous: a loaded machine is slow, not broken). */
	readonly timeoutMs?: number;
	/** Real milliseconds between checks; 0 checks again after one macrotask turn. */
	readonly stepMs?: number;
	/** What to add to the failure (a screen, a log), read when the wait fails. */
	readonly detail?: () => string;
}

/**
 * The test kit's one wait for a condition of the real world (HTTP answers,
 * child processes, renders): checks `condition` until it holds, and fails
 * after `timeoutMs` naming `what` it waited for (by default the condition's
 * own source text). Never a fixed sleep: it returns as soon as the condition
 * holds. Time on a fake clock is moved by the test, not waited for.
 */
export async function until(
	condition: () => boolean,
	what: string = String(condition),
	options: UntilOptions = {},
): Promise<void> {
	const { timeoutMs = 10_000, stepMs = 5, detail } = options;
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) {
			const more = detail === undefined ? '' : `:\n${detail()}`;
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${more}`);
		}
		await new Promise<void>((resolve) =>
			stepMs === 0 ? setImmediate(resolve) : setTimeout(resolve, stepMs),
		);
	}
}
