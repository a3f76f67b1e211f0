/**
 * Why access stops, as data: which check refused (a reason key), as which SQL role, through which
 * view, on which relation, columns, schema or policy. The prose a report shows (`detail`) is
 * rendered from this data by the ja/en templates below — never built and rewritten as text — so
 * a class member's evidence is the representative's data with its own names, and explain can
 * print it in Japanese.
 */
/** The report languages (report/messages.ts Lang). */
type Lang = 'ja' | 'en';

export const REASON_KEYS = [
  'undefined',
  'no-schema-usage',
  'lookup-no-schema-usage',
  'no-execute',
  'some-columns',
  'no-select',
  'other-columns',
  'rls-no-policy',
  'rls-all-false',
  'rls-restrictive-false',
  'not-connectable',
  'no-role',
  'no-reader',
  'no-user-mapping',
  'remote-denied',
  'link-private',
  'link-remote-denied',
  'dblink-remote-denied',
  'definer-role-disabled',
  'dblink-no-user-mapping',
  'dblink-password-required',
  'dblink-no-server-usage',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

export interface Reason {
  key: ReasonKey;
  /** The SQL role whose privileges the refusing check used (a view owner's, when read through a view). */
  role?: string;
  /** The view (or function) whose owner's rights the check used. */
  via?: string;
  /** The principal the evidence is about, for principal-level reasons (connect, no role, no reader). */
  principal?: string;
  /** Every principal, for no-reader. */
  principals?: string[];
  relation?: string;
  columns?: string[];
  schema?: string;
  database?: string;
  policy?: string;
  /** function | procedure, for no-execute. */
  routine?: string;
  /** The foreign server a foreign table reads through (no-user-mapping, remote-denied), or the Oracle database link (link-private, link-remote-denied). */
  server?: string;
  /** remote-denied: why the remote database refuses the mapped user (its own reason, one level). */
  remote?: Reason;
}

type Template = (r: Reason) => string;

const list = (xs?: string[]) => (xs ?? []).join(', ');

const EN: Record<ReasonKey, Template> = {
  undefined: (r) => `${r.relation} is not defined`,
  'no-schema-usage': (r) => `${r.role} has no USAGE on schema ${r.schema}`,
  'lookup-no-schema-usage': (r) =>
    `${r.via ? `${r.via} runs as ${r.role}, which` : r.role} has no USAGE on schema ${r.schema} (looked up when ${r.relation} is read)`,
  'no-execute': (r) =>
    `${r.via ? `${r.via} calls ${r.relation} with its owner's rights, and ${r.role}` : r.role} has no EXECUTE on ${r.routine ?? 'function'} ${r.relation}`,
  'some-columns': (r) => `${viaView(r)} may SELECT some columns of ${r.relation} but not ${list(r.columns)}`,
  'no-select': (r) => `${viaView(r)} has no SELECT on ${r.relation}`,
  'other-columns': (r) => `${r.role} may SELECT other columns of ${r.relation} but not ${list(r.columns)}`,
  'rls-no-policy': (r) =>
    `row level security on ${r.relation} has no SELECT policy for ${r.role}: no row is visible${asOwner(r)}`,
  'rls-all-false': (r) => `every permissive policy on ${r.relation} for ${r.role} is USING (false)${asOwner(r)}`,
  'rls-restrictive-false': (r) => `restrictive policy ${r.policy} on ${r.relation} is USING (false)${asOwner(r)}`,
  'not-connectable': (r) => `${r.principal} cannot connect to database ${r.database}`,
  'no-role': (r) => `${r.principal} acts as no role`,
  'no-reader': (r) =>
    r.routine
      ? `no principal (${list(r.principals)}) may execute ${r.routine} ${r.relation}`
      : `no principal (${list(r.principals)}) can read any column of ${r.relation}`,
  'no-user-mapping': (r) =>
    `${r.via ? `${r.via} reads foreign table ${r.relation} with its owner's rights, and server ${r.server} has no user mapping for ${r.role} or PUBLIC` : `server ${r.server} of foreign table ${r.relation} has no user mapping for ${r.role} or PUBLIC`}`,
  'remote-denied': (r) =>
    `foreign table ${r.via} reads ${r.relation} through server ${r.server} as remote user ${r.role}, and the remote database refuses it: ${r.remote ? reasonText('en', r.remote) : 'access denied'}`,
  'link-private': (r) =>
    `${r.relation} is read through database link ${r.server}, which is private to ${r.principal}: ${r.role} cannot use it`,
  'link-remote-denied': (r) =>
    `${r.via} reads ${r.relation} through database link ${r.server} as remote user ${r.role}, and the remote database refuses it: ${r.remote ? reasonText('en', r.remote) : 'access denied'}`,
  'dblink-no-user-mapping': (r) =>
    `${r.via} calls dblink through foreign server ${r.server} as ${r.role}, and the server has no user mapping for ${r.role} or PUBLIC: the call fails`,
  'dblink-no-server-usage': (r) =>
    `${r.via} calls dblink through foreign server ${r.server} as ${r.role}, which has no USAGE on the server: the call fails`,
  'dblink-password-required': (r) =>
    `${r.via} calls dblink as ${r.role}, which is not a superuser, and the connection ${r.server ? `through server ${r.server} (its user mapping)` : 'string'} has no password: dblink refuses it`,
  'dblink-remote-denied': (r) =>
    `${r.via} reads ${r.relation} through dblink in database ${r.database} as remote user ${r.role}, and the remote database refuses it: ${r.remote ? reasonText('en', r.remote) : 'access denied'}`,
  'definer-role-disabled': (r) =>
    `${r.via} runs with its owner ${r.role}'s rights (definer's rights), where roles are disabled: ${r.role} holds SELECT on ${r.relation} only through a role`,
};

function viaView(r: Reason): string {
  return r.via ? `view ${r.via} reads ${r.relation} with its owner's rights, and ${r.role}` : r.role!;
}

function asOwner(r: Reason): string {
  return r.via ? ` (read through view ${r.via} as its owner ${r.role})` : '';
}

const JA: Record<ReasonKey, Template> = {
  undefined: (r) => `${r.relation} は定義されていない`,
  'no-schema-usage': (r) => `${r.role} はスキーマ ${r.schema} の USAGE 権限を持たない`,
  'lookup-no-schema-usage': (r) =>
    `${r.via ? `${r.via} は ${r.role} として実行され、${r.role} は ` : `${r.role} は `}スキーマ ${r.schema} の USAGE 権限を持たない（${r.relation} を読むときに名前を解決する）`,
  'no-execute': (r) =>
    `${r.via ? `${r.via} は所有者の権限で ${r.relation} を呼び出すが、${r.role} は ` : `${r.role} は `}${r.routine === 'procedure' ? 'プロシージャ' : '関数'} ${r.relation} の EXECUTE 権限を持たない`,
  'some-columns': (r) => `${jaViaView(r)}${r.relation} の一部の列は SELECT できるが ${list(r.columns)} はできない`,
  'no-select': (r) => `${jaViaView(r)}${r.relation} の SELECT 権限を持たない`,
  'other-columns': (r) => `${r.role} は ${r.relation} の他の列は SELECT できるが ${list(r.columns)} はできない`,
  'rls-no-policy': (r) =>
    `${r.relation} の行レベルセキュリティに ${r.role} 向けの SELECT ポリシーがなく、見える行がない${jaAsOwner(r)}`,
  'rls-all-false': (r) => `${r.relation} の ${r.role} 向けの許容ポリシーはすべて USING (false)${jaAsOwner(r)}`,
  'rls-restrictive-false': (r) => `${r.relation} の制限ポリシー ${r.policy} が USING (false)${jaAsOwner(r)}`,
  'not-connectable': (r) => `${r.principal} はデータベース ${r.database} に接続できない`,
  'no-role': (r) => `${r.principal} はどのロールとしても動作しない`,
  'no-reader': (r) =>
    r.routine
      ? `どの主体（${list(r.principals)}）も${r.routine === 'procedure' ? 'プロシージャ' : '関数'} ${r.relation} を実行できない`
      : `どの主体（${list(r.principals)}）も ${r.relation} のどの列も読めない`,
  'no-user-mapping': (r) =>
    `${r.via ? `${r.via} は所有者の権限で外部テーブル ${r.relation} を読むが、` : `外部テーブル ${r.relation} の`}サーバ ${r.server} には ${r.role} にも PUBLIC にもユーザマッピングがない`,
  'remote-denied': (r) =>
    `外部テーブル ${r.via} はサーバ ${r.server} を通じリモートユーザ ${r.role} として ${r.relation} を読むが、リモートのデータベースが拒否する: ${r.remote ? reasonText('ja', r.remote) : 'アクセス拒否'}`,
  'link-private': (r) =>
    `${r.relation} はデータベースリンク ${r.server} を通じて読むが、このリンクは ${r.principal} 専用（プライベート）で ${r.role} は使えない`,
  'link-remote-denied': (r) =>
    `${r.via} はデータベースリンク ${r.server} を通じリモートユーザ ${r.role} として ${r.relation} を読むが、リモートのデータベースが拒否する: ${r.remote ? reasonText('ja', r.remote) : 'アクセス拒否'}`,
  'dblink-no-user-mapping': (r) =>
    `${r.via} は ${r.role} として外部サーバ ${r.server} 経由で dblink を呼ぶが、サーバには ${r.role} にも PUBLIC にもユーザマッピングがなく、呼び出しは失敗する`,
  'dblink-no-server-usage': (r) =>
    `${r.via} は ${r.role} として外部サーバ ${r.server} 経由で dblink を呼ぶが、${r.role} はサーバの USAGE 権限を持たず、呼び出しは失敗する`,
  'dblink-password-required': (r) =>
    `${r.via} はスーパーユーザでない ${r.role} として dblink を呼ぶが、接続${r.server ? `（サーバ ${r.server} のユーザマッピング）` : '文字列'}にパスワードがなく、dblink が拒否する`,
  'dblink-remote-denied': (r) =>
    `${r.via} は dblink を通じデータベース ${r.database} でリモートユーザ ${r.role} として ${r.relation} を読むが、リモートのデータベースが拒否する: ${r.remote ? reasonText('ja', r.remote) : 'アクセス拒否'}`,
  'definer-role-disabled': (r) =>
    `${r.via} は所有者 ${r.role} の権限（定義者権限）で実行され、そこではロールが無効になる: ${r.role} は ${r.relation} の SELECT 権限をロールを通じてしか持たない`,
};

function jaViaView(r: Reason): string {
  return r.via ? `ビュー ${r.via} は所有者の権限で ${r.relation} を読むが、${r.role} は ` : `${r.role} は `;
}

function jaAsOwner(r: Reason): string {
  return r.via ? `（ビュー ${r.via} を通じ、その所有者 ${r.role} として読む）` : '';
}

/** The reason in words. English is what `detail` has always said (the JSON report keeps it). */
export function reasonText(lang: Lang, r: Reason): string {
  return (lang === 'ja' ? JA : EN)[r.key](r);
}

/** A refusal with its reason: the detail is rendered from the data. */
export function refused<C extends string>(
  control: C,
  at: string,
  reason: Reason,
): { allowed: false; control: C; at: string; detail: string; reason: Reason } {
  return { allowed: false, control, at, detail: reasonText('en', reason), reason };
}

/**
 * The same reason told of another principal with the same rights: its own name, and its own
 * role where the representative's role was one it acts as (names are data, so nothing inside a
 * relation or view id is touched).
 */
export function reasonFor(r: Reason, names: ReadonlyMap<string, string>): Reason {
  const swap = (x?: string) => (x === undefined ? x : (names.get(x) ?? x));
  return {
    ...r,
    ...(r.role !== undefined ? { role: swap(r.role) } : {}),
    ...(r.principal !== undefined ? { principal: swap(r.principal) } : {}),
  };
}
