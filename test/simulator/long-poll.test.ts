import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
	createSimulator,
	type Simulator,
	type SimulatorOptions,
} from '../../source/simulator/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { simGet, testAgent } from '../helpers/sim-http.js';
import { until } from '../helpers/until.js';

const START = Date.UTC(2026, 10, 20, 1, 0, 0);
const agent = testAgent();
let sim: Simulator | null = null;

afterAll(() => agent.close());
afterEach(async () => {
	await sim?.close();
	sim = null;
});

async function start(options: SimulatorOptions = {}) {
	sim = createSimulator({
		seed: 3,
		autoAdvance: false,
		startTime: START,
		historyJobs: 0,
		activeJobs: 0,
		ratePerMinute: 0,
		...options,
	});
	const job = sim.addJob({ name: 'Expand Volume', auto: false });
	const base = await sim.listen();
	const path = (query: string) =>
		`/api/management-server/jobs/${encodeURIComponent(job.key)}?${query}`;
	return { sim, job, base, path };
}

describe('simulator long polling', () => {
	it('holds a poll until the job changes, then answers with the change', async () => {
		const { sim, job, base, path } = await start();
		const first = await simGet(base, path(''), { dispatcher: agent });
		const since = encodeURIComponent(new Date(first.headers.date as string).toISOString());
		let settled = false;
		const held = simGet(base, path(`poll_timeout=60&last_modified=${since}`), {
			dispatcher: agent,
		}).finally(() => {
			settled = true;
		});
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		expect(settled).toBe(false);
		sim.updateJob(job.key, { name: 'Expand Volume (retry)' });
		const reply = await held;
		expect(reply.status).toBe(200);
		expect(reply.json.name).toBe('Expand Volume (retry)');
		expect(sim.stats.longPollsHeld).toBe(0);
		expect(sim.stats.longPolls).toBe(1);
	});

	it('answers at once when the job changed after last_modified, at the precision given', async () => {
		const { sim, job, base, path } = await start();
		sim.advance(500);
		sim.updateJob(job.key, { state: 'completed', status: 'normal' });
		// Epoch ms: the change 500 ms after START is newer.
		const ms = await simGet(base, path(`poll_timeout=60&last_modified=${START}`), {
			dispatcher: agent,
		});
		expect(ms.json.state).toBe('completed');
		// ISO with milliseconds and epoch seconds with a fraction are just as precise.
		const iso = encodeURIComponent(new Date(START + 499).toISOString());
		const isoReply = await simGet(base, path(`poll_timeout=60&last_modified=${iso}`), {
			dispatcher: agent,
		});
		expect(isoReply.json.state).toBe('completed');
		// Whole seconds (a Date header's precision): the change in that same second is not newer…
		let settled = false;
		const held = simGet(base, path(`poll_timeout=60&last_modified=${START / 1000}`), {
			dispatcher: agent,
		}).finally(() => {
			settled = true;
		});
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		expect(settled).toBe(false);
		sim.advance(60_000);
		expect((await held).json.state).toBe('completed');
		// …but one in a later second is.
		const later = await simGet(
			base,
			path(`poll_timeout=60&last_modified=${(START - 1000) / 1000}`),
			{ dispatcher: agent },
		);
		expect(later.status).toBe(200);
		expect(sim.stats.longPollsHeld).toBe(0);
	});

	it('ends a held poll when its timeout passes in simulated time', async () => {
		const { sim, base, path } = await start();
		let settled = false;
		const held = simGet(base, path(`poll_timeout=10&last_modified=${START}`), {
			dispatcher: agent,
		}).finally(() => {
			settled = true;
		});
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		sim.advance(9_999);
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		expect(sim.stats.longPollsHeld).toBe(1);
		sim.advance(1);
		const reply = await held;
		expect(reply.status).toBe(200);
		expect(reply.json.name).toBe('Expand Volume');
		expect(reply.headers.date).toBe(new Date(START + 10_000).toUTCString());
	});

	it('also ends it by the clock in manual mode, so a short poll_timeout never strands a client', async () => {
		const clock = new FakeClock(START);
		const { sim, base, path } = await start({ clock });
		const held = simGet(base, path('poll_timeout=5'), { dispatcher: agent });
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		clock.tick(4_999);
		expect(sim.stats.longPollsHeld).toBe(1);
		clock.tick(1);
		expect((await held).status).toBe(200);
		expect(sim.stats.longPollsHeld).toBe(0);
		expect(clock.pendingTimers).toBe(0);
	});

	it('clamps poll_timeout to 1..120 seconds', async () => {
		const { sim, base, path } = await start();
		const long = simGet(base, path('poll_timeout=500'), { dispatcher: agent });
		const short = simGet(base, path('poll_timeout=0'), { dispatcher: agent });
		await until(() => sim.stats.longPollsHeld === 2, 'two held long polls');
		sim.advance(1_000);
		expect((await short).status).toBe(200);
		expect(sim.stats.longPollsHeld).toBe(1);
		sim.advance(118_999);
		await new Promise((resolve) => setImmediate(resolve));
		expect(sim.stats.longPollsHeld).toBe(1);
		sim.advance(1);
		expect((await long).status).toBe(200);
	});

	it('refuses malformed poll_timeout and last_modified with 400', async () => {
		const { base, path } = await start();
		const timeout = await simGet(base, path('poll_timeout=soon'), { dispatcher: agent });
		expect(timeout.status).toBe(400);
		expect(timeout.json.error.target).toBe('poll_timeout');
		const since = await simGet(base, path('poll_timeout=5&last_modified=yesterday'), {
			dispatcher: agent,
		});
		expect(since.status).toBe(400);
		expect(since.json.error.target).toBe('last_modified');
	});

	it('answers at once with longPoll: false, like a server that ignores the parameters', async () => {
		const { sim, base, path } = await start({ longPoll: false });
		const reply = await simGet(base, path(`poll_timeout=120&last_modified=${START}`), {
			dispatcher: agent,
		});
		expect(reply.status).toBe(200);
		expect(reply.json.name).toBe('Expand Volume');
		const ignored = await simGet(base, path('poll_timeout=soon'), { dispatcher: agent });
		expect(ignored.status).toBe(200);
		expect(sim.stats.longPollsHeld).toBe(0);
	});

	it('answers a held poll with 404 when its job is removed, and an unknown job at once', async () => {
		const { sim, job, base, path } = await start();
		const held = simGet(base, path('poll_timeout=60'), { dispatcher: agent });
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		expect(sim.removeJob(job.key)).toBe(true);
		const reply = await held;
		expect(reply.status).toBe(404);
		expect(reply.json.error.code).toBe('4');
		const unknown = await simGet(base, '/api/management-server/jobs/none?poll_timeout=60', {
			dispatcher: agent,
		});
		expect(unknown.status).toBe(404);
	});

	it('wakes a held poll when the job moves on by itself (auto mode)', async () => {
		const clock = new FakeClock(START);
		const { sim, base } = await start({ clock, autoAdvance: true });
		const job = sim.addJob({ durationMs: 3_000, outcome: 'normal' });
		const tasks = job.taskReports.length;
		const path = `/api/management-server/jobs/${encodeURIComponent(job.key)}?poll_timeout=120`;
		const held = simGet(base, path, { dispatcher: agent });
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		clock.tick(Math.ceil(3_000 / tasks));
		const reply = await held;
		expect(reply.json.state).toBe('running');
		expect(reply.json.task_reports[0].state).toBe('completed');
		expect(reply.json.task_reports[1].state).toBe('running');
	});

	it('forgets a held poll whose client went away', async () => {
		const { sim, base, path } = await start();
		const controller = new AbortController();
		const { request } = await import('undici');
		const pending = request(`${base}${path('poll_timeout=60')}`, {
			dispatcher: agent,
			headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
			signal: controller.signal,
		}).catch((error: unknown) => error);
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		controller.abort();
		await pending;
		await until(() => sim.stats.longPollsHeld === 0, 'no long poll held');
	});

	it('releases held polls on close()', async () => {
		const { sim, base, path } = await start();
		const held = simGet(base, path('poll_timeout=120'), { dispatcher: agent }).then(
			() => 'answered',
			() => 'cut',
		);
		await until(() => sim.stats.longPollsHeld === 1, 'a held long poll');
		await sim.close();
		expect(await held).toBe('cut');
		expect(sim.stats.longPollsHeld).toBe(0);
	});
});
