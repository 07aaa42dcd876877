/**
 * `list`'s fetch lives in api/list-jobs.ts, shared with the live view's first
 * load with `--since` (the engine cannot import from here).
 */
export {
	checkServerPattern,
	DEFAULT_LIST_LIMIT,
	fetchJobsForList,
	type ListQuery,
	sinceFilter,
} from '../api/list-jobs.js';
