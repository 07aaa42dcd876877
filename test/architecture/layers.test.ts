import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, importsOf, LAYERS } from './layer-map.js';
import { readTree, repoRoot } from './read-tree.js';

describe('the layer map of source/', () => {
	it('holds: no module imports a layer above it, and only ui imports React or Ink', () => {
		const tree = readTree('source');
		expect(tree.size).toBeGreaterThan(50);
		expect(checkLayers(tree)).toEqual([]);
	});

	it('names every folder under source/', () => {
		const folders = readdirSync(path.join(repoRoot, 'source'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name);
		expect(folders.filter((name) => !(name in LAYERS))).toEqual([]);
	});
});

describe('the layer checker', () => {
	const fakeTree = (extra: Record<string, string>) =>
		new Map(
			Object.entries({
				'source/cli.tsx': "import { main } from './commands/main.js';",
				'source/commands/main.ts': "import { run } from '../ui/run.js';",
				'source/ui/run.tsx':
					"import { render } from 'ink';\nimport type { Job } from '../api/job.js';",
				'source/api/job.ts': "import type { Clock } from '../time/clock.js';",
				'source/time/clock.ts': 'export interface Clock {}',
				...extra,
			}),
		);

	it('passes a tree that keeps the map', () => {
		expect(checkLayers(fakeTree({}))).toEqual([]);
	});

	it('reports exactly the file that imports upwards', () => {
		const tree = fakeTree({
			'source/api/client.ts':
				"// import { x } from '../ui/run.js' in a comment does not count\nimport { systemClock } from '../engine/clock.js';",
		});
		expect(checkLayers(tree)).toEqual([
			'source/api/client.ts imports source/engine/clock.ts (layer api may not import layer engine)',
		]);
	});

	it('reports React or Ink outside ui, dynamic imports and re-exports too', () => {
		const tree = fakeTree({
			'source/output/list.ts': "import { Box } from 'ink';",
			'source/engine/view.ts': "import type { ReactNode } from 'react';",
			'source/time/late.ts': "const x = await import('../api/job.js');",
			'source/present/again.ts': "export { run } from '../output/list.js';",
		});
		expect(checkLayers(tree)).toEqual([
			'source/output/list.ts imports ink (only ui may import React or Ink)',
			'source/engine/view.ts imports react (only ui may import React or Ink)',
			'source/time/late.ts imports source/api/job.ts (layer time may not import layer api)',
			'source/present/again.ts imports source/output/list.ts (layer present may not import layer output)',
		]);
	});

	it('reports a file in a folder the map does not know', () => {
		expect(checkLayers(fakeTree({ 'source/extra/x.ts': '' }))).toEqual([
			'source/extra/x.ts is in no layer (add its folder "extra" to the layer map)',
		]);
	});

	it('reads static, type-only, export-from and dynamic imports, not comments', () => {
		expect(
			importsOf(
				"import a from './a.js';\nimport type { B } from './b.js';\nexport * from './c.js';\n// import d from './d.js';\nawait import('./e.js');",
			),
		).toEqual(['./a.js', './b.js', './c.js', './e.js']);
	});
});
