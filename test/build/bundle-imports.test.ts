// The shipped package declares no runtime dependencies (it installs offline from
// its tarball alone), so the bundle in dist/ must carry every package it uses:
// what is left to load at run time may only be Node's own modules or dist/'s own
// chunks.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot } from '../helpers/pty-app.js';

const dist = join(repoRoot, 'dist');

function jsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(path);
		return /\.[cm]?js$/.test(entry.name) ? [path] : [];
	});
}

/** The packages installed for development: what a bundle could wrongly leave out. */
function installedPackages(): Set<string> {
	const root = join(repoRoot, 'node_modules');
	const names = new Set<string>();
	for (const entry of readdirSync(root)) {
		if (entry.startsWith('.')) continue;
		if (entry.startsWith('@')) {
			for (const scoped of readdirSync(join(root, entry))) names.add(`${entry}/${scoped}`);
		} else names.add(entry);
	}
	return names;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

/**
 * Specifiers in import and export statements and in dynamic `import()`, as
 * esbuild's parser reads them (a regular expression cannot tell an import from
 * the word "import" in a minified string).
 */
async function moduleSpecifiers(file: string): Promise<string[]> {
	const result = await build({
		entryPoints: [file],
		bundle: true,
		write: false,
		metafile: true,
		platform: 'node',
		format: 'esm',
		logLevel: 'silent',
		plugins: [
			{
				name: 'record-only',
				setup(context) {
					context.onResolve({ filter: /.*/ }, (args) =>
						args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
					);
				},
			},
		],
	});
	return Object.values(result.metafile.inputs).flatMap((input) =>
		input.imports.map((entry) => entry.original ?? entry.path),
	);
}

/**
 * Calls with one string literal, `f("y")`: how the bundle's CommonJS parts
 * require a module (esbuild renames `require` to a minified helper, so the
 * callee's name says nothing). Most such calls are not requires at all; only the
 * ones naming an installed package matter.
 */
function stringCalls(code: string): string[] {
	// A plain call, not a method (`util.debuglog("undici")` names no module).
	return [...code.matchAll(/(?<![.\w$])[\w$]+\s*\(\s*(["'])([^"'\s]+)\1\s*\)/g)].map(
		(m) => m[2] ?? '',
	);
}

function isLocal(specifier: string): boolean {
	return specifier.startsWith('./') || specifier.startsWith('../');
}

describe('the bundle loads nothing but Node built-ins and its own chunks', () => {
	// Built from the current sources (the same build `npm test` and `npm pack` run).
	ensureBuilt();
	const files = jsFiles(dist);

	test('dist/ has an entry and chunks to check', () => {
		expect(files.map((file) => relative(dist, file))).toContain('umwatch.js');
		expect(files.length).toBeGreaterThan(1);
	});

	test('every import and export names a node: built-in or a file of dist/', async () => {
		const offenders: string[] = [];
		for (const file of files) {
			for (const specifier of await moduleSpecifiers(file)) {
				if (!isLocal(specifier) && !isBuiltin(specifier)) {
					offenders.push(`${relative(dist, file)}: ${specifier}`);
				}
			}
		}
		expect(offenders).toEqual([]);
	});

	test('no require() of an installed package is left for run time', () => {
		const installed = installedPackages();
		const offenders = files.flatMap((file) =>
			stringCalls(readFileSync(file, 'utf8'))
				.filter((specifier) => !isBuiltin(specifier) && installed.has(packageName(specifier)))
				.map((specifier) => `${relative(dist, file)}: ${specifier}`),
		);
		expect(offenders).toEqual([]);
	});

	test('the scanners see the forms a bundle uses', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'umwatch-bundle-scan-'));
		try {
			const file = join(dir, 'probe.js');
			writeFileSync(
				file,
				[
					'import{a as b}from"./chunks/chunk-X.js";import"./side.js";',
					'export*from"ink";import c from "react";const k=["import","from","x"];',
					'const w=await import("./chunks/watch.js");',
					'var u=m("undici"),s=m("node:stream"),d=C("@scope/pkg/sub"),l=u.debuglog("undici");',
				].join('\n'),
			);
			expect((await moduleSpecifiers(file)).sort()).toEqual(
				['./chunks/chunk-X.js', './chunks/watch.js', './side.js', 'ink', 'react'].sort(),
			);
			expect(stringCalls(readFileSync(file, 'utf8'))).toEqual([
				'./chunks/watch.js',
				'undici',
				'node:stream',
				'@scope/pkg/sub',
			]);
			expect(packageName('@scope/pkg/sub')).toBe('@scope/pkg');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('package.json', () => {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<
		string,
		unknown
	>;

	test.each(['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])(
		'declares no %s: the bundle carries them, so an offline install needs none',
		(field) => {
			const value = manifest[field];
			expect(value === undefined || Object.keys(value as object).length === 0).toBe(true);
		},
	);
});
