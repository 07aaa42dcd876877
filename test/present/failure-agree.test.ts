import { describe, expect, it } from 'vitest';
import { ApiError } from '../../source/api/errors.js';
import { exitCodeForError } from '../../source/api/exit-codes.js';
import { UsageError } from '../../source/api/usage-error.js';
import { describeStartupFailure } from '../../source/commands/failure.js';
import { usageFor } from '../../source/commands/help.js';
import { ConfigError, SetupError } from '../../source/config/errors.js';
import { GaveUpError } from '../../source/engine/give-up.js';
import type { ErrorSummary } from '../../source/engine/types.js';
import { runWait, type WaitForJobFn } from '../../source/output/wait.js';
import { describeFailure } from '../../source/present/failure.js';
import { ASCII_GLYPHS } from '../../source/present/theme.js';
import { errorLines } from '../../source/ui/screen/error-view.js';
import { failureReport } from '../../source/ui/screen/summary.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';

const KEY = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f87';

/** What `umwatch wait` prints on stderr and exits with when its wait throws `error`. */
async function scriptFailure(error: unknown): Promise<{ code: number; text: string }> {
	const io = captureIo({ clock: new FakeClock(Date.parse('2026-12-01T00:00:00Z')) });
	const failing: WaitForJobFn = async () => {
		throw error;
	};
	const code = await runWait(fakeClient([]), KEY, { format: 'line' }, io, failing);
	return { code, text: io.stderr.text() };
}

/** What the live view prints once its screen is gone, and exits with, after quitting while failed. */
function liveFailure(summary: ErrorSummary): { code: number; text: string | null } {
	// commands/watch.ts: quitting while failed exits with the failure's code.
	return {
		code: exitCodeForError(summary.kind),
		text: failureReport({ kind: 'failed', error: summary }),
	};
}

const auth = new ApiError(
	'auth',
	'Unified Manager rejected the user name or \u001b[2Jpassword (401).',
	{
		hint: 'Check --user and the password source.',
		status: 401,
	},
);
const AUTH_TEXT =
	'umwatch: Unified Manager rejected the user name or password (401).\n' +
	'hint: Check --user and the password source.\n';

describe('one failure, one description: start-up, scripts and the live view agree', () => {
	it('a client error: same message, hint and exit code everywhere, inert', async () => {
		const startup = describeStartupFailure(auth, {});
		const script = await scriptFailure(auth);
		const live = liveFailure({ kind: auth.kind, message: auth.message, hint: auth.hint });
		expect(startup).toEqual({ code: 9, text: AUTH_TEXT });
		expect(script).toEqual({ code: 9, text: AUTH_TEXT });
		expect(live).toEqual({ code: 9, text: AUTH_TEXT });
		// The error view on the screen shows the same two texts.
		const screen = errorLines(auth, 200, ASCII_GLYPHS)
			.map((line) => line.map((segment) => segment.text).join(''))
			.join('\n');
		expect(screen).toContain('Unified Manager rejected the user name or password (401).');
		expect(screen).toContain('Check --user and the password source.');
	});

	it('a give-up: the note of what umwatch did sits in the hint line, same code', async () => {
		const refused = new ApiError('network', 'Connection refused by um:443.', {
			hint: 'Is the URL right and the server up?',
		});
		const gaveUp = new GaveUpError(refused, 'no-answer', 30_000, 30_000);
		const text =
			'umwatch: Connection refused by um:443.\n' +
			'hint: Is the URL right and the server up? No answer for 30s; umwatch gave up.\n';
		expect(describeStartupFailure(gaveUp, {})).toEqual({ code: 11, text });
		expect(await scriptFailure(gaveUp)).toEqual({ code: 11, text });
		expect(describeFailure(gaveUp)).toMatchObject({
			message: 'Connection refused by um:443.',
			hint: 'Is the URL right and the server up?',
			gaveUp: { reason: 'no-answer', afterMs: 30_000 },
		});
	});

	it('a usage error: same message and hint, exit 2; start-up adds the usage', async () => {
		const errors = [
			new UsageError('KEY "a b" contains spaces', { hint: 'quote the whole key' }),
			new ConfigError('KEY "a b" contains spaces', { hint: 'quote the whole key' }),
		];
		const text = 'umwatch: KEY "a b" contains spaces\nhint: quote the whole key\n';
		for (const error of errors) {
			expect(await scriptFailure(error)).toEqual({ code: 2, text });
			expect(describeStartupFailure(error, {}, 'wait')).toEqual({
				code: 2,
				text: `${text}${usageFor('wait')}\n`,
			});
		}
		// A mistake in a file or a password source: the usage would not help.
		const setup = new SetupError('cannot read the password file /pw: ENOENT', 'check the path');
		const setupText = 'umwatch: cannot read the password file /pw: ENOENT\nhint: check the path\n';
		expect(await scriptFailure(setup)).toEqual({ code: 2, text: setupText });
		expect(describeStartupFailure(setup, {}, 'wait')).toEqual({ code: 2, text: setupText });
	});

	it('an interruption says nothing and exits 130 everywhere', async () => {
		const aborted = new ApiError('aborted', 'The request was aborted.');
		expect(describeStartupFailure(aborted, {})).toEqual({ code: 130, text: '' });
		expect(await scriptFailure(aborted)).toEqual({ code: 130, text: '' });
		expect(liveFailure({ kind: 'aborted', message: 'x', hint: '' })).toEqual({
			code: 130,
			text: null,
		});
	});
});
