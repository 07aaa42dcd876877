/** Japanese for en/cli.ts. */
import { translation } from '../catalogue.js';
import { cliEn } from '../en/cli.js';

export const cliJa = translation(cliEn, {
	'cli.badLang': '{name} に "{value}" は使えません (ja か en)',
	'cli.unknownFlag': '不明なフラグ: {names}',
	'cli.unknownFlags': '不明なフラグ: {names}',
	'cli.needsValue': '{flag} に値が必要です',
	'cli.repeatedFlag': '{flag} は 1 回だけ指定できます。',
	'cli.usage': '使い方: {lines}',
	'cli.usage.more': 'すべてのフラグは umwatch --help で。',
	'cli.unexpected': '{command} の後に不要な "{word}"',
	'cli.needsKey': '{command} にはジョブ キーが必要',
	'cli.waitNeedsKey': 'wait にはジョブ キーが必要です (- で標準入力から 202 の本文かキー)',
	'cli.watch.noKeyboard': 'ライブ ビューにはキー入力用の端末が必要です: {reason}',
	'cli.watch.noKeyboard.hint': 'スクリプトでは umwatch list か umwatch events を使用',
	'cli.serverSays': '{name}: {message}',
	'cli.insecure': '警告: --insecure: サーバー証明書を検証しません',
	'cli.insecureOf': '警告: --insecure: {name} のサーバー証明書を検証しません',
	'cli.screenHoldsTerminal': '画面が端末を使用中',
	'cli.caFileEmpty': 'CA ファイル {path} に PEM 証明書がありません',
	'cli.caFileEmpty.hint': '-----BEGIN CERTIFICATE----- を含めてください',
	'cli.caFileUnreadable': 'CA ファイル {path} を読めません: {code}',
	'cli.caFileUnreadable.hint': 'パスと権限を確認してください',
	'cli.reloadFailed': '設定の再読み込みに失敗しました: {message}',
	'cli.simulate.cannotListen': '{address} で待ち受けできません: {code}',
	'cli.simulate.cannotListen.hint': '別の --port か、空きポートなら --port 0 を指定',
	'cli.simulate.listening': 'umwatch simulate: 模擬 Unified Manager が {url} で待ち受け中',
	'cli.simulate.user': '  ユーザー:   {user}',
	'cli.simulate.password': '  パスワード: {password}',
	'cli.simulate.try': "試す: UMWATCH_PASSWORD='{password}' umwatch --url {url} --user {user}",
	'cli.simulate.tryTls':
		"試す: UMWATCH_PASSWORD='{password}' umwatch --url {url} --user {user} --ca-file <証明書>",
	'cli.simulate.stop': 'Ctrl-C で停止します。',
	'cli.simulate.cannotReadCert': '証明書 {path} を読めません: {code}',
	'cli.simulate.cannotReadKey': '秘密鍵 {path} を読めません: {code}',
});
