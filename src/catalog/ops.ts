/**
 * Catalog operations: what a source reader emits, in source order. The catalog builder applies
 * them in order, so ALTER/GRANT/REVOKE/DROP/RENAME mean what they mean in the engine.
 * Names are folded by the reader; databases are assigned by the builder from the source.
 */
import type { ColumnValueStats } from './column-values.js';
import type {
  CallSite,
  Column,
  ForeignKey,
  Policy,
  PrivilegeName,
  QualifiedName,
  RoutineDefinition,
  SourceLocation,
  ViewColumn,
  ViewDefinition,
} from './model.js';
import type { ProductRule } from './product-rules.js';

/** A function or procedure named in a statement: by name and input argument types (undefined: the only one of that name). */
export interface RoutineRef {
  name: QualifiedName;
  argTypes?: string[];
  /** Db2 `SPECIFIC name`: the one overload created with that specific name (in `name`'s schema). */
  specific?: string;
}

/** GRANT … ON FUNCTION / PROCEDURE / ROUTINE, and ALL … IN SCHEMA: which kinds of routine are meant. */
export type RoutineKind = 'function' | 'procedure' | 'routine';

/** What a GRANT/REVOKE names. */
export type GrantTarget =
  | { kind: 'relations'; names: QualifiedName[]; columns?: string[] }
  | { kind: 'all-tables-in-schema'; schemas: string[] }
  | { kind: 'schemas'; schemas: string[] }
  | { kind: 'schema-tables'; schema: string } // MySQL `db.*`
  | { kind: 'database'; database?: string } // PG `ON DATABASE x`, MySQL `*.*`
  | { kind: 'routines'; refs: RoutineRef[]; routineKind: RoutineKind }
  | { kind: 'all-routines-in-schema'; schemas: string[]; routineKind: RoutineKind };

export interface PrivilegeSpec {
  privilege: PrivilegeName;
  /** Column list of a column privilege (`GRANT SELECT (a, b) ON t`). */
  columns?: string[];
}

/** One item of an OPTIONS (…) list: CREATE gives `add`; ALTER … OPTIONS gives ADD / SET / DROP. */
export interface OptionChange {
  name: string;
  value?: string;
  action: 'add' | 'set' | 'drop';
}

/**
 * A PostgreSQL constraint that links nothing (CHECK, EXCLUDE), kept for its name: a later DROP or
 * RENAME CONSTRAINT names it, and PostgreSQL numbers a made-up name it holds (`t_c_key1`).
 * Unnamed, it gets `<table>_<column>_check` (`<table>_check` unless the expression names exactly
 * one column) or `<table>_<columns>_excl`.
 */
export interface NamedConstraint {
  name?: string;
  label: 'check' | 'excl';
  columns?: string[];
}

