/**
 * Time as the screen shows it. Local time honours `TZ` (Node's Date does).
 * Resolutions are chosen so a live screen changes rarely: seconds only while
 * a duration is under a minute (redrawn every two seconds), minutes after that.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function two(value: number): string {
	return String(value).padStart(2, '0');
}

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

/** `2026-11-28 12:03:41 +09:00`, local time with its offset. */
export function formatAbsolute(time: number): string {
	const date = new Date(time);
	const offset = -date.getTimezoneOffset();
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
	const clock = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
	return `${day} ${clock} ${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** `23s` under a minute, then `4m`, `1h02m`, `2d03h`. Negative spans count as zero. */
export function formatDuration(ms: number): string {
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
export { formatExactDuration as formatFinalDuration } from '../present/duration-format.js';

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
 * When the text of {@link formatDuration} for a span that started at `start`
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
	if (abs < MINUTE) return 'just now';
	let text: string;
	if (abs < HOUR) text = `${Math.floor(abs / MINUTE)} min`;
	else if (abs < DAY) {
		const minutes = Math.floor((abs % HOUR) / MINUTE);
		text = `${Math.floor(abs / HOUR)} h${minutes > 0 ? ` ${minutes} min` : ''}`;
	} else {
		const days = Math.floor(abs / DAY);
		text = `${days} day${days === 1 ? '' : 's'}`;
	}
	return span >= 0 ? `${text} ago` : `in ${text}`;
}

/** When {@link formatRelative} or a minute-resolution age next changes. */
export function minuteNextChange(time: number, now: number): number {
	const span = Math.abs(now - time);
	return now + (MINUTE - (span % MINUTE));
}

/** `3m`, `1h02m`: an age at minute resolution (for "stale 3m"). */
export function formatAge(ms: number): string {
	const span = Math.max(0, ms);
	return span < MINUTE ? `${Math.floor(span / SECOND)}s` : formatDuration(span);
}

/** The next local midnight after `now`: when "today" stops being today. */
export function nextLocalMidnight(now: number): number {
	const date = new Date(now);
	date.setHours(24, 0, 0, 0);
	return date.getTime();
}
