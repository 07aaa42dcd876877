// The shipped binary and the bench are bundled with one set of options
// (scripts/esbuild-options.js), so the bench measures the code users run.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { benchBuildOptions } from '../../bench/bundle.js';
import { bundleOptions } from '../../scripts/esbuild-options.js';
import { inkPatches, MEASURE_CACHE_LIMIT, WRAP_CACHE_LIMIT } from '../../scripts/ink-patches.js';
import { startupPatches } from '../../scripts/startup-patches.js';
import { ensureBuilt } from '../helpers/pty-app.js';

/** Checks one bundle's code (all its files) for what the shared options put there. */
function expectShippedOptions(code: string): void {
	// Ink's caches bounded (minified: `x.size>=2048&&x.clear()`, `n>=2048&&(c={},n=0)`).
	expect(code).toMatch(new RegExp(`\\.size>=${MEASURE_CACHE_LIMIT}&&\\w+\\.clear\\(\\)`));
	expect(code).toMatch(new RegExp(`\\w+>=${WRAP_CACHE_LIMIT}&&\\(\\w+=\\{\\},\\w+=0\\)`));
	// NODE_ENV defined away: production React, no development builds.
	expect(code).not.toContain('process.env.NODE_ENV');
	// Ink's devtools import aliased to the empty module.
	expect(code).not.toMatch(/["']react-devtools-core["']/);
}

describe('the shared esbuild options', () => {
	it('are what the bench is built with, Ink and start-up patches included', () => {
		const bench = benchBuildOptions('/tmp/out');
		const { plugins, ...shared } = bundleOptions();
		expect(bench).toMatchObject(shared);
		expect(bench.plugins).toEqual([inkPatches, startupPatches]);
		expect(plugins).toEqual([inkPatches, startupPatches]);
	});

	it("put Ink's patches, production React and no devtools into the bench's bundle", async () => {
		const result = await build({ ...benchBuildOptions('/tmp/umwatch-bench-check'), write: false });
		expectShippedOptions(result.outputFiles.map((file) => file.text).join('\n'));
	});

	it('put the same into the shipped binary', () => {
		const binary = ensureBuilt();
		const chunks = join(dirname(binary), 'chunks');
		const files = [binary, ...readdirSync(chunks).map((name) => join(chunks, name))];
		expectShippedOptions(files.map((file) => readFileSync(file, 'utf8')).join('\n'));
	});
});
