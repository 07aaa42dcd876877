/** Japanese for en/help.ts: flag names, commands and values stay as typed; each line fits 80 columns. */
import { translation } from '../catalogue.js';
import { helpEn } from '../en/help.js';

export const helpJa = translation(helpEn, {
	'help.intro': `NetApp Active IQ Unified Manager のジョブを監視し、スクリプトで終了を待ちます`,
	'help.usage': `使い方
  umwatch [PROFILE]              ジョブのライブ ビュー (stdout が端末でない
                                 ときは list と同じ)
  umwatch --demo                 組み込みの模擬サーバーのライブ ビュー
                                 (list --demo なども可)
  umwatch tokyo osaka            複数サーバーを 1 画面で、プロファイル名で指定
                                 (list なども可)
  umwatch list                   ジョブを 1 回表示 (新しい順)
  umwatch show KEY               1 つのジョブの詳細
  umwatch wait KEY|- [KEY…]      ジョブの終了を待つ。'-' は標準入力から 202
                                 の本文かキーを読む
  umwatch events                 新しいジョブと状態の変化ごとに NDJSON を
                                 1 行 (中断まで)
  umwatch simulate               模擬サーバーだけを起動 (URL と資格情報を表示)
  umwatch trust [PROFILE]        サーバーの証明書を表示し、フィンガープリント
                                 を固定`,
	'help.connection': `接続
  --url URL                  https://HOST[:PORT] (/api パスは自動で付加)
  --user USER                ユーザー名 (Operator ロールで十分)
  --profile NAME[,NAME…]     設定ファイルのプロファイル (NAME を最初の語に
                             してもよい)。カンマ区切りで複数サーバーを監視
  --all                      設定ファイルの全プロファイル (記載順)
  --password-file FILE       FILE の 1 行目からパスワードを読む
  --password-command CMD     CMD を /bin/sh で実行し、出力の 1 行目から
                             パスワードを読む
  --ca-file FILE             FILE 内の CA 証明書 (またはサーバー証明書) を
                             信頼する
  --fingerprint SHA256       この SHA-256 フィンガープリントの証明書だけを
                             受け入れる
  --insecure                 証明書を一切検証しない ('umwatch trust' を推奨)
  --demo                     代わりに組み込みの模擬サーバーを監視
  --demo-servers N           N 台の模擬サーバーでデモ (2～9: tokyo, osaka, …)`,
	'help.liveView': `ライブ ビュー
  --interval SECONDS         ポーリング間隔。例: 2、5s (既定 2、最小 1)
  --max-jobs N               サーバーごとにメモリーに保持する最大ジョブ数
                             (既定 10000)
  --no-color                 色なし (NO_COLOR も同じ)
  --ascii                    ASCII のみ (ロケールが UTF-8 でないときの既定。
                             例: LANG=C)
  --unicode                  ロケールが UTF-8 でなくても Unicode の記号を使う
  --bell                     ジョブの失敗時とマークしたジョブ (m) の終了時に
                             ベルを鳴らす (b で切り替え)
  --desktop-notify           同じ場合にデスクトップ通知 (OSC 9、OSC 777)
                             (B で切り替え)
  --no-title                 ウィンドウ タイトルを変えない (既定の表示例:
                             umwatch HOST: 3 running, 1 failed)`,
	'help.scripts': `スクリプト
  --json, --ndjson           list/show/wait: JSON で出力 (1 つの配列 /
                             1 行に 1 ジョブ)
  --state S                  list: この状態だけ。例: running、
                             error|partial_failures
  --name N, --type T         list: AIQUM のパターン。| は「または」、* は
                             ワイルドカード
  --limit N                  list: 新しい順に最大 N 件 (既定 100。ページは
                             たどる)
  --sort ORDER               list: submitted (新しい順、既定)、state (失敗
                             が先)、duration (長い順)、name。--limit の後
  --since WHEN               list、ライブ ビュー: WHEN 以降に送信された全
                             ジョブ。24h、7d、30m、2026-11-30、
                             2026-11-30T08:00 (ローカル時刻。Z、+09:00 も可)
  --timeout DURATION         wait: 指定時間で打ち切る。例: 90s、30m、2h
                             (既定: 打ち切らない)
  --any                      wait: 複数のうち最初のジョブが終わったら、その
                             コードで終了
  --bell                     wait: 終了時に stderr でベルを鳴らす (stderr が
                             端末のとき)
  --partial-ok               list/show/events: 複数サーバーのうち 1 台でも
                             応答すれば終了コード 0
  --yes                      trust: 確認せずにフィンガープリントを保存
  --set-url                  trust: プロファイルの URL も --url に変更 (別の
                             サーバー)`,
	'help.simulator': `模擬サーバー (umwatch simulate)
  --host H --port N          待ち受け先 (既定 127.0.0.1、空きポート)
  --tls-cert F --tls-key F   この証明書で HTTPS を提供
  --rate N                   1 分あたりの新しいジョブ数 (既定 6)
  --seed N                   名前、キー、結果を再現可能にする
  --shape S                  lowercase (既定)、uppercase、single state field
  --no-long-poll             ロング ポーリングに即答 (非対応サーバーと同じ)
  --user U                   受け入れるユーザー名 (既定 admin)`,
	'help.other': `その他
  --lang ja|en               メッセージを日本語か英語に (既定: ロケールで決定)
  --help, --version`,
	'help.password': `パスワードはフラグからは受け取りません (ホストの全ユーザーがコマンド ラインを
読めるため)。最初に見つかったものを使います: UMWATCH_PASSWORD、
--password-file、--password-command、プロファイルの passwordFile か
passwordCommand、端末での非表示の入力。`,
	'help.severalServers': `複数サーバー
  umwatch tokyo osaka、umwatch --profile tokyo,osaka list、umwatch --all events:
  指定した全サーバーのジョブを新しい順にサーバー名付きで表示 (JSON: "server")。
  各サーバーは自分のプロファイル (URL、ユーザー、パスワードの取得元、CA
  ファイル、フィンガープリント、間隔) を使い、パスワードの入力ではサーバー名を
  示します。--url、--user、--password-file、--password-command、--ca-file、
  --fingerprint と UMWATCH_URL、UMWATCH_USER、UMWATCH_PASSWORD、
  UMWATCH_CA_FILE、UMWATCH_FINGERPRINT は 1 台用で、複数では使えません。
  失敗したサーバーは stderr に示し、その終了コードを返します (--partial-ok
  を除く)。trust は 1 回に 1 台です。`,
	'help.environment': `環境変数
  UMWATCH_URL、UMWATCH_USER、UMWATCH_PASSWORD、UMWATCH_PROFILE (NAME[,NAME…])、
  UMWATCH_CA_FILE、UMWATCH_FINGERPRINT、UMWATCH_INSECURE (1/0)、
  UMWATCH_INTERVAL、NO_COLOR、UMWATCH_CONFIG (設定ファイルのパス)、
  UMWATCH_DEBUG=1 (内部エラーのスタック トレース)、
  UMWATCH_LANG (ja/en。--lang が優先、次に LC_ALL、LC_MESSAGES、LANG)
  LC_ALL、LC_CTYPE、LANG: 最初に設定されたものが UTF-8 でなければ
  (C、POSIX、ja_JP.eucJP) ASCII
  TERM=dumb: ライブ ビューの代わりに、list と同じ形でジョブを 1 回表示`,
	'help.configuration': `設定
  $XDG_CONFIG_HOME/umwatch/config.json、なければ ~/.config/umwatch/config.json:
{example}
  各設定は、フラグ、環境変数、プロファイル、既定値の順で最初のものを使います。
  defaultProfile は --url、UMWATCH_URL、プロファイルのどれもないときに使います。`,
	'help.exitCodes': `終了コード`,
	'help.exit.0': '正常に完了',
	'help.exit.1': '予期しない内部エラー (バグ)。trust: 確認で拒否し、何も保存していない',
	'help.exit.2': '使い方の誤り: 不正なフラグ、URL やキーがない、期間の形式が不正',
	'help.exit.3': 'ジョブは警告ありで完了',
	'help.exit.4': 'ジョブは一部失敗で完了',
	'help.exit.5': 'ジョブはエラーで完了',
	'help.exit.6': 'ジョブは中止された',
	'help.exit.7': 'ジョブの終了前にタイムアウト (--timeout)',
	'help.exit.8': 'ジョブなし',
	'help.exit.9': '認証または権限の失敗 (401/403)',
	'help.exit.10': 'TLS の失敗: 証明書が信頼されない、期限切れ、または変更',
	'help.exit.11': '回復しなかった接続またはサーバーの失敗 (ネットワーク、5xx、不正な応答)',
	'help.exit.12': 'umwatch の知らない状態でジョブが終了',
	'help.exit.129': '切断 (SIGHUP: 端末か SSH 接続が切れた)',
	'help.exit.130': '中断 (Ctrl-C か SIGINT。ライブ画面の Ctrl-C は q と同じく 0 で終了)',
	'help.exit.143': '終了させられた (SIGTERM)',
	'help.examples': `例
  umwatch --url https://um.example.com --user ops
  umwatch tokyo osaka list --json --partial-ok
  UMWATCH_PASSWORD=… umwatch list --state error --limit 20
  curl -s --cacert um.pem -u ops -X POST https://um.example.com/api/… |
    umwatch prod wait -`,
});
