import type { Job } from '../../source/api/job.js';
import { parseJob } from '../../source/api/parse.js';

const NAMES = [
	'Create Volume',
	'ボリュームの作成',
	'Expand LUN',
	'Protect Volume',
	'ファイル共有の作成',
	'Cluster Rediscovery',
	'Modify Performance Service Level',
	'データ保護の設定',
];
const TYPES = ['Provisioning', 'Modify', 'Protection Configuration', 'Cluster Acquisition'];
const OUTCOMES = ['normal', 'normal', 'normal', 'normal', 'warning', 'error', 'partial_failures'];

/** An ISO time with the +09:00 offset AIQUM servers in Japan write. */
function iso(ms: number): string {
	return new Date(ms + 9 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+09:00');
}

/**
 * Job number `index` as the server would send it: newest first by index (job 0
 * is the newest), submitted 30 s apart before `newest`, finished, with one task
 * report and one result, like real history.
 */
export function rawJob(index: number, newest: number): Record<string, unknown> {
	const submit = newest - index * 30_000;
	const key = `06a6148bf9e862df:-2611856e:16e8d47e722:${index.toString(16)}`;
	return {
		key,
		name: `${NAMES[index % NAMES.length]} ${index}`,
		type: TYPES[index % TYPES.length],
		state: 'completed',
		status: OUTCOMES[index % OUTCOMES.length],
		submit_time: iso(submit),
		complete_time: iso(submit + 20_000 + (index % 17) * 1000),
		task_reports: [
			{ key: `${key}:t1`, type: 'monitor_discover', state: 'completed', status: 'normal' },
		],
		job_results: [{ name: 'volumeKey', value: `7d5a59b3-953a-4b1e:type=volume,uuid=${index}` }],
		_links: { self: { href: `/api/management-server/jobs/${encodeURIComponent(key)}` } },
	};
}

/** Parses a raw record with the real parser (a failure here is a bench bug); `server` names its server. */
export function parse(raw: unknown, server = ''): Job {
	const job = parseJob(raw, server);
	if (job === null) throw new Error(`bench: unparseable job ${JSON.stringify(raw)}`);
	return job;
}

/** `count` parsed jobs, newest first, of `server` ('' for a single server). */
export function makeJobs(count: number, newest: number, server = ''): Job[] {
	return Array.from({ length: count }, (_, i) => parse(rawJob(i, newest), server));
}

/** Job `index` with its state changed (running ↔ one of the outcomes), parsed again. */
export function changedJob(index: number, newest: number, flip: boolean, server = ''): Job {
	const raw = rawJob(index, newest);
	return parse({ ...raw, status: flip ? 'error' : 'normal' }, server);
}
