// Runs the bundled binary as a script would: a child process with pipes, no
// terminal at all (its own session, so even /dev/tty cannot be opened), an
// empty config directory and only the environment the test gives it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, repoRoot } from './pty-app.js';

/** How a finished run ended. */
export interface CliResult {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Options of {@link runCli} and {@link startCli}. */
export interface CliOptions {
	/** Added to the child's environment (which holds only PATH, HOME, LANG, TZ and the config path). */
	readonly env?: Readonly<Record<string, string>>;
	/** Written to the child's stdin, which is then closed. */
	readonly input?: string;
	/** Kill the child after this long (a hung test must fail, not hang). Default 15 s. */
	readonly timeoutMs?: number;
}

/** A fresh directory for one test file's config files; removed with {@link CliSandbox.dispose}. */
export interface CliSandbox {
	readonly dir: string;
	/** `UMWATCH_CONFIG` points here. */
	readonly configPath: string;
	dispose(): void;
}

/** Creates a sandbox directory (HOME and config live there). */
export function createSandbox(): CliSandbox {
	const dir = mkdtempSync(join(tmpdir(), 'umwatch-cli-'));
	return {
		dir,
		configPath: join(dir, 'config.json'),
		dispose: () => rmSync(dir, { recursive: true, force: true }),
	};
}

function childEnv(sandbox: CliSandbox, options: CliOptions): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: sandbox.dir,
		// A UTF-8 locale, as on most admin hosts (pty-env.ts too); without one umwatch writes ASCII.
		LANG: 'C.UTF-8',
		TZ: 'UTC',
		UMWATCH_CONFIG: sandbox.configPath,
		...options.env,
	};
}

/** A running child and what it has written so far. */
export interface CliProcess {
	readonly child: ChildProcess;
	stdout(): string;
	stderr(): string;
	/** Resolves when stdout matches `pattern` (rejects after `timeoutMs`, default 10 s). */
	waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
	/** Resolves when the child has exited. */
	readonly exited: Promise<CliResult>;
}

/** Starts the built binary with `args`; see {@link CliOptions}. */
export function startCli(
	sandbox: CliSandbox,
	args: readonly string[],
	options: CliOptions = {},
): CliProcess {
	const binary = ensureBuilt();
	const child = spawn(process.execPath, [binary, ...args], {
		cwd: repoRoot,
		env: childEnv(sandbox, options),
		stdio: ['pipe', 'pipe', 'pipe'],
		// A new session: no controlling terminal, as under cron or CI.
		detached: true,
	});
	let out = '';
	let err = '';
	const waiters = new Set<() => void>();
	child.stdout?.on('data', (chunk: Buffer) => {
		out += chunk.toString('utf8');
		for (const check of [...waiters]) check();
	});
	child.stderr?.on('data', (chunk: Buffer) => {
		err += chunk.toString('utf8');
	});
	child.stdin?.on('error', () => undefined);
	child.stdin?.end(options.input ?? '');
	const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
	const exited = new Promise<CliResult>((resolve) => {
		child.on('close', (code, signal) => {
			clearTimeout(killer);
			resolve({ code, signal, stdout: out, stderr: err });
		});
	});
	return {
		child,
		stdout: () => out,
		stderr: () => err,
		exited,
		waitForStdout(pattern, timeoutMs = 10_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const match = pattern.exec(out);
					if (match === null) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve(match);
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`stdout never matched ${pattern}; stdout: ${out}\nstderr: ${err}`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
	};
}

/** Runs the built binary to completion and returns its exit code and output. */
export function runCli(
	sandbox: CliSandbox,
	args: readonly string[],
	options: CliOptions = {},
): Promise<CliResult> {
	return startCli(sandbox, args, options).exited;
}
