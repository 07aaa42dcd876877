// The benchmark suite (issue 6). Bundled and started by bench/run.js; see the
// readme's Performance section for what each figure means.
import { writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './lib/apps.js';
import type { Figure } from './lib/figures.js';
import { parseOptions, type Section, wants } from './lib/options.js';
import { cpuModel } from './lib/proc.js';
import { renderTable } from './lib/table.js';
import { measureFleet } from './scenarios/fleet.js';
import { measureFreshness } from './scenarios/freshness.js';
import { measureLoad } from './scenarios/load.js';
import { measureScale } from './scenarios/scale.js';
import { measureStartup } from './scenarios/startup.js';
import { measureTerminal } from './scenarios/terminal.js';

const buildDir = fileURLToPath(new URL('.', import.meta.url));
const options = parseOptions(process.argv.slice(2), join(buildDir, 'dumps'));
const started = Date.now();
const log = (line: string) => {
	const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
	process.stderr.write(`[${seconds}s] ${line}\n`);
};

const figures: Figure[] = [];
const failures: string[] = [];
const runners: Record<Section, () => Promise<Figure[]>> = {
	terminal: async () => (await measureTerminal(options, log)).figures,
	startup: () => measureStartup(options, log),
	scale: () => measureScale(options, log),
	freshness: () => measureFreshness(options, log),
	load: () => measureLoad(options, log),
	fleet: () => measureFleet(options, log),
};

log(`umwatch bench, ${options.quick ? 'quick' : 'full'} mode`);
for (const [section, run] of Object.entries(runners) as [Section, () => Promise<Figure[]>][]) {
	if (!wants(options, section)) continue;
	try {
		figures.push(...(await run()));
	} catch (error) {
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		failures.push(`${section}: ${message}`);
		log(`${section} failed: ${message}`);
	}
}

const table = renderTable(figures);
process.stdout.write(`\n${table}\n\n`);
process.stdout.write(
	`mode: ${options.quick ? 'quick (15 s windows scaled to a minute, fewer runs)' : 'full'}; ` +
		`raw terminal streams of each window: ${options.dumpDir}\n`,
);

const cpu = cpus();
const results = {
	date: new Date(started).toISOString(),
	mode: options.quick ? 'quick' : 'full',
	durationSeconds: Math.round((Date.now() - started) / 1000),
	machine: {
		platform: platform(),
		release: release(),
		arch: arch(),
		cpu: cpuModel(),
		cores: cpu.length,
		memoryGb: Math.round(totalmem() / 1024 ** 3),
		node: process.version,
	},
	figures,
	failures,
};
writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
process.stdout.write('results: bench/results.json\n');

const missed = figures.filter((figure) => figure.budget !== undefined && !figure.budget.pass);
if (failures.length > 0) process.stdout.write(`${failures.length} section(s) failed to run\n`);
if (missed.length > 0) {
	process.stdout.write(
		`${missed.length} budget(s) missed: ${missed.map((f) => f.id).join(', ')}\n`,
	);
}
if (options.check && (missed.length > 0 || failures.length > 0)) process.exitCode = 1;
