// Build-time changes that shorten umwatch's start-up (issue 14), measured with
// UMWATCH_STARTUP_TRACE and --cpu-prof (see the readme's Performance section).
// Each is checked and fails the build loudly when the package no longer looks
// as expected, so an upgrade is reviewed rather than silently unpatched.
// test/build/startup-patches.test.ts runs each on the installed packages.
import { readFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** What source/'s imports of 'undici' resolve to in a bundle. */
export const SLIM_UNDICI = join(here, 'undici-slim.cjs');

/**
 * Yoga's Emscripten loader fetches its own WebAssembly, a data: URL, with the
 * global fetch() whenever there is one. On Node that loads Node's internal
 * copy of undici and its web streams just to decode base64 (~20 ms of every
 * live view's start); the loader's own fallback decodes the same bytes
 * without them. This makes the loader take the fallback.
 */
const YOGA_FETCH = /\|\|"function"!=typeof fetch\?(Promise\.resolve\(\)\.then\()/g;

/** Yoga's loader with the fetch of its own bytes taken out (see {@link YOGA_FETCH}). */
export function yogaWithoutFetch(source) {
	const found = source.match(YOGA_FETCH)?.length ?? 0;
	if (found !== 1) {
		throw new Error(
			'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js changed: review scripts/startup-patches.js',
		);
	}
	return source.replace(YOGA_FETCH, '||!0?$1');
}

/**
 * The esbuild plugin: source/'s imports of 'undici' get scripts/undici-slim.cjs
 * (the Pool and connector umwatch uses, without undici's fetch, WebSocket and
 * the rest; other importers, such as the bench's test helpers, keep the whole
 * package), and Yoga's loader gets {@link yogaWithoutFetch}.
 */
export const startupPatches = {
	name: 'umwatch-startup-patches',
	setup(build) {
		const source = join(dirname(here), 'source') + sep;
		build.onResolve({ filter: /^undici$/ }, (args) =>
			args.importer.startsWith(source) ? { path: SLIM_UNDICI } : undefined,
		);
		build.onLoad(
			{ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
			async (args) => ({
				contents: yogaWithoutFetch(await readFile(args.path, 'utf8')),
				loader: 'js',
			}),
		);
	},
};
