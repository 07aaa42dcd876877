/**
 * Hostile and broken answers on the whole stack (simulator, real client over
 * HTTP, engine, screen): bodies over the size cap, deeply nested JSON, wrong
 * types, duplicated keys, a job twice in a page, `next` links to another host
 * or looping back, and names full of bidi overrides and invisible characters.
 * Each is met without a crash or a hang, the jobs already shown stay, and the
 * header says what went wrong.
 */
import { afterEach, expect, it } from 'vitest';
import { jobIdOf } from '../../source/api/job.js';
import type { Simulator } from '../../source/simulator/index.js';
import { REACTION_MS } from '../../source/ui/screen/cursor.js';
import { type FaultStack, STACK_START, startFaultStack } from '../helpers/fault-stack.js';

/** The first-page request of every list poll (the by-key refresh carries `key=`, not `order_by`). */
const LIST_PAGE = /\/jobs\?order_by=/;
const CAP = 64 * 1024;
const JOBS_PATH = '/management-server/jobs';

let stack: FaultStack | null = null;

afterEach(async () => {
	await stack?.close();
	stack = null;
});

function seed(sim: Simulator): void {
	for (let i = 1; i <= 3; i++) {
		sim.addJob({
			name: `Kept job ${i}`,
			state: 'completed',
			status: 'normal',
			submitTime: STACK_START - (4 - i) * 60_000,
			auto: false,
		});
	}
}

async function live(options: Parameters<typeof startFaultStack>[0] = {}): Promise<FaultStack> {
	const s = await startFaultStack({ seed, columns: 140, rows: 24, ...options });
	stack = s;
	await s.until(() => s.connection() === 'live' && s.frame().includes('Kept job 3'), 'live');
	return s;
}

function expectKept(s: FaultStack): void {
	for (let i = 1; i <= 3; i++) expect(s.frame()).toContain(`Kept job ${i}`);
}

/** A jobs page as raw JSON text: the envelope around records given as raw JSON text. */
function pageText(records: readonly string[], next?: string): string {
	const links = next === undefined ? '' : `, "_links": {"next": {"href": ${JSON.stringify(next)}}}`;
	return `{"records": [${records.join(', ')}], "num_records": ${records.length}${links}}`;
}

/** One record, newer than every seeded job, as JSON text with `extra` fields spliced in. */
function record(key: string, name: string, extra = ''): string {
	const submit = new Date(STACK_START + 3_600_000).toISOString();
	return `{"key": ${JSON.stringify(key)}, "name": ${JSON.stringify(name)}, "state": "completed", "status": "normal", "submit_time": "${submit}"${extra}}`;
}

function jobRequests(s: FaultStack): number {
	return s.sim.stats.byPath.get(JOBS_PATH) ?? 0;
}

it('a body over the size cap: retrying, said in words, data kept, live again', async () => {
	const s = await live({ client: { maxResponseBytes: CAP } });
	s.sim.injectFault(
		{ kind: 'oversized', bytes: 2 * 1024 * 1024 },
		{ count: Number.POSITIVE_INFINITY, path: LIST_PAGE },
	);
	const notice =
		/^ ! attempt 1, next try in \ds: The answer from 127\.0\.0\.1:\d+ is larger than 64 KiB; it was not read\.$/;
	await s.drive(() => notice.test(s.lines()[2] ?? ''), 'the too-large notice');
	expect(s.lines()[0]).toMatch(/○ retrying/);
	expectKept(s);
	s.sim.clearFaults();
	await s.drive(() => s.connection() === 'live' && !notice.test(s.frame()), 'live again');
	expectKept(s);
});

