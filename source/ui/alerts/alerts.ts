import { type Job, type JobId, jobId } from '../../api/job.js';
import type { Engine, JobEvent } from '../../engine/types.js';
import { FAILED_STATES, notificationText, terminalSafe } from '../../present/notify-text.js';
import { BEL, desktopNotification } from '../terminal/notify-sequences.js';

/**
 * Being told, not staring: which jobs are marked, which failures the user has
 * not seen yet, and the bell and desktop notifications for what happens live.
 * Framework-free; the screen reads it through {@link Alerts.subscribe}.
 *
 * What notifies: a job seen going into ERROR, PARTIAL_FAILURES or ABORTED by a
 * live poll (a transition; or a job that ran and failed between two polls: new,
 * already failed, and submitted since watching began), and any end of a marked job. Never what the first load or a history
 * load finds (the engine makes no events for those), never twice for one job,
 * and at most one bell and one notification per poll: the events of one poll
 * arrive together, so they are gathered and told once, a microtask later.
 */

/** What the screen shows of the alerts. */
export interface AlertState {
	readonly marks: ReadonlySet<JobId>;
	/** Failures that arrived live and were not seen yet, oldest first. */
	readonly unseen: readonly JobId[];
	readonly bell: boolean;
	readonly desktop: boolean;
}

/** Options of {@link Alerts}. */
export interface AlertOptions {
	readonly bell: boolean;
	readonly desktop: boolean;
	/** Inside tmux ($TMUX set): desktop notifications take the passthrough wrapper. */
	readonly tmux: boolean;
	/** Whether several servers are watched (the notification then names the server). */
	readonly severalServers: () => boolean;
	/** Writes to the terminal, outside the screen's frames. */
	readonly write: (data: string) => void;
	/**
	 * When watching began (epoch ms): a job new to the engine counts as live only
	 * when submitted since, so loading older jobs never tells of their failures.
	 */
	readonly startedAt: number;
	/** Runs `task` once the current poll's events are all in (tests may run it at once). */
	readonly defer?: (task: () => void) => void;
}

export class Alerts {
	readonly #options: AlertOptions;
	readonly #listeners = new Set<() => void>();
	readonly #told = new Set<JobId>();
	#pending: Job[] = [];
	#viewing: JobId | null = null;
	#state: AlertState;

	constructor(options: AlertOptions) {
		this.#options = options;
		this.#state = { marks: new Set(), unseen: [], bell: options.bell, desktop: options.desktop };
	}

	/** Listens to `engine`'s job events; returns the function that stops it. */
	attach(engine: Pick<Engine, 'onEvent'>): () => void {
		return engine.onEvent((event) => this.onEvent(event));
	}

	getState = (): AlertState => this.#state;

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	};

	/** One job event from the engine. */
	onEvent(event: JobEvent): void {
		const { job } = event;
		const id = jobId(job);
		const failed =
			event.type === 'new'
				? FAILED_STATES.has(job.displayState) && this.#submittedLive(job)
				: FAILED_STATES.has(event.to) && !FAILED_STATES.has(event.from);
		const markedEnd = event.type === 'transition' && job.over && this.#state.marks.has(id);
		if (failed && id !== this.#viewing && !this.#state.unseen.includes(id)) {
			this.#set({ unseen: [...this.#state.unseen, id] });
		}
		if ((!failed && !markedEnd) || this.#told.has(id)) return;
		this.#told.add(id);
		this.#pending.push(job);
		if (this.#pending.length === 1) (this.#options.defer ?? queueMicrotask)(() => this.#tell());
	}

	/** A job that failed before a poll saw it run: live only if submitted since watching began. */
	#submittedLive(job: Job): boolean {
		return job.submitTime !== null && job.submitTime >= this.#options.startedAt;
	}

	/** The job the user is looking at (its detail), or null: its failure is seen as it comes. */
	setViewing(id: JobId | null): void {
		this.#viewing = id;
		if (id !== null) this.markSeen(id);
	}

	markSeen(id: JobId): void {
		if (!this.#state.unseen.includes(id)) return;
		this.#set({ unseen: this.#state.unseen.filter((other) => other !== id) });
	}

	/** The failure that arrived last and is not seen yet, or null. */
	newestUnseen(): JobId | null {
		return this.#state.unseen.at(-1) ?? null;
	}

	/** Marks or unmarks `id`; returns whether it is marked now. */
	toggleMark(id: JobId): boolean {
		const marks = new Set(this.#state.marks);
		const marked = !marks.delete(id);
		if (marked) marks.add(id);
		this.#set({ marks });
		return marked;
	}

	toggleBell(): boolean {
		this.#set({ bell: !this.#state.bell });
		return this.#state.bell;
	}

	toggleDesktop(): boolean {
		this.#set({ desktop: !this.#state.desktop });
		return this.#state.desktop;
	}

	#set(change: Partial<AlertState>): void {
		this.#state = { ...this.#state, ...change };
		for (const listener of this.#listeners) listener();
	}

	/** Tells this poll's events: one bell, one notification naming the first job. */
	#tell(): void {
		const jobs = this.#pending;
		this.#pending = [];
		const first = jobs[0];
		if (first === undefined) return;
		const { bell, desktop } = this.#state;
		let bytes = bell ? BEL : '';
		if (desktop) {
			const body = notificationText(first, this.#options.severalServers(), jobs.length - 1);
			bytes += desktopNotification(terminalSafe(`umwatch: ${body}`), body, this.#options.tmux);
		}
		if (bytes === '') return;
		try {
			this.#options.write(bytes);
		} catch {
			// A terminal gone away: the session's own error handling ends the screen.
		}
	}
}
