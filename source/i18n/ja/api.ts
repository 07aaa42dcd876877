/** Japanese for en/api.ts (NetApp's Japanese documentation style: サーバー, 証明書, ジョブ). */
import { translation } from '../catalogue.js';
import { apiEn } from '../en/api.js';

export const apiJa = translation(apiEn, {
	'api.serverSaid': '：「{text}」',
	'api.durationMs': '{value} ms',
	'api.durationS': '{value} 秒',

	'api.auth': 'Unified Manager で認証に失敗しました (401)。',
	'api.auth.hint': '--user とパスワードの指定を確認してください。',
	'api.forbidden': 'Unified Manager がこのユーザーのアクセスを拒否しました (403){said}。',
	'api.forbidden.hint':
		'ユーザーに API のロールが必要です。ジョブの監視には Operator (読み取り専用) で十分です。',
	'api.notFound': 'Unified Manager に {path} が見つかりません (404 Not Found){said}。',
	'api.notFound.pathHint':
		'URL を確認してください。直接またはプロキシのプレフィックス経由で Unified Manager の API (…/api) に届く必要があります。',
	'api.notFound.jobHint':
		'ジョブ キーと URL を確認してください。送信直後のジョブは、表示されるまで数秒かかることがあります。',
	'api.method': 'Unified Manager がこの要求を許可しませんでした (405){said}。',
	'api.method.hint': 'ジョブ API は読み取り専用です。umwatch のバグとして報告してください。',
	'api.rateLimited': 'Unified Manager が要求を制限しています (429){said}。',
	'api.rateLimitedWait':
		'Unified Manager が要求を制限しています (429)。{seconds} 秒待つよう求めています{said}。',
	'api.rateLimited.hint': 'ライブ ビューでは、--interval を長くすると回避できます。',
	'api.serverFailed': 'Unified Manager でエラーが発生しました ({status}){said}。',
	'api.serverFailed.hint503': 'サーバーが過負荷状態か、起動中です。',
	'api.serverFailed.hint': '解決しない場合は、Unified Manager の状態を確認してください。',
	'api.redirect': 'Unified Manager がリダイレクトを返しました ({status})。',
	'api.redirectTo': 'Unified Manager が {location} へのリダイレクトを返しました ({status})。',
	'api.redirect.hint': 'URL (https、ポート、…/api) を確認してください。',
	'api.requestRejected': 'Unified Manager が要求を拒否しました ({status}){said}。',
	'api.requestRejected.hint': 'フィルタとオプションを確認してください。',

	'api.fingerprintChanged':
		'{host} の証明書が変わりました。SHA-256 フィンガープリントが、固定した {expected} ではなく {actual} です。',
	'api.fingerprintChanged.hint':
		'証明書を意図的に更新した場合は、内容を確認して `umwatch trust` を再実行してください。そうでない場合は、通信が傍受されている可能性があります。',
	'api.speaksTls': 'URL は http:// ですが、{host} は TLS で通信しています。',
	'api.speaksTls.hint':
		'このポートは TLS です。--url https://{host} のように https:// を使用してください。',
	'api.refused': '{host} への接続が拒否されました。',
	'api.refused.hint': 'URL とサーバーの稼働を確認してください。',
	'api.hostNotFound': 'ホスト名が見つかりません：{host}。',
	'api.hostNotFound.hint': 'URL のホスト名 (と DNS) を確認してください。',
	'api.noRoute': '{host} に到達できません。',
	'api.noRoute.hint': 'VPN、ファイアウォール、ルーティングを確認してください。',
	'api.connectTimeout': '{time}以内に {host} に接続できませんでした。',
	'api.connectTimeout.hint': 'ホストへの経路 (VPN、ファイアウォール) を確認してください。',
	'api.headersTimeout': '{host} から {time}以内に応答がありませんでした。',
	'api.bodyTimeout': '{host} からの応答が途中で止まりました ({time})。',
	'api.overloaded.hint': 'Unified Manager が過負荷の可能性があります。',
	'api.cancelled': '要求はキャンセルされました。',
	'api.cancelledClosed': '要求はキャンセルされました (クライアントを閉じました)。',
	'api.closedInBody': '応答をすべて受信する前に、{host} との接続が閉じられました。',
	'api.closedBeforeAnswer': '応答の前に、{host} との接続が閉じられたかリセットされました。',
	'api.closed.hint': '繰り返し発生する場合は、サーバーとの間のプロキシを確認してください。',
	'api.otherFailure': '{host} と通信できませんでした：{detail}。',
	'api.certNotFromCaFile': '{host} の証明書は {caFile} の CA で署名されていません。',
	'api.certSelfSignedNotFromCaFile':
		'{host} の証明書は {caFile} の CA で署名されていません (自己署名証明書です)。',
	'api.certNotFromCaFile.hint':
		'{caFile} に署名元の CA かサーバー自身の証明書が含まれているか確認するか、`umwatch trust` で証明書を固定してください。',
	'api.selfSigned': '{host} の証明書は自己署名証明書のため、信頼されていません。',
	'api.untrustedCa': '{host} の証明書は、このマシンが信頼していない CA によって署名されています。',
	'api.trust.hint':
		'`umwatch trust` で証明書を固定するか、--ca-file FILE または --insecure を使用してください。',
	'api.certExpired': '{host} の証明書の有効期限が切れています。',
	'api.certExpired.hint':
		'Unified Manager で証明書を更新してください。それまでは `umwatch trust` で固定するか、--insecure で接続できます。',
	'api.certNotYetValid': '{host} の証明書はまだ有効になっていません。',
	'api.certNotYetValid.hint': 'このマシンとサーバーの時刻を確認してください。',
	'api.certOtherHost': '{host} の証明書は別のホスト名のものです。',
	'api.certOtherHostNames': '{host} の証明書は別のホスト名のものです ({names})。',
	'api.certOtherHost.hint':
		'URL に証明書記載のホスト名を使用するか、`umwatch trust` で証明書を固定してください。',
	'api.handshakeFailed': '{host} との TLS ハンドシェイクに失敗しました ({code})。',
	'api.handshakeFailed.hint':
		'ポートが正しく、https に対応しているか確認してください。TLS なしのシミュレータには http:// を使用します。',
	'api.unexpected': '予期しないエラー：{text}',

	'api.tooLarge': '{host} からの応答が {size} を超えているため、読み込みませんでした。',
	'api.tooLarge.hint': 'プロキシか、異常なサーバーが送信している可能性があります。',
	'api.html': '{host} が JSON でなく HTML を返しました。プロキシかログイン画面では?',
	'api.html.hint': 'URL (Unified Manager ホストの …/api) と、途中のプロキシを確認してください。',
	'api.emptyBody': '{host} が空の応答を返しました。',
	'api.emptyBody.hint': 'プロキシの干渉が考えられます。',
	'api.jsonCut': '{host} が途中で切れた JSON を返しました ({bytes} バイト)。',
	'api.notJson': '{host} が JSON 以外の応答を返しました。',
	'api.badBody.hint': '続く場合は、サーバーと途中のプロキシを確認してください。',
	'api.noJobList': 'Unified Manager の応答にジョブの一覧がありません。',
	'api.noJobList.hint':
		'URL は Unified Manager の API (…/api) ですか? プロキシが代わりに応答している可能性があります。',
	'api.jobWithoutKey': 'Unified Manager がキーのないジョブを返しました。',
	'api.systemNotObject': 'Unified Manager のシステム情報の応答がオブジェクトではありません。',
	'api.isApi.hint': 'URL は Unified Manager の API (…/api) ですか?',
	'api.noJobKey': 'キーが未指定です。',
	'api.noJobKey.hint': 'キーを指定してください。',
	'api.nextInvalid':
		'Unified Manager が有効な URL ではない次ページのリンクを返しました。リンクはたどりません。',
	'api.nextOtherServer':
		'Unified Manager が別のサーバー ({origin}) への次ページのリンクを返しました。リンクはたどりません。',
	'api.nextCredentials':
		'Unified Manager が認証情報を含む次ページのリンクを返しました。リンクはたどりません。',
	'api.nextOutside':
		'Unified Manager が {root}/ の外 ({path}) への次ページのリンクを返しました。リンクはたどりません。',
	'api.nextUnchecked':
		'Unified Manager が確認できない次ページのリンクを返しました。リンクはたどりません。',
	'api.nextLoop':
		'Unified Manager が読み込み済みのページへの次ページのリンクを返しました。リンクはたどりません。',
	'api.next.hint':
		'プロキシか設定に誤りのあるサーバーがリンクを書き換えています。サーバー管理者に報告してください。',

	'api.noUrl': '--url https://HOST でサーバーの URL を指定してください。',
	'api.badUrl': '有効な URL ではありません：{url}。',
	'api.urlCredentials':
		'URL にユーザー名またはパスワード (user:pass@host) が含まれています。URL 内の認証情報はプロセス一覧やシェル履歴から漏れるため、ユーザーは --user、パスワードは UMWATCH_PASSWORD または --password-file で指定してください。',
	'api.urlScheme':
		'URL スキーム "{scheme}" は未対応です。https:// (シミュレータは http://) を使用してください。',
	'api.urlQuery': 'サーバーの URL にクエリ (?) やフラグメント (#) は指定できません。',
	'api.badFingerprint':
		'SHA-256 フィンガープリントではありません。16 進数 64 桁が必要です (コロンは省略可、`umwatch trust` で表示されます)。',
	'api.badSort': '{origin} に {value} は使えません ({orders} のいずれか)',
	'api.plainHttpTrust':
		'HTTP では信頼する証明書がありません ({host})。https:// を使用してください。',
	'api.patternEmpty': "{flag} に値を指定してください (例: {flag} 'Create*')。",
	'api.patternQuestion':
		"{flag} に '?' は使えません (AIQUM のフィルタでは不可)。ワイルドカードには * を使用してください。",
});
