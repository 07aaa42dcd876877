/**
 * Absolute times as the scripting modes print them: local time (the process's
 * zone, which honours `TZ`, or an explicit IANA zone) with its UTC offset.
 */

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

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

function localParts(ms: number): ZonedParts {
	const date = new Date(ms);
	const offsetMinutes = -date.getTimezoneOffset();
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return {
		year: String(date.getFullYear()),
		month: pad2(date.getMonth() + 1),
		day: pad2(date.getDate()),
		hour: pad2(date.getHours()),
		minute: pad2(date.getMinutes()),
		second: pad2(date.getSeconds()),
		offset: `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`,
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
