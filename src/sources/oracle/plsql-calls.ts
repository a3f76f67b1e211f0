/**
 * Virtual Private Database policies, read from the PL/SQL calls that create them:
 * `DBMS_RLS.ADD_POLICY`, `DROP_POLICY`, `ENABLE_POLICY`, in an anonymous block (`BEGIN … END;` +
 * `/`) or a SQL*Plus `EXEC`. The arguments are read by name (`object_name => 'T'`) or position,
 * as the package declares them (PL/SQL Packages and Types Reference, DBMS_RLS). Other PL/SQL is not
 * executed: an `EXECUTE IMMEDIATE` (dynamic SQL that may GRANT) is reported.
 */
import { said } from '../../diagnostics.js';
import type { CatalogOp } from '../../catalog/ops.js';
import type { Cursor } from '../vendor/cursor.js';
import { foldStringName, type Token } from '../vendor/lexer.js';
import type { StatementOutcome } from '../vendor/reader.js';
import { nth } from '../../indexed.js';

const ADD_POLICY_PARAMS = [
  'OBJECT_SCHEMA',
  'OBJECT_NAME',
  'POLICY_NAME',
  'FUNCTION_SCHEMA',
  'POLICY_FUNCTION',
  'STATEMENT_TYPES',
  'UPDATE_CHECK',
  'ENABLE',
  'STATIC_POLICY',
  'POLICY_TYPE',
  'LONG_PREDICATE',
  'SEC_RELEVANT_COLS',
  'SEC_RELEVANT_COLS_OPT',
  'NAMESPACE',
  'ATTRIBUTE',
];
const DROP_POLICY_PARAMS = ['OBJECT_SCHEMA', 'OBJECT_NAME', 'POLICY_NAME'];
const ENABLE_POLICY_PARAMS = ['OBJECT_SCHEMA', 'OBJECT_NAME', 'POLICY_NAME', 'ENABLE'];

type Args = Map<string, Token[]>;

export function readPlsqlCalls(c: Cursor): StatementOutcome {
  const ops: CatalogOp[] = [];
  const toks = c.tokens;
  let found = false;
  for (let i = 0; i < toks.length; i++) {
    if (nth(toks, i).upper === 'IMMEDIATE' && toks[i - 1]?.upper === 'EXECUTE') {
      c.ctx.warn(said('diag.oracle.executeImmediate'), nth(toks, i - 1).start, 'SPIF-SQL-DYNAMIC');
      found = true;
      continue;
    }
    if (nth(toks, i).upper !== 'DBMS_RLS' || toks[i + 1]?.value !== '.') continue;
    const proc = toks[i + 2]?.upper;
    if (toks[i + 3]?.value !== '(') continue;
    found = true;
    const params =
      proc === 'ADD_POLICY'
        ? ADD_POLICY_PARAMS
        : proc === 'DROP_POLICY'
          ? DROP_POLICY_PARAMS
          : proc === 'ENABLE_POLICY'
            ? ENABLE_POLICY_PARAMS
            : undefined;
    const { args, end } = readArgs(toks, i + 3, params ?? []);
    if (!params) {
      // ADD_GROUPED_POLICY, CREATE_POLICY_GROUP, REFRESH_POLICY…: grouped policies are not modelled
      if (/POLICY/.test(proc ?? '')) c.ctx.warn(said('diag.oracle.rlsNotModelled', proc ?? ''), nth(toks, i).start);
      i = end;
      continue;
    }
    const text = (k: string) => {
      const v = args.get(k);
      return v && v.length === 1 && nth(v, 0).kind === 'string' ? nth(v, 0).value : undefined;
    };
    const objectName = text('OBJECT_NAME');
    const policyName = text('POLICY_NAME') ?? '(unnamed)';
    if (!objectName) {
      c.ctx.warn(said('diag.oracle.rlsObjectName', proc ?? ''), nth(toks, i).start);
      i = end;
      continue;
    }
    const schema = text('OBJECT_SCHEMA');
    const table = {
      name: foldStringName(objectName, 'oracle'),
      ...(schema
        ? { schema: foldStringName(schema, 'oracle') }
        : c.ctx.state.schema
          ? { schema: c.ctx.state.schema }
          : {}),
    };
    const at = c.ctx.loc(nth(toks, i).start);
    if (proc === 'DROP_POLICY') {
      ops.push({
        op: 'product-rule',
        at,
        rule: { kind: 'row-filter', table, name: policyName, product: 'vpd', enabled: false, drop: true },
      });
    } else if (proc === 'ENABLE_POLICY') {
      const enable = (args.get('ENABLE') ?? []).map((t) => t.upper).join('') !== 'FALSE';
      ops.push({
        op: 'product-rule',
        at,
        rule: { kind: 'row-filter', table, name: policyName, product: 'vpd', enabled: enable },
      });
    } else {
      // statement_types defaults to SELECT, INSERT, UPDATE, DELETE; a policy without SELECT does not filter reads.
      const types = text('STATEMENT_TYPES');
      const enabled = (args.get('ENABLE') ?? []).map((t) => t.upper).join('') !== 'FALSE';
      if (types !== undefined && !/\b(SELECT|INDEX)\b/i.test(types) && !/^\s*$/.test(types)) {
        i = end;
        continue;
      }
      const fn = [text('FUNCTION_SCHEMA'), text('POLICY_FUNCTION')].filter(Boolean).join('.');
      const cols = text('SEC_RELEVANT_COLS');
      const opt = (args.get('SEC_RELEVANT_COLS_OPT') ?? []).map((t) => t.upper).join('');
      const predicate = `policy function ${fn || '(unknown)'}`;
      if (cols && /ALL_ROWS|^1$/.test(opt)) {
        // column masking: every row comes back, the relevant columns are NULL where the predicate is false
        for (const column of cols.split(/[\s,]+/).filter(Boolean)) {
          ops.push({
            op: 'product-rule',
            at,
            rule: {
              kind: 'mask',
              table,
              column: foldStringName(column, 'oracle'),
              name: policyName,
              product: 'vpd-column',
              expression: predicate,
              drop: !enabled,
            },
          });
        }
      } else {
        ops.push({
          op: 'product-rule',
          at,
          rule: {
            kind: 'row-filter',
            table,
            name: policyName,
            product: 'vpd',
            predicate: cols ? `${predicate} (when ${cols} is queried)` : predicate,
            enabled,
          },
        });
      }
    }
    i = end;
  }
  return found ? ops : 'irrelevant';
}

/** `( a, b, name => c, … )` from the `(` at `open`: values as token lists, by parameter name. */
function readArgs(toks: Token[], open: number, params: string[]): { args: Args; end: number } {
  const args: Args = new Map();
  let depth = 0;
  let current: Token[] = [];
  let position = 0;
  let i = open;
  const flush = () => {
    let name: string | undefined;
    let value = current;
    if (current.length >= 3 && nth(current, 1).value === '=' && nth(current, 2).value === '>') {
      name = nth(current, 0).upper;
      value = current.slice(3);
    }
    name ??= params[position];
    if (name && value.length) args.set(name, value);
    position++;
    current = [];
  };
  for (; i < toks.length; i++) {
    const t = nth(toks, i);
    if (t.value === '(') {
      if (depth++ === 0) continue;
    } else if (t.value === ')') {
      if (--depth === 0) {
        flush();
        break;
      }
    } else if (t.value === ',' && depth === 1) {
      flush();
      continue;
    }
    if (depth >= 1) current.push(t);
  }
  return { args, end: i };
}
