// A real OpenSSH server on 127.0.0.1, started by the test itself: its own port,
// host key, client key and config in a temp directory; no system sshd, no
// ~/.ssh touched. Admins reach umwatch through SSH, so the end-to-end tests go
// through it too: the remote pseudo-terminal, SIGWINCH over the wire, SIGHUP
// when the link drops, LANG forwarded by SendEnv.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import {
	accessSync,
	constants,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * The server binary (absolute: sshd re-executes itself). `UMWATCH_E2E_SSHD`
 * names another, e.g. a path that does not exist to see the skip.
 */
const SSHD = process.env.UMWATCH_E2E_SSHD || '/usr/sbin/sshd';
/** The client; ssh-app.ts runs it in a pseudo-terminal. */
export const SSH = '/usr/bin/ssh';
const SSH_KEYGEN = '/usr/bin/ssh-keygen';

/**
 * Why the real-SSH tests cannot run here, or undefined when they can. `.ci/run`
 * installs Debian's openssh-server when it is missing and CI runs as root.
 */
export function sshUnavailable(): string | undefined {
	for (const [path, what] of [
		[SSHD, "the OpenSSH server (Debian's openssh-server)"],
		[SSH, 'the OpenSSH client (openssh-client)'],
		[SSH_KEYGEN, 'ssh-keygen (openssh-client)'],
	] as const) {
		try {
			accessSync(path, constants.X_OK);
		} catch {
			return `${path} is missing: install ${what}, e.g. apt-get install -y openssh-server`;
		}
	}
	return undefined;
}

/** A single-quoted word for the remote shell (sshd runs the command through it). */
export function shellQuote(word: string): string {
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

function keygen(path: string): void {
	execFileSync(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', 'umwatch-e2e', '-f', path], {
		stdio: 'ignore',
	});
}

function sshdConfig(dir: string, port: number): string {
	const lines = [
		`Port ${port}`,
		'ListenAddress 127.0.0.1',
		`HostKey ${join(dir, 'host_key')}`,
		`PidFile ${join(dir, 'sshd.pid')}`,
		`AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
		// The temp directory's modes are not what sshd insists on for ~/.ssh.
		'StrictModes no',
		'UsePAM no',
		'PubkeyAuthentication yes',
		'PasswordAuthentication no',
		'KbdInteractiveAuthentication no',
		'PrintMotd no',
		'PrintLastLog no',
		'AcceptEnv LANG LC_*',
		// A config directory of its own, so a developer's ~/.config/umwatch never
		// changes what the remote umwatch does.
		`SetEnv XDG_CONFIG_HOME=${join(dir, 'config')} TZ=UTC`,
		'LogLevel VERBOSE',
	];
	if (process.getuid?.() === 0) lines.push('PermitRootLogin yes');
	return `${lines.join('\n')}\n`;
}

/** A running sshd and how to reach it. */
export class Sshd {
	readonly dir: string;
	readonly port: number;
	readonly user = userInfo().username;
	readonly #process: ChildProcess;
	#log = '';

	private constructor(dir: string, port: number, child: ChildProcess) {
		this.dir = dir;
		this.port = port;
		this.#process = child;
		child.stderr?.on('data', (chunk: Buffer) => {
			this.#log += chunk.toString('utf8');
		});
	}

	/** Starts sshd on a free port; resolves once it listens. Call stop() in afterAll. */
	static async start(): Promise<Sshd> {
		const dir = mkdtempSync(join(tmpdir(), 'umwatch-sshd-'));
		mkdirSync(join(dir, 'config'));
		keygen(join(dir, 'host_key'));
		keygen(join(dir, 'id'));
		writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'id.pub')));
		// sshd running as root wants its privilege separation directory.
		if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
		let lastError: unknown;
		// The free port may be taken between asking and binding: try another.
		for (let attempt = 0; attempt < 3; attempt++) {
			const port = await freePort();
			writeFileSync(join(dir, 'sshd_config'), sshdConfig(dir, port));
			const child = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], {
				stdio: ['ignore', 'ignore', 'pipe'],
			});
			const sshd = new Sshd(dir, port, child);
			try {
				await sshd.#listening();
				return sshd;
			} catch (error) {
				lastError = error;
				sshd.#kill();
			}
		}
		rmSync(dir, { recursive: true, force: true });
		throw lastError;
	}

	/** What sshd logged so far (for failure messages). */
	get log(): string {
		return this.#log;
	}

	#listening(): Promise<void> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => finish(new Error(`sshd did not start:\n${this.#log}`)),
				10_000,
			);
			const check = () => {
				if (this.#log.includes('Server listening on')) finish();
			};
			const onExit = (code: number | null) =>
				finish(new Error(`sshd exited (${code}) before listening:\n${this.#log}`));
			const finish = (error?: Error) => {
				clearTimeout(timer);
				this.#process.stderr?.off('data', check);
				this.#process.off('exit', onExit);
				if (error) reject(error);
				else resolve();
			};
			this.#process.stderr?.on('data', check);
			this.#process.once('exit', onExit);
			check();
		});
	}

	#kill(): void {
		if (this.#process.exitCode === null && this.#process.signalCode === null) {
			this.#process.kill('SIGTERM');
		}
	}

	/** Stops sshd and removes its directory. */
	stop(): void {
		this.#kill();
		rmSync(this.dir, { recursive: true, force: true });
	}

	/**
	 * The ssh client's options: this server only, its key only, no known_hosts,
	 * no user config, never a prompt. `sendEnv` names variables ssh forwards
	 * (SendEnv; the server accepts LANG and LC_*).
	 */
	sshArgs(options: { tty?: boolean; sendEnv?: readonly string[] } = {}): string[] {
		return [
			'-F',
			'/dev/null',
			'-o',
			'StrictHostKeyChecking=no',
			'-o',
			'UserKnownHostsFile=/dev/null',
			'-o',
			'BatchMode=yes',
			'-o',
			'IdentitiesOnly=yes',
			'-o',
			'LogLevel=ERROR',
			...(options.sendEnv ?? []).flatMap((name) => ['-o', `SendEnv=${name}`]),
			'-i',
			join(this.dir, 'id'),
			'-p',
			String(this.port),
			options.tty === true ? '-tt' : '-T',
			`${this.user}@127.0.0.1`,
		];
	}

	/**
	 * Runs a command on the server without a terminal (`ssh host command`), the
	 * way a script would; stdin is empty. `env` is the local ssh's environment
	 * (LANG, say, with `sendEnv: ['LANG']`).
	 */
	async exec(
		remoteCommand: string,
		options: { env?: Readonly<Record<string, string>>; sendEnv?: readonly string[] } = {},
	): Promise<{ stdout: string; stderr: string; code: number }> {
		const args = [
			...this.sshArgs(options.sendEnv ? { sendEnv: options.sendEnv } : {}),
			remoteCommand,
		];
		const child = execFile(SSH, args, {
			env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: this.dir, ...options.env },
			timeout: 20_000,
		});
		child.stdin?.end();
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr?.on('data', (chunk: string) => {
			stderr += chunk;
		});
		const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
		return { stdout, stderr, code };
	}
}
