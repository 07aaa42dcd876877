import { type JobId, splitJobId } from '../api/job.js';
import type { WatchEngine } from './engine.js';
import { FleetIndex, mergeNewestFirst, sumCounts } from './fleet-merge.js';
import { fleetOlder } from './older-pages.js';
import { callAll } from './snapshot-publisher.js';
import type { ConnectionState, JobEvent, ServerHealth, Snapshot } from './types.js';

/** One server of a fleet: its name (what its jobs' `server` says), base URL and own engine. */
export interface FleetMember {
	readonly name: string;
	readonly url: string;
	readonly engine: WatchEngine;
}

/** Options of {@link createFleet}. */
export interface FleetOptions {
	/**
	 * Runs `flush` soon, once for several members publishing at once; default
	 * `queueMicrotask`. Listeners hear one merged snapshot per flush;
	 * `getSnapshot` is up to date at any time regardless.
	 */
	readonly defer?: (flush: () => void) => void;
}

/**
 * The connection of several servers summed up: paused when every one is;
 * else live if any is live; else retrying if any retries (the first);
 * else failed (the first failure) when every one failed; else connecting.
 */
export function fleetConnection(states: readonly ConnectionState[]): ConnectionState {
	const first = (kind: ConnectionState['kind']) => states.find((state) => state.kind === kind);
	if (states.length > 0 && states.every((state) => state.kind === 'paused')) {
		return states.find((state) => state.kind === 'paused' && state.lastError) ?? { kind: 'paused' };
	}
	const live = first('live');
	if (live !== undefined) return live;
	const retrying = first('retrying');
	if (retrying !== undefined) return retrying;
	const failed = first('failed');
	if (failed !== undefined && states.every((state) => state.kind === 'failed')) return failed;
	return { kind: 'connecting' };
}

/**
 * Several servers watched as one engine. Each member keeps its own engine,
 * poll loop and backoff, so a server that is down, slow or refusing the
 * password never delays the others; the fleet only merges what they
 * published (see {@link Snapshot.servers}). Work happens only when a member
 * published (several at once make one merged snapshot), the merge is one pass
 * over lists already in order, `byKey` routes lookups to the owning server,
 * and unchanged jobs keep their objects.
 */
export function createFleet(
	members: readonly FleetMember[],
	options: FleetOptions = {},
): WatchEngine {
	if (members.length === 0) throw new Error('a fleet needs at least one server');
	return new Fleet(members, options.defer ?? queueMicrotask);
}

/** What the last merge was built from: reused while the members' parts are the same objects. */
interface Built {
	readonly members: readonly Snapshot[];
	readonly lastSuccess: readonly (number | null)[];
	readonly snapshot: Snapshot;
}

class Fleet implements WatchEngine {
	readonly #members: readonly FleetMember[];
	readonly #defer: (flush: () => void) => void;
	readonly #listeners = new Set<() => void>();
	readonly #eventListeners = new Set<(event: JobEvent) => void>();
	#eventLinks: (() => void)[] = [];
	#built: Built;
	#flushQueued = false;
	#heardVersion: number;
	#focusId: JobId | null = null;
	#focusOwner: FleetMember | null = null;

