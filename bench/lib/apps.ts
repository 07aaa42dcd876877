import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPtyTerminal, type PtyTerminal } from '../../test/helpers/pty-terminal.js';

/** The repository root (the bundle runs from node_modules/.cache, so ask the working directory). */
export const repoRoot = process.cwd();

/**
 * The shipped binary under test; UMWATCH_BENCH_BINARY=path measures another
 * build instead (a before/after comparison, a snapshot of a tree in flux).
 */
export const binaryPath = process.env.UMWATCH_BENCH_BINARY || join(repoRoot, 'dist', 'umwatch.js');

/** The simulator's login: the defaults of createSimulator. */
export const SIM_USER = 'admin';
export const SIM_PASSWORD = 'admin';

/** A terminal size in character cells. */
export interface TermSize {
	readonly cols: number;
	readonly rows: number;
}

/** The two sizes every terminal measurement is taken at. */
export const SIZES: readonly TermSize[] = [
	{ cols: 80, rows: 24 },
	{ cols: 200, rows: 60 },
];

/** `80x24`. */
export function sizeLabel(size: TermSize): string {
	return `${size.cols}x${size.rows}`;
}

/**
 * Starts the bundled umwatch in a pseudo-terminal against `url`, as a user
 * would: flags for the server and user, the password in the environment.
 */
export function startUmwatch(
	url: string,
	size: TermSize,
	extraArgs: string[] = [],
	extraEnv: Record<string, string> = {},
): PtyTerminal {
	return openPtyTerminal({
		command: process.execPath,
		args: [binaryPath, '--url', url, '--user', SIM_USER, ...extraArgs],
		cols: size.cols,
		rows: size.rows,
		cwd: repoRoot,
		env: { UMWATCH_PASSWORD: SIM_PASSWORD, ...extraEnv },
	});
}

/** The peer's shell pipeline: state, name and submit time of the first page. */
export function peerPipeline(url: string): string {
	const filter = "'.records[] | [.state, .name, .submit_time] | @tsv'";
	return `curl -s -u ${SIM_USER}:${SIM_PASSWORD} ${url}/api/management-server/jobs | jq -r ${filter}`;
}

/** Starts `watch -n 2 "curl … | jq …"` in a pseudo-terminal: what an admin would otherwise run. */
export function startWatchPipeline(url: string, size: TermSize): PtyTerminal {
	return openPtyTerminal({
		command: 'watch',
		args: ['-n', '2', peerPipeline(url)],
		cols: size.cols,
		rows: size.rows,
		cwd: repoRoot,
	});
}

/** Which program a measurement ran. */
export type Tool = 'umwatch' | 'watch';

/** Starts `tool` against `url`. */
export function startTool(tool: Tool, url: string, size: TermSize): PtyTerminal {
	// With the alerts on: a quiet screen must stay silent with them too (issue 11).
	return tool === 'umwatch'
		? startUmwatch(url, size, ['--bell', '--desktop-notify'])
		: startWatchPipeline(url, size);
}

/** Resolves after `ms` of wall time: the benchmarks measure real time on purpose. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Ends a program started here and waits (briefly) until it is gone. */
export async function stopTerminal(term: PtyTerminal): Promise<void> {
	term.kill('SIGTERM');
	await Promise.race([term.exit, sleep(3000)]);
	term.dispose();
}

/** This file's URL, for diagnostics. */
export const here = fileURLToPath(import.meta.url);
