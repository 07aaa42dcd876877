// The start-up work of issue 14 in the shipped bundle: Node's compile cache
// turned on where Node has it (a no-op on Node 20), undici's slim entry,
// Yoga's WebAssembly loaded without fetch(), and the opt-in start-up trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/esbuild-options.js';
import { SLIM_UNDICI, yogaWithoutFetch } from '../../scripts/startup-patches.js';
import { ensureBuilt, repoRoot } from '../helpers/pty-app.js';

const work = mkdtempSync(join(tmpdir(), 'umwatch-startup-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the built binary with `args`; `preload` is an ES module run first (`--import`). */
function runBinary(args: string[], env: Record<string, string>, preload?: string) {
	const binary = ensureBuilt();
	const nodeArgs =
		preload === undefined ? [binary] : ['--import', pathToFileURL(preload).href, binary];
	return spawnSync(process.execPath, [...nodeArgs, ...args], {
		cwd: repoRoot,
		encoding: 'utf8',
		env: {
			PATH: process.env.PATH ?? '',
			HOME: work,
			XDG_CONFIG_HOME: join(work, 'config'),
			...env,
		},
		timeout: 30_000,
	});
}

/** A stand-in for Node ≥ 22's module.enableCompileCache that writes down how it was called. */
function fakeCompileCache(record: string): string {
	const file = join(work, `fake-cache-${Math.random().toString(36).slice(2)}.mjs`);
	writeFileSync(
		file,
		[
			"import module from 'node:module';",
			"import { appendFileSync } from 'node:fs';",
			`module.enableCompileCache = (...args) => { appendFileSync(${JSON.stringify(record)}, JSON.stringify(args) + '\\n'); return { status: 0 }; };`,
		].join('\n'),
	);
	return file;
}

describe("the shipped entry and Node's compile cache", () => {
	it('starts without the API, as on Node 20', () => {
		const result = runBinary(['--version'], {});
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});

	it("turns the cache on in umwatch's folder under the cache home, before the CLI loads", () => {
		const record = join(work, 'calls-default.ndjson');
		const result = runBinary(
			['--version'],
			{ XDG_CACHE_HOME: join(work, 'cache') },
			fakeCompileCache(record),
		);
		expect(result.status).toBe(0);
		const calls = readFileSync(record, 'utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(calls).toEqual([[join(work, 'cache', 'umwatch', 'compile-cache')]]);
	});

	it('leaves the folder to Node when NODE_COMPILE_CACHE names one', () => {
		const record = join(work, 'calls-env.ndjson');
		const result = runBinary(
			['--version'],
			{ NODE_COMPILE_CACHE: join(work, 'mine') },
			fakeCompileCache(record),
		);
		expect(result.status).toBe(0);
		expect(readFileSync(record, 'utf8').trim()).toBe('[]');
	});

	it('starts when turning the cache on throws', () => {
		const file = join(work, 'throwing-cache.mjs');
		writeFileSync(
			file,
			"import module from 'node:module';\nmodule.enableCompileCache = () => { throw new Error('EROFS'); };\n",
		);
		const result = runBinary(['--version'], {}, file);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
	});
});

describe('the start-up trace (UMWATCH_STARTUP_TRACE)', () => {
	it('writes one line per phase to the named file, and nothing to the terminal', () => {
		const trace = join(work, 'trace.ndjson');
		const args = ['list', '--demo', '--json'];
		const quiet = runBinary(args, {});
		const traced = runBinary(args, { UMWATCH_STARTUP_TRACE: trace });
		expect(traced.status).toBe(0);
		expect(traced.status).toBe(quiet.status);
		expect(traced.stderr).toBe(quiet.stderr);
		expect(JSON.parse(traced.stdout)).toBeInstanceOf(Array);
		expect(traced.stdout).not.toContain('cpuMs');
		const marks = readFileSync(trace, 'utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(marks.map((mark) => mark.mark)).toEqual(['launch', 'main', 'config']);
		for (const mark of marks) {
			expect(mark.ms).toBeGreaterThan(0);
			expect(mark.cpuMs).toBeGreaterThan(0);
			expect(mark.epochMs).toBeGreaterThan(Date.parse('2020-01-01'));
		}
	});
});

describe("Yoga's loader without fetch()", () => {
	const loader = join(repoRoot, 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');

	it('takes the fallback that decodes its bytes itself, and fails the build if Yoga changed', () => {
		const source = readFileSync(loader, 'utf8');
		expect(source).toContain('"function"!=typeof fetch?Promise.resolve()');
		expect(yogaWithoutFetch(source)).not.toContain('"function"!=typeof fetch?Promise.resolve()');
		expect(() => yogaWithoutFetch('changed')).toThrow(/review scripts\/startup-patches.js/);
	});

	it('lays out a node in the bundle without ever touching the global fetch', async () => {
		const entry = join(work, 'yoga-entry.mjs');
		writeFileSync(
			entry,
			[
				'let touched = false;',
				"const real = Object.getOwnPropertyDescriptor(globalThis, 'fetch');",
				"Object.defineProperty(globalThis, 'fetch', { configurable: true, get() { touched = true; return real.get ? real.get.call(globalThis) : real.value; } });",
				"const { default: Yoga } = await import('yoga-layout');",
				'const node = Yoga.Node.create();',
				'node.setWidth(42);',
				'node.calculateLayout();',
				'console.log(JSON.stringify({ touched, width: node.getComputedWidth() }));',
			].join('\n'),
		);
		const outfile = join(work, 'yoga-bundle.mjs');
		await build({
			...bundleOptions(),
			entryPoints: [entry],
			outfile,
			nodePaths: [join(repoRoot, 'node_modules')],
		});
		const out = execFileSync(process.execPath, [outfile], { encoding: 'utf8' });
		expect(JSON.parse(out)).toEqual({ touched: false, width: 42 });
	});
});

describe("undici's slim entry", () => {
	it("is what source/'s imports of undici resolve to, and only those", async () => {
		const result = await build({
			...bundleOptions(),
			entryPoints: [join(repoRoot, 'source/api/http.ts')],
			write: false,
			outdir: join(work, 'http-out'),
			metafile: true,
		});
		const inputs = Object.keys(result.metafile.inputs);
		expect(inputs).toContain('scripts/undici-slim.cjs');
		expect(inputs).not.toContain('node_modules/undici/index.js');
		// undici's fetch, WebSocket and caches stay out.
		expect(
			inputs.filter((input) => /undici\/lib\/web\/(websocket|cache|eventsource)\//.test(input)),
		).toEqual([]);
	});

	it("gives a Pool that makes a request, as undici's own index does", async () => {
		const server = createServer((_request, response) => response.end('{"ok":true}'));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const outfile = join(work, 'slim.mjs');
			await build({ ...bundleOptions(), entryPoints: [SLIM_UNDICI], outfile, format: 'esm' });
			const slim = (await import(pathToFileURL(outfile).href)).default;
			const pool = new slim.Pool(`http://127.0.0.1:${port}`, { connect: slim.buildConnector({}) });
			const answer = await pool.request({ path: '/', method: 'GET' });
			expect(answer.statusCode).toBe(200);
			expect(await answer.body.json()).toEqual({ ok: true });
			await pool.destroy();
		} finally {
			server.close();
		}
	});
});
