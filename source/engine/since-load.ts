import { fetchJobsForList } from '../api/list-jobs.js';
import type { Requester } from '../api/pages.js';
import type { AiqumClient } from '../api/types.js';
import { loadHistory, type PollOutput } from './poll-cycle.js';

/**
 * The live view's first load with `--since`: every job submitted since then,
 * following pages, cut on the server (`submit_time>=`) when it honours the
 * filter and here otherwise: exactly `list --since`'s fetch (api/list-jobs.ts),
 * so the cut and its fallbacks are written once. Jobs still in progress from
 * before the cut are not added: the view holds exactly the jobs since then
 * (older ones come on demand, moving past the last row).
 */
export async function loadSince(input: {
	readonly client: AiqumClient;
	readonly request: Requester;
	/** Epoch ms: jobs submitted at or after it. */
	readonly since: number;
}): Promise<PollOutput> {
	const { client, request, since } = input;
	const jobs = await fetchJobsForList(client, { limit: Number.POSITIVE_INFINITY, since, request });
	const newest = jobs[0] ?? null;
	if (newest !== null) {
		return {
			jobs,
			highWater: newest,
			requests: 0,
			skipped: 0,
			warning: null,
			asked: [],
			missing: [],
		};
	}
	// Nothing since the cut: the newest job there is tells the next poll where to stop.
	const marker = await loadHistory({ client, request, count: 0 });
	return { ...marker, jobs: [] };
}
