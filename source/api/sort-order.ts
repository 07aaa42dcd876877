import { t } from '../i18n/t.js';
import { UsageError } from './usage-error.js';

/**
 * The orders jobs can be listed in (`list --sort`, the live view's `s`), in
 * the order `s` cycles through them; `submitted` (newest first) is the
 * default. The names live here, below config/ and present/, so the flag is
 * checked where flags are read and the comparators (present/sort.ts) share
 * the same list.
 */
export const SORT_ORDERS = ['submitted', 'state', 'duration', 'name'] as const;

/** One of {@link SORT_ORDERS}. */
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The default order: newest submitted first. */
export const DEFAULT_SORT_ORDER: SortOrder = 'submitted';

/** Reads a `--sort` value (case-insensitive); a usage error names the allowed values. */
export function parseSortOrder(text: string, origin = '--sort'): SortOrder {
	const word = text.trim().toLowerCase();
	const found = SORT_ORDERS.find((order) => order === word);
	if (found === undefined) {
		const value = JSON.stringify(text.slice(0, 40));
		throw new UsageError(t('api.badSort', { origin, orders: SORT_ORDERS.join(', '), value }));
	}
	return found;
}
