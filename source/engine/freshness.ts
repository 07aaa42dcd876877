import type { Snapshot } from './types.js';

/** What freshness is judged from: the last successful poll and the poll interval. */
export type Freshness = Pick<Snapshot, 'lastSuccessAt' | 'intervalMs'>;

/**
 * The one freshness rule: the data is stale when the last success is older
 * than two poll intervals at `now`. Never stale before the first success.
 */
export function isStale(freshness: Freshness, now: number): boolean {
	const { lastSuccessAt, intervalMs } = freshness;
	return lastSuccessAt !== null && now - lastSuccessAt > 2 * intervalMs;
}

/** The first instant at which {@link isStale} turns true, or null before the first success. */
export function staleFrom(freshness: Freshness): number | null {
	const { lastSuccessAt, intervalMs } = freshness;
	return lastSuccessAt === null ? null : lastSuccessAt + 2 * intervalMs + 1;
}
