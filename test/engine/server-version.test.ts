import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import type { AiqumClient } from '../../source/api/types.js';
import { ServerVersionProbe } from '../../source/engine/server-version.js';

/** A client whose getSystem answers from a script, one entry per call. */
function scripted(answers: Array<string | null | ApiError>) {
	let calls = 0;
	const client = {
		getSystem: async () => {
			const answer = answers[calls++];
			if (answer instanceof ApiError) throw answer;
			return { version: answer ?? null, uuid: null, name: null };
		},
	} as unknown as AiqumClient;
	return { client, calls: () => calls };
}

describe('ServerVersionProbe', () => {
	it('asks once when the server answers, and reports the version', async () => {
		const { client, calls } = scripted(['9.16P1']);
		const seen: Array<string | null> = [];
		const probe = new ServerVersionProbe(client, (v) => seen.push(v));
		await probe.fetch();
		expect(probe.fetch()).toBeNull();
		expect(seen).toEqual(['9.16P1']);
		expect(calls()).toBe(1);
	});

	it('gives up after two failures, so an old server costs no requests per poll', async () => {
		const missing = new ApiError('not-found', 'no /system');
		const { client, calls } = scripted([missing, missing, '9.16']);
		const seen: Array<string | null> = [];
		const probe = new ServerVersionProbe(client, (v) => seen.push(v));
		await probe.fetch();
		await probe.fetch();
		expect(probe.fetch()).toBeNull();
		expect(calls()).toBe(2);
		expect(seen).toEqual([]);
	});

	it('never asks twice at once', async () => {
		const { client, calls } = scripted(['9.16']);
		const probe = new ServerVersionProbe(client, () => undefined);
		const first = probe.fetch();
		expect(probe.fetch()).toBeNull();
		await first;
		expect(calls()).toBe(1);
	});
});
