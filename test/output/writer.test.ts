import { describe, expect, it } from 'vitest';
import { createSafeWriter } from '../../source/output/writer.js';
import { CaptureStream, ClosedPipeStream } from '../helpers/out-fakes.js';

describe('createSafeWriter', () => {
	it('writes in order and stays open', async () => {
		const stream = new CaptureStream();
		const writer = createSafeWriter(stream);
		await writer.write('a\n');
		await writer.write('b\n');
		expect(stream.text()).toBe('a\nb\n');
		expect(writer.closed).toBe(false);
	});

	it('turns EPIPE into a quiet close: no throw, no failure, later writes dropped', async () => {
		const stream = new ClosedPipeStream(1);
		const writer = createSafeWriter(stream);
		await writer.write('first\n');
		await writer.write('second\n');
		await writer.write('third\n');
		expect(Buffer.concat(stream.chunks).toString()).toBe('first\n');
		expect(writer.closed).toBe(true);
		expect(writer.failure).toBeNull();
		await writer.whenClosed;
	});

	it('keeps another write failure so the command can report it', async () => {
		const stream = new CaptureStream();
		stream._write = (_chunk, _encoding, callback) =>
			callback(Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
		const writer = createSafeWriter(stream);
		await writer.write('x');
		expect(writer.closed).toBe(true);
		expect(writer.failure?.message).toBe('no space left');
	});

	it('drops writes to a destroyed stream', async () => {
		const stream = new CaptureStream();
		stream.destroy();
		const writer = createSafeWriter(stream);
		await writer.write('x');
		expect(writer.closed).toBe(true);
		expect(writer.failure).toBeNull();
		expect(stream.text()).toBe('');
	});
});
