// Runs the installed Ink in a fresh process and prints what it did, as JSON, for
// test/build/ink-internals.test.tsx. A fresh process because Ink reads CI (via
// is-in-ci) once, as it loads, and Ink's signal-exit handlers act on the whole
// process. Usage: node ink-probe.mjs frames '<render options JSON>'
//                 node ink-probe.mjs signal guard|no-guard
//                 node ink-probe.mjs color
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Box, render, Text } from 'ink';
import { createElement as h } from 'react';

/** A terminal Ink can draw on: a size, isTTY, and a record of every write. */
class Terminal extends EventEmitter {
	columns = 10;
	rows = 3;
	isTTY = true;
	log = [];
	write(data) {
		this.log.push(['write', data]);
		return true;
	}
}

/** An input stream that records anything Ink does to it. */
class Keyboard extends EventEmitter {
	isTTY = true;
	calls = [];
	setRawMode(mode) {
		this.calls.push(`setRawMode(${mode})`);
		return this;
	}
	setEncoding() {
		this.calls.push('setEncoding');
		return this;
	}
	resume() {
		this.calls.push('resume');
		return this;
	}
	pause() {
		this.calls.push('pause');
		return this;
	}
	ref() {
		this.calls.push('ref');
		return this;
	}
	unref() {
		this.calls.push('unref');
		return this;
	}
}

const screen = (lines) =>
	h(
		Box,
		{ flexDirection: 'column' },
		lines.map((line, i) => h(Text, { key: i, wrap: 'truncate' }, line)),
	);

function frames(mode) {
	const out = new Terminal();
	const stdin = new Keyboard();
	const consoleLog = console.log;
	const instance = render(screen(['a', '\x1b[31mred\x1b[0m', 'wider than ten columns']), {
		...mode,
		stdout: out,
		stdin,
		stderr: out,
		onRender: (metrics) => out.log.push(['onRender', typeof metrics.renderTime]),
		exitOnCtrlC: false,
		patchConsole: false,
		// Not an Ink 6.8 option; Ink 7 enters the alternate screen with it.
		alternateScreen: true,
	});
	out.log.push(['rerender, as tall as the terminal']);
	instance.rerender(screen(['1', '2', '3', '4']));
	out.log.push(['resize, narrower']);
	out.columns = 5;
	out.emit('resize');
	out.log.push(['unmount']);
	instance.unmount();
	return {
		log: out.log,
		stdinCalls: stdin.calls,
		stdinListeners: stdin.eventNames(),
		consolePatched: console.log !== consoleLog,
	};
}

function signal(guard) {
	render(h(Text, null, 'x'), { stdout: new Terminal(), debug: true, patchConsole: false });
	if (guard) process.on('SIGTERM', () => process.exit(143));
	process.stdout.write(`${process.listenerCount('SIGTERM')}`);
	// Signals are handled asynchronously: keep the loop alive until one is.
	setInterval(() => {}, 1000);
	process.kill(process.pid, 'SIGTERM');
}

/** The colour level Ink's chalk (resolved from Ink, as Ink resolves it) gives a terminal. */
async function color() {
	const chalk = createRequire(import.meta.resolve('ink')).resolve('chalk');
	const supportsColor = join(dirname(chalk), 'vendor', 'supports-color', 'index.js');
	const { createSupportsColor } = await import(pathToFileURL(supportsColor).href);
	return { level: createSupportsColor({ isTTY: true }).level ?? 0 };
}

const [scenario, argument] = process.argv.slice(2);
if (scenario === 'frames') process.stdout.write(JSON.stringify(frames(JSON.parse(argument))));
else if (scenario === 'signal') signal(argument === 'guard');
else if (scenario === 'color') process.stdout.write(JSON.stringify(await color()));
else throw new Error(`ink-probe: unknown scenario ${scenario}`);
