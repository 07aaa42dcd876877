/**
 * From the server's `state`/`status` fields to one display state, and whether
 * the job is over. AIQUM answers in two shapes, in either case:
 *
 * - two fields (recent servers): `state` is the lifecycle, `status` the outcome;
 * - one field (the 9.7 documentation): `state` is the outcome itself.
 *
 * The derivation, with values compared case-insensitively and trimmed:
 *
 * | `state`                       | `status`            | display            | over                  |
 * |-------------------------------|---------------------|--------------------|-----------------------|
 * | queued                        | anything            | QUEUED             | only if complete_time |
 * | waiting                       | anything            | WAITING            | only if complete_time |
 * | running                       | anything            | RUNNING            | only if complete_time |
 * | aborting                      | anything            | ABORTING           | only if complete_time |
 * | aborted                       | anything            | ABORTED            | yes                   |
 * | completed                     | normal / warning / partial_failures / error | that outcome | yes |
 * | completed                     | absent or unknown   | UNKNOWN (raw: the status, or "completed") | yes |
 * | normal / error / partial_failures (one field) | ignored | that outcome    | yes                   |
 * | warning (one field)           | ignored             | WARNING            | only if complete_time |
 * | absent                        | a known outcome     | that outcome if complete_time, else UNKNOWN | only if complete_time |
 * | absent                        | absent or unknown   | UNKNOWN (raw: status or "") | only if complete_time |
 * | anything else                 | anything            | UNKNOWN (raw: the state) | only if complete_time |
 *
 * Why "completed" without a known outcome is UNKNOWN rather than NORMAL:
 * reading `state` alone reports failed jobs as successful (the known bug of
 * real scripts); umwatch does not claim a success it cannot see.
 *
 * Why an in-progress lifecycle with a `complete_time` keeps its display state
 * but counts as over: the contract makes `complete_time` final, and the
 * display shows what the server said rather than inventing an outcome.
 */
import type { DisplayState } from './job.js';

/** The derived state of a job or task. */
export interface DerivedState {
	readonly displayState: DisplayState;
	/** The raw value behind the display state; for UNKNOWN, the value that was not understood. */
	readonly rawState: string;
	readonly over: boolean;
}

const LIFECYCLE: Readonly<Record<string, DisplayState>> = {
	queued: 'QUEUED',
	waiting: 'WAITING',
	running: 'RUNNING',
	aborting: 'ABORTING',
	aborted: 'ABORTED',
};

const OUTCOME: Readonly<Record<string, DisplayState>> = {
	normal: 'NORMAL',
	warning: 'WARNING',
	partial_failures: 'PARTIAL_FAILURES',
	error: 'ERROR',
};

/** The lifecycle value that says a job is over and its outcome lives in `status`. */
const COMPLETED = 'completed';

/** Every lifecycle value umwatch understands, lower case (`state` in the two-field shape). */
export const LIFECYCLE_VALUES: readonly string[] = [...Object.keys(LIFECYCLE), COMPLETED];

/** Every outcome value umwatch understands, lower case (`status`, or the one-field `state`). */
export const OUTCOME_VALUES: readonly string[] = Object.keys(OUTCOME);

function lookup(table: Readonly<Record<string, DisplayState>>, value: string | null) {
	if (value === null) return undefined;
	const name = value.trim().toLowerCase();
	return Object.hasOwn(table, name) ? table[name] : undefined;
}

/**
 * Derives the display state and `over` from sanitized `state` and `status`
 * values (null when absent) and whether a `complete_time` is present.
 * See the table in this module's comment.
 */
export function deriveState(
	state: string | null,
	status: string | null,
	hasCompleteTime: boolean,
): DerivedState {
	const lifecycle = lookup(LIFECYCLE, state);
	if (lifecycle !== undefined && state !== null) {
		return {
			displayState: lifecycle,
			rawState: state,
			over: lifecycle === 'ABORTED' || hasCompleteTime,
		};
	}
	if (state !== null && state.trim().toLowerCase() === COMPLETED) {
		const outcome = lookup(OUTCOME, status);
		if (outcome !== undefined) return { displayState: outcome, rawState: state, over: true };
		return { displayState: 'UNKNOWN', rawState: status ?? state, over: true };
	}
	const single = lookup(OUTCOME, state);
	if (single !== undefined && state !== null) {
		return { displayState: single, rawState: state, over: single !== 'WARNING' || hasCompleteTime };
	}
	if (state === null) {
		const outcome = lookup(OUTCOME, status);
		if (outcome !== undefined && hasCompleteTime) {
			return { displayState: outcome, rawState: status ?? '', over: true };
		}
		return { displayState: 'UNKNOWN', rawState: status ?? '', over: hasCompleteTime };
	}
	return { displayState: 'UNKNOWN', rawState: state, over: hasCompleteTime };
}
