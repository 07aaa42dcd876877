import type { Job } from '../../api/job.js';
import { type MessageKey, t } from '../../i18n/t.js';

/** The state filter `f` cycles through. */
export type StateFilter = 'all' | 'in-progress' | 'failed' | 'finished';

/** The cycle order of {@link StateFilter}. */
export const STATE_FILTERS: readonly StateFilter[] = ['all', 'in-progress', 'failed', 'finished'];

const STATE_FILTER_KEYS = {
	all: 'ui.filter.all',
	'in-progress': 'ui.filter.inProgress',
	failed: 'ui.filter.failed',
	finished: 'ui.filter.finished',
} as const satisfies Record<StateFilter, MessageKey>;

/** How the footer names a state filter, in the current language. */
export function stateFilterLabel(filter: StateFilter): string {
	return t(STATE_FILTER_KEYS[filter]);
}

/** The filter after `current` in the cycle. */
export function nextStateFilter(current: StateFilter): StateFilter {
	const index = STATE_FILTERS.indexOf(current);
	return STATE_FILTERS[(index + 1) % STATE_FILTERS.length] ?? 'all';
}

function matchesState(job: Job, filter: StateFilter): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'in-progress':
			return !job.over;
		case 'failed':
			return (
				job.displayState === 'ERROR' ||
				job.displayState === 'PARTIAL_FAILURES' ||
				job.displayState === 'ABORTED'
			);
		case 'finished':
			return job.over;
	}
}

/** Folds case and full-width forms so "ＶＯＬ" finds "vol". */
export function normalizeForSearch(text: string): string {
	return text.normalize('NFKC').toLowerCase();
}

/**
 * The server filter `v` cycles through with several servers: all (null),
 * then each server in the order named, then all again.
 */
export function nextServerFilter(
	current: string | null,
	servers: readonly string[],
): string | null {
	if (servers.length < 2) return null;
	if (current === null) return servers[0] ?? null;
	const index = servers.indexOf(current);
	return index < 0 ? null : (servers[index + 1] ?? null);
}

/** Whether these filters hide anything (text that is only spaces filters nothing). */
export function isFiltered(
	text: string,
	state: StateFilter,
	server: string | null = null,
): boolean {
	return text.trim() !== '' || state !== 'all' || server !== null;
}

/**
 * The jobs that pass every filter, in the order given: the text (in the
 * name, type or key; with `searchServers`, several servers, also in the
 * server's name), the state, and the server (null: all). Returns `jobs`
 * itself when nothing is filtered, so an unfiltered list keeps its identity.
 */
export function filterJobs(
	jobs: readonly Job[],
	text: string,
	state: StateFilter,
	server: string | null = null,
	searchServers = false,
): readonly Job[] {
	const needle = normalizeForSearch(text.trim());
	if (needle === '' && state === 'all' && server === null) return jobs;
	return jobs.filter(
		(job) =>
			(server === null || job.server === server) &&
			matchesState(job, state) &&
			(needle === '' ||
				normalizeForSearch(job.name).includes(needle) ||
				normalizeForSearch(job.type).includes(needle) ||
				normalizeForSearch(job.key).includes(needle) ||
				(searchServers && normalizeForSearch(job.server).includes(needle))),
	);
}
