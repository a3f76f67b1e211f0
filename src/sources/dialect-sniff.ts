/**
 * Which other SQL dialect a file that fails to parse looks like: an SSMS "Generate Scripts"
 * export, an Oracle (SQL*Plus / Data Pump / SQL Developer) export, a db2look file or a mysqldump
 * read with the default PostgreSQL reader gives a syntax error per statement and no hint. Each
 * dialect has marks no other dialect writes; a file showing two or more marks of exactly one
 * dialect (one, if it is a tool's own header) is said to look like it, naming the marks found.
 * Only used for files that already failed to parse, so a mark quoted in a comment of a good file
 * changes nothing.
 */
import type { Dialect } from '../dialect.js';

interface Mark {
  /** Shown to the user as evidence, as SQL. */
  shown: string;
  re: RegExp;
  /** A tool's own header or statement: enough on its own. */
  strong?: boolean;
}

const MARKS: Partial<Record<Dialect, Mark[]>> = {
  sqlserver: [
    { shown: 'GO', re: /^[ \t]*GO[ \t]*(?:--.*)?\r?$/im, strong: true },
    { shown: '[dbo].[…]', re: /\[dbo\]\s*\.\s*\[/i, strong: true },
    { shown: 'USE […]', re: /^[ \t]*USE[ \t]+\[/im },
    { shown: 'SET ANSI_NULLS', re: /^[ \t]*SET[ \t]+ANSI_NULLS\b/im },
    { shown: 'SET QUOTED_IDENTIFIER', re: /^[ \t]*SET[ \t]+QUOTED_IDENTIFIER\b/im },
    { shown: 'ON [PRIMARY]', re: /\bON\s+\[PRIMARY\]/i },
    { shown: 'IDENTITY(1,1)', re: /\bIDENTITY\s*\(\s*\d+\s*,\s*\d+\s*\)/i },
    { shown: '[name] brackets', re: /\[[A-Za-z_][\w$#@ ]*\]\s*\.\s*\[[A-Za-z_]/ },
    { shown: 'NVARCHAR', re: /\bNVARCHAR\s*\(/i },
  ],
  oracle: [
    { shown: 'VARCHAR2', re: /\bVARCHAR2\s*\(/i },
    { shown: 'NUMBER(…)', re: /\bNUMBER\s*\(\s*\d+/i },
    { shown: '/ terminator', re: /^[ \t]*\/[ \t]*\r?$/m },
    {
      shown: 'TABLESPACE / PCTFREE / STORAGE',
      re: /\b(?:PCTFREE|INITRANS|STORAGE\s*\(\s*INITIAL|SEGMENT\s+CREATION)\b/i,
    },
    { shown: 'NVARCHAR2 / NCLOB / RAW', re: /\b(?:NVARCHAR2|NCLOB|LONG\s+RAW)\b|\bRAW\s*\(/i },
    { shown: 'CREATE OR REPLACE PACKAGE', re: /\bCREATE\s+OR\s+REPLACE\s+(?:EDITIONABLE\s+)?PACKAGE\b/i, strong: true },
    { shown: 'SYSDATE', re: /\bSYSDATE\b/i },
  ],
  db2: [
    { shown: 'db2look', re: /This CLP file was created using DB2LOOK/i, strong: true },
    { shown: '--#SET TERMINATOR', re: /^--#SET\s+TERMINATOR/im, strong: true },
    { shown: 'CONNECT TO', re: /^[ \t]*CONNECT\s+TO\s+\w+/im },
    { shown: 'ORGANIZE BY', re: /\bORGANIZE\s+BY\s+(?:ROW|COLUMN)\b/i },
    { shown: 'DATA CAPTURE', re: /\bDATA\s+CAPTURE\s+(?:NONE|CHANGES)\b/i },
    { shown: 'WITH DEFAULT', re: /\bNOT\s+NULL\s+WITH\s+DEFAULT\b/i },
    { shown: 'VARGRAPHIC', re: /\bVARGRAPHIC\s*\(/i },
    { shown: 'IN "tablespace"', re: /\)\s*IN\s+"[A-Z0-9_]+"/ },
  ],
  mysql: [
    { shown: '`backticks`', re: /`[^`\n]+`/ },
    { shown: 'ENGINE=', re: /\)\s*ENGINE\s*=\s*\w+/i },
    { shown: '/*!40101 … */', re: /\/\*!\d{5}/, strong: true },
    { shown: 'AUTO_INCREMENT', re: /\bAUTO_INCREMENT\b/i },
    { shown: 'DEFAULT CHARSET=', re: /\bDEFAULT\s+CHARSET\s*=/i },
    { shown: 'LOCK TABLES', re: /^[ \t]*LOCK\s+TABLES\b/im },
    { shown: 'UNSIGNED', re: /\bINT(?:EGER)?(?:\s*\(\d+\))?\s+UNSIGNED\b/i },
  ],
};

export interface DialectLook {
  dialect: Dialect;
  /** The marks found, as shown to the user (at most three). */
  marks: string[];
}

/** The one other dialect `text` looks like, if its marks say so clearly; `reading` is left out. */
export function looksLike(text: string, reading: Dialect): DialectLook | undefined {
  const found: { dialect: Dialect; marks: Mark[] }[] = [];
  for (const [dialect, marks] of Object.entries(MARKS) as [Dialect, Mark[]][]) {
    if (dialect === reading || (reading === 'mariadb' && dialect === 'mysql')) continue;
    const hit = marks.filter((m) => m.re.test(text));
    if (hit.length >= 2 || hit.some((m) => m.strong)) found.push({ dialect, marks: hit });
  }
  if (!found.length) return undefined;
  found.sort((a, b) => b.marks.length - a.marks.length);
  const [best, next] = found;
  if (!best || (next && next.marks.length === best.marks.length)) return undefined;
  return { dialect: best.dialect, marks: best.marks.slice(0, 3).map((m) => m.shown) };
}

/** How the dialect is named to the user. */
export const DIALECT_LABELS: Readonly<Record<Dialect, string>> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  sqlite: 'SQLite',
  bigquery: 'BigQuery',
  oracle: 'Oracle',
  sqlserver: 'SQL Server',
  db2: 'Db2',
};
