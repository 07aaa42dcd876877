import { isStale } from '../../engine/freshness.js';
import type { ErrorSummary, ServerHealth } from '../../engine/types.js';
import { t } from '../../i18n/t.js';
import type { Glyphs } from '../../present/theme.js';
import { formatAge } from '../../present/time-format.js';
import { secondsUntil } from './header.js';
import { type Line, lineWidth, type Segment, spread } from './segments.js';

/**
 * How each server of several stands, for the header: one short entry per
 * server (`tokyo ●  osaka ✗ 401  nagoya ○ refused`), or, when those do not
 * fit, a count (`3/4 live`) and the names of the servers in trouble that fit.
 */

/** One server as the header judges it, at the rendered time. */
export type ServerStatus = 'live' | 'stale' | 'connecting' | 'retrying' | 'paused' | 'failed';

/** What the header needs of a server: its health, with the last success read live. */
export type ServerLine = Pick<ServerHealth, 'name' | 'connection' | 'lastSuccessAt' | 'intervalMs'>;

/** The server's status at `now`; stale by the one freshness rule (engine/freshness.ts). */
export function serverStatus(server: ServerLine, now: number): ServerStatus {
	const { kind } = server.connection;
	if (kind === 'live') return isStale(server, now) ? 'stale' : 'live';
	return kind;
}

