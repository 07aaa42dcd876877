/** Small statistics for benchmark samples. */

/** The median of the samples (mean of the middle two for an even count); NaN when empty. */
export function median(samples: readonly number[]): number {
	return percentile(samples, 50);
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks,
 * as NumPy's default does; NaN when there are no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	const a = sorted[low] ?? Number.NaN;
	const b = sorted[high] ?? Number.NaN;
	return a + (b - a) * (rank - low);
}

/** Scales an amount measured over `windowMs` to one minute. */
export function perMinute(amount: number, windowMs: number): number {
	return (amount * 60_000) / windowMs;
}

/** Rounds to `digits` decimal places (for the JSON results, not for comparisons). */
export function round(value: number, digits = 2): number {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}
