/** Japanese for en/trust.ts. The answer is still y or yes (はい too: see config/prompt.ts). */
import { translation } from '../catalogue.js';
import { trustEn } from '../en/trust.js';

export const trustJa = translation(trustEn, {
	'trust.label.server': 'サーバー',
	'trust.label.subject': '発行先',
	'trust.label.issuer': '発行者',
	'trust.label.names': '名前',
	'trust.label.valid': '有効',
	'trust.label.verified': '検証',
	'trust.none': '(なし)',
	'trust.unknownDate': '(不明)',
	'trust.selfSigned': '(自己署名)',
	'trust.notThisHost': '(このホストを含まない)',
	'trust.validRange': '{from} ～ {to}',
	'trust.expired': '期限切れ',
	'trust.notYetValid': '有効期間前',
	'trust.verifiedYes': '済み (信頼された CA)',
	'trust.verifiedNo': '失敗 ({reason})',
	'trust.unknownReason': '理由不明',

	'trust.needsServer': 'trust にはサーバーが必要です: --url かプロファイルを指定',
	'trust.alreadyPinned': 'この証明書は固定済みです。',
	'trust.differs': '固定済みの {fingerprint} とは異なります。',
	'trust.howToAccept':
		'この証明書だけを受け入れるには、次を追加:\n  --fingerprint {fingerprint}\nまたはプロファイルに保存: umwatch trust --url {url} --profile NAME',
	'trust.question': 'この証明書をプロファイル "{name}" に固定しますか? [y/N] ',
	'trust.questionUrl': 'この証明書を "{name}" に固定し、URL を {url} にしますか? [y/N] ',
	'trust.nothingStored': '保存していません。',
	'trust.cannotAsk': '確認できません: {reason}',
	'trust.cannotAsk.hint': '確認なしで保存するには --yes を指定してください。',
	'trust.plainHttp': '{url}: 平文の HTTP では信頼するものがありません',
	'trust.plainHttp.hint':
		'trust は https:// 用です。このポートが TLS なら https:// の URL を指定してください。',
	'trust.otherServer':
		'{url} はプロファイル "{name}" のサーバー ({stored}) ではありません。保存していません',
	'trust.otherServer.hint':
		'--set-url で "{name}" に固定して URL も変更するか、別のプロファイル名にしてください。',

	'trust.where': '{path} のプロファイル "{name}"',
	'trust.created': '{where} を作成しました。この証明書だけを受け入れます。',
	'trust.nextUser':
		'次: umwatch trust {profile} --user USER (ユーザー名を保存)、その後 umwatch {profile}',
	'trust.next': '次: umwatch {profile} (ライブ ビュー) または umwatch {profile} list',
	'trust.updated': '{where} を更新しました: {parts}。',
	'trust.partJoin': '、',
	'trust.part.pinned': 'この証明書だけを受け入れます',
	'trust.part.url': 'URL は {url}',
	'trust.part.user': 'ユーザーは {user}',
});
