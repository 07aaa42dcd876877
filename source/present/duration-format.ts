/**
 * The exact form of a duration, shared by the live view (a finished job) and
 * every script mode (`list`, `show`, `wait`), so a job's duration reads the
 * same wherever it is printed.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `7` as `07`: the two-digit fields of durations and clock times. */
export function two(value: number): string {
	return String(value).padStart(2, '0');
}

/**
 * `0s`, `23s`, `4m05s`, `1h02m03s`, `2d03h04m`: whole seconds, never
 * milliseconds (a job's duration is only known to the second). For text that
 * does not tick: a finished job on screen, anything a script mode prints once.
 * Negative spans (clock skew) and non-numbers count as zero.
 */
export function formatExactDuration(ms: number): string {
	const span = Number.isFinite(ms) ? Math.max(0, ms) : 0;
	if (span < MINUTE) return `${Math.floor(span / SECOND)}s`;
	const seconds = two(Math.floor((span % MINUTE) / SECOND));
	if (span < HOUR) return `${Math.floor(span / MINUTE)}m${seconds}s`;
	const minutes = two(Math.floor((span % HOUR) / MINUTE));
	if (span < DAY) return `${Math.floor(span / HOUR)}h${minutes}m${seconds}s`;
	return `${Math.floor(span / DAY)}d${two(Math.floor((span % DAY) / HOUR))}h${minutes}m`;
}

/**
 * Formats a duration the user set (a `--timeout`), as `wait` echoes it:
 * `300ms` under a second, else the exact form every job duration uses
 * (`23s`, `1m05s`, `2h00m00s`). A job's own duration never shows
 * milliseconds: see {@link formatExactDuration}.
 */
export function formatDuration(ms: number): string {
	if (Number.isFinite(ms) && ms > 0 && ms < 1000) return `${Math.floor(ms)}ms`;
	return formatExactDuration(ms);
}
