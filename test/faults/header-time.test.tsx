// A frame drawn for fresh engine data is judged at the time it is drawn, not at
// the screen's last tick: after a quiet spell, a failure's countdown and the
// age of the data must be right in the very first frame that shows them.
import { expect, test } from 'vitest';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW } from '../helpers/ui-harness.js';

const HOUR = 3_600_000;
const refused = {
	kind: 'network' as const,
	message: 'Connection refused by um01.example.com:443.',
	hint: 'Is the URL right and the server up?',
};

test('after an idle hour, the first retrying frame counts down from the right time', async () => {
	const done = makeJob({ key: 'a', submitTime: TEST_NOW - HOUR, completeTime: TEST_NOW - HOUR });
	const h = await renderApp({
		snapshot: makeSnapshot([done], { lastSuccessAt: TEST_NOW, intervalMs: 120_000 }),
	});
	// Polls keep succeeding (every 60 s of a 120 s interval): nothing on screen changes for an hour.
	for (let at = TEST_NOW + 2000; at <= TEST_NOW + HOUR; at += 60_000) {
		await h.advance(at - h.clock.now());
		await h.update({ lastSuccessAt: at });
	}
	const now = h.clock.now();
	await h.update({
		connection: { kind: 'retrying', attempt: 1, nextTryAt: now + 8000, lastError: refused },
	});
	expect(h.lines()[2]).toBe(
		' ! attempt 1, next try in 8s: Connection refused by um01.example.com:443.',
	);
	h.unmount();
});
