// Per-frame render time of the real App, with production React and Ink's own
// render(), against a fake engine whose snapshot is replaced as a poll would.
import { EventEmitter } from 'node:events';
import chalk from 'chalk';
import { render } from 'ink';
import type { Job } from '../../source/api/job.js';
import type { Clock } from '../../source/engine/clock.js';
import { App } from '../../source/ui/App.js';
import { createKeyHub } from '../../source/ui/key-source.js';
import { MAX_FPS } from '../../source/ui/run.js';
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
		// Ink brackets a frame in synchronized-update marks; the frame is the write between.
		if (data.length > 16 && this.#onFrame !== null) {
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

/** Frame times in ms at one size: p50, p95 and the samples. */
export interface RenderTiming {
	readonly jobs: number;
	readonly p50: number;
	readonly p95: number;
	readonly samples: readonly number[];
}

/**
 * Holds `count` jobs, then `iterations` times replaces the snapshot with one
 * where the third visible job changed state (new jobs array, counts, index:
 * what a poll that changes one job publishes) and times publish → frame write.
 */
export async function timeRenders(count: number, iterations: number): Promise<RenderTiming> {
	// A real terminal gets 256 colours; the bench's own stdout may not be one.
	chalk.level = 2;
	const newest = Date.now() - 60_000;
	const jobs = makeJobs(count, newest);
	const engine = new FakeEngine(makeSnapshot(jobs, { lastSuccessAt: Date.now() }));
	const stdout = new TimedStdout();
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
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: new QuietStdin() as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: true,
			maxFps: MAX_FPS,
		},
	);
	const samples: number[] = [];
	try {
		await sleep(200);
		for (let i = 0; i < iterations + 3; i++) {
			const changed = changedJob(2, newest, i % 2 === 0);
			const next: Job[] = jobs.slice();
			next[2] = changed;
			const snapshot = makeSnapshot(next, { lastSuccessAt: Date.now() });
			const frame = stdout.nextFrame();
			const started = performance.now();
			engine.set(snapshot);
			await frame;
			// The first few frames warm the JIT; they are not what a long session sees.
			if (i >= 3) samples.push(performance.now() - started);
			// Past Ink's frame throttle, so every publish renders at once.
			await sleep(Math.ceil(1000 / MAX_FPS) + 5);
		}
	} finally {
		instance.unmount();
	}
	return { jobs: count, p50: percentile(samples, 50), p95: percentile(samples, 95), samples };
}
