import type { ServerHealth, Snapshot } from '../../engine/types.js';
import { t } from '../../i18n/t.js';
import type { Glyphs } from '../../present/theme.js';
import { formatLiveDuration } from '../../present/time-format.js';
import { failureWords } from './server-health.js';
import { type UiExitReason, withEnding } from './summary.js';

/** `12 jobs`, `12 jobs (1 failed)`. */
function jobsText(count: number, failed: number): string {
	if (failed > 0) {
		return count === 1
			? t('ui.summary.jobsOneFailed', { failed })
			: t('ui.summary.jobsFailed', { count, failed });
	}
	return count === 1 ? t('ui.summary.jobsOne') : t('ui.summary.jobs', { count });
}

/** One server's part of the summary: its jobs (and failed ones), and how it stood at the end. */
function serverPart(server: ServerHealth, failedJobs: number, glyphs: Glyphs): string {
	const jobs = jobsText(server.jobCount, failedJobs);
	const { connection } = server;
	if (connection.kind === 'failed') {
		const trouble = `${glyphs.states.ERROR} ${failureWords(connection.error)}`;
		return server.jobCount === 0
			? `${server.name} ${trouble}`
			: `${server.name} ${jobs} ${trouble}`;
	}
	if (connection.kind === 'retrying') {
		const trouble = `${glyphs.down} ${failureWords(connection.lastError)}`;
		return server.jobCount === 0
			? `${server.name} ${trouble}`
			: `${server.name} ${jobs} ${trouble}`;
	}
	return `${server.name} ${jobs}`;
}

/**
 * The one line printed after the screen of several servers is gone, counted
 * per server, e.g. `umwatch: watched tokyo, osaka for 5m: tokyo 12 jobs (1
 * failed), osaka ✗ 401`. One server keeps `exitSummary`'s line.
 */
export function serversExitSummary(
	snapshot: Pick<Snapshot, 'jobs'> & { readonly servers: readonly ServerHealth[] },
	elapsedMs: number,
	reason: UiExitReason,
	glyphs: Glyphs,
	detail?: string,
): string {
	const failed = new Map<string, number>();
	for (const job of snapshot.jobs) {
		const state = job.displayState;
		if (state === 'ERROR' || state === 'PARTIAL_FAILURES' || state === 'ABORTED') {
			failed.set(job.server, (failed.get(job.server) ?? 0) + 1);
		}
	}
	const names = snapshot.servers.map((server) => server.name).join(', ');
	const parts = snapshot.servers.map((server) =>
		serverPart(server, failed.get(server.name) ?? 0, glyphs),
	);
	const duration = formatLiveDuration(elapsedMs);
	const base = t('ui.summary.watchedServers', { names, duration, parts: parts.join(', ') });
	return withEnding(base, reason, detail);
}
