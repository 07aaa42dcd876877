// How the benchmark suite is bundled: with the shipped binary's own options
// (scripts/esbuild-options.js: production React, Ink with its patches,
// minified), so in-process figures such as frame time measure the shipped code.
import { join } from 'node:path';
import { bundleOptions, repoRoot } from '../scripts/esbuild-options.js';

/** Where `npm run bench` puts the bundle: ignored by git and Biome, nothing to check in. */
export const benchOutDir = join(repoRoot, 'node_modules', '.cache', 'umwatch-bench');

/** The esbuild options for the suite's two entry points, written to `outDir`. */
export function benchBuildOptions(outDir = benchOutDir) {
	return {
		...bundleOptions(),
		entryPoints: {
			main: join(repoRoot, 'bench', 'main.ts'),
			'memory-child': join(repoRoot, 'bench', 'scenarios', 'memory-child.ts'),
		},
		outdir: outDir,
		outExtension: { '.js': '.mjs' },
		// node-pty is a native addon: load it from node_modules, never bundle it.
		external: ['node-pty'],
	};
}
