import type { ExitCodeValue } from '../api/exit-codes.js';
import type { Config } from '../config/types.js';
import { createEngine, waitForJob } from '../engine/index.js';
import { runEvents } from '../output/events.js';
import type { OutputIo } from '../output/io.js';
import { runList } from '../output/list.js';
import { runShow } from '../output/show.js';
import { runWait } from '../output/wait.js';
import type { Connection } from './connect.js';
import type { CommandIo } from './io.js';

import type { ScriptCommand } from './script-args.js';

/**
 * Runs `list`, `show`, `wait` or `events` over an open connection and
 * resolves to the exit code (the output modes print their own failures).
 */
export function runScript(
	command: ScriptCommand,
	config: Config,
	connection: Connection,
	io: CommandIo,
): Promise<ExitCodeValue> {
	const outputIo: OutputIo = {
		stdout: io.stdout,
		stderr: io.stderr,
		stdin: io.stdin,
		env: io.env,
		signal: io.signal,
	};
	const { output } = config;
	const key = config.args[0] ?? '';
	switch (command) {
		case 'list':
			return runList(
				connection.client,
				{
					format: output.json ? 'json' : output.ndjson ? 'ndjson' : 'table',
					color: config.color,
					ascii: config.ascii,
					...(output.state === null ? {} : { state: output.state }),
					...(output.name === null ? {} : { name: output.name }),
					...(output.type === null ? {} : { type: output.type }),
					...(output.limit === null ? {} : { limit: output.limit }),
				},
				outputIo,
			);
		case 'show':
			return runShow(
				connection.client,
				key,
				{ format: output.json ? 'json' : 'text', color: config.color, ascii: config.ascii },
				outputIo,
			);
		case 'wait':
			return runWait(
				connection.client,
				key,
				{
					format: output.json ? 'json' : 'line',
					ascii: config.ascii,
					...(output.timeoutMs === null ? {} : { timeoutMs: output.timeoutMs }),
				},
				outputIo,
				waitForJob,
			);
		case 'events': {
			const engine = createEngine({
				client: connection.client,
				intervalMs: config.intervalMs,
				...(config.maxJobs === null ? {} : { maxJobs: config.maxJobs }),
			});
			return runEvents(engine, { format: 'ndjson' }, outputIo);
		}
	}
}
