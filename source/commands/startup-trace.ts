// Start-up timing for the bench (issue 14). With UMWATCH_STARTUP_TRACE=FILE in
// the environment, each named phase of the start appends one JSON line to
// FILE; without it, nothing happens and nothing is written anywhere. The bench
// (bench/scenarios/startup.ts) reads the lines to say where the start-up's
// fixed part goes; users never see them.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

/** One line of the trace file. */
export interface StartupMark {
	readonly mark: string;
	/** Since the process started (Node's time origin), in ms. */
	readonly ms: number;
	/** The same moment on the wall clock (ms since the epoch), to align with another process's clock. */
	readonly epochMs: number;
	/** CPU time (user + system) the process has used so far, in ms. */
	readonly cpuMs: number;
}

/** Appends `mark` to the trace file when tracing is on; never throws. */
export function traceStartup(mark: string): void {
	const file = process.env.UMWATCH_STARTUP_TRACE;
	if (file === undefined || file === '') return;
	const ms = performance.now();
	const cpu = process.cpuUsage();
	const line: StartupMark = {
		mark,
		ms,
		epochMs: performance.timeOrigin + ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
	};
	try {
		appendFileSync(file, `${JSON.stringify(line)}\n`);
	} catch {
		// A diagnostic only: a file that cannot be written never changes the run.
	}
}
