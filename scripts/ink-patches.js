// Build-time patches to Ink 6.8, each small, checked, and failing the build
// loudly when Ink's source no longer looks as expected (so an upgrade is
// reviewed rather than silently unpatched). test/build/ink-internals.test.tsx
// runs each patch on the installed Ink.
//
// Upstream: vadimdemedes/ink#986 "measureText / wrapText caches are unbounded
// and never evicted" (closed; reported on Ink 7.1.1, whose caches are the same
// as 6.8's). The patches can go with the first Ink release whose
// build/measure-text.js and build/wrap-text.js bound their caches themselves;
// every such release needs Node >= 22 (Ink 7 dropped Node 20), so not before
// umwatch itself leaves Node 20.
import { readFile } from 'node:fs/promises';

/** Most distinct texts Ink's measure cache may hold before it starts over. */
export const MEASURE_CACHE_LIMIT = 2048;

/** Most distinct (text, width, wrap) entries Ink's wrap cache may hold before it starts over. */
export const WRAP_CACHE_LIMIT = 2048;

const MEASURE_CACHE = 'const cache = new Map();';
const MEASURE_SET = 'cache.set(text, dimensions);';
const WRAP_CACHE = 'const cache = {};';
const WRAP_SET = 'cache[cacheKey] = wrappedText;';

function expect(source, file, snippets) {
	if (!snippets.every((snippet) => source.includes(snippet))) {
		throw new Error(`ink/build/${file} changed: review the cache bound in scripts/ink-patches.js`);
	}
}

/**
 * Ink's measure-text.js caches the size of every distinct text it ever laid
 * out, in a module-level Map that is never cleared. A live view that runs for
 * days draws new texts all the time (durations, times), so the Map grows
 * without bound. This bounds it: past the limit it starts over, which costs one
 * re-measure per text on screen.
 */
export function boundMeasureCache(source) {
	expect(source, 'measure-text.js', [MEASURE_CACHE, MEASURE_SET]);
	return source.replace(
		MEASURE_SET,
		`if (cache.size >= ${MEASURE_CACHE_LIMIT}) cache.clear();\n    ${MEASURE_SET}`,
	);
}

/**
 * Ink's wrap-text.js keeps the same kind of cache, in a plain object. Ink only
 * wraps a text wider than its box; umwatch's lines are fitted to the width
 * first, so this is a guard for frames laid out between a resize and the re-fit.
 */
export function boundWrapCache(source) {
	expect(source, 'wrap-text.js', [WRAP_CACHE, WRAP_SET]);
	return source
		.replace(WRAP_CACHE, 'let cache = {};\nlet cacheSize = 0;')
		.replace(
			WRAP_SET,
			`if (cacheSize >= ${WRAP_CACHE_LIMIT}) {\n        cache = {};\n        cacheSize = 0;\n    }\n    cacheSize++;\n    ${WRAP_SET}`,
		);
}

const PATCHES = [
	{ filter: /[\\/]ink[\\/]build[\\/]measure-text\.js$/, patch: boundMeasureCache },
	{ filter: /[\\/]ink[\\/]build[\\/]wrap-text\.js$/, patch: boundWrapCache },
];

/** The esbuild plugin applying the patches above to a bundle. */
export const inkPatches = {
	name: 'umwatch-ink-patches',
	setup(build) {
		for (const { filter, patch } of PATCHES) {
			build.onLoad({ filter }, async (args) => ({
				contents: patch(await readFile(args.path, 'utf8')),
				loader: 'js',
			}));
		}
	},
};
