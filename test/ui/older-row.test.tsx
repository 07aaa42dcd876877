/**
 * Older jobs on demand as the user sees them: the real App, a fake engine
 * that records loadOlder and protect and whose snapshot the test moves
 * through loading, loaded, at the end and failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../source/api/job.js';
import type { OlderState, Snapshot } from '../../source/engine/types.js';
import { FakeEngine } from '../helpers/ui-fake-engine.js';
import { makeSnapshot, manyJobs } from '../helpers/ui-fixtures.js';
import { renderApp, TEST_NOW, type UiHarness } from '../helpers/ui-harness.js';

/** A fake engine that counts loadOlder asks (and goes "loading") and keeps the last protected set. */
class OlderEngine extends FakeEngine {
	loads = 0;
	protectedIds: readonly string[] = [];
	loadOlder(): void {
		this.loads += 1;
		this.set({ older: 'loading' });
	}
	protect(ids: readonly string[]): void {
		this.protectedIds = ids;
	}
}

let harness: UiHarness | null = null;
afterEach(() => {
	harness?.unmount();
	harness = null;
});

async function open(jobs: readonly Job[], older: OlderState = 'idle') {
	const engine = new OlderEngine(makeSnapshot(jobs, { older }));
	harness = await renderApp({ engine, rows: 16 });
	return { h: harness, engine };
}

/** The list's rows: the lines between the heading and the footer. */
function rows(h: UiHarness): string[] {
	const lines = h.lines();
	const heading = lines.findIndex((line) => line.includes('NAME'));
	return lines.slice(heading + 1, -1);
}

const selectedName = (h: UiHarness) =>
	rows(h)
		.find((line) => line.startsWith('›') || line.startsWith('>'))
		?.match(/Job number \d+/)?.[0];

function withOlder(snapshot: Snapshot, older: OlderState, jobs = snapshot.jobs) {
	return makeSnapshot(jobs, { older, version: snapshot.version + 1 });
}

describe('older jobs on demand', () => {
	it('End selects the oldest held job and shows the loading row under it; the rows come after it, the selection stays', async () => {
		const jobs = manyJobs(40, TEST_NOW);
		const { h, engine } = await open(jobs);
		await h.press('\x1b[F'); // End
		expect(engine.loads).toBe(1);
		const shown = rows(h);
		expect(shown.at(-1)).toContain('loading older jobs…');
		expect(shown.at(-2)).toContain('Job number 39');
		expect(selectedName(h)).toBe('Job number 39');
		// A new job on top while it loads: the view and the selection stay put.
		const before = rows(h);
		const newest = manyJobs(1, TEST_NOW + 60_000).map((job) => ({ ...job, key: 'fresh' }));
		await h.update(withOlder(engine.snapshot, 'loading', [...newest, ...jobs]));
		expect(rows(h).slice(1)).toEqual(before.slice(1));
		expect(selectedName(h)).toBe('Job number 39');
		// The page arrives: the rows follow the selected job, which stays selected.
		const older = manyJobs(60, TEST_NOW).slice(40);
		await h.update(withOlder(engine.snapshot, 'idle', [...newest, ...jobs, ...older]));
		expect(selectedName(h)).toBe('Job number 39');
		expect(rows(h).join('\n')).not.toContain('loading older');
		await h.press('j');
		expect(selectedName(h)).toBe('Job number 40');
		expect(engine.loads).toBe(1);
	});

	it('says when the server has no older job, and asks no more', async () => {
		const { h, engine } = await open(manyJobs(30, TEST_NOW), 'exhausted');
		await h.press('G');
		expect(rows(h).at(-1)).toContain('no older jobs on the server');
		await h.press('j', 'j', '\x1b[6~');
		expect(engine.loads).toBe(0);
		// Scrolled back up, the row is out of sight.
		await h.press('g');
		expect(h.frame()).not.toContain('no older jobs');
	});

	it('says why a load failed on that row and retries on the next ↓', async () => {
		const { h, engine } = await open(manyJobs(30, TEST_NOW));
		await h.press('G');
		expect(engine.loads).toBe(1);
		const error = { kind: 'network' as const, message: 'connection refused', hint: '' };
		await h.update({ older: { error } });
		expect(rows(h).at(-1)).toContain('older jobs failed: connection refused');
		expect(selectedName(h)).toBe('Job number 29');
		await h.press('j');
		expect(engine.loads).toBe(2);
		expect(rows(h).at(-1)).toContain('loading older jobs…');
	});

	it('↓ loads only on the last row, PgDn near the end', async () => {
		const { h, engine } = await open(manyJobs(30, TEST_NOW));
		await h.press('j', 'j');
		expect(engine.loads).toBe(0);
		await h.press('\x1b[6~'); // PgDn: not yet within a page of the end
		expect(engine.loads).toBe(0);
		await h.press('\x1b[6~', '\x1b[6~');
		expect(engine.loads).toBe(1);
	});

	it('tells the engine to protect the rows on screen and the selected one', async () => {
		const { h, engine } = await open(manyJobs(40, TEST_NOW));
		await h.press('G');
		const visible = rows(h)
			.map((line) => line.match(/Job number (\d+)/)?.[1])
			.filter((n) => n !== undefined)
			.map((n) => `job-${n}`);
		expect(visible).toContain('job-39');
		expect([...engine.protectedIds].sort()).toEqual([...new Set(visible)].sort());
	});
});
