import type { Requester } from '../api/pages.js';
import { withOneShotRetries } from '../engine/backoff.js';
import { systemClock } from '../time/clock.js';
import type { OutputIo } from './io.js';

/**
 * How `list` and `show` run each GET: retried like a poll of the live view
 * (quick retries, then its backoff, `Retry-After` honoured) for at most 30 s
 * after the first failure, so a blip of a busy Unified Manager does not fail
 * a cron check. An interrupt (io.signal) cancels the request and the waits.
 */
export function oneShotRequester(io: Pick<OutputIo, 'clock' | 'signal'>): Requester {
	const clock = io.clock ?? systemClock;
	const signal = io.signal ?? new AbortController().signal;
	return (run) => withOneShotRetries(run, { clock, random: Math.random, signal });
}
