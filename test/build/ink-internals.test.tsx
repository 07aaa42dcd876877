// Every Ink internal umwatch relies on, pinned against the installed Ink, each
// with its upstream report and when the workaround can go. Ink is pinned to an
// exact version in package.json; an upgrade fails the first test here, and
// whatever else moved fails below. Review each pin before raising the version.
//
// Ink 7 (the line with alternateScreen, useWindowSize and the row-low fix)
// needs Node >= 22 (commit 19b5316 "Require Node.js 22", in 7.0.0); umwatch
// supports Node 20, so most workarounds stay until umwatch leaves Node 20.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ink from 'ink';
import { describe, expect, it } from 'vitest';
import {
	boundMeasureCache,
	boundWrapCache,
	MEASURE_CACHE_LIMIT,
	WRAP_CACHE_LIMIT,
} from '../../scripts/ink-patches.js';
import { INK_RENDER_MODE } from '../../source/ui/terminal/terminal-output.js';
import { loadPatched, type Probed, runProbe, turns, typeInto } from './ink-harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('the pinned Ink', () => {
	it('is exactly 6.8.0 in package.json, the lock file and node_modules', () => {
		const lock = readJson(join(root, 'package-lock.json'));
		// A devDependency: the bundle carries it, the package declares no runtime ones.
		expect(readJson(join(root, 'package.json')).devDependencies.ink).toBe('6.8.0');
		expect(lock.packages[''].devDependencies.ink).toBe('6.8.0');
		expect(lock.packages['node_modules/ink'].version).toBe('6.8.0');
		expect(readJson(join(inkBuild, '..', 'package.json')).version).toBe('6.8.0');
	});
});

// vadimdemedes/ink#986 (closed): measureText's Map and wrapText's object cache
// every distinct text forever; reported against 7.1.1, same code as 6.8. The
// build bounds both (scripts/ink-patches.js). Can go with the first release
// whose caches are bounded (after 7.1.1, so Node >= 22); the patch throws on
// any change to these two files, so the upgrade cannot miss it.
describe("Ink's text caches, bounded by the build", () => {
	it('measure-text.js: the patch applies and keeps the cache bounded', async () => {
		const { module, cleanup } = await loadPatched(join(inkBuild, 'measure-text.js'), {
			patch: boundMeasureCache,
			expose: 'cache',
		});
		try {
			const measure = module.default as (text: string) => { width: number; height: number };
			const cache = module.cache as Map<string, unknown>;
			let largest = 0;
			for (let i = 0; i < MEASURE_CACHE_LIMIT * 3; i++) {
				if (measure(`row ${i}`).width !== `row ${i}`.length) throw new Error(`row ${i}`);
				largest = Math.max(largest, cache.size);
			}
			expect(largest).toBe(MEASURE_CACHE_LIMIT);
			expect(measure('row 1')).toEqual({ width: 5, height: 1 });
		} finally {
			cleanup();
		}
	});

	it('wrap-text.js: the patch applies and keeps the cache bounded', async () => {
		const { module, cleanup } = await loadPatched(join(inkBuild, 'wrap-text.js'), {
			patch: boundWrapCache,
			expose: 'cache',
		});
		try {
			const wrap = module.default as (text: string, width: number, type: string) => string;
			let largest = 0;
			for (let i = 0; i < WRAP_CACHE_LIMIT * 3; i++) {
				if (wrap(`a long row ${i}`, 6, 'truncate') !== 'a lon…') throw new Error(`row ${i}`);
				largest = Math.max(largest, Object.keys(module.cache as object).length);
			}
			expect(largest).toBe(WRAP_CACHE_LIMIT);
			expect(wrap('a long row 1', 6, 'wrap')).toBe('a long\n row 1');
		} finally {
			cleanup();
		}
	});

	it('fails the build when Ink changed the code a patch expects', () => {
		expect(() => boundMeasureCache('const cache = {};')).toThrow(
			'ink/build/measure-text.js changed',
		);
		expect(() => boundWrapCache('const cache = new Map();')).toThrow(
			'ink/build/wrap-text.js changed',
		);
	});
});

