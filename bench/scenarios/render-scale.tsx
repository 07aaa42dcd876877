// Per-frame render time of the real App, with production React and Ink's own
// render(), against a fake engine whose snapshot is replaced as a poll would.
import { EventEmitter } from 'node:events';
import chalk from 'chalk';
import { render } from 'ink';
import type { Job } from '../../source/api/job.js';
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

/**
 * Mounts the App holding `count` jobs. Each `frame()` replaces the snapshot
 * with one where the third visible job changed state (a new jobs array, counts
 * and index: what a poll that changes one job publishes) and times publish →
 * frame write. Only the publish is timed; building the snapshot is the engine's work.
 */
export async function mountRenderTarget(count: number): Promise<RenderTarget> {
	// A real terminal gets 256 colours; the bench's own stdout may not be one.
	chalk.level = 2;
	const newest = Date.now() - 60_000;
	const jobs = makeJobs(count, newest);
	const engine = new FakeEngine(makeSnapshot(jobs, { lastSuccessAt: Date.now() }));
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
	return {
		jobs: count,
		async frame(flip) {
			const next: Job[] = jobs.slice();
			next[2] = changedJob(2, newest, flip);
			const snapshot = makeSnapshot(next, { lastSuccessAt: Date.now() });
			// A minor collection first, so young garbage made by other sizes (or by building this
			// snapshot) is not charged to this frame: the figure is the render's cost.
			(globalThis as { gc?: (options?: { type: string }) => void }).gc?.({ type: 'minor' });
			const frame = stdout.nextFrame();
			const started = performance.now();
			engine.set(snapshot);
			await frame;
			return performance.now() - started;
		},
		unmount: () => instance.unmount(),
	};
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
export async function timeRenders(
	counts: readonly number[],
	iterations: number,
): Promise<RenderTiming[]> {
	const targets: RenderTarget[] = [];
	const samples = counts.map(() => [] as number[]);
	try {
		for (const count of counts) targets.push(await mountRenderTarget(count));
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
	return counts.map((count, index) => {
		const own = samples[index] ?? [];
		return { jobs: count, p50: percentile(own, 50), p95: percentile(own, 95), samples: own };
	});
}
