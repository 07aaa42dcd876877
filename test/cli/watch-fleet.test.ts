// The live view's fleet as watch.ts builds it: one engine per connection, each
// with its own server's interval and retention cap; one connection, no fleet.
import { afterEach, expect, it } from 'vitest';
import type { Connection } from '../../source/commands/connect.js';
import { type Watched, watchConnections } from '../../source/commands/watch-fleet.js';
import type { Config, NamedServer } from '../../source/config/types.js';
import { FakeAiqumClient, FakeAiqumModel } from '../helpers/fake-client.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { until } from '../helpers/until.js';

let watched: Watched | null = null;

afterEach(async () => {
	await watched?.engine.stop();
	watched = null;
});

function connection(name: string, jobs: number, clock: FakeClock): Connection {
	const model = new FakeAiqumModel(clock);
	model.addJobs(jobs, { state: 'completed', status: 'normal' });
	return {
		client: new FakeAiqumClient(model),
		name,
		url: `https://${name}.example/api`,
		host: `${name}.example`,
		insecure: name === 'osaka',
		reconnector: null,
		close: async () => undefined,
	};
}

function configOf(servers: NamedServer[]): Config {
	return {
		servers,
		intervalMs: 15_000,
		maxJobs: null,
		output: { since: null },
	} as unknown as Config;
}

function named(name: string, intervalMs: number, maxJobs: number | null): NamedServer {
	return { name, intervalMs, maxJobs, profileName: name } as unknown as NamedServer;
}

it('gives each server its own interval and retention cap', async () => {
	const clock = new FakeClock();
	const config = configOf([named('tokyo', 5000, 3), named('osaka', 7000, null)]);
	watched = watchConnections(config, [
		connection('tokyo', 5, clock),
		connection('osaka', 5, clock),
	]);
	const fleet = watched.engine;
	fleet.start();
	await until(
		() => fleet.getSnapshot().servers?.every((s) => s.connection.kind === 'live') === true,
		'both servers live',
	);
	const servers = fleet.getSnapshot().servers ?? [];
	expect(servers.map((s) => [s.name, s.url, s.intervalMs, s.jobCount])).toEqual([
		['tokyo', 'https://tokyo.example/api', 5000, 3],
		['osaka', 'https://osaka.example/api', 7000, 5],
	]);
	expect(watched.host).toBe('tokyo, osaka');
	expect(watched.insecure).toBe(true);
	expect(watched.reconnector).toBeNull();
});

it('watches one server with its own engine, no fleet', () => {
	const clock = new FakeClock();
	watched = watchConnections(configOf([]), [connection('tokyo', 1, clock)]);
	expect(watched.engine.getSnapshot().servers).toBeUndefined();
	expect(watched.host).toBe('tokyo.example');
});
