import { describe, expect, it } from 'vitest';
import { MissingJobs } from '../../source/engine/missing-jobs.js';

describe('MissingJobs', () => {
	it('reports a key only after it is missing the given number of polls in a row', () => {
		const missing = new MissingJobs(3);
		expect(missing.record(['a', 'b'], ['a'])).toEqual([]);
		expect(missing.record(['a', 'b'], ['a'])).toEqual([]);
		expect(missing.record(['a', 'b'], ['a'])).toEqual(['a']);
		// Reported once, then forgotten.
		expect(missing.size).toBe(0);
	});

	it('starts counting again when the key comes back', () => {
		const missing = new MissingJobs(3);
		missing.record(['a'], ['a']);
		missing.record(['a'], ['a']);
		missing.record(['a'], []);
		expect(missing.record(['a'], ['a'])).toEqual([]);
		expect(missing.record(['a'], ['a'])).toEqual([]);
		expect(missing.record(['a'], ['a'])).toEqual(['a']);
	});

	it('stops counting keys no longer asked for (finished, or seen on the first page)', () => {
		const missing = new MissingJobs(2);
		missing.record(['a', 'b'], ['a', 'b']);
		expect(missing.size).toBe(2);
		missing.record(['b'], ['b']);
		expect(missing.size).toBe(0);
		expect(missing.record(['a'], ['a'])).toEqual([]);
		expect(missing.size).toBe(1);
	});
});
