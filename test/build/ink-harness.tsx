// Helpers for test/build/ink-internals.test.tsx: run the installed Ink alone,
// patched, in a fresh process, or with keys typed into useInput.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { render, Text, useInput } from 'ink';
import { INK_RENDER_MODE } from '../../source/ui/terminal/terminal-output.js';

/** What {@link loadPatched} does to the file. */
export interface PatchLoad {
	/** The build-time patch, as scripts/ink-patches.js applies it. */
	readonly patch: (source: string) => string;
	/** A module-level binding to export as well, to look at (Ink's private cache). */
	readonly expose: string;
}

/**
 * Loads one file of Ink's build, patched, as a module of its own: its imports
 * resolved from Ink's own directory, one private binding exported. It is the
 * installed code, run alone; `cleanup` removes the copy.
 */
export async function loadPatched(file: string, load: PatchLoad) {
	const fromInk = createRequire(file);
	const source = load
		.patch(readFileSync(file, 'utf8'))
		.replace(/ from '([^']+)';/g, (_, specifier: string) => {
			return ` from '${pathToFileURL(fromInk.resolve(specifier)).href}';`;
		})
		.replace(/^\/\/# sourceMappingURL=.*$/m, '')
		.concat(`\nexport { ${load.expose} };\n`);
	const dir = mkdtempSync(join(tmpdir(), 'umwatch-ink-patch-'));
	const copy = join(dir, basename(file).replace(/\.js$/, '.mjs'));
	writeFileSync(copy, source);
	const module = (await import(pathToFileURL(copy).href)) as Record<string, unknown>;
	return { module, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const probe = fileURLToPath(new URL('ink-probe.mjs', import.meta.url));

/** What the `frames` scenario of the probe reports. */
export interface Probed {
	/** Writes (`['write', data]`), onRender calls and the probe's own steps, in order. */
	readonly log: [string, string?][];
	readonly stdinCalls: string[];
	readonly stdinListeners: string[];
	readonly consolePatched: boolean;
}

/** Runs test/build/ink-probe.mjs in a fresh process with only `env` (and PATH) set. */
export function runProbe(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [probe, ...args], {
		env: { PATH: process.env.PATH ?? '', ...env },
		encoding: 'utf8',
	});
	return { status: result.status, signal: result.signal, stdout: result.stdout };
}

/** An input stream for useInput: a real stream, with the TTY calls Ink makes. */
function keyboard() {
	return Object.assign(new PassThrough(), {
		isTTY: true,
		setRawMode: () => undefined,
		ref: () => undefined,
		unref: () => undefined,
	});
}

/** Lets `n` turns of the event loop pass: Ink 6.8 flushes a lone ESC after one. */
export async function turns(n: number): Promise<void> {
	for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A component that reports every key useInput gives it. */
function Keys({ onKey }: { onKey: (key: string) => void }) {
	useInput((input, key) => onKey(key.escape ? 'escape' : `text:${input}`));
	return <Text>keys</Text>;
}

/** Renders {@link Keys}, types with `type`, and returns the keys it saw. */
export async function typeInto(type: (stdin: PassThrough) => Promise<void>): Promise<string[]> {
	const seen: string[] = [];
	const stdin = keyboard();
	const stdout = Object.assign(new PassThrough(), { columns: 20, rows: 5, isTTY: true });
	const instance = render(<Keys onKey={(key) => seen.push(key)} />, {
		...INK_RENDER_MODE,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	try {
		await turns(1);
		await type(stdin);
	} finally {
		instance.unmount();
	}
	return seen;
}
