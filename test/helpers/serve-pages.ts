import { afterEach, beforeEach } from 'vitest';
import { createClient } from '../../source/api/client.js';
import { DEFAULT_PAGE_RECORDS, MAX_PAGE_RECORDS } from '../../source/api/contract.js';
import type { AiqumClient } from '../../source/api/types.js';
import { type ApiTestServer, sendJson, startApiServer } from './api-server.js';

/**
 * Serves `jobs` in pages with `_links.next`, as AIQUM does (default page and
 * cap from the contract); `nextHref` replaces the link a page names.
 */
export function servePages(
	server: ApiTestServer,
	jobs: readonly object[],
	nextHref?: (offset: number, size: number) => string,
): void {
	server.handle((request, response) => {
		const url = new URL(request.url ?? '', 'http://x');
		const asked = Number(url.searchParams.get('max_records') ?? DEFAULT_PAGE_RECORDS);
		const size = Math.min(MAX_PAGE_RECORDS, asked);
		const offset = Number(url.searchParams.get('offset') ?? 0);
		const records = jobs.slice(offset, offset + size);
		const more = offset + size < jobs.length;
		const next =
			nextHref?.(offset + size, size) ??
			`/api/management-server/jobs?max_records=${size}&offset=${offset + size}`;
		sendJson(response, 200, {
			records,
			num_records: records.length,
			total_records: jobs.length,
			_links: more ? { next: { href: next } } : {},
		});
	});
}

/** A fresh test API server and a real client of it for each test of the file. */
export function apiClientPerTest(): {
	readonly server: ApiTestServer;
	readonly client: AiqumClient;
} {
	const current: { server?: ApiTestServer; client?: AiqumClient } = {};
	beforeEach(async () => {
		current.server = await startApiServer();
		current.client = createClient({ url: current.server.origin, user: 'admin', password: 'pw' });
	});
	afterEach(async () => {
		await current.client?.close();
		await current.server?.close();
	});
	return {
		get server() {
			if (current.server === undefined) throw new Error('apiClientPerTest: outside a test');
			return current.server;
		},
		get client() {
			if (current.client === undefined) throw new Error('apiClientPerTest: outside a test');
			return current.client;
		},
	};
}
