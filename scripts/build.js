// Bundles source/cli.tsx into an executable ESM entry plus lazily loaded chunks.
// Bundling roughly halves start-up time (module loading dominates an Ink app's
// start; see readme); splitting keeps Ink, React and Yoga out of the scripting
// modes, and lets the live view load them while its first poll is in flight.
// The options themselves are shared with the bench (scripts/esbuild-options.js).
import { chmod, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, REQUIRE_SHIM, repoRoot } from './esbuild-options.js';

const dist = join(repoRoot, 'dist');
// Old chunks go (their names carry content hashes); dist/ itself stays, since
// the test harness keeps its build lock there.
await rm(join(dist, 'chunks'), { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
	...bundleOptions(),
	// The entry turns the compile cache on, then loads source/cli.tsx (scripts/launch.js).
	entryPoints: { umwatch: 'scripts/launch.js' },
	outdir: dist,
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	splitting: true,
	banner: { js: `#!/usr/bin/env node\n${REQUIRE_SHIM}` },
});
await chmod(join(dist, 'umwatch.js'), 0o755);