// The output stage (source/ui/terminal/terminal-output.ts, frame-writer.ts) relies on
// Ink's debug mode (unthrottled; each frame written whole through stdout.write;
// log-update never runs), the linear renderer that isScreenReaderEnabled selects
// (vadimdemedes/ink PR #746), and the onRender option (PR #795) being called
// just before each frame's write. These are Ink's design, not bugs, so no
// upstream report; they are pinned so that a change in any of them is seen.
describe("Ink's debug mode with the linear renderer (the screen's render mode)", () => {
	const probes = new Map<string, Probed>();
	const frames = (env: Record<string, string> = {}): Probed => {
		const key = JSON.stringify(env);
		const cached = probes.get(key);
		if (cached !== undefined) return cached;
		const result = runProbe(['frames', JSON.stringify(INK_RENDER_MODE)], env);
		expect(result.status).toBe(0);
		const probed = JSON.parse(result.stdout) as Probed;
		probes.set(key, probed);
		return probed;
	};

	it('calls onRender, then writes the whole frame in one write: lines as given, nothing added', () => {
		const probed = frames();
		expect(INK_RENDER_MODE).toEqual({ debug: true, isScreenReaderEnabled: true });
		expect(probed.log).toEqual([
			// Lines joined by newlines, styles passed through, nothing wrapped or cut
			// (wrap="truncate" has no effect here): fitting lines is umwatch's job.
			['onRender', 'number'],
			['write', 'a\n\x1b[31mred\x1b[0m\nwider than ten columns'],
			// A frame as tall as the terminal is written the same way: no clear screen.
			['rerender, as tall as the terminal'],
			['onRender', 'number'],
			['write', '1\n2\n3\n4'],
			// A narrower terminal: log-update "clears" the nothing it drew, then a frame.
			['resize, narrower'],
			['write', ''],
			['onRender', 'number'],
			['write', '1\n2\n3\n4'],
			// Unmounting draws a last frame, then shows the cursor (cli-cursor).
			['unmount'],
			['onRender', 'number'],
			['write', '1\n2\n3\n4'],
			['write', '\x1b[?25h'],
		]);
		// No alternateScreen option before Ink 7 (added for vadimdemedes/ink#263,
		// commit 5a60eb9, 7.0.0): the terminal session enters it itself. Can go
		// with Ink >= 7.
		expect(probed.log.some(([, data]) => data?.includes('\x1b[?1049h'))).toBe(false);
		expect(probed.consolePatched).toBe(false);
	});

	it('with CI set, does not follow resizes and ends with a lone newline', () => {
		// is-in-ci: Ink then skips its resize listener, and "prints the last frame"
		// on unmount, which in debug mode is empty: terminal-output.ts drops that
		// newline; use-terminal-size.ts listens for resizes itself. No upstream report.
		const log = frames({ CI: '1' }).log;
		expect(log.slice(log.findIndex(([step]) => step === 'resize, narrower'))).toEqual([
			['resize, narrower'],
			['unmount'],
			['onRender', 'number'],
			['write', '1\n2\n3\n4'],
			['write', '\n'],
			['write', '\x1b[?25h'],
		]);
	});

	it('never touches stdin when no component asks for input', () => {
		// umwatch reads the keyboard itself (ui/terminal/input-decoder.ts), for the two
		// useInput flaws pinned below; Ink must leave stdin alone for that.
		const probed = frames();
		expect(probed.stdinCalls).toEqual([]);
		expect(probed.stdinListeners).toEqual([]);
	});
});

describe("Ink's useInput, which umwatch does not use", () => {
	it('reads an arrow key split after ESC as Escape, then "[A" as text', async () => {
		// No upstream report found (one should be filed): 6.8 flushes a pending
		// ESC one event-loop turn after it arrived; Ink 7.0 waits 20 ms (commit
		// fbbeb23), still short of an SSH link. umwatch's decoder waits 100 ms
		// (ESCAPE_TIMEOUT_MS); it stays until Ink waits about as long.
		const keys = await typeInto(async (stdin) => {
			stdin.write('\x1b');
			await turns(3);
			stdin.write('[A');
			await turns(3);
		});
		expect(keys).toEqual(['escape', 'text:[A']);
	});

	it('delivers a focus report as typed text', async () => {
		// vadimdemedes/ink#1013 "Unrecognized terminal control sequences are
		// delivered to useInput as text" (closed after 7.1.1: a fix needs Node >= 22).
		// umwatch's decoder drops such reports; it stays while umwatch is on Node 20.
		const keys = await typeInto(async (stdin) => {
			stdin.write('\x1b[I');
			await turns(3);
		});
		expect(keys).toEqual(['text:[I']);
	});
});

describe('what Ink 6.8 lacks or gets wrong, worked around elsewhere', () => {
	it('incrementalRendering draws the next frame a row low and rewrites changed rows whole', async () => {
		// vadimdemedes/ink PR #910 "Fix incremental rendering for trailing newline"
		// (7.0.0): 6.8 moves up one row too few. Rewriting a changed row whole is
		// the design of PR #781. umwatch does not use incrementalRendering: its frame
		// writer (ui/terminal/frame-writer.ts) sends only the changed cells, so it stays
		// whatever Ink fixes; this pin only keeps the reason on record.
		const { default: logUpdate } = await import(
			pathToFileURL(join(inkBuild, 'log-update.js')).href
		);
		const writes: string[] = [];
		const render = logUpdate.create(
			{ isTTY: true, write: (d: string) => writes.push(d) },
			{
				incremental: true,
				showCursor: true,
			},
		);
		render('Line 1\nrow two 0001\nLine 3\n');
		render('Line 1\nrow two 0002\nLine 3\n');
		// Three rows and the cursor below them: up 3 reaches row one; 6.8 goes up 2.
		expect(writes[1]).toBe('\x1b[2A\x1b[E\x1b[1Grow two 0002\x1b[K\n\x1b[E');
	});

	it('has no useWindowSize', () => {
		// Added in Ink 7.0 (commit 7047795); ui/use-terminal-size.ts does it until then.
		expect('useWindowSize' in ink).toBe(false);
	});

	it('colours through chalk, which ignores NO_COLOR', () => {
		// chalk/chalk#547 (closed: not planned) and vadimdemedes/ink#248 (closed:
		// use --no-color). The theme drops colour for NO_COLOR itself
		// (config/resolve.ts, ui/terminal/line-ansi.ts); permanent unless chalk changes.
		const probed = runProbe(['color'], { TERM: 'xterm-256color', NO_COLOR: '1' });
		expect(JSON.parse(probed.stdout)).toEqual({ level: 2 });
	});

	it('re-raises SIGTERM through signal-exit when its handler is the last one', () => {
		// signal-exit 3 (Ink's, still in 7.1.1): "If there are no other listeners,
		// an exit is coming!", so it re-sends the signal; a listener of one's own
		// blocks that (tapjs/signal-exit PR #3). No Ink report. The terminal
		// session's guard (ui/terminal/terminal-session.ts) stays while Ink uses signal-exit.
		const bare = runProbe(['signal', 'no-guard']);
		expect(bare).toMatchObject({ signal: 'SIGTERM', status: null, stdout: '1' });
		const guarded = runProbe(['signal', 'guard']);
		expect(guarded).toMatchObject({ signal: null, status: 143, stdout: '2' });
	});
});