// An HTTP status the message names: "(401)", "answered 404 …", "failed with 503 …".
const STATUS_IN_MESSAGE = /(?:\(|answered |with )([1-5]\d\d)\b/;

/**
 * A failure in one or two words, for a header entry: the HTTP status when
 * there was one (`401`), else what happened (`refused`, `timeout`, `certificate`).
 */
export function failureWords(error: ErrorSummary): string {
	const status = STATUS_IN_MESSAGE.exec(error.message)?.[1];
	switch (error.kind) {
		case 'auth':
			return '401';
		case 'permission':
			return '403';
		case 'tls':
			return t('ui.server.certificate');
		case 'timeout':
			return t('ui.server.timeout');
		case 'too-large':
			return t('ui.server.tooLarge');
		case 'aborted':
			return t('ui.server.cancelled');
		case 'rate-limited':
			return '429';
		case 'network':
			return networkWords(error.message);
		default:
			return status ?? (error.kind === 'bad-response' ? t('ui.server.badAnswer') : error.kind);
	}
}

// The message is in the language chosen (api.refused etc.): both are read.
function networkWords(message: string): string {
	if (/refused|拒否/i.test(message)) return t('ui.server.refused');
	if (/not found|見つかりません/i.test(message)) return t('ui.server.noSuchHost');
	if (/no route|到達できません/i.test(message)) return t('ui.server.unreachable');
	if (/closed|reset|閉じられ|リセット/i.test(message)) return t('ui.server.reset');
	return t('ui.server.network');
}

/** The failure a server's connection carries, or null. */
function failureOf(server: ServerLine): ErrorSummary | null {
	const { connection } = server;
	if (connection.kind === 'failed') return connection.error;
	if (connection.kind === 'retrying') return connection.lastError;
	return null;
}

/** One server's entry: the name, then the status glyph and, when `wide` or needed, words. */
function entry(server: ServerLine, now: number, glyphs: Glyphs, wide: boolean): Segment[] {
	const name: Segment = { text: server.name };
	const failure = failureOf(server);
	switch (serverStatus(server, now)) {
		case 'live':
			return [
				name,
				{ text: ` ${glyphs.live}`, color: 'green' },
				...(wide ? [{ text: ` ${t('ui.server.live')}` }] : []),
			];
		case 'stale': {
			const age = server.lastSuccessAt === null ? '' : ` ${formatAge(now - server.lastSuccessAt)}`;
			const stale = `${t('ui.server.stale')}${wide ? age : ''}`;
			return [name, { text: ` ${glyphs.down} ${stale}`, color: 'yellow' }];
		}
		case 'connecting':
			return [
				name,
				{
					text: ` ${glyphs.down}${wide ? ` ${t('ui.server.connecting', { ellipsis: glyphs.ellipsis })}` : ''}`,
					color: 'gray',
				},
			];
		case 'paused':
			return [name, { text: ` ${glyphs.down} ${t('ui.server.paused')}`, color: 'yellow' }];
		case 'retrying':
			return [
				name,
				{
					text: ` ${glyphs.down} ${failure ? failureWords(failure) : t('ui.server.retrying')}`,
					color: 'yellow',
				},
			];
		case 'failed':
			return [
				name,
				{
					text: ` ${glyphs.states.ERROR} ${failure ? failureWords(failure) : t('ui.server.failed')}`,
					color: 'red',
				},
			];
	}
}

const GAP: Segment = { text: '  ' };

function joined(entries: readonly Segment[][]): Segment[] {
	return entries.flatMap((segments, index) => (index === 0 ? segments : [GAP, ...segments]));
}

/** `3/4 live`: how many servers are live and fresh, of how many. */
export function liveCount(servers: readonly ServerLine[], now: number): Segment {
	const live = servers.filter((server) => serverStatus(server, now) === 'live').length;
	return {
		text: t('ui.server.liveCount', { live, total: servers.length }),
		color: live === servers.length ? 'green' : 'yellow',
	};
}

/**
 * The health of every server in at most `width` columns: each server with
 * words, else each server compactly, else the live count followed by as many
 * servers in trouble (failed, then retrying) as fit.
 */
export function healthSegments(
	servers: readonly ServerLine[],
	now: number,
	glyphs: Glyphs,
	width: number,
): Segment[] {
	for (const wide of [true, false]) {
		const line = joined(servers.map((server) => entry(server, now, glyphs, wide)));
		if (lineWidth(line) <= width) return line;
	}
	return summarySegments(servers, now, glyphs, width);
}

/** The live count, then the servers in trouble that fit in `width`. */
export function summarySegments(
	servers: readonly ServerLine[],
	now: number,
	glyphs: Glyphs,
	width: number,
): Segment[] {
	const line: Segment[] = [liveCount(servers, now)];
	const rank = (server: ServerLine): number => {
		const status = serverStatus(server, now);
		return status === 'failed' ? 0 : status === 'retrying' ? 1 : 2;
	};
	const trouble = servers.filter((server) => rank(server) < 2);
	trouble.sort((a, b) => rank(a) - rank(b));
	let room = width - lineWidth(line);
	for (const server of trouble) {
		const segments = [GAP, ...entry(server, now, glyphs, false)];
		const needed = lineWidth(segments);
		if (needed > room) break;
		line.push(...segments);
		room -= needed;
	}
	return line;
}

/**
 * One notice line per server in trouble, named: a failure retrying cannot fix
 * (in red), or the retry countdown and the last error (in yellow). Their
 * hints are in the error view (`e`).
 */
export function serverNoticeLines(
	servers: readonly ServerLine[],
	now: number,
	glyphs: Glyphs,
): Line[] {
	const lines: Line[] = [];
	for (const server of servers) {
		const { connection } = server;
		if (connection.kind === 'failed') {
			const text = ` ${glyphs.states.ERROR} ${server.name}: ${connection.error.message}`;
			lines.push([{ text, color: 'red' }]);
		} else if (connection.kind === 'retrying') {
			const wait = secondsUntil(connection.nextTryAt, now);
			const attempt = t('ui.notice.attempt', {
				attempt: connection.attempt,
				seconds: wait,
				message: connection.lastError.message,
			});
			const text = ` ${glyphs.warning} ${server.name}: ${attempt}`;
			lines.push([{ text, color: 'yellow' }]);
		} else if (connection.kind === 'paused' && connection.lastError) {
			const failed = t('ui.notice.refreshFailed', { message: connection.lastError.message });
			const text = ` ${glyphs.warning} ${server.name}: ${failed}`;
			lines.push([{ text, color: 'yellow' }]);
		}
	}
	return lines;
}

/** The first header line for several servers. */
export interface FleetTitleInput {
	readonly servers: readonly ServerLine[];
	/** Replaces the servers' entries on the left, e.g. "umwatch › Create File Share". */
	readonly title?: string;
	readonly now: number;
	readonly glyphs: Glyphs;
	/** The terminal's columns. */
	readonly width: number;
}

/**
 * The first header line with several servers: each server's health where one
 * server's host and status stand; under a title (a job, help, the error) the
 * live count and the servers in trouble sit on the right instead.
 */
export function fleetTitleLine(input: FleetTitleInput): Line {
	const { servers, now, glyphs } = input;
	const width = input.width - 1;
	const help: Segment = { text: `   ? ${t('ui.header.help')} ` };
	const left: Segment[] = [{ text: ' umwatch', bold: true }];
	if (input.title !== undefined) {
		left.push({ text: ` ${glyphs.pointer} ${input.title}` });
		// The servers in trouble may cut the title, down to a third of the line.
		const title = Math.min(lineWidth(left), Math.floor(width / 3));
		const room = Math.max(0, width - lineWidth([help]) - title - 1);
		const right = [...summarySegments(servers, now, glyphs, room), help];
		return spread(left, right, width, glyphs.ellipsis);
	}
	left.push({ text: '  ' });
	const room = width - lineWidth(left) - lineWidth([help]) - 1;
	return spread(
		[...left, ...healthSegments(servers, now, glyphs, room)],
		[help],
		width,
		glyphs.ellipsis,
	);
}
