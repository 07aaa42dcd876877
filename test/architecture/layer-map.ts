import path from 'node:path';
import ts from 'typescript';

/**
 * The layer map of `source/` (the readme's "Design notes" state it once): each
 * folder and the folders it may import from. Nothing imports upwards:
 *
 *   i18n < time < api < engine < present < output, ui < commands < cli
 *
 * with simulator and config beside engine (both on api and time only).
 * `i18n` (the message catalogue and the chosen language) imports nothing and
 * every layer may import it, so any layer can say its messages in Japanese.
 * `cli` is `source/cli.tsx`, the one file at the root.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
	i18n: [],
	time: ['i18n'],
	api: ['i18n', 'time'],
	simulator: ['i18n', 'time', 'api'],
	config: ['i18n', 'time', 'api'],
	engine: ['i18n', 'time', 'api'],
	present: ['i18n', 'time', 'api', 'engine'],
	output: ['i18n', 'time', 'api', 'engine', 'present'],
	ui: ['i18n', 'time', 'api', 'engine', 'present'],
	commands: ['i18n', 'time', 'api', 'simulator', 'config', 'engine', 'present', 'output', 'ui'],
	cli: [
		'i18n',
		'time',
		'api',
		'simulator',
		'config',
		'engine',
		'present',
		'output',
		'ui',
		'commands',
	],
};

/** The only layer that may import React, Ink or an ink-* package. */
const VIEW_LAYER = 'ui';
const VIEW_PACKAGE = /^(react|ink|ink-[^/]+|@inkjs\/[^/]+)(\/|$)/;

/** The layer of a file, by its first folder under `source/` (`cli` for a root file). */
export function layerOf(file: string): string {
	const parts = file.split('/');
	return parts.length === 2 ? 'cli' : (parts[1] ?? '');
}

/**
 * Every specifier a file imports: static `import`/`export … from`, `import type`,
 * and dynamic `import('…')`. The TypeScript scanner reads them, so an import
 * quoted in a comment or a string does not count.
 */
export function importsOf(text: string): string[] {
	return ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
}

/**
 * Checks a tree of files (path relative to the repository, e.g.
 * `source/api/client.ts` → its text) against {@link LAYERS}. Returns one line per
 * violation, naming the importing file; empty when the map holds.
 */
export function checkLayers(files: ReadonlyMap<string, string>): string[] {
	const problems: string[] = [];
	for (const [file, text] of files) {
		const from = layerOf(file);
		const allowed = LAYERS[from];
		if (allowed === undefined) {
			problems.push(`${file} is in no layer (add its folder "${from}" to the layer map)`);
			continue;
		}
		for (const specifier of importsOf(text)) {
			if (!specifier.startsWith('.')) {
				if (from !== VIEW_LAYER && VIEW_PACKAGE.test(specifier)) {
					problems.push(
						`${file} imports ${specifier} (only ${VIEW_LAYER} may import React or Ink)`,
					);
				}
				continue;
			}
			const target = path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, '.ts');
			if (!target.startsWith('source/')) {
				problems.push(`${file} imports ${target} (outside source/)`);
				continue;
			}
			const to = layerOf(target);
			if (to === from || allowed.includes(to)) continue;
			problems.push(`${file} imports ${target} (layer ${from} may not import layer ${to})`);
		}
	}
	return problems;
}
