/** A duration the user wrote could not be read; `message` says what is accepted. */
export class DurationError extends Error {
	override readonly name = 'DurationError';
}

const UNIT_MS: Readonly<Record<string, number>> = {
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
};

// Units largest first so "1h30m" must be written in that order; "30m1h" is rejected
// as a likely typo rather than silently summed.
const UNIT_ORDER = ['d', 'h', 'm', 's', 'ms'];

/** Longest duration accepted: about 24 days, the most a Node timer can hold. */
export const MAX_DURATION_MS = 2_147_483_647;

/** The longest a duration may be, and how a message names that limit. */
export interface DurationLimit {
	readonly maxMs: number;
	/** e.g. "24 days". */
	readonly maxText: string;
}

/** The default limit: what a Node timer can hold. */
const TIMER_LIMIT: DurationLimit = { maxMs: MAX_DURATION_MS, maxText: '24 days' };

/**
 * Reads a duration such as `90s`, `30m`, `2h`, `7d`, `1h30m`, `500ms`, `1.5h` or a
 * plain number of seconds (`90`) and returns milliseconds (rounded to a whole ms).
 * Throws {@link DurationError} with a specific message for anything else,
 * including zero, negative values and durations longer than `limit` (by default
 * too long for a timer; a span to look back over, such as `--since 90d`, is not one).
 */
export function parseDuration(text: string, limit: DurationLimit = TIMER_LIMIT): number {
	const input = text.trim().toLowerCase();
	const accepted = 'use e.g. 90s, 30m, 2h, 1h30m, 500ms, or plain seconds';
	if (input === '') throw new DurationError(`empty duration: ${accepted}`);
	const shown = JSON.stringify(text.slice(0, 40));
	// A minus sign is not a typo to explain as "malformed": say what is wrong with it.
	if (/^-\s*\d/.test(input)) throw new DurationError(`duration ${shown} must be more than zero`);
	let total: number;
	if (/^\d+(\.\d+)?$/.test(input)) {
		total = Number(input) * 1000;
	} else {
		total = sumParts(input, shown, accepted);
	}
	const ms = Math.round(total);
	if (!(ms > 0)) throw new DurationError(`duration ${shown} must be more than zero`);
	if (ms > limit.maxMs) {
		throw new DurationError(`duration ${shown} is too long (max ${limit.maxText})`);
	}
	return ms;
}

function sumParts(input: string, shown: string, accepted: string): number {
	const part = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/y;
	let total = 0;
	let lastRank = -1;
	let at = 0;
	while (at < input.length) {
		part.lastIndex = at;
		const match = part.exec(input);
		if (match === null) throw new DurationError(`malformed duration ${shown}: ${accepted}`);
		const [, amount = '', unit = ''] = match;
		const rank = UNIT_ORDER.indexOf(unit);
		if (rank <= lastRank) {
			throw new DurationError(
				`malformed duration ${shown}: units must go from largest to smallest, once each`,
			);
		}
		lastRank = rank;
		total += Number(amount) * (UNIT_MS[unit] ?? 0);
		at = part.lastIndex;
	}
	return total;
}
