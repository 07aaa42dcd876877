/**
 * What the AIQUM jobs API promises (see /work/shared/aiqum-api.md), stated
 * once: the client, the engine, the script modes, the config and the
 * simulator all read these rather than repeating them.
 */
import type { Job } from './job.js';

/** The server's own cap on `max_records`: no page holds more. */
export const MAX_PAGE_RECORDS = 1000;

/** The page size the server uses when `max_records` is not sent. */
export const DEFAULT_PAGE_RECORDS = 20;

/** Newest submitted first: the `order_by` every list request sends. */
export const ORDER_NEWEST_FIRST = 'submit_time desc';

/** The shortest poll interval allowed: polling faster only loads the server. */
export const MIN_INTERVAL_MS = 1000;

/** The poll interval when nothing says otherwise. */
export const DEFAULT_INTERVAL_MS = 2000;

/**
 * The order jobs are shown in, matching {@link ORDER_NEWEST_FIRST}: newest
 * submitted first, jobs without a submit time last, ties broken by key so two
 * rows never swap between polls.
 */
export function compareNewestFirst(a: Job, b: Job): number {
	return compareNewestAcross(a, 0, b, 0);
}

/**
 * The same order across several servers, stated once for the fleet's merge,
 * `list` and the live view's sort: newest submitted first, jobs without a
 * submit time last, a tie to the server named first (the lower rank: its place
 * in the order the servers were named), then to the key.
 */
export function compareNewestAcross(a: Job, aRank: number, b: Job, bRank: number): number {
	if (a.submitTime !== b.submitTime) {
		if (a.submitTime === null) return 1;
		if (b.submitTime === null) return -1;
		return b.submitTime - a.submitTime;
	}
	if (aRank !== bRank) return aRank - bRank;
	return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
