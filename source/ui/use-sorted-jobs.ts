import { useEffect, useMemo, useRef } from 'react';
import { type Job, type JobId, jobId } from '../api/job.js';
import type { Engine } from '../engine/types.js';
import { DEFAULT_SORT_ORDER, type SortOrder } from '../present/sort.js';
import { type SortMemo, sortReusing } from './screen/resort.js';

/**
 * The jobs in the chosen order. Sorted again only when the jobs or the order
 * change, never on a tick (a running job's duration sorts by its length at
 * the last change, which a poll renews): 10,000 jobs by state take ~0.35 ms,
 * and a poll that changed a few jobs in place costs a patch of the last sort
 * (screen/resort.ts). The default order is the engine's own (newest first):
 * no copy at all.
 */
export function useSortedJobs(
	jobs: readonly Job[],
	sort: SortOrder,
	now: () => number,
	servers: readonly string[],
): readonly Job[] {
	const memo = useRef<SortMemo | null>(null);
	return useMemo(() => {
		if (sort === DEFAULT_SORT_ORDER) return jobs;
		const output = sortReusing(memo.current, jobs, sort, now(), servers);
		memo.current = { input: jobs, order: sort, servers, output };
		return output;
	}, [jobs, sort, now, servers]);
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
