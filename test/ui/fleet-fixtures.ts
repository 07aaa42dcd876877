// Hand-made snapshots of several servers for the live view's tests (issue 10).

import { expect } from 'vitest';
import { type Job, jobId } from '../../source/api/job.js';
import type { ConnectionState, ErrorSummary, ServerHealth } from '../../source/engine/types.js';
import { displayWidth } from '../../source/present/text-width.js';
import { makeJob, makeSnapshot } from '../helpers/ui-fixtures.js';
import { TEST_NOW } from '../helpers/ui-harness.js';

export const rejected: ErrorSummary = {
	kind: 'auth',
	message: 'Unified Manager rejected the user name or password (401).',
	hint: 'Check --user and the password source.',
};
export const refused: ErrorSummary = {
	kind: 'network',
	message: 'Connection refused by nagoya.example.com.',
	hint: 'Is the URL right and the server up?',
};

export function server(name: string, connection: ConnectionState, jobCount = 0): ServerHealth {
	return {
		name,
		url: `https://${name}.example.com`,
		connection,
		lastSuccessAt: connection.kind === 'live' ? TEST_NOW - 1000 : null,
		intervalMs: 2000,
		jobCount,
	};
}

export const LIVE: ConnectionState = { kind: 'live' };

/** A fleet's snapshot: `jobs` newest first, keyed by id, with `servers`. */
export function fleet(jobs: readonly Job[], servers: readonly ServerHealth[]) {
	return makeSnapshot(jobs, {
		byKey: new Map(jobs.map((job) => [jobId(job), job])),
		servers,
		lastSuccessAt: TEST_NOW - 1000,
	});
}

export const tokyoJob = makeJob({
	server: 'tokyo',
	key: 'SAME-KEY',
	name: 'Create File Share',
	submitTime: TEST_NOW - 10_000,
});
export const osakaJob = makeJob({
	server: 'osaka',
	key: 'SAME-KEY',
	name: 'Expand LUN',
	submitTime: TEST_NOW - 20_000,
});
export const nagoyaJob = makeJob({
	server: 'nagoya',
	key: 'N-1',
	name: 'Add Cluster',
	displayState: 'ERROR',
	submitTime: TEST_NOW - 30_000,
});
export const JOBS = [tokyoJob, osakaJob, nagoyaJob];

export function fourServers(): ServerHealth[] {
	return [
		server('tokyo', LIVE, 1),
		server('osaka', { kind: 'failed', error: rejected }, 1),
		server(
			'nagoya',
			{ kind: 'retrying', attempt: 3, nextTryAt: TEST_NOW + 5000, lastError: refused },
			1,
		),
		server('sapporo', { kind: 'connecting' }),
	];
}

/** Every line of the frame fits in the terminal, and the frame in its rows. */
export function expectFits(lines: readonly string[], columns: number, rows: number): void {
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
	for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns - 1);
}
