/**
 * Times and spans as every output prints them: the live view and the script
 * modes (`list`, `show`, `wait`, `events`). Local time honours `TZ` (Node's
 * Date does); the script modes may name an IANA zone instead. The live
 * screen's resolutions are chosen so it changes rarely: seconds only while a
 * duration is under a minute (redrawn every two seconds), minutes after that.
 */

import { t } from '../i18n/t.js';
import { DAY, HOUR, MINUTE, SECOND, two } from './duration-format.js';

function sameLocalDay(a: Date, b: Date): boolean {
	return (
		a.getFullYear() === b.getFullYear() &&
		a.getMonth() === b.getMonth() &&
		a.getDate() === b.getDate()
	);
}

/** `HH:MM:SS` for today, `MM-DD HH:MM` for any other day; '' when unknown. */
export function formatSubmitted(time: number | null, now: number): string {
	if (time === null) return '';
	const date = new Date(time);
	const hm = `${two(date.getHours())}:${two(date.getMinutes())}`;
	if (sameLocalDay(date, new Date(now))) return `${hm}:${two(date.getSeconds())}`;
	return `${two(date.getMonth() + 1)}-${two(date.getDate())} ${hm}`;
}

/** `HH:MM` local, for "last update" in the header. */
export function formatClockMinute(time: number): string {
	const date = new Date(time);
	return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** `2026-11-28 12:03:41 +09:00`, local time with its offset: the form `show` prints too. */
export function formatAbsolute(time: number): string {
	return formatDateTimeWithOffset(time);
}

/**
 * A span that is still growing, as the live screen ticks it: `23s` under a
 * minute, then `4m`, `1h02m`, `2d03h`, so a row's text changes rarely. Not for
 * anything printed once (a finished job, a script mode): that is the exact
 * form, formatExactDuration. Negative spans count as zero.
 */
export function formatLiveDuration(ms: number): string {
	const span = Math.max(0, ms);
	if (span < MINUTE) return `${Math.floor(span / SECOND)}s`;
	if (span < HOUR) return `${Math.floor(span / MINUTE)}m`;
	if (span < DAY) return `${Math.floor(span / HOUR)}h${two(Math.floor((span % HOUR) / MINUTE))}m`;
	return `${Math.floor(span / DAY)}d${two(Math.floor((span % DAY) / HOUR))}h`;
}

/**
 * The exact form for a span that no longer changes (a finished job): `23s`,
 * `4m05s`, `1h02m03s`, `2d03h04m`. Precision costs nothing once a job is over,
 * since its text never ticks. Shared with the script modes, which print it too.
 */
export { formatExactDuration as formatFinalDuration } from './duration-format.js';

/**
 * How often a live duration under a minute is redrawn: on every even second
 * of the clock, so all running jobs tick in one frame, every other second.
 * A frame costs CPU whatever changed in it; ticking every second cost twice
 * the CPU budget of issue 6 with five jobs running. The text is exact
 * whenever it is drawn; only the redraws are spaced (the default poll
 * interval is two seconds too).
 */
export const LIVE_SECONDS_STEP = 2 * SECOND;

/**
 * When the text of {@link formatLiveDuration} for a span that started at `start`
 * should next be redrawn, as seen at `now` (epoch ms): the next even second
 * while under a minute (and the minute itself), then each minute, each hour.
 */
export function durationNextChange(start: number, now: number): number {
	const span = Math.max(0, now - start);
	if (span < MINUTE) {
		const tick = (Math.floor(now / LIVE_SECONDS_STEP) + 1) * LIVE_SECONDS_STEP;
		return Math.min(tick, start + MINUTE);
	}
	const step = span < DAY ? MINUTE : HOUR;
	return start + (Math.floor(span / step) + 1) * step;
}

/** `just now`, `4 min ago`, `3 h 5 min ago`, `2 days ago`, or `in 3 min` for the future. */
export function formatRelative(time: number, now: number): string {
	const span = now - time;
	const abs = Math.abs(span);
	if (abs < MINUTE) return t('present.justNow');
	let text: string;
	if (abs < HOUR) text = t('present.spanMinutes', { minutes: Math.floor(abs / MINUTE) });
	else if (abs < DAY) {
		const minutes = Math.floor((abs % HOUR) / MINUTE);
		const hours = Math.floor(abs / HOUR);
		text =
			minutes > 0
				? t('present.spanHoursMinutes', { hours, minutes })
				: t('present.spanHours', { hours });
	} else {
		const days = Math.floor(abs / DAY);
		text = days === 1 ? t('present.spanDay') : t('present.spanDays', { days });
	}
	return span >= 0 ? t('present.ago', { span: text }) : t('present.inFuture', { span: text });
}

/** When {@link formatRelative} or a minute-resolution age next changes. */
export function minuteNextChange(time: number, now: number): number {
	const span = Math.abs(now - time);
	return now + (MINUTE - (span % MINUTE));
}

/** `3m`, `1h02m`: an age at minute resolution (for "stale 3m"). */
export function formatAge(ms: number): string {
	const span = Math.max(0, ms);
	return span < MINUTE ? `${Math.floor(span / SECOND)}s` : formatLiveDuration(span);
}

/** The next local midnight after `now`: when "today" stops being today. */
export function nextLocalMidnight(now: number): number {
	const date = new Date(now);
	date.setHours(24, 0, 0, 0);
	return date.getTime();
}

// Absolute times as the script modes print them: local time (the process's zone,
// or an explicit IANA zone) with its UTC offset.

/** The parts of a moment in one time zone. */
interface ZonedParts {
	readonly year: string;
	readonly month: string;
	readonly day: string;
	readonly hour: string;
	readonly minute: string;
	readonly second: string;
	/** `+09:00`, `-05:00`, `+00:00`. */
	readonly offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
			timeZoneName: 'longOffset',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

function localParts(ms: number): ZonedParts {
	const date = new Date(ms);
	const offsetMinutes = -date.getTimezoneOffset();
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return {
		year: String(date.getFullYear()),
		month: two(date.getMonth() + 1),
		day: two(date.getDate()),
		hour: two(date.getHours()),
		minute: two(date.getMinutes()),
		second: two(date.getSeconds()),
		offset: `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`,
	};
}

function zonedParts(ms: number, timeZone: string): ZonedParts {
	const parts: Record<string, string> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(ms)))
		parts[part.type] = part.value;
	// longOffset reads "GMT+09:00", or plain "GMT" for UTC itself.
	const zoneName = parts.timeZoneName ?? 'GMT';
	const offset = zoneName === 'GMT' ? '+00:00' : zoneName.replace('GMT', '');
	return {
		year: parts.year ?? '0000',
		month: parts.month ?? '00',
		day: parts.day ?? '00',
		hour: parts.hour ?? '00',
		minute: parts.minute ?? '00',
		second: parts.second ?? '00',
		offset,
	};
}

function partsFor(ms: number, timeZone: string | undefined): ZonedParts {
	if (timeZone === undefined) return localParts(ms);
	try {
		return zonedParts(ms, timeZone);
	} catch {
		// An unknown zone name is not worth failing a command over.
		return localParts(ms);
	}
}

/** `2026-11-28 12:03:41` in the given zone (local by default); '' for null. */
export function formatDateTime(ms: number | null, timeZone?: string): string {
	if (ms === null) return '';
	const p = partsFor(ms, timeZone);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `2026-11-28 12:03:41 +09:00`: the detail form, with the offset; '' for null. */
export function formatDateTimeWithOffset(ms: number | null, timeZone?: string): string {
	if (ms === null) return '';
	const p = partsFor(ms, timeZone);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.offset}`;
}

/** ISO-8601 in UTC (`2026-11-28T03:03:41.000Z`) for JSON; null for null. */
export function isoTime(ms: number | null): string | null {
	return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}
