// Per-frame render time of the real App, with production React and Ink's own
// render(), against a fake engine whose snapshot is replaced as a poll would.
import { EventEmitter } from 'node:events';
import chalk from 'chalk';
import { render } from 'ink';
import type { Job } from '../../source/api/job.js';
import type { WatchEngine } from '../../source/engine/engine.js';
import { createFleet } from '../../source/engine/fleet.js';
import { JobStore } from '../../source/engine/job-store.js';
import type { SortOrder } from '../../source/present/sort.js';
import type { Clock } from '../../source/time/clock.js';
import { App } from '../../source/ui/App.js';
import { createKeyHub } from '../../source/ui/terminal/key-source.js';
import { INK_RENDER_MODE, terminalOutput } from '../../source/ui/terminal/terminal-output.js';
import { FakeEngine } from '../../test/helpers/ui-fake-engine.js';
import { makeSnapshot } from '../../test/helpers/ui-fixtures.js';
import { sleep } from '../lib/apps.js';
import { changedJob, makeJobs } from '../lib/jobs.js';
import { percentile } from '../lib/stats.js';

/** A terminal for Ink: a size, isTTY, and a hook on the next frame written. */
class TimedStdout extends EventEmitter {
	readonly columns = 80;
	readonly rows = 24;
	readonly isTTY = true;
	#onFrame: (() => void) | null = null;
	write(data: string): boolean {
		// The output stage writes a frame's changed cells in one write.
		if (data.length > 0 && this.#onFrame !== null) {
			const done = this.#onFrame;
			this.#onFrame = null;
			done();
		}
		return true;
	}
	/** Resolves at the next frame write. */
	nextFrame(): Promise<void> {
		return new Promise((resolve) => {
			this.#onFrame = resolve;
		});
	}
}

/** An input stream Ink accepts; nothing is ever typed. */
class QuietStdin extends EventEmitter {
	readonly isTTY = true;
	setRawMode(): this {
		return this;
	}
	setEncoding(): this {
		return this;
	}
	resume(): this {
		return this;
	}
	pause(): this {
		return this;
	}
	ref(): this {
		return this;
	}
	unref(): this {
		return this;
	}
	read(): null {
		return null;
	}
}

const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The real App mounted over a fake engine holding a number of jobs. */
export interface RenderTarget {
	readonly jobs: number;
	/** Publishes a snapshot with one visible job changed; resolves with ms to the frame write. */
	frame(flip: boolean): Promise<number>;
	unmount(): void;
}

