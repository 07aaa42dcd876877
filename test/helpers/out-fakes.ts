import { Readable, Writable } from 'node:stream';
import { ApiError } from '../../source/api/errors.js';
import type { Job } from '../../source/api/job.js';
import type { AiqumClient, JobsPage, ListJobsOptions } from '../../source/api/types.js';
import type { OutputIo } from '../../source/output/io.js';

/** A Writable that keeps every byte written, with optional terminal traits. */
export class CaptureStream extends Writable {
	readonly chunks: Buffer[] = [];
	isTTY: boolean;
	columns: number | undefined;

	constructor(options: { isTTY?: boolean; columns?: number } = {}) {
		super();
		this.isTTY = options.isTTY ?? false;
		this.columns = options.columns;
	}

	override _write(
		chunk: Buffer,
		_encoding: BufferEncoding,
		callback: (error?: Error | null) => void,
	): void {
		this.chunks.push(Buffer.from(chunk));
		callback();
	}

	/** Everything written, as UTF-8 text. */
	text(): string {
		return Buffer.concat(this.chunks).toString('utf8');
	}

	/** Everything written, as raw bytes. */
	bytes(): Buffer {
		return Buffer.concat(this.chunks);
	}
}

/**
 * A Writable whose reader has gone: the first `okWrites` writes succeed, then
 * every write fails with EPIPE, as process.stdout does after `| head -1`.
 */
export class ClosedPipeStream extends Writable {
	readonly chunks: Buffer[] = [];
	isTTY = false;
	private okWrites: number;

	constructor(okWrites = 0) {
		super();
		this.okWrites = okWrites;
	}

	override _write(
		chunk: Buffer,
		_encoding: BufferEncoding,
		callback: (error?: Error | null) => void,
	): void {
		if (this.okWrites > 0) {
			this.okWrites--;
			this.chunks.push(Buffer.from(chunk));
			callback();
			return;
		}
		callback(
			Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }),
		);
	}
}

/** Standard input carrying `text`, not a terminal. */
export function stdinOf(text: string): Readable {
	return Readable.from([Buffer.from(text)]);
}

/** An io object of capture streams; pass overrides for TTY traits, stdin, clock, signal. */
export function captureIo(
	options: {
		stdout?: { isTTY?: boolean; columns?: number };
		stderr?: { isTTY?: boolean; columns?: number };
	} & Partial<Omit<OutputIo, 'stdout' | 'stderr'>> = {},
): OutputIo & { stdout: CaptureStream; stderr: CaptureStream } {
	const { stdout, stderr, ...rest } = options;
	return {
		timeZone: 'UTC',
		env: {},
		...rest,
		stdout: new CaptureStream(stdout),
		stderr: new CaptureStream(stderr),
	};
}

/** A client over a fixed list of jobs (newest first), paging like the server with `next` links. */
export function fakeClient(
	jobs: readonly Job[],
	overrides: Partial<AiqumClient> = {},
): AiqumClient & {
	requests: string[];
} {
	const requests: string[] = [];
	const page = (offset: number, size: number, filters: string): JobsPage => {
		const matching = jobs.filter((job) => filters === '' || job.name.includes(filters));
		const slice = matching.slice(offset, offset + size);
		const next =
			offset + size < matching.length
				? `/api/management-server/jobs?offset=${offset + size}&max_records=${size}&name=${filters}`
				: null;
		return {
			jobs: slice,
			numRecords: slice.length,
			totalRecords: matching.length,
			nextHref: next,
			skipped: 0,
		};
	};
	return {
		baseUrl: 'https://um.test/api',
		displayHost: 'um.test',
		server: '',
		requests,
		async listJobsPage(options: ListJobsOptions = {}) {
			requests.push(
				`page max=${options.maxRecords} order=${options.orderBy} name=${options.filters?.name ?? ''}`,
			);
			return page(
				options.offset ?? 0,
				Math.min(1000, options.maxRecords ?? 20),
				options.filters?.name ?? '',
			);
		},
		async listJobsPageAt(href: string) {
			requests.push(`at ${href}`);
			const url = new URL(href, 'https://um.test');
			return page(
				Number(url.searchParams.get('offset')),
				Number(url.searchParams.get('max_records')),
				url.searchParams.get('name') ?? '',
			);
		},
		async getJob(key: string) {
			requests.push(`get ${key}`);
			const job = jobs.find((j) => j.key === key);
			if (job === undefined)
				throw new ApiError('not-found', `job ${key} not found`, { status: 404 });
			return job;
		},
		async longPollJob() {
			throw new Error('not used');
		},
		async getSystem() {
			return { version: '9.16P1', uuid: null, name: null };
		},
		async close() {},
		...overrides,
	};
}

/** ESC, C1 controls, BEL and bidi/zero-width characters: none may reach a terminal. */
export function activeCharacters(text: string): string[] {
	return [
		...text.matchAll(
			/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu,
		),
	].map((m) => `U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
