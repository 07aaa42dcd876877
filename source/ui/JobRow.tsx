import { memo } from 'react';
import type { Job } from '../api/job.js';
import type { Glyphs } from '../present/theme.js';
import { ScreenLine } from './ScreenLine.js';
import type { TableLayout } from './screen/columns.js';
import { jobRowLine } from './screen/job-row.js';

/** Props of {@link JobRow}: everything its text depends on, and nothing else. */
export interface JobRowProps {
	readonly job: Job;
	readonly layout: TableLayout;
	readonly submitted: string;
	readonly duration: string;
	readonly selected: boolean;
	/** Its server's data is stale (several servers): marked, and drawn dim. */
	readonly stale: boolean;
	/** Marked with `m`: the mark before its name. */
	readonly marked?: boolean;
	readonly color: boolean;
	readonly glyphs: Glyphs;
}

/**
 * One table row, memoised: it re-renders only when its job object (the engine
 * keeps an unchanged job's identity), the layout, its clock-derived text or
 * its selection changes.
 */
export const JobRow = memo(function JobRow(props: JobRowProps) {
	const line = jobRowLine(
		props.job,
		props.layout,
		{ submitted: props.submitted, duration: props.duration },
		props.selected,
		props.glyphs,
		props.stale,
		props.marked ?? false,
	);
	return <ScreenLine line={line} color={props.color} />;
});
