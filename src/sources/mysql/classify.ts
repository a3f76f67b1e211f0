/**
 * What kind of statement this is, from its leading words, so that data and session statements
 * are skipped without parsing and each relevant kind goes to the reader that reads it.
 */
import { tokens } from './lexer.js';

export type StatementKind =
  | 'create-table'
  | 'view'
  | 'alter-table'
  | 'drop-table'
  | 'drop-view'
  | 'rename-table'
  | 'create-database'
  | 'drop-database'
  | 'use'
  | 'create-index'
  | 'routine' // CREATE/ALTER/DROP PROCEDURE|FUNCTION (routine.ts)
  | 'account' // GRANT, REVOKE, CREATE/DROP/RENAME USER|ROLE, ALTER USER, SET DEFAULT ROLE, activate_all_roles_on_login
  | 'irrelevant' // data, session settings, locks, routines, triggers, plain indexes…
  | 'unknown';

/** First words of statements that never change the catalog. */
const IRRELEVANT_FIRST = new Set([
  'INSERT',
  'REPLACE',
  'UPDATE',
  'DELETE',
  'SELECT',
  'WITH',
  'VALUES',
  'TABLE',
  'LOCK',
  'UNLOCK',
  'TRUNCATE',
  'START',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'XA',
  'FLUSH',
  'ANALYZE',
  'OPTIMIZE',
  'CHECK',
  'REPAIR',
  'CHECKSUM',
  'SHOW',
  'DESCRIBE',
  'DESC',
  'EXPLAIN',
  'CALL',
  'DO',
  'PREPARE',
  'EXECUTE',
  'DEALLOCATE',
  'LOAD',
  'HANDLER',
  'INSTALL',
  'UNINSTALL',
  'KILL',
  'RESET',
  'PURGE',
  'CHANGE',
  'SIGNAL',
  'RESIGNAL',
  'BINLOG',
  'CACHE',
  'SHUTDOWN',
  'HELP',
  'SOURCE',
  'STOP',
  'IMPORT',
  'CLONE',
  'RESTART',
]);

/** Objects whose CREATE/ALTER/DROP never change what spif reads. */
const IRRELEVANT_OBJECTS = new Set([
  'TRIGGER',
  'PROCEDURE',
  'FUNCTION',
  'EVENT',
  'SEQUENCE',
  'SERVER',
  'TABLESPACE',
  'LOGFILE',
  'PACKAGE',
  'RESOURCE',
  'SYNONYM',
  'SPATIAL',
  'INSTANCE',
  'UNDO',
]);

const OBJECTS = new Set([...IRRELEVANT_OBJECTS, 'TABLE', 'VIEW', 'DATABASE', 'SCHEMA', 'USER', 'ROLE', 'INDEX']);

export function classify(text: string): StatementKind {
  const words: string[] = [];
  for (const t of tokens(text)) {
    words.push(t.kind === 'word' ? t.upper : `\u0000${t.value}`);
    if (words.length >= 40) break;
    // Stop once the object kind of a CREATE/ALTER/DROP is known.
    if (words.length > 1 && t.kind === 'word' && OBJECTS.has(t.upper) && /^(CREATE|ALTER|DROP)$/.test(words[0])) break;
    if (words.length >= 4 && !/^(CREATE|ALTER|DROP)$/.test(words[0])) break;
  }
  const [first, second] = words;
  if (first === undefined) return 'irrelevant';
  if (first === 'GRANT' || first === 'REVOKE') return 'account';
  if (first === 'USE') return 'use';
  if (first === 'RENAME') return second === 'USER' ? 'account' : 'rename-table';
  if (first === 'SET') {
    if (second === 'DEFAULT' && words[2] === 'ROLE') return 'account';
    if (/ACTIVATE_ALL_ROLES_ON_LOGIN|MANDATORY_ROLES/i.test(text)) return 'account';
    return 'irrelevant'; // variables, NAMES, ROLE (session), PASSWORD
  }
  if (IRRELEVANT_FIRST.has(first)) return 'irrelevant';
  if (first === 'CREATE' || first === 'ALTER' || first === 'DROP') {
    const object = words.slice(1).find((w) => OBJECTS.has(w));
    if (object === 'PROCEDURE' || object === 'FUNCTION') return 'routine';
    if (!object || IRRELEVANT_OBJECTS.has(object)) return object ? 'irrelevant' : 'unknown';
    if (object === 'USER' || object === 'ROLE') return 'account';
    if (first === 'CREATE') {
      if (object === 'TABLE') return words.includes('TEMPORARY') ? 'irrelevant' : 'create-table';
      if (object === 'VIEW') return 'view';
      if (object === 'DATABASE' || object === 'SCHEMA') return 'create-database';
      if (object === 'INDEX') return words.includes('UNIQUE') ? 'create-index' : 'irrelevant';
    }
    if (first === 'ALTER') {
      if (object === 'TABLE')
        return /^\s*ALTER\s+(?:ONLINE\s+|IGNORE\s+)*TABLE\s+\S+\s+(?:DISABLE|ENABLE)\s+KEYS\s*$/i.test(text)
          ? 'irrelevant'
          : 'alter-table';
      if (object === 'VIEW') return 'view';
      return 'irrelevant'; // ALTER DATABASE (character set), ALTER INDEX…
    }
    if (object === 'TABLE') return words.includes('TEMPORARY') ? 'irrelevant' : 'drop-table';
    if (object === 'VIEW') return 'drop-view';
    if (object === 'DATABASE' || object === 'SCHEMA') return 'drop-database';
    return 'irrelevant'; // DROP INDEX
  }
  return 'unknown';
}
