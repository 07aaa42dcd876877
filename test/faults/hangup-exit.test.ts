// The exit guard on its own: it acts only when a terminal umwatch started on has
// hung up, and then ends the process by SIGHUP instead of letting exit run on.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardExitAfterHangup } from '../../source/commands/hangup-exit.js';

class FakeProcess extends EventEmitter {
	readonly pid = 4242;
	readonly kills: Array<[number, string]> = [];
	kill(pid: number, signal: 'SIGHUP'): boolean {
		this.kills.push([pid, signal]);
		return true;
	}
}

describe('guardExitAfterHangup', () => {
	it('does nothing on exit while the terminals still answer', () => {
		const proc = new FakeProcess();
		guardExitAfterHangup(proc, () => true);
		proc.emit('exit');
		expect(proc.kills).toEqual([]);
	});

	it('ends by SIGHUP, with every SIGHUP listener gone, once a terminal hung up', () => {
		const proc = new FakeProcess();
		let connected = true;
		guardExitAfterHangup(proc, (fd) => fd !== 1 || connected);
		proc.on('SIGHUP', () => undefined);
		connected = false;
		proc.emit('exit');
		expect(proc.kills).toEqual([[4242, 'SIGHUP']]);
		expect(proc.listenerCount('SIGHUP')).toBe(0);
	});

	it('never acts when nothing was a terminal (pipes), nor once uninstalled', () => {
		const piped = new FakeProcess();
		guardExitAfterHangup(piped, () => false);
		piped.emit('exit');
		expect(piped.kills).toEqual([]);
		const proc = new FakeProcess();
		let connected = true;
		const uninstall = guardExitAfterHangup(proc, () => connected);
		uninstall();
		connected = false;
		proc.emit('exit');
		expect(proc.kills).toEqual([]);
		expect(proc.listenerCount('exit')).toBe(0);
	});
});
