/** Japanese for en/present.ts. */
import { translation } from '../catalogue.js';
import { presentEn } from '../en/present.js';

export const presentJa = translation(presentEn, {
	'present.internal': '内部エラー：{detail}',
	'present.noAnswer': '{after} 応答がなく、中止しました。',
	'present.waitsAtMost': 'ここでの待機は最大 {limit} です。後で再試行してください。',
	'present.retriedFor': '{after} 再試行しました。後で再試行してください。',

	'present.justNow': 'たった今',
	'present.spanMinutes': '{minutes}分',
	'present.spanHours': '{hours}時間',
	'present.spanHoursMinutes': '{hours}時間{minutes}分',
	'present.spanDay': '1日',
	'present.spanDays': '{days}日',
	'present.ago': '{span}前',
	'present.inFuture': '{span}後',

	'present.notifyMore': '{text} (他 {count} 件)',
	'present.title': 'umwatch {names}：実行中 {running}、失敗 {failed}',

	'present.column.state': '状態',
	'present.column.name': '名前',
	'present.column.type': '種類',
	'present.column.submitted': '送信日時',
	'present.column.duration': '所要時間',
	'present.column.key': 'キー',
	'present.column.server': 'サーバー',
});
