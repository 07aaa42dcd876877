import type { Job, TaskReport } from '../api/job.js';
import { formatExactDuration } from '../present/duration-format.js';
import { displayWidth, wrap } from '../present/text-width.js';
import { paint, stateStyle, UNICODE_GLYPHS } from '../present/theme.js';
import { formatDateTimeWithOffset } from '../present/time-format.js';
import { jobDurationMs } from './job-json.js';
import { type JobTextOptions, stateLabel } from './job-text.js';
import { inertText } from './safe-text.js';
import { renderTable } from './table.js';

const LABEL_WIDTH = 11;

function field(label: string, value: string): string {
	return `${label.padEnd(LABEL_WIDTH)}${value}`.trimEnd();
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
		job.state === null ? null : `lifecycle ${inertText(job.state)}`,
		job.status === null ? null : `outcome ${inertText(job.status)}`,
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
		return ['Tasks', ...indent(table)];
	}
	// On a terminal, as in the live job view: each message under its task, wrapped in
	// full (never cut), so a long reason reads as a paragraph, not as the terminal's wrap.
	const rows = job.taskReports.map((task) => [state(task), { text: inertText(task.type) }]);
	const [header = '', ...taskRows] = renderTable([{ header: 'STATE' }, { header: 'TYPE' }], rows);
	const room = Math.max(MIN_WRAP, width - LABEL_WIDTH - 2);
	const lines = [header];
	job.taskReports.forEach((task, i) => {
		lines.push(taskRows[i] ?? '');
		const message = inertText(task.message ?? '').trim();
		if (message !== '') lines.push(...wrap(message, room).map((line) => `  ${line}`));
	});
	return ['Tasks', ...indent(lines)];
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
	const lines = [
		...(server === undefined
			? []
			: [field('Server', `${inertText(server.name)}  ${inertText(server.url)}`)]),
		field('Key', inertText(job.key)),
		field('Name', inertText(job.name)),
		field('State', stateLine(job, options)),
		field('Type', inertText(job.type)),
		field('Submitted', formatDateTimeWithOffset(job.submitTime, options.timeZone)),
	];
	if (job.startTime !== null) {
		lines.push(field('Started', formatDateTimeWithOffset(job.startTime, options.timeZone)));
	}
	lines.push(field('Completed', formatDateTimeWithOffset(job.completeTime, options.timeZone)));
	if (duration !== null) {
		lines.push(field('Duration', `${formatExactDuration(duration)}${job.over ? '' : ' so far'}`));
	}
	lines.push(
		...taskLines(job, options.width),
		...pairLines('Results', job.jobResults, options.width),
		...pairLines('Other', job.extra, options.width),
	);
	return lines;
}
