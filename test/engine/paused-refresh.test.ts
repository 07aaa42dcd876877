// Issue 15, item 11: `r` while paused refreshes once, and polling stays paused.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { engineHarnessPerTest } from '../helpers/engine-harness.js';

const setup = engineHarnessPerTest();
const LIST = ['listJobsPage', 'listJobsPageAt'] as const;

describe('refresh while paused', () => {
	it('polls once, shows what changed, and stays paused with no timer left', async () => {
		const h = setup();
		h.model.addJobs(2);
		await h.start();
		h.engine.setPaused(true);
		const fresh = h.model.addJob({ name: 'arrived while paused' });
		await h.clock.advance(10_000);
		expect(h.snapshot().byKey.has(fresh.key)).toBe(false);
		const stale = h.snapshot().lastSuccessAt ?? 0;

		h.engine.refresh();
		await h.clock.flush();
		expect(h.snapshot().byKey.has(fresh.key)).toBe(true);
		expect(h.snapshot().connection).toEqual({ kind: 'paused' });
		expect(h.snapshot().lastSuccessAt).toBeGreaterThan(stale);
		expect(h.clock.pendingTimers).toBe(0);

		// Still paused: nothing more is asked until the next r or p.
		const before = h.client.requestCount;
		await h.clock.advance(60_000);
		expect(h.client.requestCount).toBe(before);
		h.engine.setPaused(false);
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
		await h.clock.flush();
		expect(h.client.requestCount).toBe(before + 1);
	});

	it('says why a refresh while paused failed, stays paused, and retries on resume', async () => {
		const h = setup();
		h.model.addJobs(2);
		await h.start();
		h.engine.setPaused(true);
		const auth = new ApiError('auth', 'Unified Manager rejected the user name or password (401).', {
			hint: 'Check --user and the password source.',
		});
		h.client.failNext(auth, { methods: LIST });
		h.engine.refresh();
		await h.clock.flush();
		expect(h.snapshot().connection).toEqual({
			kind: 'paused',
			lastError: { kind: 'auth', message: auth.message, hint: auth.hint },
		});
		expect(h.clock.pendingTimers).toBe(0);
		expect(h.snapshot().jobs).toHaveLength(2);

		h.engine.setPaused(false);
		expect(h.snapshot().connection).toEqual({ kind: 'connecting' });
		await h.clock.flush();
		expect(h.snapshot().connection).toEqual({ kind: 'live' });
	});

	it('a transient failure while paused is retried within the refresh, then reported', async () => {
		const h = setup();
		h.model.addJobs(1);
		await h.start();
		h.engine.setPaused(true);
		const down = () => new ApiError('server', 'Unified Manager answered 500.', { status: 500 });
		h.client.failNext(down, { methods: LIST, times: 4 });
		h.engine.refresh();
		await h.clock.advance(5_000);
		const connection = h.snapshot().connection;
		expect(connection.kind).toBe('paused');
		expect(connection.kind === 'paused' && connection.lastError?.kind).toBe('server');
		// No backoff timer: paused means nothing happens until asked.
		expect(h.clock.pendingTimers).toBe(0);
		h.engine.refresh();
		await h.clock.flush();
		expect(h.snapshot().connection).toEqual({ kind: 'paused' });
	});
});
