import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	durationNextChange,
	formatAbsolute,
	formatFinalDuration,
	formatLiveDuration,
	formatRelative,
	formatSubmitted,
} from '../../source/present/time-format.js';

const previousTz = process.env.TZ;
beforeAll(() => {
	process.env.TZ = 'Asia/Tokyo';
});
afterAll(() => {
	if (previousTz === undefined) delete process.env.TZ;
	else process.env.TZ = previousTz;
});

// 2026-11-28 12:05:00 in Tokyo (+09:00).
const NOW = Date.UTC(2026, 10, 28, 3, 5, 0);

describe('time formats', () => {
	test('submitted: time of day today, month-day otherwise, in local time (TZ)', () => {
		expect(formatSubmitted(Date.UTC(2026, 10, 28, 3, 3, 41), NOW)).toBe('12:03:41');
		expect(formatSubmitted(Date.UTC(2026, 10, 27, 14, 59, 0), NOW)).toBe('11-27 23:59');
		expect(formatSubmitted(Date.UTC(2026, 10, 27, 15, 0, 0), NOW)).toBe('00:00:00');
		expect(formatSubmitted(null, NOW)).toBe('');
	});

	test('absolute with the offset', () => {
		expect(formatAbsolute(Date.UTC(2026, 10, 28, 3, 3, 41))).toBe('2026-11-28 12:03:41 +09:00');
	});

	test('durations: seconds under a minute, then minute resolution', () => {
		expect(formatLiveDuration(0)).toBe('0s');
		expect(formatLiveDuration(59_999)).toBe('59s');
		expect(formatLiveDuration(60_000)).toBe('1m');
		expect(formatLiveDuration(131_000)).toBe('2m');
		expect(formatLiveDuration(3_720_000)).toBe('1h02m');
		expect(formatLiveDuration(26 * 3_600_000)).toBe('1d02h');
		expect(formatLiveDuration(-5000)).toBe('0s');
	});

	test('final durations of finished jobs are exact', () => {
		expect(formatFinalDuration(59_999)).toBe('59s');
		expect(formatFinalDuration(65_000)).toBe('1m05s');
		expect(formatFinalDuration(3_723_000)).toBe('1h02m03s');
		expect(formatFinalDuration(26 * 3_600_000 + 4 * 60_000)).toBe('1d02h04m');
		expect(formatFinalDuration(-5000)).toBe('0s');
	});

	test('the next redraw of a live duration: each even second of the clock, then each minute', () => {
		expect(durationNextChange(1000, 1500)).toBe(2000);
		expect(durationNextChange(1000, 2000)).toBe(4000);
		// Jobs that started at odd and even seconds tick in the same frame.
		expect(durationNextChange(3000, 4100)).toBe(6000);
		expect(durationNextChange(4000, 4100)).toBe(6000);
		// The minute itself is drawn when it comes, wherever the clock's even seconds fall.
		expect(durationNextChange(1000, 60_500)).toBe(61_000);
		expect(durationNextChange(0, 59_000)).toBe(60_000);
		expect(durationNextChange(0, 61_000)).toBe(120_000);
	});

	test('relative', () => {
		expect(formatRelative(NOW - 30_000, NOW)).toBe('just now');
		expect(formatRelative(NOW - 4 * 60_000, NOW)).toBe('4 min ago');
		expect(formatRelative(NOW - 65 * 60_000, NOW)).toBe('1 h 5 min ago');
		expect(formatRelative(NOW - 2 * 86_400_000, NOW)).toBe('2 days ago');
		expect(formatRelative(NOW + 3 * 60_000, NOW)).toBe('in 3 min');
	});
});
