/**
 * Access rules that exist in one product only and have no PostgreSQL counterpart in the
 * dialect-neutral ops: SQL Server's DENY, masks (SQL Server Dynamic Data Masking, Db2 CREATE MASK,
 * Oracle VPD column masking), row filters (SQL Server security policies, Oracle VPD, Db2
 * permissions) and authorities that read everything (Db2 DATAACCESS, Oracle SELECT ANY TABLE).
 * (Oracle database links are cross-database links: src/catalog/cross-database.ts.) Readers emit them as `product-rule` ops; the catalog builder resolves their
 * names and keeps them in source order; the per-product access modules (src/access/products/)
 * interpret them. Ordinary GRANT/REVOKE/roles still go through the neutral ops.
 */
import type { QualifiedName, RelationId, SourceLocation } from './model.js';

/** What a SQL Server GRANT/DENY/REVOKE names, as written. */
export type RuleTarget =
  | { kind: 'relation'; name: QualifiedName; columns?: string[] }
  | { kind: 'schema'; schema: string }
  | { kind: 'database' };

export type ProductRule =
  /**
   * SQL Server GRANT / DENY / REVOKE of SELECT (or CONTROL, which implies it), in source order:
   * a principal holds one state per securable (sys.database_permissions: GRANT or DENY), which
   * the next statement on the same securable replaces (REVOKE removes it).
   */
  | { kind: 'permission'; state: 'grant' | 'deny' | 'revoke'; target: RuleTarget; principals: string[] }
  /**
   * SQL Server GRANT / DENY / REVOKE EXECUTE on a procedure or function (a `relation` target names
   * the routine), its schema or the database, in source order, with the same one-state-per-securable
   * rule. The neutral grants say who is granted; these say whose EXECUTE a DENY takes away.
   */
  | { kind: 'execute-permission'; state: 'grant' | 'deny' | 'revoke'; target: RuleTarget; principals: string[] }
  /** A column whose value is masked for readers without the right to see it. */
  | {
      kind: 'mask';
      table: QualifiedName;
      column: string;
      name?: string;
      product: 'ddm' | 'db2-mask' | 'vpd-column';
      expression?: string;
      drop?: boolean;
    }
  /** SQL Server `GRANT/REVOKE/DENY UNMASK [ON …] TO …`. */
  | { kind: 'unmask'; principals: string[]; table?: QualifiedName; column?: string; state: 'grant' | 'revoke' | 'deny' }
  /** A row filter whose predicate spif cannot evaluate (a function or an arbitrary expression). */
  | {
      kind: 'row-filter';
      table: QualifiedName;
      name: string;
      product: 'mssql-security-policy' | 'vpd' | 'db2-permission';
      predicate?: string;
      enabled: boolean;
      drop?: boolean;
    }
  /** Db2 `ALTER TABLE … ACTIVATE|DEACTIVATE ROW|COLUMN ACCESS CONTROL`. */
  | { kind: 'access-control'; table: QualifiedName; row?: boolean; column?: boolean }
  /** An authority that reads (and, for some, unmasks) every table of the database. */
  | { kind: 'authority'; authority: ReadAuthority; principals: string[]; revoke?: boolean }
  /** SQL Server `CREATE USER u FOR LOGIN l`: the login that acts as user u in this database. */
  | { kind: 'login-user'; user: string; login: string }
  /** Oracle `ALTER USER u DEFAULT ROLE …`: roles enabled at login (the others need SET ROLE). */
  | { kind: 'default-role'; user: string; all: boolean; roles: string[]; except: string[]; none?: boolean };

export type ReadAuthority =
  | 'DATAACCESS' // Db2: SELECT on every table (RCAC still applies)
  | 'SECADM' // Db2: security administrator (RCAC still applies to SELECT)
  | 'DBADM' // Db2: database administration (no data access without DATAACCESS)
  | 'SELECT ANY TABLE' // Oracle system privilege
  | 'EXEMPT ACCESS POLICY' // Oracle: VPD policies do not apply
  | 'CONTROL' // SQL Server: CONTROL on the database (implies SELECT)
  | 'UNMASK'; // SQL Server: database-wide UNMASK

/** A rule with its names resolved to the catalog's ids. */
export interface ResolvedRule {
  database: string;
  rule: ProductRule;
  /** Resolved id of the relation a rule names (`table` or a relation target). */
  relation?: RelationId;
  /** Resolved schema of a schema target. */
  schema?: string;
  at: SourceLocation;
}