	constructor(members: readonly FleetMember[], defer: (flush: () => void) => void) {
		this.#members = members;
		this.#defer = defer;
		this.#built = this.#build(null);
		this.#heardVersion = this.#built.snapshot.version;
		for (const member of members) member.engine.subscribe(() => this.#memberPublished());
	}

	start(): void {
		for (const member of this.#members) member.engine.start();
	}

	async stop(): Promise<void> {
		await Promise.all(this.#members.map((member) => member.engine.stop()));
	}

	getSnapshot(): Snapshot {
		const built = this.#built;
		if (this.#members.some((member, i) => this.#changed(member, i, built))) {
			this.#built = this.#build(built);
		}
		return this.#built.snapshot;
	}

	getLastSuccessAt(): number | null {
		let latest: number | null = null;
		for (const member of this.#members) {
			const at = member.engine.getLastSuccessAt();
			if (at !== null && (latest === null || at > latest)) latest = at;
		}
		return latest;
	}

	subscribe(listener: () => void): () => void {
		const own = () => listener();
		this.#listeners.add(own);
		return () => {
			this.#listeners.delete(own);
		};
	}

	onEvent(listener: (event: JobEvent) => void): () => void {
		const own = (event: JobEvent) => listener(event);
		this.#eventListeners.add(own);
		// Members make events only while someone listens: listen to them only while someone listens here.
		if (this.#eventLinks.length === 0) {
			const forward = (event: JobEvent) => callAll(this.#eventListeners, event);
			this.#eventLinks = this.#members.map((member) => member.engine.onEvent(forward));
		}
		return () => {
			this.#eventListeners.delete(own);
			if (this.#eventListeners.size > 0) return;
			for (const unlink of this.#eventLinks) unlink();
			this.#eventLinks = [];
		};
	}

	refresh(): void {
		for (const member of this.#members) member.engine.refresh();
	}

	setPaused(paused: boolean): void {
		for (const member of this.#members) member.engine.setPaused(paused);
	}

	focus(id: JobId | null): void {
		if (id === this.#focusId) return;
		const owner = id === null ? null : this.#ownerOf(id);
		if (this.#focusOwner !== null && this.#focusOwner !== owner) {
			this.#focusOwner.engine.focus(null);
		}
		this.#focusId = id;
		this.#focusOwner = owner;
		owner?.engine.focus(id);
		this.#memberPublished();
	}

	keepFresh(ids: readonly JobId[]): void {
		const owned = new Map<FleetMember, JobId[]>(this.#members.map((member) => [member, []]));
		for (const id of ids) {
			const owner = this.#ownerOf(id);
			if (owner !== null) owned.get(owner)?.push(id);
		}
		// Every member hears its share, an empty one too: each replaces its previous set.
		for (const [member, own] of owned) member.engine.keepFresh?.(own);
	}

	/** Every member not yet at its end loads its next older page; the merge puts them in place. */
	loadOlder(): void {
		for (const member of this.#members) {
			const state = member.engine.getSnapshot().older ?? 'idle';
			if (state !== 'exhausted' && state !== 'full') member.engine.loadOlder?.();
		}
	}

	protect(ids: readonly JobId[]): void {
		const owned = new Map<FleetMember, JobId[]>(this.#members.map((member) => [member, []]));
		for (const id of ids) {
			const owner = this.#ownerOf(id);
			if (owner !== null) owned.get(owner)?.push(id);
		}
		for (const [member, own] of owned) member.engine.protect?.(own);
	}

	/** The member whose jobs the id names; else the one holding it (a server named otherwise). */
	#ownerOf(id: JobId): FleetMember | null {
		const server = splitJobId(id).server;
		const named = this.#members.find((member) => member.name === server);
		if (named !== undefined) return named;
		return this.#members.find((member) => member.engine.getSnapshot().byKey.has(id)) ?? null;
	}

	#memberPublished(): void {
		if (this.#flushQueued) return;
		this.#flushQueued = true;
		this.#defer(() => {
			this.#flushQueued = false;
			const snapshot = this.getSnapshot();
			if (snapshot.version === this.#heardVersion) return;
			this.#heardVersion = snapshot.version;
			callAll(this.#listeners);
		});
	}

	/** Whether member `i` has moved on since `built` (a new snapshot, or a poll that changed nothing). */
	#changed(member: FleetMember, i: number, built: Built): boolean {
		return (
			member.engine.getSnapshot() !== built.members[i] ||
			member.engine.getLastSuccessAt() !== built.lastSuccess[i] ||
			(this.#focusId ?? null) !== built.snapshot.focusKey
		);
	}

	#build(previous: Built | null): Built {
		const snapshots = this.#members.map((member) => member.engine.getSnapshot());
		const lastSuccess = this.#members.map((member) => member.engine.getLastSuccessAt());
		const old = previous?.snapshot;
		const sameJobs =
			previous !== null && snapshots.every((s, i) => s.jobs === previous.members[i]?.jobs);
		const sameCounts =
			previous !== null && snapshots.every((s, i) => s.counts === previous.members[i]?.counts);
		const servers: ServerHealth[] = this.#members.map((member, i) => {
			const s = snapshots[i] as Snapshot;
			return {
				name: member.name,
				url: member.url,
				connection: s.connection,
				lastSuccessAt: lastSuccess[i] ?? null,
				intervalMs: s.intervalMs,
				jobCount: s.jobs.length,
			};
		});
		const focused = this.#focusOwner === null ? undefined : this.#members.indexOf(this.#focusOwner);
		const snapshot: Snapshot = {
			version: (old?.version ?? 0) + (previous === null ? 0 : 1),
			jobs: sameJobs && old ? old.jobs : mergeNewestFirst(snapshots.map((s) => s.jobs)),
			byKey:
				sameJobs && old
					? old.byKey
					: new FleetIndex(
							snapshots.map((s, i) => ({ server: this.#members[i]?.name ?? '', byKey: s.byKey })),
						),
			counts: sameCounts && old ? old.counts : sumCounts(snapshots.map((s) => s.counts)),
			connection: fleetConnection(snapshots.map((s) => s.connection)),
			lastSuccessAt: latest(lastSuccess),
			intervalMs: Math.min(...snapshots.map((s) => s.intervalMs)),
			serverVersion: oneVersion(snapshots),
			focusKey: this.#focusId,
			longPoll: focused === undefined ? 'unknown' : (snapshots[focused]?.longPoll ?? 'unknown'),
			droppedJobs: sum(snapshots.map((s) => s.droppedJobs)),
			skippedRecords: sum(snapshots.map((s) => s.skippedRecords)),
			pollWarning: firstWarning(this.#members, snapshots),
			pollStartedAt: overrunStart(snapshots),
			older: fleetOlder(snapshots.map((s) => s.older ?? 'idle')),
			servers,
		};
		return { members: snapshots, lastSuccess, snapshot };
	}
}

function sum(values: readonly number[]): number {
	let total = 0;
	for (const value of values) total += value;
	return total;
}

function latest(values: readonly (number | null)[]): number | null {
	let best: number | null = null;
	for (const value of values) if (value !== null && (best === null || value > best)) best = value;
	return best;
}

/** The servers' version when every server that said agrees, else null (the detail names each server). */
function oneVersion(snapshots: readonly Snapshot[]): string | null {
	const known = new Set(snapshots.map((s) => s.serverVersion).filter((v) => v !== null));
	return known.size === 1 ? ([...known][0] as string) : null;
}

/** The first server's poll warning, named by its server. */
function firstWarning(
	members: readonly FleetMember[],
	snapshots: readonly Snapshot[],
): string | null {
	for (let i = 0; i < snapshots.length; i++) {
		const warning = snapshots[i]?.pollWarning ?? null;
		if (warning !== null) return `${members[i]?.name}: ${warning}`;
	}
	return null;
}

/**
 * When the oldest overrunning poll began, but only while no server answers in
 * time: one slow server among live ones is its own header entry's business,
 * not a wait for the whole screen.
 */
function overrunStart(snapshots: readonly Snapshot[]): number | null {
	let earliest: number | null = null;
	for (const s of snapshots) {
		const at = s.pollStartedAt ?? null;
		if (at === null) {
			if (s.connection.kind === 'live') return null;
			continue;
		}
		if (earliest === null || at < earliest) earliest = at;
	}
	return earliest;
}
