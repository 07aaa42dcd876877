import type { ExitCodeValue } from '../api/exit-codes.js';
import type { AiqumClient } from '../api/types.js';
import { glyphsFor } from '../present/theme.js';
import { systemClock } from '../time/clock.js';
import { colorAllowed, type OutputIo } from './io.js';
import { jobDetailLines } from './job-detail.js';
import { jobToJson } from './job-json.js';
import { checkJobKey } from './job-key.js';
import { oneShotRequester } from './one-shot.js';
import { finishOutput, reportFailure } from './report-failure.js';
import { safeJsonStringify } from './safe-text.js';
import { FALLBACK_COLUMNS } from './table.js';
import { createSafeWriter } from './writer.js';

/** Options of `umwatch show KEY`. */
export interface ShowOptions {
	readonly format: 'text' | 'json';
	readonly color: boolean;
	/** ASCII glyphs and ellipsis on a terminal (`--ascii`), as in the live view. */
	readonly ascii?: boolean;
}

/**
 * `umwatch show KEY`: one job in full, as text (like the live UI's detail view)
 * or as the documented JSON object. The GET rides out a blip of a busy server
 * (see one-shot.ts); a 404 is not retried. Exit code 0, 8 when there is no
 * such job, or the failure's code.
 */
export async function runShow(
	client: AiqumClient,
	key: string,
	options: ShowOptions,
	io: OutputIo,
): Promise<ExitCodeValue> {
	const out = createSafeWriter(io.stdout);
	const err = createSafeWriter(io.stderr);
	try {
		const checked = checkJobKey(key);
		const job = await oneShotRequester(io)((signal) => client.getJob(checked, signal));
		const now = (io.clock ?? systemClock).now();
		if (options.format === 'json') {
			await out.write(`${safeJsonStringify(jobToJson(job, now), 2)}\n`);
		} else {
			const tty = io.stdout.isTTY === true;
			const lines = jobDetailLines(job, {
				tty,
				color: colorAllowed(options.color, io.stdout, io.env),
				glyphs: glyphsFor(options.ascii === true),
				now,
				...(io.timeZone ? { timeZone: io.timeZone } : {}),
				...(tty ? { width: io.stdout.columns || FALLBACK_COLUMNS } : {}),
			});
			await out.write(`${lines.join('\n')}\n`);
		}
		return finishOutput(out, err);
	} catch (error) {
		return reportFailure(error, err, io);
	}
}
