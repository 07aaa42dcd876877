import { parseSortOrder, type SortOrder } from '../api/sort-order.js';
import { UsageError } from '../api/usage-error.js';
import { t } from '../i18n/t.js';
import { parseSince, SinceError } from '../time/since.js';
import { ConfigError } from './errors.js';
import type { Environment } from './paths.js';
import type { CliFlags, CommandName, OutputConfig, SimulateConfig, TrustConfig } from './types.js';
import { parseDurationFor, parseInteger, parseNumber } from './values.js';

/** The script modes' options: format, filters, limit, sort, since, timeout. `now` dates --since. */
export function resolveOutput(
	flags: CliFlags,
	command: CommandName,
	now: number = Date.now(),
): OutputConfig {
	if (flags.json === true && flags.ndjson === true) {
		throw new ConfigError(t('config.jsonAndNdjson'), { usage: command });
	}
	return {
		json: flags.json === true,
		ndjson: flags.ndjson === true,
		state: flags.state ?? null,
		name: flags.name ?? null,
		type: flags.type ?? null,
		limit: flags.limit === undefined ? null : parseInteger(flags.limit, '--limit', 1, 1_000_000),
		sort: flags.sort === undefined ? null : resolveSort(flags.sort, command),
		since: flags.since === undefined ? null : resolveSince(flags.since, command, now),
		timeoutMs:
			flags.timeout === undefined ? null : parseDurationFor(flags.timeout, '--timeout', 'wait'),
		any: waitOnly(flags.any, '--any', command),
		bell: flags.bell === true,
	};
}

/** The modes that list jobs: `list`, and the live view (which starts in that order, since then). */
const LISTING_COMMANDS: readonly CommandName[] = ['list', 'watch'];

function resolveSort(text: string, command: CommandName): SortOrder {
	if (!LISTING_COMMANDS.includes(command)) {
		throw new ConfigError(t('config.notFor', { flag: '--sort', command }), { usage: command });
	}
	try {
		return parseSortOrder(text);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		throw new ConfigError(error.message, { usage: command });
	}
}

function resolveSince(text: string, command: CommandName, now: number): number {
	if (!LISTING_COMMANDS.includes(command)) {
		throw new ConfigError(t('config.notFor', { flag: '--since', command }), { usage: command });
	}
	try {
		return parseSince(text, now);
	} catch (error) {
		if (!(error instanceof SinceError)) throw error;
		throw new ConfigError(t('config.originSays', { origin: '--since', message: error.message }), {
			usage: command,
		});
	}
}

/** A flag that means something only to `wait`: anywhere else it would silently do nothing. */
function waitOnly(value: boolean | undefined, flag: string, command: CommandName): boolean {
	if (value !== true) return false;
	if (command !== 'wait') throw new ConfigError(t('config.waitOnly', { flag }), { usage: 'wait' });
	return true;
}

const SHAPES = ['lowercase', 'uppercase', 'single'] as const;

/** `umwatch simulate` options; harmless defaults for every other command. */
export function resolveSimulate(flags: CliFlags): SimulateConfig {
	const shape = flags.shape ?? 'lowercase';
	if (!(SHAPES as readonly string[]).includes(shape)) {
		throw new ConfigError(t('config.shape', { values: SHAPES.join(', ') }), { usage: 'simulate' });
	}
	if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) {
		throw new ConfigError(t('config.tlsPair'), { usage: 'simulate' });
	}
	return {
		host: flags.host ?? '127.0.0.1',
		port: flags.port === undefined ? 0 : parseInteger(flags.port, '--port', 0, 65_535),
		tlsCert: flags.tlsCert ?? null,
		tlsKey: flags.tlsKey ?? null,
		ratePerMinute: flags.rate === undefined ? null : parseNumber(flags.rate, '--rate'),
		seed: flags.seed === undefined ? null : parseInteger(flags.seed, '--seed', 0, 2 ** 31 - 1),
		shape: shape as SimulateConfig['shape'],
		longPoll: flags.longPoll !== false,
		user: flags.user ?? 'admin',
	};
}

/**
 * `umwatch trust` options. `--set-url` changes a profile's URL to the one
 * given, so it needs both; anywhere else it would silently do nothing.
 */
export function resolveTrust(
	flags: CliFlags,
	env: Environment,
	command: CommandName,
	profileName: string | null,
): TrustConfig {
	if (flags.setUrl === true) {
		if (command !== 'trust') {
			throw new ConfigError(t('config.setUrlTrustOnly'), { usage: 'trust' });
		}
		if (flags.url === undefined && (env.UMWATCH_URL ?? '') === '') {
			throw new ConfigError(t('config.setUrlNeedsUrl'), { usage: 'trust' });
		}
		if (profileName === null) {
			throw new ConfigError(t('config.setUrlNeedsProfile'), { usage: 'trust' });
		}
	}
	return { setUrl: flags.setUrl === true, user: flags.user ?? null };
}
