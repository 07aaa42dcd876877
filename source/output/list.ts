import type { ExitCodeValue } from '../api/exit-codes.js';
import type { Job } from '../api/job.js';
import type { AiqumClient } from '../api/types.js';
import { UsageError } from '../api/usage-error.js';
import { glyphsFor } from '../present/theme.js';
import { systemClock } from '../time/clock.js';
import { colorAllowed, type OutputIo } from './io.js';
import { jobToJson } from './job-json.js';
import { LIST_COLUMNS, listRow } from './job-text.js';
import { checkServerPattern, DEFAULT_LIST_LIMIT, fetchJobsForList } from './list-fetch.js';
import { oneShotRequester } from './one-shot.js';
import { finishOutput, reportFailure } from './report-failure.js';
import { safeJsonStringify } from './safe-text.js';
import { parseStateFilter } from './state-filter.js';
import { renderTable } from './table.js';
import { createSafeWriter, type SafeWriter } from './writer.js';

/** Output formats of `list`. `table` falls back to `plain` when stdout is not a terminal. */
export type ListFormat = 'table' | 'plain' | 'json' | 'ndjson';

/** Options of `umwatch list`. */
export interface ListOptions {
	/** Display states, lifecycle values or groups, `|`-separated, `*` wildcards (client-side). */
	readonly state?: string;
	/** AIQUM name pattern, sent to the server. */
	readonly name?: string;
	/** AIQUM type pattern, sent to the server. */
	readonly type?: string;
	/** How many jobs at most (default 100); Infinity for the whole history. */
	readonly limit?: number;
	readonly format: ListFormat;
	/** Colour on a terminal (NO_COLOR in io.env also turns it off). */
	readonly color: boolean;
	/** ASCII glyphs, separators and ellipsis on a terminal (`--ascii`), as in the live view. */
	readonly ascii?: boolean;
}

/** The terminal width when stdout has none (a pseudo-terminal reporting 0). */
const FALLBACK_COLUMNS = 80;

async function printJobs(
	jobs: readonly Job[],
	options: ListOptions,
	io: OutputIo,
	out: SafeWriter,
): Promise<void> {
	const now = (io.clock ?? systemClock).now();
	if (options.format === 'json') {
		await out.write(
			`${safeJsonStringify(
				jobs.map((job) => jobToJson(job, now)),
				2,
			)}\n`,
		);
		return;
	}
	if (options.format === 'ndjson') {
		for (const job of jobs) {
			if (out.closed) return;
			await out.write(`${safeJsonStringify(jobToJson(job, now))}\n`);
		}
		return;
	}
	const tty = options.format === 'table' && io.stdout.isTTY === true;
	if (tty && jobs.length === 0) {
		await out.write('No jobs match.\n');
		return;
	}
	// A pipe gets every value whole and no escape sequences; a terminal gets a fitted table.
	const color = tty && colorAllowed(options.color, io.stdout, io.env);
	const glyphs = glyphsFor(options.ascii === true);
	const textOptions = {
		tty,
		color,
		glyphs,
		now,
		...(io.timeZone ? { timeZone: io.timeZone } : {}),
	};
	const rows = jobs.map((job) => listRow(job, textOptions));
	const lines = renderTable(LIST_COLUMNS, rows, {
		ellipsis: glyphs.ellipsis,
		...(tty ? { maxWidth: io.stdout.columns || FALLBACK_COLUMNS } : {}),
		...(color ? { decorateHeader: (text: string) => `\u001b[1m${text}\u001b[0m` } : {}),
	});
	for (const line of lines) {
		if (out.closed) return;
		await out.write(`${line}\n`);
	}
}

/**
 * `umwatch list`: the jobs once, newest first. A fitted, coloured table on a
 * terminal; aligned plain text with no escape sequences in a pipe; one JSON
 * array, or one JSON object per line. Each page's GET rides out a blip of a
 * busy server (see one-shot.ts). Resolves to the exit code: 0, or the
 * failure's code; a reader that closes the pipe early still gets 0.
 */
export async function runList(
	client: AiqumClient,
	options: ListOptions,
	io: OutputIo,
): Promise<ExitCodeValue> {
	const out = createSafeWriter(io.stdout);
	const err = createSafeWriter(io.stderr);
	try {
		if (options.name !== undefined) checkServerPattern('--name', options.name);
		if (options.type !== undefined) checkServerPattern('--type', options.type);
		const limit = options.limit ?? DEFAULT_LIST_LIMIT;
		if (!(limit >= 1) || (Number.isFinite(limit) && !Number.isInteger(limit))) {
			throw new UsageError(`--limit must be a whole number of at least 1 (got ${String(limit)})`);
		}
		const jobs = await fetchJobsForList(client, {
			limit,
			...(options.name !== undefined ? { name: options.name } : {}),
			...(options.type !== undefined ? { type: options.type } : {}),
			...(options.state !== undefined ? { state: parseStateFilter(options.state) } : {}),
			request: oneShotRequester(io),
		});
		await printJobs(jobs, options, io, out);
		return finishOutput(out, err);
	} catch (error) {
		return reportFailure(error, err, io);
	}
}
