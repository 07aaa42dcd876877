/** Japanese for en/config.ts. */
import { translation } from '../catalogue.js';
import { configEn } from '../en/config.js';

export const configJa = translation(configEn, {
	'config.origin.profile': 'profile {name}',
	'config.origin.profileKey': 'プロファイル {name} の "{key}"',
	'config.originSays': '{origin}: {message}',
	'config.whereMissing': '{path} (存在しません)',

	'config.intervalTooShort': '{origin}: 間隔は 1 秒以上にしてください。',
	'config.intervalTooShort.hint': '例: --interval 2 (秒) または --interval 5s',
	'config.notInteger': '{origin} は {min}～{max} の整数にしてください ({text} は不可)。',
	'config.notNumber': '{origin} は 0 以上の数にしてください ({text} は不可)。',
	'config.notFingerprint': '{origin}: SHA-256 フィンガープリントではない',
	'config.notFingerprint.hint': '16 進数 64 桁 (コロンは任意)。umwatch trust で表示できます。',
	'config.urlCredentials':
		'{origin}: URL にユーザー名かパスワード (user:pass@host) が含まれているため拒否しました。',
	'config.urlCredentials.hint':
		'コマンド ラインと環境変数は他のユーザーから見えます。ユーザーは --user で、パスワードは UMWATCH_PASSWORD、--password-file、--password-command か入力で指定してください。',
	'config.notBoolean': '{name} は 1/true/yes か 0/false/no にしてください ({text} は不可)。',
	'config.asciiAndUnicode': '--ascii と --unicode は同時に指定できません。',

	'config.profileNeedsValue': '--profile に値が必要です: プロファイル名 (複数はカンマ区切り)。',
	'config.twoProfiles': '2 つのプロファイル: --profile {flag} と "{names}"。1 つにしてください。',
	'config.twoProfilesTrust': '2 つのプロファイル: "{first}" と "{second}"。1 つにしてください。',
	'config.allAndNames':
		'--all は全プロファイル、{given} は一部を指定しています。どちらかにしてください。',
	'config.allNoProfiles': '--all: {where} にプロファイルがありません。',
	'config.allNoProfiles.hint': '追加してください。例: {example}',
	'config.trustOne': 'trust は 1 回に 1 台です。プロファイルを 1 つ指定してください。',
	'config.noProfile': '{where} にプロファイル "{name}" がありません。',
	'config.knownProfiles': 'プロファイル: {names}',
	'config.noProfiles': '設定ファイルにプロファイルがありません',
	'config.oneServerOnly':
		'{flag} は 1 台用です。複数サーバーでは各プロファイルで指定してください。',
	'config.oneServerFlag.hint':
		'{path} の各プロファイルに設定するか、プロファイルを 1 つ指定してください。',
	'config.oneServerVariable.hint': '{flag} を解除するか、プロファイルを 1 つに。',
	'config.unknownWord': '不明なコマンドかプロファイル: "{word}"',
	'config.unknownWordAfterProfile': 'プロファイル名の後に不明なコマンドかプロファイル: "{word}"',
	'config.unknownWord.hint': 'コマンド: list, show, wait, events, simulate, trust。{known}',
	'config.profileNoUrl': 'プロファイル "{name}" に "url" がない',
	'config.profileNoUrl.hint':
		'{path} で "url": "https://HOST" を追加するか、--url を指定してください。',
	'config.otherServerTrust':
		'警告: URL がプロファイル {name} のサーバーではないため、その証明書の設定 (fingerprint、CA ファイル、insecure) は使いません。',
	'config.noServer': 'サーバーの指定なし: --url、UMWATCH_URL、プロファイルか --demo を指定',
	'config.noServer.hint': '例: umwatch --url https://um.example.com --user admin',
	'config.noUser': 'ユーザーの指定なし: --user、UMWATCH_USER か "user" のあるプロファイル',
	'config.noUser.hint': 'ジョブの監視には Operator ロールのユーザーで十分です。',
	'config.insecureAndPin':
		'{origin} は証明書の検証を止め、{other} は信頼する証明書を指定しています。一方にしてください。',
	'config.insecureAndPin.hint':
		'フィンガープリントか CA ファイルを推奨します。同じく簡単で、接続は安全なままです。',
	'config.plainHttp':
		'警告: URL が平文の http:// です。パスワードは暗号化されずにネットワークを流れます。',
	'config.plainHttpOf':
		'警告: {name}: URL が平文の http:// です。パスワードは暗号化されずにネットワークを流れます。',

	'config.jsonAndNdjson': '--json と --ndjson の両方があります。1 つに。',
	'config.notFor': '{flag} は {command} には使えません。',
	'config.waitOnly': '{flag} は wait 専用です。',
	'config.shape': '--shape は {values} のいずれかです。',
	'config.tlsPair': '--tls-cert と --tls-key は一緒に指定',
	'config.setUrlTrustOnly': '--set-url は trust 専用です。',
	'config.setUrlNeedsUrl': '--set-url には --url (プロファイルの新 URL) が必要',
	'config.setUrlNeedsProfile': '--set-url には URL を変えるプロファイルが必要です。',
	'config.demoWithUrl': '{flag} は組み込みの模擬サーバーを監視します。--url とは併用できません。',
	'config.dumbTerminal':
		'TERM=dumb: カーソル移動のできない端末ではライブ ビューを使えないため、ジョブを 1 回表示します (umwatch list)。追い続けるには: umwatch events',

	'config.cannotRead': '設定ファイル {path} を読めません: {code}',
	'config.cannotRead.hint': '権限を確認するか、UMWATCH_CONFIG で別のファイルを指定してください。',
	'config.cannotWrite': '設定ファイル {path} に書き込めません: {code}',
	'config.cannotWrite.hint':
		'ディレクトリーの権限を確認するか、毎回 --fingerprint を指定してください。',
	'config.linkTo': '{path} ({target} へのリンク)',
	'config.namedMissing': 'UMWATCH_CONFIG の {path} は存在しません。',
	'config.namedMissing.hint':
		'パスを直すか、ファイルを作成 (umwatch trust --url URL --profile NAME で作成) するか、UMWATCH_CONFIG を解除してください。',
	'config.invalidJson': '{path}: JSON として正しくありません: {detail}',
	'config.invalidJson.hint': 'ファイルを直すか、UMWATCH_CONFIG で別のファイルを指定してください。',
	'config.jsonPosition': '{message} ({line} 行 {column} 列)',
	'config.topNotObject': '{path}: 最上位は JSON オブジェクトにしてください。',
	'config.example.hint': '例: {example}',
	'config.unknownTopKey': '警告: {path}: 不明な最上位キー {keys} (無視します。有効: {known})',
	'config.unknownTopKeys': '警告: {path}: 不明な最上位キー {keys} (無視します。有効: {known})',
	'config.profilesNotObject':
		'{path}: "profiles" は名前付きプロファイルのオブジェクトにしてください。',
	'config.profileIgnored': '警告: {message} (プロファイル "{name}" は無視します)',
	'config.defaultNotString': '{path}: "defaultProfile" は文字列 (プロファイル名) にしてください。',
	'config.defaultUnknown': '{path}: "defaultProfile" の "{name}" はプロファイルではありません。',
	'config.profileNotObject': '{path}: プロファイル "{name}" はオブジェクトにしてください。',
	'config.unknownProfileKey':
		'警告: {path}: プロファイル "{name}": 不明なキー "{key}" (無視します)',
	'config.wrongType':
		'{path}: プロファイル "{name}": "{key}" は {kind} にしてください ({actual} は不可)。',
	'config.type.array': '配列',
	'config.type.object': 'object',
	'config.type.value': '{kind} ({json})',
	'config.bothPasswordKeys':
		'{path}: プロファイル "{name}" に "passwordFile" と "passwordCommand" の両方があります。1 つにしてください。',
	'config.fileWritable':
		'警告: {path} は他のユーザーが書き込めます (モード {mode})。パスワード コマンドを変えられるおそれがあります。chmod 600 {path} を実行してください。',
	'config.fileReadable':
		'警告: {path} は他のユーザーが読めます (モード {mode})。パスワードの場所がわかります。chmod 600 {path} を実行してください。',

	'config.bothPasswordFlags': '--password-file と --password-command の両方があります。1 つに。',
	'config.passwordFileUnreadable': 'パスワード ファイル {path} を読めません: {code}',
	'config.passwordFileUnreadable.hint': 'パスと、このユーザーが読めるかを確認してください。',
	'config.passwordFileEmpty': 'パスワード ファイル {path} が空です。',
	'config.passwordFileEmpty.hint': '1 行目にパスワードを書いてください。',
	'config.passwordFileReadable':
		'警告: パスワード ファイル {path} は他のユーザーが読めます (モード {mode})。chmod 600 {path} を実行してください。',
	'config.passwordCommand.timeout':
		'パスワード コマンド ({origin}) が {seconds} 秒以内に終わりませんでした。',
	'config.passwordCommand.timeout.hint': '入力を待っていませんか?',
	'config.passwordCommand.interrupted': 'パスワード コマンド ({origin}) は中断されました。',
	'config.passwordCommand.tooMuch':
		'パスワード コマンド ({origin}) の出力がパスワードにしては長すぎます。',
	'config.passwordCommand.cannotStart': 'パスワード コマンド ({origin}) を起動できません: {detail}',
	'config.passwordCommand.exited':
		'パスワード コマンド ({origin}) が状態 {status} で終了しました。',
	'config.passwordCommand.killed':
		'パスワード コマンド ({origin}) が {signal} で強制終了されました。',
	'config.passwordCommand.failed.hint': '自分で実行して原因を確認。',
	'config.passwordCommand.nothing': 'パスワード コマンド ({origin}) が何も出力しませんでした。',
	'config.passwordCommand.nothing.hint': '標準出力にパスワードを出力してください。',
	'config.noPassword': 'パスワードがありません: {reason}',
	'config.noPassword.hint':
		'UMWATCH_PASSWORD を設定するか、--password-file か --password-command (または指定したプロファイル) を使ってください。',
	'config.passwordPrompt': '{label} のパスワード: ',
	'config.noPasswordEntered': 'パスワードの入力なし',
	'config.terminalClosed': 'パスワードの入力前に端末が閉じられました。',
	'config.noTerminal': '端末がありません (標準入力が端末ではなく、/dev/tty を開けません)',
	'config.noTerminalCode':
		'端末がありません (標準入力が端末ではなく、/dev/tty を開けません: {code})',
	'config.noKeyboard': '標準入力が端末ではなく、/dev/tty を開けません',
	'config.noKeyboardCode': '標準入力が端末ではなく、/dev/tty を開けません ({code})',

	'config.reload.noServer': '設定がサーバーを指定しなくなりました。',
	'config.reload.noServer.hint': 'umwatch を再起動。',
	'config.reload.otherServer': 'プロファイルの指定が {before} から {now} に変わりました。',
	'config.reload.userAt': '{url} の {user}',
	'config.reload.otherServer.hint':
		'別のサーバーやユーザーにするには umwatch を再起動してください。',
});
