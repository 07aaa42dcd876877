import type { ExitCodeValue } from '../api/exit-codes.js';
import type { Config } from '../config/types.js';
import { createEngine, waitForJob } from '../engine/index.js';
import { type NamedEngine, runEvents } from '../output/events.js';
import type { OutputIo } from '../output/io.js';
import { runList } from '../output/list.js';
import { runShow } from '../output/show.js';
import { runWait } from '../output/wait.js';
import type { Connection } from './connect.js';
import type { CommandIo } from './io.js';

import type { ScriptCommand } from './script-args.js';

/**
 * Runs `list`, `show`, `wait` or `events` over the open connections (one per
 * server, in the order named) and resolves to the exit code (the output modes
 * print their own failures). One connection is today's single server.
 */
export function runScript(
	command: ScriptCommand,
	config: Config,
	connections: readonly Connection[],
	io: CommandIo,
): Promise<ExitCodeValue> {
	const outputIo: OutputIo = {
		stdout: io.stdout,
		stderr: io.stderr,
		stdin: io.stdin,
		env: io.env,
		signal: io.signal,
	};
	const { output, partialOk } = config;
	const key = config.args[0] ?? '';
	const clients = connections.map((connection) => connection.client);
	switch (command) {
		case 'list':
			return runList(
				clients,
				{
					format: output.json ? 'json' : output.ndjson ? 'ndjson' : 'table',
					color: config.color,
					ascii: config.ascii,
					partialOk,
					...(output.state === null ? {} : { state: output.state }),
					...(output.name === null ? {} : { name: output.name }),
					...(output.type === null ? {} : { type: output.type }),
					...(output.limit === null ? {} : { limit: output.limit }),
					...(output.sort === null ? {} : { sort: output.sort }),
					...(output.since === null ? {} : { since: output.since }),
				},
				outputIo,
			);
		case 'show':
			return runShow(
				clients,
				key,
				{
					format: output.json ? 'json' : 'text',
					color: config.color,
					ascii: config.ascii,
					partialOk,
				},
				outputIo,
			);
		case 'wait':
			return runWait(
				clients,
				config.args,
				{
					format: output.json ? 'json' : 'line',
					ascii: config.ascii,
					any: output.any,
					bell: output.bell,
					...(output.timeoutMs === null ? {} : { timeoutMs: output.timeoutMs }),
				},
				outputIo,
				waitForJob,
			);
		case 'events':
			return runEvents(
				eventEngines(config, connections),
				{ format: 'ndjson', partialOk },
				outputIo,
			);
	}
}

/** One engine per server, each polling at its own profile's interval. */
function eventEngines(config: Config, connections: readonly Connection[]): NamedEngine[] {
	return connections.map((connection) => {
		const named = config.servers.find((server) => server.name === connection.name);
		return {
			name: connection.name,
			engine: createEngine({
				client: connection.client,
				intervalMs: named?.intervalMs ?? config.intervalMs,
				...(config.maxJobs === null ? {} : { maxJobs: config.maxJobs }),
			}),
		};
	});
}
