import type { Job, TaskReport } from '../api/job.js';
import { t } from '../i18n/t.js';
import { columnTitle } from '../present/columns.js';
import { formatExactDuration } from '../present/duration-format.js';
import { displayWidth, wrap } from '../present/text-width.js';
import { paint, stateStyle, UNICODE_GLYPHS } from '../present/theme.js';
import { formatDateTimeWithOffset } from '../present/time-format.js';
import { jobDurationMs } from './job-json.js';
import { type JobTextOptions, stateLabel } from './job-text.js';
import { inertText } from './safe-text.js';
import { renderTable } from './table.js';

const LABEL_WIDTH = 11;

/**
 * `show`'s words in a pipe: machine output (a script may read `Key` or
 * `Duration`), the same in every language. A terminal gets them from the
 * catalogue (output.show.*), in the language chosen.
 */
const PIPE_WORDS = {
	'output.show.server': 'Server',
	'output.show.key': 'Key',
	'output.show.name': 'Name',
	'output.show.state': 'State',
	'output.show.type': 'Type',
	'output.show.submitted': 'Submitted',
	'output.show.started': 'Started',
	'output.show.completed': 'Completed',
	'output.show.duration': 'Duration',
	'output.show.tasks': 'Tasks',
	'output.show.results': 'Results',
	'output.show.other': 'Other',
} as const;

type Label = keyof typeof PIPE_WORDS;

/** A label: the catalogue's on a terminal, the fixed English one in a pipe. */
function label(key: Label, tty: boolean): string {
	return tty ? t(key) : PIPE_WORDS[key];
}

/** A phrase with a value: the catalogue's template on a terminal, English in a pipe. */
function phrase(
	key: 'output.show.soFar' | 'output.show.lifecycle' | 'output.show.outcome',
	value: string,
	tty: boolean,
): string {
	if (tty) return key === 'output.show.soFar' ? t(key, { time: value }) : t(key, { value });
	if (key === 'output.show.soFar') return `${value} so far`;
	return `${key === 'output.show.lifecycle' ? 'lifecycle' : 'outcome'} ${value}`;
}

function field(name: string, value: string): string {
	// Padded by display width: a Japanese label takes two columns a character.
	const pad = ' '.repeat(Math.max(1, LABEL_WIDTH - displayWidth(name)));
	return `${name}${pad}${value}`.trimEnd();
}

function indent(lines: readonly string[]): string[] {
	return lines.map((line) => (line === '' ? line : `${' '.repeat(LABEL_WIDTH)}${line}`));
}

function stateLine(job: Job, options: JobTextOptions): string {
	const glyphs = options.glyphs ?? UNICODE_GLYPHS;
	const label = stateLabel(job, glyphs);
	const style = stateStyle(job.displayState, inertText(job.rawState), glyphs);
	const shown = options.tty ? paint(`${style.glyph} ${label}`, style.sgr, options.color) : label;
	const raw = [
		job.state === null ? null : phrase('output.show.lifecycle', inertText(job.state), options.tty),
		job.status === null ? null : phrase('output.show.outcome', inertText(job.status), options.tty),
	].filter((part) => part !== null);
	return raw.length === 0 ? shown : `${shown}   (${raw.join(', ')})`;
}

/** Fewest columns a wrapped message or value gets, however narrow the terminal. */
const MIN_WRAP = 20;

