/** How the suite was asked to run. */
export interface BenchOptions {
	/** Short windows (scaled to per-minute figures) and fewer repetitions, for development. */
	readonly quick: boolean;
	/** Exit non-zero when a budget is missed. */
	readonly check: boolean;
	/** Only these sections (by name), or all when empty. */
	readonly only: readonly string[];
	/** Where raw terminal byte streams are saved for profiling (one file per run). */
	readonly dumpDir: string;
}

/** The sections of the suite, in the order they run. */
export const SECTIONS = ['terminal', 'startup', 'scale', 'freshness', 'load', 'fleet'] as const;

/** One section's name. */
export type Section = (typeof SECTIONS)[number];

/** Reads the command line: `--quick`, `--check`, `--only=terminal,startup`. */
export function parseOptions(argv: readonly string[], dumpDir: string): BenchOptions {
	let quick = false;
	let check = false;
	const only: string[] = [];
	for (const arg of argv) {
		if (arg === '--quick') quick = true;
		else if (arg === '--check') check = true;
		else if (arg.startsWith('--only=')) only.push(...arg.slice(7).split(',').filter(Boolean));
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(
				'usage: npm run bench -- [--quick] [--check] [--only=terminal,startup,scale,freshness,load,fleet]\n',
			);
			process.exit(0);
		} else throw new Error(`bench: unknown argument ${arg}`);
	}
	const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
	if (unknown.length > 0) throw new Error(`bench: unknown section ${unknown.join(', ')}`);
	return { quick, check, only, dumpDir };
}

/** Whether a section is to run. */
export function wants(options: BenchOptions, section: Section): boolean {
	return options.only.length === 0 || options.only.includes(section);
}
