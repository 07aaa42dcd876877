/** Japanese for en/output.ts (stderr, usage errors, and what a terminal shows of list/show/wait). */
import { translation } from '../catalogue.js';
import { outputEn } from '../en/output.js';

export const outputJa = translation(outputEn, {
	'output.retrying': '再試行中：{error}',
	'output.restored': '接続が回復しました。',
	'output.cannotWrite': '出力を書き込めません：{error}',
	'output.listSeparator': '、',
	'output.namesAnd': '{names}、{last}',
	'output.namesOr': '{names}、{last}',

	'output.wait.elapsed': '経過 {time}',
	'output.wait.one': '{key} を待機中',
	'output.wait.several': 'ジョブ {count} 件を待機中：{counts}',
	'output.wait.running': '実行中 {count}',
	'output.wait.queued': '待機中 {count}',
	'output.wait.notSeen': '未確認 {count}',
	'output.wait.done': '完了 {count}',
	'output.wait.job': 'ジョブ {key}',
	'output.timeout.one': 'ジョブ {key}{seen} の待機が {after} でタイムアウトしました。',
	'output.timeout.several':
		'ジョブ {total} 件中 {open} 件の待機が {after} でタイムアウトしました：{each}',
	'output.timeout.seenState': ' (最終状態 {state})',
	'output.timeout.seenError': ' (最後のエラー：{error})',
	'output.timeout.seenBoth': ' (最終状態 {state}、最後のエラー：{error})',
	'output.outcome.noName': '(名前なし)',
	'output.outcome.took': '所要 {time}',

	'output.list.noJobs': '該当ジョブなし。',
	'output.list.badLimit': '--limit には 1 以上の整数を指定してください ({value})。',

	'output.show.server': 'サーバー',
	'output.show.key': 'キー',
	'output.show.name': '名前',
	'output.show.state': '状態',
	'output.show.type': '種類',
	'output.show.submitted': '送信日時',
	'output.show.started': '開始日時',
	'output.show.completed': '完了日時',
	'output.show.duration': '所要時間',
	'output.show.soFar': '{time} (実行中)',
	'output.show.lifecycle': 'lifecycle {value}',
	'output.show.outcome': 'outcome {value}',
	'output.show.tasks': 'タスク',
	'output.show.results': '結果',
	'output.show.other': 'その他',

	'output.find.onSeveral':
		'ジョブ {key} は {names} にあります。--profile {first} のように指定してください。',
	'output.find.notOnOne': '{names} にジョブ {key} はありません (404 Not Found)。',
	'output.find.notOnSeveral': '{names} のどれにもジョブ {key} はありません (404 Not Found)。',

	'output.state.noMatch':
		'--state {shown}{which} に一致する状態はありません。{words}、または不明な状態には unknown:VALUE を指定してください (| で区切って複数指定、* はワイルドカード)。',
	'output.state.emptyAlternative':
		'--state {shown} に空の選択肢があります。例：error、running、failed、error|warning',

	'output.key.empty':
		'{source} が空です。06a6148bf9e862df:-2611856e:16e8d47e722:-7f87 のようなジョブ キーを指定してください。',
	'output.key.tooLong': '{source} は {length} 文字で、ジョブ キーとしては長すぎます。',
	'output.key.badCharacters':
		'{source} {shown} に空白か制御文字が含まれています。ジョブ キーには含まれません。',

	'output.stdin.expected':
		'{job} や {operation} のような AIQUM の 202 応答本文か、ジョブ キーを指定してください',
	'output.stdin.line': 'stdin の {line} 行目',
	'output.stdin.keyOn': '{where} のキー',
	'output.stdin.tooLarge': 'stdin が 1 MiB を超えています。{expected}。',
	'output.stdin.cannotRead': 'stdin を読み取れません：{error}',
	'output.stdin.serverError':
		'{where} はジョブではなくサーバーのエラーです：{said}{more}。ジョブを開始する要求が失敗しています。',
	'output.stdin.noMessage': 'メッセージなし',
	'output.stdin.quoted': '「{text}」',
	'output.stdin.errorCode': 'code {code}',
	'output.stdin.errorTarget': 'target {target}',
	'output.stdin.html':
		'{where} はジョブではなく HTML ページです。ジョブを開始する要求が失敗しています。',
	'output.stdin.htmlTitled':
		'{where} はジョブではなく HTML ページ (「{title}」) です。ジョブを開始する要求が失敗しています。',
	'output.stdin.text':
		'{where} はジョブ キーではなくテキストです：{shown} (キーに空白はありません)。{expected}。',
	'output.stdin.empty': '{where} が空です。{expected}。',
	'output.stdin.notJson': '{where} は有効な JSON ではありません。{expected}。',
	'output.stdin.noKey': '{where} にジョブ キーがありません。{expected}。',
	'output.stdin.none': 'KEY が "-" ですが、stdin がありません。{expected}。',
	'output.stdin.terminal':
		'KEY が "-" ですが、stdin が端末です。202 応答本文をパイプで渡してください (例：curl … | umwatch wait -)。',
});
