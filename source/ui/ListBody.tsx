import { jobId } from '../api/job.js';
import type { Glyphs } from '../present/theme.js';
import { JobRow } from './JobRow.js';
import { ScreenLine } from './ScreenLine.js';
import type { TableLayout } from './screen/columns.js';
import { rowTimes } from './screen/job-cells.js';
import type { ListWindow } from './screen/screen.js';

/** Props of {@link ListBody}. */
export interface ListBodyProps extends ListWindow {
	readonly layout: TableLayout;
	readonly glyphs: Glyphs;
	readonly color: boolean;
	/** The shared clock's time; only the visible rows' texts are derived from it. */
	readonly now: number;
}

/** The visible rows of the job table. Rows are keyed by job id (server and key), so they never swap. */
export function ListBody({
	marker,
	jobs,
	selectedId,
	staleServers,
	marks,
	older,
	layout,
	glyphs,
	color,
	now,
}: ListBodyProps) {
	return (
		<>
			{marker === null ? null : <ScreenLine key="newer-marker" line={marker} color={color} />}
			{jobs.map((job) => {
				const times = rowTimes(job, now);
				const id = jobId(job);
				return (
					<JobRow
						key={id}
						job={job}
						layout={layout}
						submitted={times.submitted}
						duration={times.duration}
						selected={id === selectedId}
						stale={staleServers.has(job.server)}
						marked={marks?.has(id) ?? false}
						color={color}
						glyphs={glyphs}
					/>
				);
			})}
			{older == null ? null : <ScreenLine key="older-jobs" line={older} color={color} />}
		</>
	);
}
