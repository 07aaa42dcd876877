// Runs the shipped binary (dist/umwatch.js) in a pseudo-terminal, the way a user
// starts it: the bundled file, a real terminal, its own process.
import { execFileSync } from 'node:child_process';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPtyTerminal, type PtyTerminal } from './pty-terminal.js';

/** The repository root (this file lives in test/helpers). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled binary the tests run. */
export const binaryPath = join(repoRoot, 'dist', 'umwatch.js');

const BUILD_INPUTS = ['source', 'scripts'];
const LOCK_PATH = join(repoRoot, 'dist', '.pty-app-build.lock');
const STALE_LOCK_MS = 120_000;

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) {
		newest = Math.max(newest, newestMtime(join(path, entry)));
	}
	return newest;
}

function isFresh(): boolean {
	try {
		const built = statSync(binaryPath).mtimeMs;
		return BUILD_INPUTS.every((input) => newestMtime(join(repoRoot, input)) <= built);
	} catch {
		return false;
	}
}

function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock (test files run in parallel workers), or waits for whoever has it. */
function withBuildLock(build: () => void): void {
	mkdirSync(join(repoRoot, 'dist'), { recursive: true });
	for (;;) {
		try {
			closeSync(openSync(LOCK_PATH, 'wx'));
			break;
		} catch {
			const age = Date.now() - (statSync(LOCK_PATH, { throwIfNoEntry: false })?.mtimeMs ?? 0);
			if (age > STALE_LOCK_MS) rmSync(LOCK_PATH, { force: true });
			else sleepSync(100);
		}
	}
	try {
		build();
	} finally {
		unlinkSync(LOCK_PATH);
	}
}

/**
 * Makes sure dist/umwatch.js is built from the current sources. `npm test` builds
 * before vitest, so this is usually a cheap check; when a single test file is run
 * by hand after an edit, it rebuilds once (synchronously, under a lock shared by
 * the parallel test workers). `UMWATCH_E2E_BINARY=path` runs that file instead.
 */
export function ensureBuilt(): string {
	// Another build under test (a release candidate, a bisect): used as it is.
	const override = process.env.UMWATCH_E2E_BINARY;
	if (override !== undefined && override !== '') return override;
	if (isFresh()) return binaryPath;
	withBuildLock(() => {
		if (isFresh()) return;
		execFileSync(process.execPath, ['scripts/build.js'], { cwd: repoRoot, stdio: 'pipe' });
	});
	return binaryPath;
}

let configHome: string | undefined;

/**
 * An empty config directory for the child, so a developer's own
 * ~/.config/umwatch/config.json never changes what a test sees.
 */
function emptyConfigHome(): string {
	if (configHome === undefined) {
		const dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-config-'));
		process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
		configHome = dir;
	}
	return configHome;
}

/** How to start umwatch in a pseudo-terminal. */
export interface AppOptions {
	/** Command-line arguments, e.g. `['--url', url, '--user', 'admin']` or `['--demo']`. */
	readonly args: readonly string[];
	readonly cols?: number;
	readonly rows?: number;
	/** Given to the app as `UMWATCH_PASSWORD`. */
	readonly password?: string;
	readonly env?: Readonly<Record<string, string>>;
	readonly noColor?: boolean;
	readonly tz?: string;
}

function appEnv(options: AppOptions): Record<string, string> {
	return {
		XDG_CONFIG_HOME: emptyConfigHome(),
		...(options.password === undefined ? {} : { UMWATCH_PASSWORD: options.password }),
		...options.env,
	};
}

function open(options: AppOptions, command: string, args: readonly string[]): PtyTerminal {
	return openPtyTerminal({
		command,
		args,
		cols: options.cols ?? 80,
		rows: options.rows ?? 24,
		cwd: repoRoot,
		env: appEnv(options),
		...(options.noColor === undefined ? {} : { noColor: options.noColor }),
		...(options.tz === undefined ? {} : { tz: options.tz }),
	});
}

/** Starts the bundled umwatch in a pseudo-terminal (80×24 unless told). Dispose it in afterEach. */
export function startApp(options: AppOptions): PtyTerminal {
	return open(options, process.execPath, [ensureBuilt(), ...options.args]);
}

/** umwatch run from a shell that records the terminal settings before and after it. */
export interface ShellRun {
	readonly term: PtyTerminal;
	/** `stty -g` before umwatch started and after it ended (read once the run is over). */
	termios(): { before: string; after: string };
}

/**
 * Starts umwatch the way a shell does, with `stty -g` taken before and after, so
 * a test can prove raw mode and echo are restored exactly. The shell's exit code is
 * umwatch's. Signals sent with `term.kill` reach the shell, not umwatch: use keys.
 */
export function startAppInShell(options: AppOptions): ShellRun {
	const dir = mkdtempSync(join(tmpdir(), 'umwatch-e2e-stty-'));
	const before = join(dir, 'before');
	const after = join(dir, 'after');
	const script = 'stty -g >"$1"; shift; a="$1"; shift; "$@"; c=$?; stty -g >"$a"; exit $c';
	const term = open(options, '/bin/sh', [
		'-c',
		script,
		'sh',
		before,
		after,
		process.execPath,
		ensureBuilt(),
		...options.args,
	]);
	return {
		term,
		termios: () => {
			const result = {
				before: readFileSync(before, 'utf8').trim(),
				after: readFileSync(after, 'utf8').trim(),
			};
			rmSync(dir, { recursive: true, force: true });
			return result;
		},
	};
}
