import { DurationError, parseDuration } from './duration.js';

/** A `--since` value could not be read, or lies in the future; `message` names the forms. */
export class SinceError extends Error {
	override readonly name = 'SinceError';
}

/** The forms `--since` takes, for messages and help. */
export const SINCE_FORMS =
	'a span back from now (30m, 24h, 7d, 1d12h) or a time: 2026-11-30, 2026-11-30T08:00 (local time), 2026-11-30T08:00Z or 2026-11-30T08:00+09:00';

const DAY_MS = 86_400_000;

/** Ten years back is as far as a span may reach (a typo such as 7000d is caught). */
const MAX_SPAN = { maxMs: 3650 * DAY_MS, maxText: '3650 days' };

// A date, optionally a time (T or a space), optionally seconds, optionally a zone;
// a zone needs a time (a bare date is the start of that local day).
const TIME_FORM =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads a `--since` value and returns the cut as epoch ms: a job submitted at
 * or after it is "since". A span (`24h`, `7d`, `30m`, `1d12h`) counts back from
 * `now`; a date or time is local time as the live view shows times (`TZ`)
 * unless it ends with `Z` or an offset (`+09:00`). Throws {@link SinceError}
 * naming the forms for anything else, and for a time after `now`.
 */
export function parseSince(text: string, now: number): number {
	const input = text.trim();
	const shown = JSON.stringify(text.slice(0, 40));
	if (input === '') throw new SinceError(`empty value: use ${SINCE_FORMS}`);
	if (/^\d/.test(input) && input.includes('-') && !/^-/.test(input)) {
		const time = readTime(input, shown);
		if (time > now) throw new SinceError(`${shown} is in the future: use ${SINCE_FORMS}`);
		return time;
	}
	// A bare number is refused: "7" could mean seconds (as --interval reads it) or days.
	if (/^\d+(\.\d+)?$/.test(input)) {
		throw new SinceError(`${shown} needs a unit (e.g. ${input}h or ${input}d): use ${SINCE_FORMS}`);
	}
	if (/^-/.test(input)) throw new SinceError(`${shown} would be in the future: use ${SINCE_FORMS}`);
	try {
		return now - parseDuration(input, MAX_SPAN);
	} catch (error) {
		if (!(error instanceof DurationError)) throw error;
		if (/too long|more than zero/.test(error.message)) throw new SinceError(error.message);
		throw new SinceError(`${shown} is not a span or a time: use ${SINCE_FORMS}`);
	}
}

function readTime(input: string, shown: string): number {
	const match = TIME_FORM.exec(input);
	const bad = () => new SinceError(`${shown} is not a span or a time: use ${SINCE_FORMS}`);
	if (match === null) throw bad();
	const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0', zone] = match;
	const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (
		year < 1970 ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > daysInMonth ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		throw new SinceError(`${shown} is not a valid date or time: use ${SINCE_FORMS}`);
	}
	if (zone === undefined) {
		// Local time, per TZ, as the live view and list print submit times.
		return new Date(year, month - 1, day, hour, minute, second).getTime();
	}
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	if (zone.toUpperCase() === 'Z') return utc;
	const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
	const [, sign = '+', oh = '0', om = '0'] = offset ?? [];
	if (Number(oh) > 23 || Number(om) > 59) throw bad();
	const minutes = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
	return utc - minutes * 60_000;
}
