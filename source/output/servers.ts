import { ExitCode, type ExitCodeValue } from '../api/exit-codes.js';
import type { AiqumClient } from '../api/types.js';
import type { OutputIo } from './io.js';
import { describeFailure, reportFailure } from './report-failure.js';
import type { SafeWriter } from './writer.js';

/**
 * The servers a script mode asks: one client (today's single server), or
 * several in the order they were named. Each client carries its server's name
 * ({@link AiqumClient.server}), which names it in failures.
 */
export type ScriptServers = AiqumClient | readonly AiqumClient[];

/** The clients of {@link ScriptServers}, as a list. */
export function serverList(servers: ScriptServers): readonly AiqumClient[] {
	return Array.isArray(servers) ? (servers as readonly AiqumClient[]) : [servers as AiqumClient];
}

/** What one server gave: its answer, or why it gave none. */
export type ServerResult<T> =
	| { readonly client: AiqumClient; readonly ok: true; readonly value: T }
	| { readonly client: AiqumClient; readonly ok: false; readonly error: unknown };

/**
 * Asks every server at once. Never rejects: a failure stays with its server,
 * so one server down never hides what the others answered. Results keep the
 * servers' order.
 */
export async function askEveryServer<T>(
	clients: readonly AiqumClient[],
	ask: (client: AiqumClient) => Promise<T>,
): Promise<ServerResult<T>[]> {
	const settled = await Promise.allSettled(clients.map((client) => ask(client)));
	return settled.map((outcome, i) => {
		const client = clients[i] as AiqumClient;
		return outcome.status === 'fulfilled'
			? { client, ok: true, value: outcome.value }
			: { client, ok: false, error: outcome.reason };
	});
}

/** The servers that failed, with their errors. */
export type ServerFailure = { readonly client: AiqumClient; readonly error: unknown };

/**
 * Says on stderr why each failed server failed and resolves to the exit code
 * of the failures: 0 when none failed; the first failure's code otherwise
 * (9, 10, 11…), so a script notices, unless `partialOk` and `answered` (at
 * least one server answered), then 0. An interrupt is 130 and says nothing.
 *
 * With one server the text is today's; with several it names the server:
 * `umwatch: osaka: <message>`, then its hint (see present/failure.ts).
 */
export async function reportServerFailures(
	failures: readonly ServerFailure[],
	options: { readonly several: boolean; readonly partialOk: boolean; readonly answered: boolean },
	err: SafeWriter,
	io: Pick<OutputIo, 'env' | 'signal'>,
): Promise<ExitCodeValue> {
	let code: ExitCodeValue = ExitCode.Normal;
	for (const { client, error } of failures) {
		const report = describeFailure(error, io.signal, options.several ? client.server : undefined);
		if (report.code === ExitCode.Interrupted) return ExitCode.Interrupted;
		if (options.several) {
			await err.write(report.text);
		} else {
			await reportFailure(error, err, io);
		}
		if (code === ExitCode.Normal) code = report.code;
	}
	return options.partialOk && options.answered ? ExitCode.Normal : code;
}
