import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import type { Job } from '../api/job.js';
import type { SortOrder } from '../api/sort-order.js';
import { UsageError } from '../api/usage-error.js';
import { t } from '../i18n/t.js';
import { sortJobs } from '../present/sort.js';
import { glyphsFor } from '../present/theme.js';
import { systemClock } from '../time/clock.js';
import { colorAllowed, type OutputIo } from './io.js';
import { jobToJson } from './job-json.js';
import { listColumns, listRow, serverCell } from './job-text.js';
import {
	checkServerPattern,
	DEFAULT_LIST_LIMIT,
	fetchJobsForList,
	type ListQuery,
} from './list-fetch.js';
import { oneShotRequester } from './one-shot.js';
import { finishOutput, reportFailure } from './report-failure.js';
import { safeJsonStringify } from './safe-text.js';
import {
	askEveryServer,
	reportServerFailures,
	type ScriptServers,
	type ServerFailure,
	serverList,
} from './servers.js';
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
	/**
	 * How many jobs at most, the newest (default 100, or every one with `since`);
	 * Infinity for the whole history.
	 */
	readonly limit?: number;
	/** The order printed (default `submitted`, newest first); applied after `limit`. */
	readonly sort?: SortOrder;
	/** Only jobs submitted at or after this (epoch ms), following pages as far as needed. */
	readonly since?: number;
	readonly format: ListFormat;
	/** Colour on a terminal (NO_COLOR in io.env also turns it off). */
	readonly color: boolean;
	/** ASCII glyphs, separators and ellipsis on a terminal (`--ascii`), as in the live view. */
	readonly ascii?: boolean;
	/** `--partial-ok`: exit 0 when at least one of several servers answered. */
	readonly partialOk?: boolean;
}

/** The terminal width when stdout has none (a pseudo-terminal reporting 0). */
const FALLBACK_COLUMNS = 80;

async function printJobs(
	jobs: readonly Job[],
	options: ListOptions,
	io: OutputIo,
	out: SafeWriter,
	several: boolean,
	now: number,
): Promise<void> {
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
		await out.write(`${t('output.list.noJobs')}\n`);
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
	// Several servers: which one a job is on comes first; one server's table is today's.
	const columns = listColumns(several, tty);
	const rows = jobs.map((job) =>
		several ? [serverCell(job), ...listRow(job, textOptions)] : listRow(job, textOptions),
	);
	const lines = renderTable(columns, rows, {
		ellipsis: glyphs.ellipsis,
		...(tty ? { maxWidth: io.stdout.columns || FALLBACK_COLUMNS } : {}),
		...(color ? { decorateHeader: (text: string) => `\u001b[1m${text}\u001b[0m` } : {}),
	});
	for (const line of lines) {
		if (out.closed) return;
		await out.write(`${line}\n`);
	}
}

/** Checks the options before anything is asked; throws UsageError. */
function checkListOptions(options: ListOptions): number {
	if (options.name !== undefined) checkServerPattern('--name', options.name);
	if (options.type !== undefined) checkServerPattern('--type', options.type);
	// --since asks for every job since then; --limit still caps it when given.
	const limit = options.limit ?? (options.since === undefined ? DEFAULT_LIST_LIMIT : Infinity);
	if (!(limit >= 1) || (Number.isFinite(limit) && !Number.isInteger(limit))) {
		throw new UsageError(t('output.list.badLimit', { value: String(limit) }));
	}
	return limit;
}

/**
 * `umwatch list`: the jobs once, newest first. A fitted, coloured table on a
 * terminal; aligned plain text with no escape sequences in a pipe; one JSON
 * array, or one JSON object per line. Each page's GET rides out a blip of a
 * busy server (see one-shot.ts). Resolves to the exit code: 0, or the
 * failure's code; a reader that closes the pipe early still gets 0.
 *
 * Several servers are asked at once, each filtered on its own; their jobs are
 * merged newest first (a tie goes to the server named first) and `--limit`
 * applies to the merge, keeping the newest; `--sort` then orders what is
 * kept, by the one definition of the orders (present/sort.ts). `--since`
 * lists every job since then (see list-fetch.ts). What the answering servers gave is printed; each
 * failed server is named on stderr, and its failure sets the exit code unless
 * `partialOk` (see servers.ts).
 */
export async function runList(
	servers: ScriptServers,
	options: ListOptions,
	io: OutputIo,
): Promise<ExitCodeValue> {
	const out = createSafeWriter(io.stdout);
	const err = createSafeWriter(io.stderr);
	const clients = serverList(servers);
	try {
		const limit = checkListOptions(options);
		const query: ListQuery = {
			limit,
			...(options.name !== undefined ? { name: options.name } : {}),
			...(options.type !== undefined ? { type: options.type } : {}),
			...(options.state !== undefined ? { state: parseStateFilter(options.state) } : {}),
			...(options.since !== undefined ? { since: options.since } : {}),
			request: oneShotRequester(io),
		};
		const results = await askEveryServer(clients, (client) => fetchJobsForList(client, query));
		const failures: ServerFailure[] = results.flatMap((r) => (r.ok ? [] : [r]));
		const answered = results.flatMap((r) => (r.ok ? [r.value] : []));
		// No server answered: nothing to print (not even an empty JSON array).
		if (answered.length > 0) {
			// --limit keeps the newest N of the merge; --sort then orders those N.
			const order = clients.map((client) => client.server);
			const now = (io.clock ?? systemClock).now();
			const newest = sortJobs(answered.flat(), 'submitted', now, order).slice(0, limit);
			const sort = options.sort ?? 'submitted';
			const jobs = sort === 'submitted' ? newest : sortJobs(newest, sort, now, order);
			await printJobs(jobs, options, io, out, clients.length > 1, now);
		}
		const several = { several: clients.length > 1, answered: answered.length > 0 };
		const failed = await reportServerFailures(
			failures,
			{ ...several, partialOk: options.partialOk === true },
			err,
			io,
		);
		const written = await finishOutput(out, err);
		return written === ExitCode.Normal ? failed : written;
	} catch (error) {
		return reportFailure(error, err, io);
	}
}
