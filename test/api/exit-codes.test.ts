import { describe, expect, it } from 'vitest';
import type { ApiErrorKind } from '../../source/api/errors.js';
import {
	EXIT_CODE_ROWS,
	ExitCode,
	exitCodeForError,
	exitCodeForJob,
	exitCodeHelpText,
	exitCodeMarkdown,
} from '../../source/api/exit-codes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

describe('exit codes', () => {
	it('are the agreed numbers, each documented once', () => {
		expect(ExitCode).toEqual({
			Normal: 0,
			Internal: 1,
			Usage: 2,
			Warning: 3,
			PartialFailures: 4,
			Error: 5,
			Aborted: 6,
			TimedOut: 7,
			NotFound: 8,
			Auth: 9,
			Tls: 10,
			Connection: 11,
			UnknownOutcome: 12,
			HungUp: 129,
			Interrupted: 130,
			Terminated: 143,
		});
		expect(EXIT_CODE_ROWS.map((row) => row.code)).toEqual(Object.values(ExitCode));
	});

	it('maps every client error kind', () => {
		const expected: Record<ApiErrorKind, number> = {
			auth: 9,
			permission: 9,
			'not-found': 8,
			method: 11,
			'rate-limited': 11,
			server: 11,
			request: 11,
			'bad-response': 11,
			'too-large': 11,
			network: 11,
			timeout: 11,
			tls: 10,
			aborted: 130,
		};
		for (const [kind, code] of Object.entries(expected)) {
			expect([kind, exitCodeForError(kind as ApiErrorKind)]).toEqual([kind, code]);
		}
	});

	it('maps each outcome of a finished job, in both state shapes', () => {
		const cases: [Record<string, unknown>, number][] = [
			[{ state: 'completed', status: 'normal' }, 0],
			[{ state: 'completed', status: 'warning' }, 3],
			[{ state: 'completed', status: 'partial_failures' }, 4],
			[{ state: 'completed', status: 'error' }, 5],
			[{ state: 'aborted', status: 'normal' }, 6],
			[{ state: 'NORMAL', complete_time: '2026-11-28T03:00:00Z' }, 0],
			[{ state: 'ERROR' }, 5],
			[{ state: 'PARTIAL_FAILURES' }, 4],
			[{ state: 'exploded', complete_time: '2026-11-28T03:00:00Z' }, 12],
		];
		for (const [fields, code] of cases) {
			expect([fields, exitCodeForJob(apiJob({ key: 'k', ...fields }))]).toEqual([fields, code]);
		}
	});

	it('renders a markdown table and help text from the same rows', () => {
		const markdown = exitCodeMarkdown();
		expect(markdown.split('\n')[0]).toBe('| code | meaning |');
		expect(markdown).toContain('| 7 | timed out (--timeout) before the job ended |');
		expect(markdown).toContain(
			'| 130 | interrupted (Ctrl-C or SIGINT; on the live screen Ctrl-C quits like q, with 0) |',
		);
		const help = exitCodeHelpText('  ');
		expect(help.split('\n')[0]).toBe('    0  completed normally');
		expect(help.split('\n')[1]).toBe(
			'    1  unexpected internal error (a bug); trust: declined at the prompt, nothing stored',
		);
		expect(help).toContain(
			'  130  interrupted (Ctrl-C or SIGINT; on the live screen Ctrl-C quits like q, with 0)\n',
		);
		expect(help.trimEnd().split('\n')).toHaveLength(EXIT_CODE_ROWS.length);
	});
});
