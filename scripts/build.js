// Bundles source/cli.tsx into one executable ESM file. Bundling roughly halves
// start-up time (module loading dominates an Ink app's start; see readme).
import { chmod, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

const outfile = 'dist/umwatch.js';
await mkdir('dist', { recursive: true });
await build({
	entryPoints: ['source/cli.tsx'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: false,
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
	logLevel: 'warning',
});
await chmod(outfile, 0o755);
