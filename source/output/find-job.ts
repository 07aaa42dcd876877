import { ApiError } from '../api/errors.js';
import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import type { Job } from '../api/job.js';
import type { AiqumClient } from '../api/types.js';
import { UsageError } from '../api/usage-error.js';
import { retryDelay } from '../engine/backoff.js';
import { sleep } from '../engine/sleep.js';
import { NOT_FOUND_GRACE } from '../engine/wait-for-job.js';
import { t } from '../i18n/t.js';
import { systemClock } from '../time/clock.js';
import type { OutputIo } from './io.js';
import { oneShotRequester } from './one-shot.js';
import { inertText } from './safe-text.js';
import { askEveryServer, reportServerFailures, type ServerFailure } from './servers.js';
import type { SafeWriter } from './writer.js';

/** How {@link findJob} looks. */
export interface FindOptions {
	/** Exit 0 when one of several servers answered though another failed. */
	readonly partialOk: boolean;
	/**
	 * `wait`: when every server answers 404, ask again with the waiter's grace
	 * (engine NOT_FOUND_GRACE): a job submitted a moment ago may not be in
	 * AIQUM's cache yet. `show` answers at once.
	 */
	readonly notFoundGrace?: boolean;
}

/** What looking for a key on every server came to. */
export interface FindResult {
	/** The job and the server that has it, or null when none has it (or none could say). */
	readonly found: { readonly client: AiqumClient; readonly job: Job } | null;
	/**
	 * The exit code so far: 0, or the code of a failed server (already named on
	 * stderr). When `found` is null it is the final code.
	 */
	readonly code: ExitCodeValue;
}

function isNotFound(error: unknown): error is ApiError {
	return error instanceof ApiError && error.kind === 'not-found';
}

/** `a`, `a and b`, `a, b and c` (or `or`), as the language joins them. */
function joinNames(names: readonly string[], word: 'and' | 'or' = 'and'): string {
	if (names.length <= 1) return names.join('');
	const rest = names.slice(0, -1).join(t('output.listSeparator'));
	const last = names.at(-1) ?? '';
	return word === 'and'
		? t('output.namesAnd', { names: rest, last })
		: t('output.namesOr', { names: rest, last });
}

/**
 * Looks for job `key` on every server at once (`show`, and `wait` before it
 * waits on one). Each GET rides out a blip (one-shot.ts); a 404 is an answer.
 * The key on two servers is a usage error naming both (exit 2): a key says
 * nowhere which server it is from, so umwatch will not guess. None has it →
 * the not-found error (exit 8) (with `notFoundGrace`, after asking again as
 * the waiter does), unless a server failed: it might have had
 * the job, so its failure's code stands (it is named on stderr), except with
 * `partialOk`. With one server this is today's `show`: its 404 or failure as it was.
 */
export async function findJob(
	clients: readonly AiqumClient[],
	key: string,
	options: FindOptions,
	err: SafeWriter,
	io: OutputIo,
): Promise<FindResult> {
	const request = oneShotRequester(io);
	const ask = () =>
		askEveryServer(clients, (client) => request((signal) => client.getJob(key, signal)));
	let results = await ask();
	const grace = options.notFoundGrace === true ? NOT_FOUND_GRACE : null;
	for (let attempt = 1; grace !== null && attempt <= grace.retries; attempt++) {
		const [missing] = results.flatMap((r) => (!r.ok && isNotFound(r.error) ? [r.error] : []));
		// Only "every server answered 404" is worth asking again: a found job or a failed server is an answer.
		if (missing === undefined || !results.every((r) => !r.ok && isNotFound(r.error))) break;
		const delay = retryDelay(missing, attempt, grace.backoff, Math.random);
		await sleep(io.clock ?? systemClock, delay, io.signal);
		results = await ask();
	}
	const found = results.flatMap((r) => (r.ok ? [{ client: r.client, job: r.value }] : []));
	const missing = results.flatMap((r) =>
		!r.ok && isNotFound(r.error) ? [{ client: r.client, error: r.error }] : [],
	);
	const failures: ServerFailure[] = results.flatMap((r) =>
		!r.ok && !isNotFound(r.error) ? [r] : [],
	);
	if (found.length > 1) {
		const names = found.map(({ client }) => inertText(client.server));
		throw new UsageError(
			t('output.find.onSeveral', {
				key: inertText(key),
				names: joinNames(names),
				first: names[0] ?? '',
			}),
		);
	}
	const code = await reportServerFailures(
		failures,
		{
			several: clients.length > 1,
			partialOk: options.partialOk,
			answered: found.length + missing.length > 0,
		},
		err,
		io,
	);
	const [one] = found;
	if (one !== undefined) return { found: one, code };
	if (code !== ExitCode.Normal) return { found: null, code };
	const [first] = missing;
	if (first === undefined) throw new Error('no server answered and none failed');
	if (clients.length === 1) throw first.error;
	// Only the servers that answered are named (with --partial-ok a failed one was not asked to the end).
	const names = missing.map(({ client }) => inertText(client.server));
	const where = { key: inertText(key), names: joinNames(names, 'or') };
	const message =
		names.length > 1 ? t('output.find.notOnSeveral', where) : t('output.find.notOnOne', where);
	throw new ApiError('not-found', message, { hint: first.error.hint });
}
