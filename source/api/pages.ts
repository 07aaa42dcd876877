/**
 * The one walk over the jobs collection's pages: the first page, then each
 * `_links.next` until the caller's stop rule says enough or the chain ends.
 * The engine's poll, its history load and `list` differ only in their stop
 * rule and in how each request is run (retries), both given here.
 */
import { t } from '../i18n/t.js';
import type { AiqumClient, JobsPage, ListJobsOptions } from './types.js';

/** Runs one GET (with whatever retrying the caller wants); the signal cancels it. */
export type Requester = <T>(request: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** One walk over the pages. */
export interface PageWalk {
	readonly client: Pick<AiqumClient, 'listJobsPage' | 'listJobsPageAt'>;
	/** Runs each page's request; the signal it passes cancels that request. */
	readonly request: Requester;
	/** The first page's query (filters, order, size). */
	readonly query: Omit<ListJobsOptions, 'signal'>;
	/**
	 * Takes one page (`index` counts from 1) and says whether to stop before
	 * following its `next` link: the caller's stop rule.
	 */
	readonly onPage: (page: JobsPage, index: number) => boolean;
	/**
	 * A `next` link not followed: one the client refused (another host or
	 * scheme, or outside `/api`) or one back to a page already read (a loop).
	 */
	readonly onNotFollowed?: (warning: string) => void;
}

/** Walks the pages; resolves to the number of requests made. */
export async function walkJobPages(walk: PageWalk): Promise<number> {
	const { client, request } = walk;
	const visited = new Set<string>();
	let page = await request((signal) => client.listJobsPage({ ...walk.query, signal }));
	for (let index = 1; ; index += 1) {
		if (walk.onPage(page, index)) return index;
		if (page.nextRefused !== undefined) walk.onNotFollowed?.(page.nextRefused);
		const href = page.nextHref;
		if (href === null) return index;
		if (visited.has(href)) {
			// A link back to a page this walk already read.
			walk.onNotFollowed?.(t('api.nextLoop'));
			return index;
		}
		visited.add(href);
		page = await request((signal) => client.listJobsPageAt(href, signal));
	}
}
