import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../source/present/duration-format.js';
import { DurationError, parseDuration } from '../../source/time/duration.js';

describe('parseDuration', () => {
	it.each([
		['90s', 90_000],
		['30m', 1_800_000],
		['2h', 7_200_000],
		['1h30m', 5_400_000],
		['500ms', 500],
		['90', 90_000],
		['1.5h', 5_400_000],
		['1d', 86_400_000],
		[' 2M ', 120_000],
		['1m30s250ms', 90_250],
	])('%s → %i ms', (text, ms) => {
		expect(parseDuration(text)).toBe(ms);
	});

	it.each([
		['', 'empty duration: use e.g. 90s, 30m, 2h, 1h30m, 500ms, or plain seconds'],
		['abc', 'malformed duration "abc": use e.g. 90s, 30m, 2h, 1h30m, 500ms, or plain seconds'],
		['10x', 'malformed duration "10x": use e.g. 90s, 30m, 2h, 1h30m, 500ms, or plain seconds'],
		['-5s', 'duration "-5s" must be more than zero'],
		['-1', 'duration "-1" must be more than zero'],
		['30m1h', 'malformed duration "30m1h": units must go from largest to smallest, once each'],
		['1m1m', 'malformed duration "1m1m": units must go from largest to smallest, once each'],
		['0s', 'duration "0s" must be more than zero'],
		['30d', 'duration "30d" is too long (max 24 days)'],
	])('%j is refused', (text, message) => {
		expect(() => parseDuration(text)).toThrow(DurationError);
		expect(() => parseDuration(text)).toThrow(message);
	});
});

describe('formatDuration', () => {
	it.each([
		[850, '850ms'],
		[23_000, '23s'],
		[65_000, '1m05s'],
		[100_000, '1m40s'],
		[7_380_000, '2h03m00s'],
		[273_600_000, '3d04h00m'],
		[-5, '0s'],
	])('%i → %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});
});
