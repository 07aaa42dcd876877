#!/usr/bin/env node
// The benchmark launcher behind `npm run bench` (after `npm run build`).
//
// The suite itself is TypeScript under bench/ (type-checked with the rest of the
// project). Node 20 cannot run TypeScript, so this file bundles the suite with
// esbuild first – with the shipped binary's own options (bench/bundle.js), so
// in-process render timings use production React and the patched Ink – and
// then runs it. No compile step to remember, nothing checked in: the bundle
// goes to node_modules/.cache/umwatch-bench/, which git and Biome already ignore.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBuildOptions, benchOutDir } from './bundle.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

/** External tools the peer pipeline needs, and the Debian/Ubuntu package of each. */
const TOOLS = [
	['watch', 'procps'],
	['curl', 'curl'],
	['jq', 'jq'],
];

function missingTools() {
	return TOOLS.filter(([tool]) => {
		const found = spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
		return found.status !== 0;
	});
}

function fail(lines) {
	process.stderr.write(`${lines.join('\n')}\n`);
	process.exit(2);
}

const missing = missingTools();
if (missing.length > 0) {
	const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
	fail([
		`bench: missing ${missing.map(([tool]) => tool).join(', ')} (the peer pipeline \`watch curl | jq\` is measured side by side).`,
		`  Debian/Ubuntu: sudo apt-get install -y ${packages}`,
		`  Fedora/RHEL:   sudo dnf install -y ${packages.replace('procps', 'procps-ng')}`,
		`  macOS:         brew install watch ${packages.replace('procps', '').trim()}`,
	]);
}
if (process.platform !== 'linux') {
	fail(['bench: CPU figures read /proc; run the suite on Linux.']);
}
if (!existsSync(join(root, 'dist', 'umwatch.js'))) {
	fail(['bench: dist/umwatch.js is missing; run `npm run build` (npm run bench does it first).']);
}

let esbuild;
try {
	esbuild = await import('esbuild');
} catch {
	fail(['bench: esbuild is not installed; run `npm install` first.']);
}

await mkdir(benchOutDir, { recursive: true });
await esbuild.build(benchBuildOptions());

const result = spawnSync(
	process.execPath,
	['--expose-gc', join(benchOutDir, 'main.mjs'), ...process.argv.slice(2)],
	{ stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