/** The real App, as runWatchUi mounts it, over `engine` (in `sort` order); resolves once it has drawn. */
async function mountApp(
	engine: WatchEngine,
	sort?: SortOrder,
): Promise<{ stdout: TimedStdout; unmount: () => void }> {
	// A real terminal gets 256 colours; the bench's own stdout may not be one.
	chalk.level = 2;
	const stdout = new TimedStdout();
	// The screen's own render mode and output stage, exactly as runWatchUi sets them up.
	const output = terminalOutput(stdout);
	const instance = render(
		<App
			engine={engine}
			host="um01.example.com"
			insecure={false}
			color={true}
			ascii={false}
			keys={createKeyHub()}
			stdout={stdout}
			clock={systemClock}
			onQuit={() => {}}
			{...(sort === undefined ? {} : { sort })}
		/>,
		{
			...INK_RENDER_MODE,
			stdout: output.stdout as unknown as NodeJS.WriteStream,
			onRender: output.onRender,
			stdin: new QuietStdin() as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	await sleep(200);
	return { stdout, unmount: () => instance.unmount() };
}

/** Publishes with `publish` and resolves with the ms from there to the frame's write. */
async function timeFrame(stdout: TimedStdout, publish: () => void): Promise<number> {
	// A minor collection first, so young garbage made by other sizes (or by building this
	// snapshot) is not charged to this frame: the figure is the render's cost.
	(globalThis as { gc?: (options?: { type: string }) => void }).gc?.({ type: 'minor' });
	const frame = stdout.nextFrame();
	const started = performance.now();
	publish();
	await frame;
	return performance.now() - started;
}

/**
 * Mounts the App holding `count` jobs. Each `frame()` replaces the snapshot
 * with one where the third visible job changed state (a new jobs array, counts
 * and index: what a poll that changes one job publishes) and times publish →
 * frame write. Only the publish is timed; building the snapshot is the engine's work.
 */
export async function mountRenderTarget(count: number, sort?: SortOrder): Promise<RenderTarget> {
	const newest = Date.now() - 60_000;
	const jobs = makeJobs(count, newest);
	const engine = new FakeEngine(makeSnapshot(jobs, { lastSuccessAt: Date.now() }));
	// Sorted (`--sort`, `s`): every frame's new jobs array is put in that order before it is drawn.
	const app = await mountApp(engine, sort);
	return {
		jobs: count,
		async frame(flip) {
			const next: Job[] = jobs.slice();
			next[2] = changedJob(2, newest, flip);
			const snapshot = makeSnapshot(next, { lastSuccessAt: Date.now() });
			return timeFrame(app.stdout, () => engine.set(snapshot));
		},
		unmount: app.unmount,
	};
}

/** Profile names of the fleet's servers, as a config file would have them. */
const FLEET_NAMES = [
	'tokyo',
	'osaka',
	'nagoya',
	'sapporo',
	'fukuoka',
	'sendai',
	'kobe',
	'kyoto',
	'naha',
];

/**
 * Mounts the App over a fleet (createFleet, as the live view builds it for
 * several profiles) of `servers` engines holding `perServer` jobs each, their
 * jobs interleaved in time as servers busy at once are. Each member's
 * snapshot comes from a real JobStore. Each `frame()` changes the third job
 * of the first server (on screen, near the top) in that member's store and
 * publishes it; the fleet's merge is timed apart (`mergeMs`, every frame's,
 * warm-up included) and the frame from the fleet's publish to its write.
 */
export async function mountFleetTarget(
	servers: number,
	perServer: number,
): Promise<RenderTarget & { readonly mergeMs: readonly number[] }> {
	const newest = Date.now() - 60_000;
	const members = FLEET_NAMES.slice(0, servers).map((name, index) => {
		// 30 s between one server's jobs; the servers' jobs fall between each other's.
		const memberNewest = newest - index * (30_000 / servers);
		const store = new JobStore(perServer * 2);
		store.merge(makeJobs(perServer, memberNewest, name));
		const snapshotOf = () =>
			makeSnapshot(store.jobs, {
				byKey: store.byKey,
				counts: store.counts,
				lastSuccessAt: Date.now(),
			});
		const engine = new FakeEngine(snapshotOf());
		return { name, url: `https://${name}.example.com`, engine, store, memberNewest, snapshotOf };
	});
	const fleet = createFleet(members);
	const app = await mountApp(fleet);
	const mergeMs: number[] = [];
	const first = members[0];
	if (first === undefined) throw new Error('bench: a fleet needs a server');
	return {
		jobs: servers * perServer,
		async frame(flip) {
			first.store.merge([changedJob(2, first.memberNewest, flip, first.name)]);
			const snapshot = first.snapshotOf();
			// The member publishes and the fleet merges (engine work, timed apart as
			// mergeMs); the frame is timed from the fleet's publish, which comes in the
			// next microtask, as a single server's frame is from its engine's publish.
			const merged = performance.now();
			first.engine.set(snapshot);
			fleet.getSnapshot();
			mergeMs.push(performance.now() - merged);
			return timeFrame(app.stdout, () => {});
		},
		unmount: app.unmount,
		mergeMs,
	};
}

/**
 * Issue 13's bar: frames with `count` jobs held, sorted by state (failures
 * first) against the default order, in the same rounds. Each frame brings a
 * new jobs array with one job changed to another state, so the App re-sorts
 * (ui/screen/resort.ts) and the changed job moves between the top and its place.
 */
export async function timeSortedRenders(
	count: number,
	iterations: number,
): Promise<{ readonly unsorted: RenderTiming; readonly byState: RenderTiming }> {
	const [unsorted, byState] = await timeTargets(
		[() => mountRenderTarget(count), () => mountRenderTarget(count, 'state')],
		iterations,
	);
	if (unsorted === undefined || byState === undefined) throw new Error('bench: no timings');
	return { unsorted, byState };
}

/** Frame times in ms at one size: p50, p95 and the samples. */
export interface RenderTiming {
	readonly jobs: number;
	readonly p50: number;
	readonly p95: number;
	readonly samples: readonly number[];
}

/**
 * Times frames at every size in rounds (one frame per size per round, after
 * three warm-up rounds), so a busy moment of the machine falls on all sizes
 * alike and the ratio between them stays fair.
 */
export function timeRenders(
	counts: readonly number[],
	iterations: number,
): Promise<RenderTiming[]> {
	return timeTargets(
		counts.map((count) => () => mountRenderTarget(count)),
		iterations,
	);
}

/** {@link timeRenders} over targets of any kind (single servers, fleets), in the same rounds. */
export async function timeTargets(
	mounts: readonly (() => Promise<RenderTarget>)[],
	iterations: number,
): Promise<RenderTiming[]> {
	const targets: RenderTarget[] = [];
	const samples = mounts.map(() => [] as number[]);
	try {
		for (const mount of mounts) targets.push(await mount());
		for (let round = 0; round < iterations + 3; round++) {
			for (const [index, target] of targets.entries()) {
				const ms = await target.frame(round % 2 === 0);
				if (round >= 3) samples[index]?.push(ms);
				// A breath between frames, as between polls (rendering itself is unthrottled).
				await sleep(5);
			}
		}
	} finally {
		for (const target of targets) target.unmount();
	}
	return targets.map((target, index) => {
		const own = samples[index] ?? [];
		return { jobs: target.jobs, p50: percentile(own, 50), p95: percentile(own, 95), samples: own };
	});
}
