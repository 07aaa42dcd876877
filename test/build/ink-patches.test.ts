import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { boundMeasureCache, MEASURE_CACHE_LIMIT } from '../../scripts/ink-patches.js';

const require = createRequire(import.meta.url);
const inkMeasureText = join(require.resolve('ink').replace(/index\.js$/, ''), 'measure-text.js');

let dir: string | undefined;
afterEach(() => {
	if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

describe("the build's patch to Ink's measure cache", () => {
	it('applies to the installed Ink and keeps its cache bounded', async () => {
		const patched = boundMeasureCache(readFileSync(inkMeasureText, 'utf8'))
			// Run it alone: a stand-in width, and the private cache exported to look at.
			.replace("import widestLine from 'widest-line';", 'const widestLine = (t) => t.length;')
			.replace(/^\/\/# sourceMappingURL=.*$/m, '')
			.concat('\nexport { cache };\n');
		dir = mkdtempSync(join(tmpdir(), 'umwatch-ink-patch-'));
		const file = join(dir, 'measure-text.mjs');
		writeFileSync(file, patched);
		const module = (await import(pathToFileURL(file).href)) as {
			default: (text: string) => { width: number; height: number };
			cache: Map<string, unknown>;
		};
		for (let i = 0; i < MEASURE_CACHE_LIMIT * 3; i++) {
			expect(module.default(`row ${i}`)).toEqual({ width: `row ${i}`.length, height: 1 });
			expect(module.cache.size).toBeLessThanOrEqual(MEASURE_CACHE_LIMIT);
		}
	});

	it('fails the build when Ink changed the code it patches', () => {
		expect(() => boundMeasureCache('const cache = {};')).toThrow(
			'ink/build/measure-text.js changed',
		);
	});
});
