// --since DURATION|TIME (issue 13): the cut a `list` or the live view starts from.
import { describe, expect, it } from 'vitest';
import { parseSince, SINCE_FORMS, SinceError } from '../../source/time/since.js';

const NOW = Date.parse('2026-12-01T03:00:00Z');
const H = 3_600_000;

describe('parseSince', () => {
	it.each([
		['24h', NOW - 24 * H],
		['7d', NOW - 7 * 24 * H],
		['30m', NOW - 30 * 60_000],
		['1d12h', NOW - 36 * H],
		[' 90d ', NOW - 90 * 24 * H],
		['3650d', NOW - 3650 * 24 * H],
	])('a span %j counts back from now', (text, cut) => {
		expect(parseSince(text, NOW)).toBe(cut);
	});

	it('a date or a time without a zone is local time (TZ), as the times are shown', () => {
		expect(parseSince('2026-11-30', NOW)).toBe(new Date(2026, 10, 30).getTime());
		expect(parseSince('2026-11-30T08:00', NOW)).toBe(new Date(2026, 10, 30, 8, 0).getTime());
		expect(parseSince('2026-11-30 08:00:30', NOW)).toBe(new Date(2026, 10, 30, 8, 0, 30).getTime());
	});

	it('a trailing Z or offset names the zone', () => {
		expect(parseSince('2026-11-30T08:00Z', NOW)).toBe(Date.parse('2026-11-30T08:00:00Z'));
		expect(parseSince('2026-11-30t08:00z', NOW)).toBe(Date.parse('2026-11-30T08:00:00Z'));
		expect(parseSince('2026-11-30T08:00+09:00', NOW)).toBe(Date.parse('2026-11-29T23:00:00Z'));
		expect(parseSince('2026-11-30T08:00:15-0130', NOW)).toBe(Date.parse('2026-11-30T09:30:15Z'));
	});

	it('now itself is allowed; a time after now is refused', () => {
		expect(parseSince('2026-12-01T03:00Z', NOW)).toBe(NOW);
		expect(() => parseSince('2026-12-01T03:01Z', NOW)).toThrow(
			`"2026-12-01T03:01Z" is in the future: use ${SINCE_FORMS}`,
		);
		expect(() => parseSince('2027-01-01', NOW)).toThrow(/is in the future/);
		expect(() => parseSince('-2h', NOW)).toThrow(/would be in the future/);
	});

	it.each([
		['', /^empty value: use a span back from now/],
		['yesterday', /^"yesterday" is not a span or a time: use a span back from now \(30m, 24h, 7d/],
		['7', /^"7" needs a unit \(e\.g\. 7h or 7d\)/],
		['2026-13-01', /^"2026-13-01" is not a valid date or time/],
		['2026-02-30', /is not a valid date or time/],
		['2026-11-30T25:00', /is not a valid date or time/],
		['2026-11-30T08', /is not a span or a time/],
		['30/11/2026', /is not a span or a time/],
		['2026-11-30T08:00+25:00', /is not a span or a time/],
		['0h', /must be more than zero/],
		['4000d', /too long \(max 3650 days\)/],
	])('%j is refused, naming the forms', (text, message) => {
		let caught: unknown;
		try {
			parseSince(text, NOW);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(SinceError);
		expect((caught as Error).message).toMatch(message);
	});
});
