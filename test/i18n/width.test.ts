// Japanese takes two columns a character: a translation must still fit where
// the English message fits. Two checks on every message with the same values
// filled in: its display width is at most 1.3× the English one (a header line
// is cut at the terminal's width), and wrapped as the error view wraps it at
// 80 and 60 columns (the screens umwatch must fit), it takes at most one line
// more than the English one.
import { describe, expect, it } from 'vitest';
import { fill } from '../../source/i18n/catalogue.js';
import { en } from '../../source/i18n/en.js';
import { ja } from '../../source/i18n/ja.js';
import { displayWidth, wrap } from '../../source/present/text-width.js';

/** A typical value for each placeholder (the same in both languages). */
const SAMPLE: Readonly<Record<string, string | number>> = {
	host: 'um01.example.com',
	said: '',
	text: 'Invalid filter',
	path: '/api/management-server/jobs',
	status: '503 Service Unavailable',
	seconds: 30,
	location: 'https://um01.example.com/login',
	actual: 'AB:CD:EF:01',
	expected: '12:34:56:78',
	time: '10 s',
	value: 10,
	detail: 'EINVAL',
	caFile: '/etc/um-ca.pem',
	names: 'DNS:um02.example.com',
	code: 'ERR_SSL_WRONG_VERSION_NUMBER',
	size: '8 MiB',
	bytes: 1234,
	origin: 'https://evil.example.com',
	root: '/api',
	url: '"https://um01 example"',
	scheme: 'ftp',
	name: '--lang',
	orders: 'submitted, state, duration, name',
	example: '    {"profiles": {}}',
	// the script modes and shared presentation (output, present)
	error: 'Connection refused by um01:443.',
	after: '30s',
	limit: '10m00s',
	minutes: 5,
	hours: 2,
	days: 3,
	span: '5 min',
	running: 3,
	counts: '1 running, 1 queued, 1 done',
	seen: ' (last seen RUNNING)',
	open: 2,
	each: 'K1 (last seen RUNNING), K2',
	last: 'osaka',
	which: ' ("eror")',
	words: 'active, failed, finished, error, running',
	source: 'KEY',
	length: 600,
	job: '{"job":{"key":"…"}}',
	operation: '{"operationId":"…"}',
	more: ' (code 1, target name)',
	title: 'Login',
	// the live view (ui)
	ellipsis: '…',
	count: 12,
	state: 'RUNNING',
	attempt: 3,
	message: 'Connection refused by um01:443.',
	waiting: 'waiting for an answer for 45s',
	shown: 12,
	total: 340,
	label: 'admin@um01',
	arrows: '↓',
	arrow: '↓',
	duration: '12m',
	separator: '·',
	columns: 50,
	rows: 10,
	live: 3,
	summary: 'umwatch: watched um01 for 12m; 143 jobs, 4 failed',
	signal: 'SIGTERM',
	jobs: 143,
	failed: 4,
	parts: 'tokyo 12 jobs (1 failed), osaka 3 jobs',
	// commands and config
	min: 1,
	max: 1000000,
	key: 'interval',
	flag: '--interval',
	first: 'tokyo',
	second: 'osaka',
	given: '--profile tokyo',
	where: '/home/ops/.config/umwatch/config.json',
	known: 'known profiles: tokyo, osaka',
	word: 'lsit',
	other: '--fingerprint',
	command: 'simulate',
	values: 'lowercase, uppercase, single',
	target: '/etc/umwatch.json',
	line: 3,
	column: 5,
	keys: '"profile"',
	kind: 'number',
	json: '"5"',
	mode: '644',
	reason: 'standard input is not a terminal',
	now: 'ops at https://um02.example.com',
	before: 'ops at https://um01.example.com',
	user: 'ops',
	lines: 'umwatch [PROFILE...] show KEY [--json] [--all] [--partial-ok]',
	address: '127.0.0.1:8443',
	password: 'Xq3-9fJk2LmN',
	fingerprint: 'AB:CD:EF:01:23:45',
	from: '2026-01-01 00:00 UTC',
	to: '2027-01-01 00:00 UTC',
	stored: 'https://um02.example.com',
	profile: 'tokyo',
};

/** Ratio allowed; very short messages (a unit, a quote) get two columns more. */
const RATIO = 1.3;
const SLACK = 2;

const keys = Object.keys(en) as Array<keyof typeof en>;
const filled = (template: string) => fill(template, SAMPLE);

describe('Japanese messages fit where the English ones do', () => {
	it('every placeholder has a sample value', () => {
		for (const key of keys) {
			expect(filled(en[key]), key).not.toMatch(/\{\w+\}/);
		}
	});

	it.each(keys)('%s: display width at most 1.3× the English', (key) => {
		const english = displayWidth(filled(en[key]));
		const japanese = displayWidth(filled(ja[key]));
		expect(japanese, `${japanese} columns: ${filled(ja[key])}`).toBeLessThanOrEqual(
			Math.max(english * RATIO, english + SLACK),
		);
	});

	// A block laid out by hand in lines (the --help sections) is printed as it is, not
	// wrapped: test/cli/help-ja.test.ts checks that each of its lines fits 80 columns.
	const wrapped = keys.filter((key) => !en[key].includes('\n'));

	it.each(wrapped)('%s: at most one line more than the English at 80 and 60 columns', (key) => {
		for (const width of [80, 60]) {
			const english = wrap(filled(en[key]), width).length;
			const japanese = wrap(filled(ja[key]), width).length;
			expect(japanese, `${width} columns`).toBeLessThanOrEqual(english + 1);
		}
	});
});
