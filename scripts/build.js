// Bundles source/cli.tsx into an executable ESM entry plus lazily loaded chunks.
// Bundling roughly halves start-up time (module loading dominates an Ink app's
// start; see readme); splitting keeps Ink, React and Yoga out of the scripting
// modes, and lets the live view load them while its first poll is in flight.
import { chmod, mkdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { inkPatches } from './ink-patches.js';

const outfile = 'dist/umwatch.js';
// Old chunks go (their names carry content hashes); dist/ itself stays, since
// the test harness keeps its build lock there.
await rm('dist/chunks', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
await build({
	entryPoints: { umwatch: 'source/cli.tsx' },
	outdir: 'dist',
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	splitting: true,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	sourcemap: false,
	legalComments: 'none',
	define: { 'process.env.NODE_ENV': '"production"' },
	// Ink imports react-devtools-core only when DEV is set; never in production.
	alias: { 'react-devtools-core': './scripts/empty-module.js' },
	banner: {
		js: [
			'#!/usr/bin/env node',
			// Bundled CommonJS dependencies still call require(); give them one.
			"import { createRequire as __umwatchCreateRequire } from 'node:module';",
			'const require = __umwatchCreateRequire(import.meta.url);',
		].join('\n'),
	},
	plugins: [inkPatches],
	logLevel: 'warning',
});
await chmod(outfile, 0o755);
