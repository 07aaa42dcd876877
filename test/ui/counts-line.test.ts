import { describe, expect, test } from 'vitest';
import { emptyCounts } from '../../source/engine/job-store.js';
import { UNICODE_GLYPHS } from '../../source/present/theme.js';
import { countsLine } from '../../source/ui/screen/header.js';
import { lineWidth } from '../../source/ui/screen/segments.js';

const text = (line: ReturnType<typeof countsLine>) => line.map((s) => s.text).join('');

describe('the counts line', () => {
	const counts = {
		...emptyCounts(),
		RUNNING: 5,
		QUEUED: 1,
		NORMAL: 44,
		WARNING: 6,
		PARTIAL_FAILURES: 4,
		ERROR: 5,
		ABORTED: 1,
	};

	test('names each state when it fits', () => {
		const line = countsLine({ counts, glyphs: UNICODE_GLYPHS }, 120);
		expect(text(line)).toBe(
			' ◐ 5 running  ○ 1 queued  ✓ 44 normal  ! 6 warning  ◆ 4 partial  ✗ 5 error  ⊘ 1 aborted',
		);
	});

	test('keeps every count, glyphs only, when the words do not fit (80 columns)', () => {
		const line = countsLine({ counts, glyphs: UNICODE_GLYPHS }, 80);
		expect(text(line)).toBe(' ◐ 5  ○ 1  ✓ 44  ! 6  ◆ 4  ✗ 5  ⊘ 1');
		expect(lineWidth(line)).toBeLessThanOrEqual(80);
	});

	test('says so when there are no jobs', () => {
		expect(text(countsLine({ counts: emptyCounts(), glyphs: UNICODE_GLYPHS }, 80))).toBe(
			' no jobs yet',
		);
	});
});
