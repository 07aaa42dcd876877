import { useEffect, useMemo, useRef } from 'react';
import { type Job, type JobId, jobId } from '../api/job.js';
import type { Engine } from '../engine/types.js';
import { DEFAULT_SORT_ORDER, type SortOrder, sortJobs } from '../present/sort.js';

/**
 * The jobs in the chosen order. Sorted again only when the jobs or the order
 * change, never on a tick (a running job's duration sorts by its length at
 * the last change, which a poll renews): 10,000 jobs by state take ~0.35 ms.
 * The default order is the engine's own (newest first): no copy at all.
 */
export function useSortedJobs(
	jobs: readonly Job[],
	sort: SortOrder,
	now: () => number,
	servers: readonly string[],
): readonly Job[] {
	const serverKey = servers.join('\n');
	// biome-ignore lint/correctness/useExhaustiveDependencies: the server order is read through its joined key
	return useMemo(
		() => (sort === DEFAULT_SORT_ORDER ? jobs : sortJobs(jobs, sort, now(), servers)),
		[jobs, sort, now, serverKey],
	);
}

/**
 * Tells the engine which jobs retention must keep: the rows on screen, the
 * selected one and the one whose detail is open. Only when that set changes.
 */
export function useProtectedJobs(
	engine: Engine,
	visible: readonly Job[],
	extra: readonly (JobId | null)[],
): void {
	const told = useRef<readonly JobId[] | null>(null);
	const ids = [
		...new Set([...visible.map(jobId), ...extra.filter((id): id is JobId => id !== null)]),
	];
	useEffect(() => {
		const before = told.current;
		if (before !== null && before.length === ids.length && before.every((id, i) => id === ids[i])) {
			return;
		}
		told.current = ids;
		engine.protect?.(ids);
	});
}
