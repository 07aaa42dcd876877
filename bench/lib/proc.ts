import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second for /proc times; 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = 100;

/** CPU time of one process from /proc/PID/stat, in seconds. */
export interface ProcessCpu {
	/** utime + stime: the process itself. */
	readonly self: number;
	/** cutime + cstime: children it has waited for (and, recursively, theirs). */
	readonly children: number;
}

/**
 * Reads a process's CPU times. The fields after the command name are read
 * from the last `)`, because the name itself may contain spaces or parentheses.
 */
export function readCpu(pid: number): ProcessCpu {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
	const tick = (index: number) => Number(fields[index]) / TICKS_PER_SECOND;
	return { self: tick(11) + tick(12), children: tick(13) + tick(14) };
}

/** Resident set size of a process from /proc/PID/status, in bytes. */
export function readRss(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** A one-line description of this machine for the results file. */
export function cpuModel(): string {
	try {
		const info = readFileSync('/proc/cpuinfo', 'utf8');
		return /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? 'unknown';
	} catch {
		return 'unknown';
	}
}
