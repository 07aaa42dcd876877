import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import { glyphsFor } from '../present/theme.js';
import { systemClock } from '../time/clock.js';
import { findJob } from './find-job.js';
import { colorAllowed, type OutputIo } from './io.js';
import { jobDetailLines } from './job-detail.js';
import { jobToJson } from './job-json.js';
import { checkJobKey } from './job-key.js';
import { finishOutput, reportFailure } from './report-failure.js';
import { safeJsonStringify } from './safe-text.js';
import { type ScriptServers, serverList } from './servers.js';
import { FALLBACK_COLUMNS } from './table.js';
import { createSafeWriter } from './writer.js';

/** Options of `umwatch show KEY`. */
export interface ShowOptions {
	readonly format: 'text' | 'json';
	readonly color: boolean;
	/** ASCII glyphs and ellipsis on a terminal (`--ascii`), as in the live view. */
	readonly ascii?: boolean;
	/** `--partial-ok`: exit 0 when at least one of several servers answered. */
	readonly partialOk?: boolean;
}

/**
 * `umwatch show KEY`: one job in full, as text (like the live UI's detail view)
 * or as the documented JSON object. The GET rides out a blip of a busy server
 * (see one-shot.ts); a 404 is not retried. Exit code 0, 8 when there is no
 * such job, or the failure's code. With several servers the job is looked for
 * on all of them (see find-job.ts).
 */
export async function runShow(
	servers: ScriptServers,
	key: string,
	options: ShowOptions,
	io: OutputIo,
): Promise<ExitCodeValue> {
	const out = createSafeWriter(io.stdout);
	const err = createSafeWriter(io.stderr);
	try {
		const checked = checkJobKey(key);
		const clients = serverList(servers);
		const { found, code } = await findJob(
			clients,
			checked,
			{ partialOk: options.partialOk === true },
			err,
			io,
		);
		if (found === null) return code;
		const job = found.job;
		const now = (io.clock ?? systemClock).now();
		if (options.format === 'json') {
			await out.write(`${safeJsonStringify(jobToJson(job, now), 2)}\n`);
		} else {
			const tty = io.stdout.isTTY === true;
			// Several servers: which one has the job comes first; one server's text is today's.
			const where =
				clients.length > 1 ? { name: found.client.server, url: found.client.baseUrl } : undefined;
			const lines = jobDetailLines(
				job,
				{
					tty,
					color: colorAllowed(options.color, io.stdout, io.env),
					glyphs: glyphsFor(options.ascii === true),
					now,
					...(io.timeZone ? { timeZone: io.timeZone } : {}),
					...(tty ? { width: io.stdout.columns || FALLBACK_COLUMNS } : {}),
				},
				where,
			);
			await out.write(`${lines.join('\n')}\n`);
		}
		const written = await finishOutput(out, err);
		return written === ExitCode.Normal ? code : written;
	} catch (error) {
		return reportFailure(error, err, io);
	}
}
