/**
 * What simulated jobs are made of: the operations Unified Manager runs, in
 * English and Japanese, the sub-tasks each runs, what each creates, and the
 * messages failed and warning tasks carry.
 */

/** One kind of operation the simulator can invent a job for. */
export interface JobTemplate {
	readonly names: readonly string[];
	readonly type: string;
	readonly tasks: readonly string[];
	/** `job_results` names this operation reports on success. */
	readonly results: readonly ResultKind[];
}

/** What a `job_results` value points at. */
export type ResultKind = 'volumeKey' | 'lunKey' | 'fileshareKey' | 'svmKey' | 'clusterKey';

export const TEMPLATES: readonly JobTemplate[] = [
	{
		names: ['Create File Share', 'ファイル共有の作成'],
		type: 'Provisioning',
		tasks: ['create_volume', 'create_cifs_share', 'monitor_discover'],
		results: ['fileshareKey', 'volumeKey'],
	},
	{
		names: ['Create Volume', 'ボリュームの作成'],
		type: 'Provisioning',
		tasks: ['create_volume', 'modify_export_policy', 'monitor_discover'],
		results: ['volumeKey'],
	},
	{
		names: ['Provision LUN', 'LUN のプロビジョニング'],
		type: 'Provisioning',
		tasks: ['create_volume', 'create_lun', 'map_lun', 'monitor_discover'],
		results: ['lunKey', 'volumeKey'],
	},
	{
		names: ['Expand Volume', 'ボリュームの拡張'],
		type: 'Modify',
		tasks: ['resize_volume', 'monitor_discover'],
		results: ['volumeKey'],
	},
	{
		names: ['Expand LUN', 'LUN の拡張'],
		type: 'Modify',
		tasks: ['resize_lun', 'monitor_discover'],
		results: ['lunKey'],
	},
	{
		names: ['Modify Performance Service Level', 'パフォーマンスサービスレベルの変更'],
		type: 'Modify',
		tasks: ['modify_qos_policy', 'monitor_discover'],
		results: ['volumeKey'],
	},
	{
		names: ['Protect Volume', 'ボリュームの保護'],
		type: 'Protection Configuration',
		tasks: ['create_snapmirror_policy', 'create_snapmirror', 'initialize_snapmirror'],
		results: ['volumeKey'],
	},
	{
		names: ['Configure Data Protection', 'データ保護の設定'],
		type: 'Protection Configuration',
		tasks: ['create_snapshot_policy', 'assign_snapshot_policy', 'monitor_discover'],
		results: ['volumeKey'],
	},
	{
		names: ['Cluster Rediscovery', 'クラスタの再検出'],
		type: 'Cluster Acquisition',
		tasks: ['cluster_rediscover', 'monitor_discover'],
		results: ['clusterKey'],
	},
	{
		names: ['Add Cluster', 'クラスタの追加'],
		type: 'Cluster Acquisition',
		tasks: ['cluster_add', 'cluster_discover', 'monitor_discover'],
		results: ['clusterKey'],
	},
	{
		names: ['Create SVM', 'SVM の作成'],
		type: 'Provisioning',
		tasks: ['create_svm', 'create_lif', 'monitor_discover'],
		results: ['svmKey'],
	},
	{
		names: ['Delete Volume', 'ボリュームの削除'],
		type: 'Modify',
		tasks: ['offline_volume', 'delete_volume', 'monitor_discover'],
		results: [],
	},
];

/** Why a task failed, in the language people would see it in. */
export const ERROR_MESSAGES: readonly string[] = [
	'Task failed: aggregate aggr1 is offline.',
	'Insufficient space on aggregate aggr2_data to create volume vol_app01 (requested 500 GB, available 312 GB).',
	'Cluster cluster-01 is not reachable: connection timed out.',
	'The SVM svm_nfs01 does not have an NFS license.',
	'Volume vol_db02 already exists on SVM svm_san01.',
	'タスクが失敗しました: アグリゲート aggr1 がオフラインです。',
	'クラスタ cluster-02 に接続できません。',
	'SnapMirror 関係の初期化に失敗しました: 宛先ボリュームが読み取り専用ではありません。',
];

/** What a warning task reports. */
export const WARNING_MESSAGES: readonly string[] = [
	'The volume was created, but the export policy rule could not be applied.',
	'Discovery finished with stale data for node cluster-01-02.',
	'ボリュームは作成されましたが、Snapshot ポリシーを適用できませんでした。',
];

/** What a task that never ran after an earlier failure says. */
export const SKIPPED_MESSAGE = 'Skipped because an earlier task failed.';

/** What an aborted task says. */
export const ABORTED_MESSAGE = 'ジョブはユーザーによって中止されました。 (Job aborted by user.)';

/**
 * Escape sequences a hostile or broken server could put in text: clipboard
 * write (OSC 52), window title (OSC 0/2), hyperlink (OSC 8), screen clear
 * (CSI 2J), an 8-bit CSI (C1), DCS, BEL, CR, backspace, bidi overrides and
 * zero-width characters. A client must show every one of them inert.
 */
export const HOSTILE_FRAGMENTS: readonly string[] = [
	'\u001b]52;c;cm0gLXJmIH4=\u0007',
	'\u001b]0;owned\u0007',
	'\u001b]2;owned\u001b\\',
	'\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\',
	'\u001b[2J\u001b[H',
	'\u009b31m',
	'\u001bPq#0;2;0;0;0\u001b\\',
	'\u0007',
	'\rOK ',
	'\b\b\b',
	'\u202eevil\u202c',
	'\u200b\u2066',
];
