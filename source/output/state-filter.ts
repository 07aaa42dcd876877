import { DISPLAY_STATES, type Job } from '../api/job.js';
import { LIFECYCLE_VALUES, OUTCOME_VALUES } from '../api/parse-state.js';
import { UsageError } from '../api/usage-error.js';
import { t } from '../i18n/t.js';

/**
 * `list --state` filters on what people see, not on the server's fields: AIQUM
 * has two state fields whose meaning depends on the server's version (a lifecycle
 * `state` plus an outcome `status`, or one `state` holding the outcome), so no
 * single server-side filter can express "failed jobs" on every server. The
 * filter therefore runs on the client, after paging, over:
 * - the display state (`error`, `running`, `partial_failures` or `partial-failures`, …),
 * - the raw lifecycle or outcome as sent (`completed`, `aborting`, …),
 * - a job in an UNKNOWN state by its label as printed (`unknown:paused`), or its raw value,
 * - and the groups `active` (queued, waiting, running, aborting), `failed`
 *   (error, partial failures, aborted) and `finished` (over).
 * `|` separates alternatives and `*` is a wildcard, as in AIQUM's own filters;
 * matching ignores case. An alternative that can match none of these words
 * (a typo such as `eror`) is a usage error: otherwise it reads as "no such jobs".
 */
export type JobPredicate = (job: Job) => boolean;

const GROUPS: Readonly<Record<string, JobPredicate>> = {
	active: (job) => !job.over,
	in_progress: (job) => !job.over,
	failed: (job) =>
		job.displayState === 'ERROR' ||
		job.displayState === 'PARTIAL_FAILURES' ||
		job.displayState === 'ABORTED',
	finished: (job) => job.over,
};

/**
 * Every word `--state` knows, in the order the usage error lists them: the
 * groups, the display states, then the raw lifecycle and outcome values (all
 * from the state vocabulary of api/, never a copy of it).
 */
export const STATE_FILTER_WORDS: readonly string[] = [
	...new Set([
		...Object.keys(GROUPS),
		...DISPLAY_STATES.map((state) => state.toLowerCase()),
		...LIFECYCLE_VALUES,
		...OUTCOME_VALUES,
	]),
];

/** An UNKNOWN job's label as list prints it (`UNKNOWN:paused`), normalized. */
const UNKNOWN_LABEL = 'unknown:';

function normalize(text: string): string {
	return text.trim().toLowerCase().replaceAll('-', '_');
}

function globToRegExp(pattern: string): RegExp {
	const body = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${body}$`, 'u');
}

function unknownLabel(job: Job): string {
	return `${UNKNOWN_LABEL}${normalize(job.rawState).replaceAll(' ', '_')}`;
}

/** Whether an alternative can match anything: a known word, or an UNKNOWN job's label. */
function isKnown(alternative: string, re: RegExp): boolean {
	return alternative.startsWith(UNKNOWN_LABEL) || STATE_FILTER_WORDS.some((word) => re.test(word));
}

function unknownWordError(text: string, alternative: string): UsageError {
	const shown = JSON.stringify(text.slice(0, 40));
	const which = alternative === normalize(text) ? '' : ` (${JSON.stringify(alternative)})`;
	return new UsageError(
		t('output.state.noMatch', { shown, which, words: STATE_FILTER_WORDS.join(', ') }),
	);
}

/**
 * Reads a `--state` value into a predicate; throws {@link UsageError} when an
 * alternative is empty or matches no state word.
 */
export function parseStateFilter(text: string): JobPredicate {
	const alternatives = text.split('|').map(normalize);
	if (alternatives.some((alternative) => alternative === '')) {
		throw new UsageError(
			t('output.state.emptyAlternative', { shown: JSON.stringify(text.slice(0, 40)) }),
		);
	}
	const tests = alternatives.map((alternative): JobPredicate => {
		const group = GROUPS[alternative];
		if (group !== undefined) return group;
		const re = globToRegExp(alternative);
		if (!isKnown(alternative, re)) throw unknownWordError(text, alternative);
		return (job) =>
			re.test(job.displayState.toLowerCase()) ||
			(job.state !== null && re.test(normalize(job.state))) ||
			(job.displayState === 'UNKNOWN' &&
				(re.test(normalize(job.rawState)) || re.test(unknownLabel(job))));
	});
	return (job) => tests.some((test) => test(job));
}
