// The esbuild options every bundle of umwatch's code is built with: the shipped
// binary (scripts/build.js) and the benchmark suite (bench/bundle.js), so the
// bench measures the code as shipped: production React, Ink with its patches,
// minified.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inkPatches } from './ink-patches.js';
import { startupPatches } from './startup-patches.js';

/** The repository's root directory. */
export const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** Bundled CommonJS dependencies still call require(); this gives them one. */
export const REQUIRE_SHIM = [
	"import { createRequire as __umwatchCreateRequire } from 'node:module';",
	'const require = __umwatchCreateRequire(import.meta.url);',
].join('\n');

/**
 * The shared options; callers add entry points and output paths. A fresh
 * object each call, so a caller's additions never leak into another build.
 */
export function bundleOptions() {
	return {
		absWorkingDir: repoRoot,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		minify: true,
		sourcemap: false,
		legalComments: 'none',
		define: { 'process.env.NODE_ENV': '"production"' },
		// Ink imports react-devtools-core only when DEV is set; never in production.
		alias: { 'react-devtools-core': fileURLToPath(new URL('empty-module.js', import.meta.url)) },
		banner: { js: REQUIRE_SHIM },
		plugins: [inkPatches, startupPatches],
		logLevel: 'warning',
	};
}