export type CatalogOp = { at: SourceLocation } & (
  | { op: 'create-schema'; schema: string; owner?: string }
  | { op: 'use-schema'; schema: string } // MySQL `USE db`: unqualified names go there
  | {
      op: 'create-table';
      name: QualifiedName;
      /** The name as written, where names compare case-insensitively (Column.writtenName). */
      writtenName?: string;
      columns: Column[];
      primaryKey?: string[];
      uniqueKeys: string[][];
      foreignKeys: ForeignKey[];
      comment?: string;
      owner?: string;
      ifNotExists?: boolean;
      /** `PARTITION OF parent`: the parent's columns and keys. */
      partitionOf?: QualifiedName;
      /** `INHERITS (p, …)`: the parents' columns first (no keys: they are not inherited). */
      inherits?: QualifiedName[];
      /** `LIKE source INCLUDING …`, after `index` of the table's own columns. */
      likes?: { name: QualifiedName; index: number; indexes: boolean; comments: boolean }[];
      /** Names written for the keys (`CONSTRAINT k PRIMARY KEY`), uniqueKeys index for index; unset: the engine's default name. */
      keyNames?: { primaryKey?: string; uniqueKeys: (string | undefined)[] };
      /** PostgreSQL CHECK and EXCLUDE constraints, in the order written: only their names matter. */
      namedConstraints?: NamedConstraint[];
    }
  | {
      op: 'create-view';
      name: QualifiedName;
      view: ViewDefinition;
      orReplace?: boolean;
      owner?: string;
      /** CREATE TABLE AS: a table whose values come from a query (lineage kept, own privileges). */
      relationKind?: 'table' | 'view';
      /** Where the query names each relation it reads (its first FROM/JOIN entry), where the reader knows. */
      readsAt?: { relation: QualifiedName; at: SourceLocation }[];
      /**
       * Columns the query names, each with the relations one of which must have it (PostgreSQL
       * refuses the statement otherwise); only where the reader knows the candidates for certain.
       */
      columnRefs?: {
        candidates: QualifiedName[];
        /** FROM subqueries and CTEs that may have it: their output names and the relations whose `*` they select. */
        derived?: { alias: string; names: string[]; stars: QualifiedName[] }[];
        column: string;
        qualified: boolean;
        at: SourceLocation;
      }[];
    }
  /** CREATE [OR REPLACE] FUNCTION / PROCEDURE: columns are what it returns (and its parameters). */
  | {
      op: 'create-function';
      name: QualifiedName;
      routine: RoutineDefinition;
      columns: Column[];
      view: ViewDefinition;
      orReplace?: boolean;
      owner?: string;
    }
  /** ALTER FUNCTION … SECURITY DEFINER | INVOKER / RENAME TO / SET SCHEMA / OWNER TO. */
  | {
      op: 'alter-function';
      ref: RoutineRef;
      securityDefiner?: boolean;
      rename?: string;
      schema?: string;
      owner?: string;
    }
  | { op: 'drop-function'; refs: RoutineRef[]; ifExists?: boolean; routineKind?: RoutineKind }
  /** A sequence: holds a counter only; known so that `ALTER TABLE <sequence> OWNER TO` is recognised. */
  | { op: 'create-sequence'; name: QualifiedName }
  /**
   * Identifiers as the file writes them, where the dialect folds names that compare
   * case-insensitively (SQL Server): folded → written, for display only (Catalog.writtenNames).
   */
  | { op: 'written-names'; names: [string, string][] }
  /**
   * `DROP CONSTRAINT k` (PostgreSQL), `DROP FOREIGN KEY k` / `DROP PRIMARY KEY` / `DROP INDEX k` (MySQL):
   * a key or foreign key matched by name (written, or the engine's default). `ifExists`: the table may be absent.
   */
  | {
      op: 'drop-constraint';
      table: QualifiedName;
      name?: string;
      kind?: 'foreign-key' | 'primary-key' | 'unique';
      ifExists?: boolean;
      /** PostgreSQL `DROP CONSTRAINT IF EXISTS k`: the constraint may be absent. */
      missingOk?: boolean;
      /** PostgreSQL `… CASCADE`: the foreign keys that reference the dropped key go with it. */
      cascade?: boolean;
    }
  | { op: 'rename-constraint'; table: QualifiedName; from: string; to: string }
  /** PostgreSQL `ALTER TABLE t ADD [CONSTRAINT k] CHECK (…) | EXCLUDE (…)`: a name held, nothing linked. */
  | { op: 'add-named-constraint'; table: QualifiedName; constraint: NamedConstraint }
  /**
   * PostgreSQL `CREATE [UNIQUE] INDEX [name] ON t (…)`: the index is a relation of t's schema, so
   * its name is taken (ChooseRelationName). `key`: a UNIQUE index over plain columns without
   * WHERE, which is a unique key as much as a UNIQUE constraint is (a foreign key may reference it).
   */
  | {
      op: 'create-index';
      table: QualifiedName;
      name?: string;
      /** The index's column names as PostgreSQL names them (`expr` for an expression), INCLUDE ones too. */
      columns: string[];
      key?: string[];
      ifNotExists?: boolean;
    }
  | { op: 'drop-index'; names: QualifiedName[]; ifExists?: boolean }
  | { op: 'rename-index'; name: QualifiedName; to: string; ifExists?: boolean }
  /** `DROP SCHEMA s [CASCADE]`: without CASCADE PostgreSQL rejects it while the schema holds objects. */
  | { op: 'drop-schema'; schemas: string[]; cascade: boolean; ifExists?: boolean }
  /** `DROP TRIGGER t ON tbl` / `DROP RULE r ON tbl`. */
  | { op: 'drop-table-object'; kind: 'trigger' | 'rule'; table: QualifiedName; name: string; ifExists?: boolean }
  /** CREATE TRIGGER … ON table … EXECUTE FUNCTION f(): f's INSERTs copy the table's row values. */
  | {
      op: 'create-trigger';
      table: QualifiedName;
      function: RoutineRef;
      /** `REFERENCING NEW TABLE AS n OLD TABLE AS o`: names the body reads as the changed rows. */
      transitionTables?: string[];
    }
  /** `ALTER VIEW v SET (security_invoker = …)` / `RESET (security_invoker)` */
  | { op: 'view-options'; name: QualifiedName; securityInvoker: boolean }
  | { op: 'add-column'; table: QualifiedName; column: Column; only?: boolean }
  | { op: 'drop-column'; table: QualifiedName; column: string; only?: boolean }
  | { op: 'rename-column'; table: QualifiedName; from: string; to: string; only?: boolean }
  /** ATTACH PARTITION / INHERIT (and DETACH / NO INHERIT with `detach`). */
  | {
      op: 'attach-child';
      parent: QualifiedName;
      child: QualifiedName;
      kind: 'partition' | 'inherits';
      detach?: boolean;
    }
  /**
   * PostgreSQL statements of a script that run a body now: a `DO` block's writes and calls, a
   * `SELECT f(col) FROM t` / `CALL p(col)`'s calls. Resolved with the routines' writes once every
   * file is read (catalog/function-writes.ts).
   */
  | {
      op: 'run-body';
      writes: NonNullable<RoutineDefinition['writes']>;
      calls: NonNullable<RoutineDefinition['functionCalls']>;
    }
  /** `INSERT INTO t (cols) SELECT …` (columns: undefined = the table's, in order); the values carry their sources. */
  | {
      op: 'copy-into';
      table: QualifiedName;
      columns?: string[];
      values: ViewColumn[];
      via: 'insert-select' | 'update' | 'merge' | 'trigger';
    }
  /**
   * A MySQL/MariaDB trigger body that CALLs routines: its writes (whose values may name what a
   * callee sets in an OUT argument) and its calls (whose callees' writes of their parameters become
   * copies of the arguments).
   */
  | {
      op: 'run-calls';
      calls: CallSite[];
      writes: { table: QualifiedName; columns?: string[]; values: ViewColumn[] }[];
      via: 'insert-select' | 'update' | 'trigger';
    }
  /**
   * A vendor trigger body's call of a procedure (`p(:NEW.kojin_no)`, `EXEC p @v`, `CALL p(N.col)`):
   * the parameters receive what the arguments carry, so the tables the procedure writes them into
   * hold it. `names`: what the written name may denote, in the order the product looks (an Oracle
   * `a.b` is package a's b, else schema a's b). Resolved when the catalog is built (the procedure
   * may be created after the trigger).
   */
  | {
      op: 'routine-call';
      names: QualifiedName[];
      args: { name?: string; from: ViewColumn['from'] }[];
      /** The first name's first part was written without a schema (a public synonym may stand for it). */
      bare?: boolean;
      /** A function named in an expression: its returned value is used (a name no routine has is a built-in). */
      value?: true;
      /** The trigger, as written, and its table. */
      caller: string;
      table: QualifiedName;
    }
  | { op: 'add-primary-key'; table: QualifiedName; columns: string[]; name?: string }
  | { op: 'add-unique'; table: QualifiedName; columns: string[]; name?: string }
  | { op: 'add-foreign-key'; table: QualifiedName; foreignKey: ForeignKey }
  | { op: 'drop-relation'; names: QualifiedName[]; kind: 'table' | 'view' }
  | { op: 'rename-relation'; from: QualifiedName; to: string }
  | { op: 'set-schema'; name: QualifiedName; schema: string }
  | { op: 'set-owner'; name: QualifiedName; owner: string; kind: 'relation' | 'schema' }
  | { op: 'row-security'; table: QualifiedName; enable?: boolean; force?: boolean }
  | { op: 'create-policy'; table: QualifiedName; policy: Policy }
  | { op: 'drop-policy'; table: QualifiedName; name: string; ifExists?: boolean }
  /**
   * `ALTER POLICY name ON t RENAME TO new` / `ALTER POLICY name ON t [TO roles] [USING (…)]`: what
   * is given replaces the policy's; WITH CHECK decides writes only.
   */
  | {
      op: 'alter-policy';
      table: QualifiedName;
      name: string;
      rename?: string;
      roles?: string[];
      using?: Pick<Policy, 'usingFalse' | 'usingTrue'>;
    }
  | { op: 'comment-relation'; name: QualifiedName; text: string | null }
  | { op: 'comment-column'; table: QualifiedName; column: string; text: string | null }
  /**
   * Counts of values in data rows (COPY … FROM stdin, INSERT … VALUES) for number detection
   * (src/detect/check-digit.ts). `columns` absent: the table's columns in order.
   */
  | { op: 'column-values'; table: QualifiedName; columns?: string[]; stats: ColumnValueStats[] }
  | {
      op: 'create-role';
      name: string;
      login?: boolean;
      superuser?: boolean;
      bypassRls?: boolean;
      inherit?: boolean;
      /** `CREATE ROLE x IN ROLE y` / `ROLE z`: memberships created with the role. */
      inRoles?: string[];
      memberRoles?: string[];
    }
  | {
      op: 'alter-role';
      name: string;
      login?: boolean;
      superuser?: boolean;
      bypassRls?: boolean;
      inherit?: boolean;
      rename?: string;
    }
  | { op: 'drop-role'; names: string[] }
  | {
      op: 'grant-role';
      roles: string[];
      members: string[];
      /** Unset: the default (PostgreSQL 16+: the member's INHERIT attribute; SET true). */
      inherit?: boolean;
      set?: boolean;
      admin?: boolean;
      grantor?: string;
    }
  | {
      op: 'revoke-role';
      roles: string[];
      members: string[];
      /** `REVOKE INHERIT OPTION FOR` etc.: only the option is removed. */
      optionOnly?: 'inherit' | 'set' | 'admin';
      cascade?: boolean;
    }
  | {
      op: 'grant';
      privileges: PrivilegeSpec[];
      target: GrantTarget;
      grantees: string[];
      grantOption: boolean;
      grantor?: string;
    }
  | {
      op: 'revoke';
      privileges: PrivilegeSpec[];
      target: GrantTarget;
      grantees: string[];
      grantOptionOnly: boolean;
      cascade: boolean;
      grantor?: string;
    }
  | {
      op: 'default-privileges';
      forRoles: string[];
      schemas: string[];
      objectKind: 'tables' | 'functions' | 'other';
      isGrant: boolean;
      privileges: PrivilegeName[];
      grantees: string[];
      grantOption: boolean;
    }
  | { op: 'set-role'; role: string | null } // `SET ROLE x` / `RESET ROLE`: the acting role for later ownership
  | { op: 'set-session-authorization'; role: string | null }
  /** An access rule of one product (Oracle, SQL Server, Db2): see product-rules.ts. */
  | { op: 'product-rule'; rule: ProductRule }
  // Links between databases (PostgreSQL; src/catalog/cross-database.ts).
  /** CREATE SERVER / ALTER SERVER … OPTIONS / DROP SERVER. */
  | {
      op: 'foreign-server';
      action: 'create' | 'alter' | 'drop';
      name: string;
      wrapper?: string;
      options: OptionChange[];
      ifNotExists?: boolean;
      owner?: string;
    }
  /** GRANT / REVOKE USAGE ON FOREIGN SERVER s TO roles: what dblink('s', …) needs (postgres_fdw's foreign tables do not). */
  | { op: 'server-usage'; action: 'grant' | 'revoke'; servers: string[]; grantees: string[] }
  /** CREATE / ALTER / DROP USER MAPPING FOR role SERVER s (role: a name, PUBLIC or CURRENT_USER). */
  | { op: 'user-mapping'; action: 'create' | 'alter' | 'drop'; role: string; server: string; options: OptionChange[] }
  /** The SERVER and OPTIONS of a CREATE FOREIGN TABLE (its columns come with the create-table op before it). */
  | {
      op: 'foreign-table';
      table: QualifiedName;
      server: string;
      options: Record<string, string>;
      columnNames: Record<string, string>;
    }
  /** IMPORT FOREIGN SCHEMA remote [LIMIT TO | EXCEPT (…)] FROM SERVER s INTO local. */
  | {
      op: 'import-foreign-schema';
      server: string;
      remoteSchema: string;
      localSchema: string;
      limitTo?: string[];
      except?: string[];
    }
  /** dblink calls in the view or function the same statement created. */
  | {
      op: 'dblink';
      calls: {
        conninfo?: string;
        /** The named (or, '', unnamed) connection a `dblink_connect` of the same body opened with `conninfo`. */
        connection?: string;
        /** Opened by `dblink_connect_u`, which lets non-superusers connect without a password. */
        unsafe?: boolean;
        sql?: string;
        reads?: QualifiedName[];
        /** `dblink(…) AS t(cols)` in a FROM list: the view's lineage names it `dblinkRelation(location)`. */
        location?: number;
        /** The column definition list, in order. */
        columns?: string[];
        /** The remote query's output columns, in order: the remote base columns each carries. */
        remoteColumns?: { relation: QualifiedName; column: string }[][];
        /** Every remote base column the query reads (output, join, filter): what the remote user must be allowed to SELECT. */
        remoteReads?: { relation: QualifiedName; column: string }[];
      }[];
    }
  /**
   * Oracle `CREATE [PUBLIC] DATABASE LINK name [CONNECT TO user | CURRENT_USER] [USING 'tns']` and
   * `DROP [PUBLIC] DATABASE LINK` (src/catalog/cross-database.ts resolves it against the databases).
   */
  | {
      op: 'database-link';
      action: 'create' | 'drop';
      name: string;
      public: boolean;
      /** fixed: CONNECT TO user; current-user: CONNECT TO CURRENT_USER; connected-user: no CONNECT TO. */
      connect: 'fixed' | 'current-user' | 'connected-user';
      user?: string;
      using?: string;
      /** The user whose schema holds a private link (the one connected when it was created). */
      owner?: string;
    }
  /**
   * A remote object named through a database link (Oracle `schema.t@link` in a view, or a synonym
   * for one): a local relation `name` whose columns read the remote relation's, like a foreign table.
   */
  | {
      op: 'remote-relation';
      name: QualifiedName;
      link: string;
      /** The remote object as written (an unqualified name is in the schema the link connects to). */
      remote: QualifiedName;
      columns: string[];
      /** The schema of the object that names it (its private links are looked up first). */
      owner?: string;
    }
  /**
   * Oracle `CREATE [PUBLIC] SYNONYM s FOR t` / Db2 `CREATE [PUBLIC] ALIAS a FOR t`, and their DROP:
   * another name for t, resolved for GRANTs and views of every file (src/catalog/synonyms.ts).
   */
  | { op: 'synonym'; action: 'create' | 'drop'; name: QualifiedName; public: boolean; target?: QualifiedName }
  /** CREATE / ALTER … ADD | SET | DROP / DROP PUBLICATION. */
  | {
      op: 'publication';
      action: 'create' | 'add' | 'set' | 'drop-objects' | 'drop';
      name: string;
      allTables?: boolean;
      tables: { name: QualifiedName; columns?: string[] }[];
      schemas: string[];
    }
  /** CREATE SUBSCRIPTION … CONNECTION … PUBLICATION …, its ALTERs, DROP SUBSCRIPTION. */
  | {
      op: 'subscription';
      action: 'create' | 'set-publication' | 'add-publication' | 'drop-publication' | 'connection' | 'drop';
      name: string;
      conninfo?: string;
      publications: string[];
    }
);
