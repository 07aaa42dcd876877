// `list` on an 80-column terminal gives the name room before the type and the
// key: a name cut to a dozen columns says little, a key's tail or a cut type less.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runList } from '../../source/output/list.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { captureIo, fakeClient } from '../helpers/out-fakes.js';
import { apiJob } from '../helpers/ui-fixtures.js';

const clock = new FakeClock(Date.parse('2026-11-28T03:10:00Z'));

const KEY = '06a6148bf9e862df:-2611856e:16e8d47e722:-7f8';
const JOBS = [
	['パフォーマンスサービスレベルの変更', 'Modify', 'running'],
	['Configure Data Protection', 'Protection Configuration', 'running'],
	['Create File Share', 'Provisioning', 'running'],
	['ボリュームの保護', 'Protection Configuration', 'running'],
].map(([name, type, state], i) =>
	apiJob({
		key: `${KEY}${i}`,
		name,
		type,
		state,
		status: 'normal',
		submit_time: new Date(Date.parse('2026-11-28T03:09:00Z') - i * 10_000).toISOString(),
	}),
);

async function listAt(columns: number): Promise<string[]> {
	const io = captureIo({ clock, stdout: { isTTY: true, columns } });
	expect(await runList(fakeClient(JOBS), { format: 'table', color: false }, io)).toBe(0);
	return io.stdout.text().trimEnd().split('\n');
}

describe('list columns on a terminal', () => {
	it('at 80 columns the key and then the type give way to the name', async () => {
		const lines = await listAt(80);
		expect(lines).toEqual([
			'STATE      NAME                          TYPE      SUBMITTED            DURATION',
			'◐ RUNNING  パフォーマンスサービスレベ…   Modify    2026-11-28 03:09:00     1m00s',
			'◐ RUNNING  Configure Data Protection     Protect…  2026-11-28 03:08:50     1m10s',
			'◐ RUNNING  Create File Share             Provisi…  2026-11-28 03:08:40     1m20s',
			'◐ RUNNING  ボリュームの保護              Protect…  2026-11-28 03:08:30     1m30s',
		]);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	});

	it('a wide character at the edge never pushes a row past the width', async () => {
		for (let columns = 50; columns <= 110; columns++) {
			for (const line of await listAt(columns)) {
				expect([columns, stringWidth(line)]).toEqual([
					columns,
					Math.min(stringWidth(line), columns),
				]);
			}
		}
	});

	it('at 120 columns everything shows, the key by its tail', async () => {
		const lines = await listAt(120);
		expect(lines[0]).toMatch(/^STATE {6}NAME {32}TYPE {22}SUBMITTED {12}DURATION {2}KEY$/);
		expect(lines[1]).toMatch(
			/^◐ RUNNING {2}パフォーマンスサービスレベルの変更 {2}Modify .*1m00s {2}….*:-7f80$/,
		);
	});
});