function taskLines(job: Job, width: number | undefined): string[] {
	if (job.taskReports.length === 0) return [];
	const state = (task: TaskReport) => ({
		text: stateLabel({
			displayState: task.displayState,
			rawState: task.status ?? task.state ?? '',
		}),
	});
	if (width === undefined) {
		// Messages are printed whole: a failure reason is the point of looking.
		const rows = job.taskReports.map((task) => [
			state(task),
			{ text: inertText(task.type) },
			{ text: inertText(task.message ?? '') },
		]);
		const table = renderTable(
			[{ header: 'STATE' }, { header: 'TYPE' }, { header: 'MESSAGE' }],
			rows,
		);
		return [PIPE_WORDS['output.show.tasks'], ...indent(table)];
	}
	// On a terminal, as in the live job view: each message under its task, wrapped in
	// full (never cut), so a long reason reads as a paragraph, not as the terminal's wrap.
	const rows = job.taskReports.map((task) => [state(task), { text: inertText(task.type) }]);
	const headers = [{ header: columnTitle('state') }, { header: columnTitle('type') }];
	const [header = '', ...taskRows] = renderTable(headers, rows);
	const room = Math.max(MIN_WRAP, width - LABEL_WIDTH - 2);
	const lines = [header];
	job.taskReports.forEach((task, i) => {
		lines.push(taskRows[i] ?? '');
		const message = inertText(task.message ?? '').trim();
		if (message !== '') lines.push(...wrap(message, room).map((line) => `  ${line}`));
	});
	return [t('output.show.tasks'), ...indent(lines)];
}

function pairLines(
	title: string,
	pairs: readonly { name: string; value: string }[],
	width: number | undefined,
): string[] {
	if (pairs.length === 0) return [];
	if (width === undefined) {
		const rows = pairs.map((pair) => [
			{ text: inertText(pair.name) },
			{ text: inertText(pair.value) },
		]);
		// The table's header row is not wanted here: names label themselves.
		const table = renderTable([{ header: '' }, { header: '' }], rows).slice(1);
		return [title, ...indent(table)];
	}
	// Values (keys, paths) are the point of a result: wrapped in their own column, never cut.
	const names = pairs.map((pair) => inertText(pair.name));
	const nameWidth = Math.max(...names.map(displayWidth));
	const room = Math.max(MIN_WRAP, width - LABEL_WIDTH - nameWidth - 2);
	const lines: string[] = [];
	pairs.forEach((pair, i) => {
		const name = names[i] ?? '';
		wrap(inertText(pair.value), room).forEach((part, index) => {
			const label = index === 0 ? name : '';
			const pad = ' '.repeat(nameWidth - displayWidth(label));
			lines.push(`${label}${pad}  ${part}`.trimEnd());
		});
	});
	return [title, ...indent(lines)];
}

/**
 * One job in full, as `show` prints it: every field, the raw lifecycle and
 * outcome beside the display state, times with their offset, tasks with their
 * whole messages, results and unknown fields. Plain text; glyph and colour
 * only on a terminal. `server` (given only when several servers were asked)
 * adds a first line naming the server the job is on and its URL.
 */
export function jobDetailLines(
	job: Job,
	options: JobTextOptions,
	server?: { readonly name: string; readonly url: string },
): string[] {
	const duration = jobDurationMs(job, options.now);
	const tty = options.tty;
	const at = (time: number | null) => formatDateTimeWithOffset(time, options.timeZone);
	const lines = [
		...(server === undefined
			? []
			: [
					field(
						label('output.show.server', tty),
						`${inertText(server.name)}  ${inertText(server.url)}`,
					),
				]),
		field(label('output.show.key', tty), inertText(job.key)),
		field(label('output.show.name', tty), inertText(job.name)),
		field(label('output.show.state', tty), stateLine(job, options)),
		field(label('output.show.type', tty), inertText(job.type)),
		field(label('output.show.submitted', tty), at(job.submitTime)),
	];
	if (job.startTime !== null)
		lines.push(field(label('output.show.started', tty), at(job.startTime)));
	lines.push(field(label('output.show.completed', tty), at(job.completeTime)));
	if (duration !== null) {
		const time = formatExactDuration(duration);
		const shown = job.over ? time : phrase('output.show.soFar', time, tty);
		lines.push(field(label('output.show.duration', tty), shown));
	}
	lines.push(
		...taskLines(job, options.width),
		...pairLines(label('output.show.results', tty), job.jobResults, options.width),
		...pairLines(label('output.show.other', tty), job.extra, options.width),
	);
	return lines;
}
