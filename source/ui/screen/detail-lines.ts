import type { Job, TaskReport } from '../../api/job.js';
import { t } from '../../i18n/t.js';
import { displayWidth, fitCell, wrap } from '../../present/text-width.js';
import { type Glyphs, stateStyle } from '../../present/theme.js';
import { formatAbsolute, formatRelative } from '../../present/time-format.js';
import { durationText, jobSpan } from './job-cells.js';
import type { Line, Segment } from './segments.js';

const LABEL = 12;

function styled(state: TaskReport['displayState'], raw: string, glyphs: Glyphs): Segment {
	const style = stateStyle(state, raw, glyphs);
	return {
		text: `${style.glyph} ${style.word}`,
		...(style.color ? { color: style.color } : {}),
		...(style.dim ? { dim: true } : {}),
	};
}

/** `label` then `value` wrapped to the width left, continuation lines indented. */
function field(
	label: string,
	value: string,
	width: number,
	glyphs: Glyphs,
	extra: Segment[] = [],
): Line[] {
	const room = Math.max(1, width - LABEL - 1);
	const wrapped = value === '' ? [glyphs.absent] : wrap(value, room);
	return wrapped.map((text, index) => [
		{ text: ` ${fitCell(index === 0 ? label : '', LABEL - 1)}`, bold: index === 0 },
		{ text },
		...(index === 0 ? extra : []),
	]);
}

function timeField(
	label: string,
	time: number | null,
	now: number,
	width: number,
	glyphs: Glyphs,
): Line[] {
	if (time === null) return field(label, '', width, glyphs);
	return field(label, formatAbsolute(time), width, glyphs, [
		{ text: `   ${formatRelative(time, now)}`, color: 'gray' },
	]);
}

const FAILED_TASK = new Set(['ERROR', 'PARTIAL_FAILURES', 'ABORTED', 'WARNING']);

function taskLines(tasks: readonly TaskReport[], width: number, glyphs: Glyphs): Line[] {
	if (tasks.length === 0) return field(t('ui.detail.tasks'), t('ui.detail.noTasks'), width, glyphs);
	const states = tasks.map((t) => stateStyle(t.displayState, t.status ?? t.state ?? '', glyphs));
	const stateWidth = Math.min(
		18,
		Math.max(...states.map((s) => displayWidth(`${s.glyph} ${s.word}`))),
	);
	const indent = ' '.repeat(LABEL + 1);
	const lines: Line[] = [[{ text: ` ${t('ui.detail.tasks')}`, bold: true }]];
	for (const task of tasks) {
		const state = styled(task.displayState, task.status ?? task.state ?? '', glyphs);
		const typeRoom = Math.max(4, width - LABEL - 2 - stateWidth - 1);
		lines.push([
			{ text: indent },
			{ ...state, text: fitCell(state.text, stateWidth, 'left', glyphs.ellipsis) },
			{
				text: ` ${fitCell(task.type || glyphs.absent, typeRoom, 'left', glyphs.ellipsis).trimEnd()}`,
			},
		]);
		if (task.message && FAILED_TASK.has(task.displayState)) {
			// A failure message is wrapped, never truncated: it is the reason people open a job.
			for (const text of wrap(task.message, Math.max(1, width - LABEL - 4))) {
				lines.push([{ text: `${indent}  ${text}` }]);
			}
		}
	}
	return lines;
}

function pairLines(
	title: string,
	pairs: readonly { name: string; value: string }[],
	width: number,
): Line[] {
	if (pairs.length === 0) return [];
	const indent = ' '.repeat(LABEL + 1);
	const nameWidth = Math.min(20, Math.max(...pairs.map((p) => displayWidth(p.name))));
	const room = Math.max(1, width - LABEL - 1 - nameWidth - 2);
	const lines: Line[] = [[{ text: ` ${title}`, bold: true }]];
	for (const pair of pairs) {
		// Values (keys, paths) are the point of a result: wrapped in their own column, never cut.
		wrap(pair.value, room).forEach((part, index) => {
			const name = index === 0 ? fitCell(pair.name, nameWidth) : ' '.repeat(nameWidth);
			lines.push([{ text: indent }, { text: name, color: 'gray' }, { text: `  ${part}` }]);
		});
	}
	return lines;
}

/** The server a job came from, when several are watched: its name and base URL. */
export interface JobServer {
	readonly name: string;
	readonly url: string;
}

/**
 * Every field of a job as screen lines `width` columns wide (at most
 * `width - 1` used). Long values are wrapped; the view scrolls over them.
 * `server`: with several servers, the one the job came from (shown after the key).
 */
export function detailLines(
	job: Job,
	width: number,
	now: number,
	glyphs: Glyphs,
	server?: JobServer,
): Line[] {
	const usable = width - 1;
	const state = styled(job.displayState, job.rawState, glyphs);
	const raw = `   ${t('ui.detail.raw', {
		state: job.state ?? glyphs.absent,
		separator: glyphs.separator,
		status: job.status ?? glyphs.absent,
	})}`;
	const span = jobSpan(job);
	const duration = durationText(job, now);
	const lines: Line[] = [
		...field(t('ui.detail.key'), job.key, usable, glyphs),
		...(server === undefined
			? []
			: [
					...field(t('ui.detail.server'), server.name, usable, glyphs),
					...field(t('ui.detail.url'), server.url, usable, glyphs),
				]),
		...field(t('ui.detail.name'), job.name, usable, glyphs),
		[
			{ text: ` ${fitCell(t('ui.detail.state'), LABEL - 1)}`, bold: true },
			state,
			{ text: raw, color: 'gray' },
		],
		...field(t('ui.detail.type'), job.type, usable, glyphs),
		...timeField(t('ui.detail.submitted'), job.submitTime, now, usable, glyphs),
	];
	if (job.startTime !== null)
		lines.push(...timeField(t('ui.detail.started'), job.startTime, now, usable, glyphs));
	lines.push(...timeField(t('ui.detail.completed'), job.completeTime, now, usable, glyphs));
	const running = span !== null && span.end === null;
	lines.push(
		...field(
			t('ui.detail.duration'),
			duration === '' ? '' : running ? t('ui.detail.running', { duration }) : duration,
			usable,
			glyphs,
		),
	);
	lines.push(...taskLines(job.taskReports, usable, glyphs));
	lines.push(...pairLines(t('ui.detail.results'), job.jobResults, usable));
	lines.push(...pairLines(t('ui.detail.other'), job.extra, usable));
	return lines;
}
