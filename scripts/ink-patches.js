// Build-time patches to Ink 6.8, each small, checked, and failing the build
// loudly when Ink's source no longer looks as expected (so an upgrade is
// reviewed rather than silently unpatched).
import { readFile } from 'node:fs/promises';

/** Most distinct texts Ink's measure cache may hold before it starts over. */
export const MEASURE_CACHE_LIMIT = 2048;

const CACHE_SET = 'cache.set(text, dimensions);';

/**
 * Ink's measure-text.js caches the size of every distinct text it ever laid
 * out, in a module-level Map that is never cleared. A live view that runs for
 * days draws new texts all the time (durations, times), so the Map grows
 * without bound. This bounds it: past the limit it starts over, which costs one
 * re-measure per text on screen.
 */
export function boundMeasureCache(source) {
	if (!source.includes('const cache = new Map();') || !source.includes(CACHE_SET)) {
		throw new Error(
			'ink/build/measure-text.js changed: review the cache bound in scripts/ink-patches.js',
		);
	}
	return source.replace(
		CACHE_SET,
		`if (cache.size >= ${MEASURE_CACHE_LIMIT}) cache.clear();\n    ${CACHE_SET}`,
	);
}

/** The esbuild plugin applying the patches above to the bundle. */
export const inkPatches = {
	name: 'umwatch-ink-patches',
	setup(build) {
		build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]measure-text\.js$/ }, async (args) => ({
			contents: boundMeasureCache(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