it('a body nested 100,000 deep is refused as not JSON, without a crash', async () => {
	const s = await live();
	s.sim.injectFault(
		{ kind: 'garbage', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
		{ count: Number.POSITIVE_INFINITY, path: LIST_PAGE },
	);
	await s.drive(() => s.connection() === 'retrying', 'retrying');
	expect(s.lines()[2]).toMatch(/^ ! attempt 1, next try in \ds: /);
	expectKept(s);
	s.sim.clearFaults();
	await s.drive(() => s.connection() === 'live', 'live again');
});

it('wrong types, duplicated fields, deep nesting and a key twice: good jobs kept, the rest skipped and counted', async () => {
	const s = await live();
	const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
	const records = [
		// Wrong types everywhere but the key: kept, with neutral values.
		`{"key": "typed", "name": 42, "type": ["x"], "state": {"a": 1}, "status": null, "submit_time": true, "task_reports": "no", "job_results": 7}`,
		// A field given twice: JSON keeps the last; nothing breaks.
		record('twice-field', 'First name', ', "name": "Second name"'),
		// Deeply nested unknown field: kept, bounded.
		record('deep', 'Deep job', `, "extra": ${deep}`),
		// The same key again in the page: the first copy wins, this one is skipped.
		record('deep', 'Deep job again'),
		// Not jobs at all: skipped.
		'7',
		'null',
		'{"name": "no key"}',
	];
	s.sim.injectFault({ kind: 'garbage', body: pageText(records) }, { path: LIST_PAGE });
	const warning = ' ! 4 records skipped as unreadable in the last poll';
	await s.drive(() => s.lines().includes(warning), 'the skipped-records warning');
	const held = s.engine.getSnapshot().byKey;
	expect(held.get(jobIdOf(s.client.server, 'typed'))?.name).toBe('42');
	expect(held.get(jobIdOf(s.client.server, 'twice-field'))?.name).toBe('Second name');
	expect(held.get(jobIdOf(s.client.server, 'deep'))?.name).toBe('Deep job');
	expect(s.connection()).toBe('live');
	expectKept(s);
	// The next poll reads clean pages: the warning goes.
	await s.drive(() => !s.frame().includes('skipped as unreadable'), 'the warning gone');
});

it('a next link to another host is not followed, and the header says so', async () => {
	const s = await live();
	const before = s.sim.stats.requests;
	const evil = 'http://evil.example:8443/api/management-server/jobs?offset=20';
	s.sim.injectFault(
		{ kind: 'garbage', body: pageText([record('offsite', 'Offsite job')], evil) },
		{ path: LIST_PAGE },
	);
	const warning =
		' ! Unified Manager sent a next-page link to another server (http://evil.example:8443); not followed.';
	await s.drive(() => s.lines().includes(warning), 'the refused-link warning');
	expect(s.connection()).toBe('live');
	expect(s.engine.getSnapshot().pollWarning).toBe(warning.slice(3));
	expect(s.frame()).toContain('Offsite job');
	expectKept(s);
	// Only our own server was asked, a few times (polls), never the link.
	expect(s.sim.stats.requests - before).toBeLessThan(10);
	await s.drive(() => !s.frame().includes('next-page link'), 'the warning gone');
});

it('a next link that loops back is followed once, not forever, and the header says so', async () => {
	const s = await live();
	const loop = `${JOBS_PATH}?order_by=submit_time%20desc&max_records=20&offset=0`;
	const body = pageText([record('looping', 'Looping job')], `/api${loop}`);
	s.sim.injectFault(
		{ kind: 'garbage', body },
		{ count: Number.POSITIVE_INFINITY, path: /\/jobs\?order_by=|offset=0/ },
	);
	s.sim.resetStats();
	const warning =
		' ! Unified Manager sent a next-page link back to a page already read; not followed.';
	await s.drive(() => s.lines().includes(warning), 'the loop warning');
	// Page 1, the link once, its repeat refused: two list pages, no more.
	expect(jobRequests(s)).toBe(2);
	expect(s.connection()).toBe('live');
	expectKept(s);
	s.sim.clearFaults();
	await s.drive(() => !s.frame().includes('next-page link'), 'the warning gone');
});

// Each would disguise text on a real terminal: RLO/LRO/PDF, isolates, marks, and
// invisible characters that hide or join letters.
const BIDI_AND_INVISIBLE = [
	'\u202E',
	'\u202D',
	'\u202A',
	'\u202B',
	'\u202C',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u200E',
	'\u200F',
	'\u061C',
	'\u200B',
	'\u200C',
	'\u2060',
	'\uFEFF',
	'\u00AD',
];

it('bidi overrides and zero-width characters in names never reach the terminal', async () => {
	const s = await live();
	const name = `exe.\u202Etxt\u202C ボリ\u200Bューム\u2066x\u2069 ad\u00ADmin\uFEFF\u200E\u200F\u061C\u2060\u200C\u202D\u202A\u202B\u2067\u2068`;
	// Left in, the right-to-left override would draw "txt" reversed (the "exe.txt" file-name trick).
	const CLEAN = 'exe.txt ボリュームx admin';
	const key = s.sim.addJob({ name, state: 'running', auto: false }).key;
	await s.drive(() => s.frame().includes(CLEAN), 'the name, cleaned');
	// On screen long enough to be seen: Enter opens it, not the job highlighted before it came.
	await s.clock.advance(REACTION_MS);
	await s.press('\r');
	await s.until(() => s.lines()[0]?.includes(CLEAN) === true, 'its detail');
	expect(s.lines()).toContain(` Name       ${CLEAN}`);
	expect(s.engine.getSnapshot().byKey.get(jobIdOf(s.client.server, key))?.name).toBe(CLEAN);
	const raw = s.raw();
	for (const char of BIDI_AND_INVISIBLE) {
		expect(raw.includes(char), `U+${char.codePointAt(0)?.toString(16)}`).toBe(false);
	}
});
