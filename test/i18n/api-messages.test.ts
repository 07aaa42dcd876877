// What an admin reads when the server or the network fails, in Japanese (the
// catalogue's api area), made by the real mappers; and a guard that no message
// in source/api/ is written as a literal any more (every one goes through t()).
import { afterEach, describe, expect, it } from 'vitest';
import { mapFailure } from '../../source/api/error-map.js';
import { abortedError, toApiError } from '../../source/api/errors.js';
import { statusError } from '../../source/api/status-error.js';
import { normalizeFingerprint } from '../../source/api/tls.js';
import { parseBaseUrl } from '../../source/api/url.js';
import { setLanguage } from '../../source/i18n/language.js';
import { readTree } from '../architecture/read-tree.js';

afterEach(() => setLanguage('en'));

const context = {
	host: 'um01:443',
	path: '/api/management-server/jobs',
	secrets: ['s3cret-pass'],
	connectTimeoutMs: 10_000,
	headersTimeoutMs: 1_500,
	bodyTimeoutMs: 500,
	inBody: false,
};

function status(code: number, body = '', extra: { retryAfter?: string; path?: string } = {}) {
	return statusError(
		{ status: code, retryAfter: extra.retryAfter, location: undefined, body },
		{ path: extra.path ?? context.path, secrets: context.secrets, now: 0 },
	);
}

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('api messages in Japanese', () => {
	it('HTTP statuses: 401, 403 with the server quoted, 404, 429 with its wait, 503', () => {
		setLanguage('ja');
		expect([status(401).message, status(401).hint]).toEqual([
			'Unified Manager で認証に失敗しました (401)。',
			'--user とパスワードの指定を確認してください。',
		]);
		expect(status(403, '{"error":{"message":"No role s3cret-pass."}}').message).toBe(
			'Unified Manager がこのユーザーのアクセスを拒否しました (403)：「No role ***」。',
		);
		expect(status(404, '', { path: '/api/management-server/jobs/k1' }).hint).toBe(
			'ジョブ キーと URL を確認してください。送信直後のジョブは、表示されるまで数秒かかることがあります。',
		);
		expect(status(429, '', { retryAfter: '30' }).message).toBe(
			'Unified Manager が要求を制限しています (429)。30 秒待つよう求めています。',
		);
		expect(status(503).message).toBe(
			'Unified Manager でエラーが発生しました (503 Service Unavailable)。',
		);
		expect(status(503).hint).toBe('サーバーが過負荷状態か、起動中です。');
	});

	it('network and certificate failures', () => {
		setLanguage('ja');
		const message = (code: string) => mapFailure(withCode(code), context).message;
		expect(message('ECONNREFUSED')).toBe('um01:443 への接続が拒否されました。');
		expect(message('ENOTFOUND')).toBe('ホスト名が見つかりません：um01:443。');
		expect(message('UND_ERR_CONNECT_TIMEOUT')).toBe(
			'10 秒以内に um01:443 に接続できませんでした。',
		);
		expect(message('UND_ERR_HEADERS_TIMEOUT')).toBe(
			'um01:443 から 1.5 秒以内に応答がありませんでした。',
		);
		expect(message('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe(
			'um01:443 の証明書は自己署名証明書のため、信頼されていません。',
		);
		expect(message('CERT_HAS_EXPIRED')).toBe('um01:443 の証明書の有効期限が切れています。');
		expect(
			mapFailure(withCode('SELF_SIGNED_CERT_IN_CHAIN'), { ...context, caFile: 'ca.pem' }).hint,
		).toBe(
			'ca.pem に署名元の CA かサーバー自身の証明書が含まれているか確認するか、`umwatch trust` で証明書を固定してください。',
		);
		expect(abortedError().message).toBe('要求はキャンセルされました。');
		expect(toApiError(new Error('boom')).message).toBe('予期しないエラー：boom');
	});

	it('what the user typed: a URL, a fingerprint', () => {
		setLanguage('ja');
		expect(() => parseBaseUrl('')).toThrow(
			'--url https://HOST でサーバーの URL を指定してください。',
		);
		expect(() => parseBaseUrl('ftp://um01')).toThrow('URL スキーム "ftp" は未対応です。');
		expect(() => normalizeFingerprint('nope')).toThrow(
			'SHA-256 フィンガープリントではありません。',
		);
	});

	it('English stays the default: the same calls without setLanguage', () => {
		expect(status(401).message).toBe('Unified Manager rejected the user name or password (401).');
		expect(mapFailure(withCode('ECONNREFUSED'), context).message).toBe(
			'Connection refused by um01:443.',
		);
	});
});

describe('no literal message left in source/api/', () => {
	it('every ApiError, UsageError and mapped failure takes its text from t()', () => {
		const literal = [
			/new ApiError\(\s*'[\w-]+',\s*[`'"]/,
			/new UsageError\(\s*[`'"]/,
			/\bmake\(\s*'[\w-]+',\s*[`'"]/,
			/hint:\s*[`'"]/,
		];
		const found: string[] = [];
		for (const [file, text] of readTree('source/api')) {
			for (const pattern of literal) {
				const match = pattern.exec(text);
				if (match !== null) found.push(`${file}: ${match[0]}`);
			}
		}
		expect(found).toEqual([]);
	});
});
