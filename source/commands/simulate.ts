import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { errorCode } from '../config/config-file.js';
import { SetupError } from '../config/errors.js';
import type { SimulateConfig } from '../config/types.js';
import { t } from '../i18n/t.js';
import { createSimulator, type SimulatorOptions } from '../simulator/index.js';
import type { CommandIo } from './io.js';
import type { Interrupts } from './signals.js';

/** The simulator options the simulate flags ask for (also applied to the demo). */
export function simulatorOverrides(config: SimulateConfig): SimulatorOptions {
	return {
		shape: config.shape,
		longPoll: config.longPoll,
		...(config.ratePerMinute === null ? {} : { ratePerMinute: config.ratePerMinute }),
		...(config.seed === null ? {} : { seed: config.seed }),
	};
}

/**
 * `umwatch simulate`: runs the simulated Unified Manager until SIGINT, SIGTERM
 * or SIGHUP, then closes it (held long polls and all) and exits with that
 * signal's code. Prints the URL and the credentials to use; the password is
 * made up for this run.
 */
export async function runSimulate(
	config: SimulateConfig,
	io: CommandIo,
	interrupts: Interrupts,
): Promise<number> {
	const tls =
		config.tlsCert === null || config.tlsKey === null
			? undefined
			: readTls(config.tlsCert, config.tlsKey);
	// Always made up: echoing UMWATCH_PASSWORD here could print a real server's password.
	const password = randomBytes(12).toString('base64url');
	const simulator = createSimulator({
		host: config.host,
		port: config.port,
		user: config.user,
		password,
		...(tls === undefined ? {} : { tls }),
		...simulatorOverrides(config),
	});
	let url: string;
	try {
		url = await simulator.listen();
	} catch (error) {
		throw new SetupError(
			t('cli.simulate.cannotListen', {
				address: `${config.host}:${config.port}`,
				code: errorCode(error),
			}),
			t('cli.simulate.cannotListen.hint'),
		);
	}
	try {
		io.stdout.write(
			[
				t('cli.simulate.listening', { url }),
				t('cli.simulate.user', { user: config.user }),
				t('cli.simulate.password', { password }),
				t(tls === undefined ? 'cli.simulate.try' : 'cli.simulate.tryTls', {
					password,
					url,
					user: config.user,
				}),
				t('cli.simulate.stop'),
				'',
			].join('\n'),
		);
		if (!io.signal.aborted) {
			await new Promise<void>((resolve) =>
				io.signal.addEventListener('abort', () => resolve(), { once: true }),
			);
		}
		return interrupts.exitCode() ?? 130;
	} finally {
		await simulator.close();
	}
}

function readTls(certPath: string, keyPath: string): { cert: string; key: string } {
	const read = (
		path: string,
		what: 'cli.simulate.cannotReadCert' | 'cli.simulate.cannotReadKey',
	) => {
		try {
			return readFileSync(path, 'utf8');
		} catch (error) {
			throw new SetupError(t(what, { path, code: errorCode(error) }));
		}
	};
	return {
		cert: read(certPath, 'cli.simulate.cannotReadCert'),
		key: read(keyPath, 'cli.simulate.cannotReadKey'),
	};
}
