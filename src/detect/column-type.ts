/**
 * What a declared column type can hold, for the type-based detection rules: a 個人番号 is 12
 * digits (番号法施行令 第8条), so a column that cannot hold 12 characters or digits is not the
 * plain number, and a column of exactly 12 is a strong sign that an abbreviation means it.
 */

export interface TypeCapacity {
  /** Characters (character types) or decimal digits (exact numeric types) the type holds. */
  size: number;
  unit: 'chars' | 'digits';
}

/** Integer types and the decimal digits of their largest value. */
const INTEGER_DIGITS: Record<string, number> = {
  tinyint: 3,
  smallint: 5,
  int2: 5,
  mediumint: 8,
  int: 10,
  integer: 10,
  int4: 10,
  serial: 10,
  smallserial: 5,
  bigint: 19,
  int8: 19,
  bigserial: 19,
  // Java, Kotlin and C# field types of ORM entities
  long: 19,
  short: 5,
  byte: 3,
  bit: 1,
  boolean: 1,
  bool: 1,
};

/**
 * 32-bit and smaller integer fields of ORM declarations: Django's IntegerField, SmallIntegerField and
 * PositiveIntegerField (Django docs, "Model field reference": -2147483648 to 2147483647), Laravel's
 * `$table->integer()`, `->smallInteger()`, `->tinyInteger()`, `->mediumInteger()` and their unsigned forms
 * (Laravel docs, "Migrations": an INTEGER, SMALLINT, TINYINT, MEDIUMINT column). BigIntegerField and
 * `->bigInteger()` hold 19 digits and are not listed.
 */
const DJANGO_INTEGER = /^(?:models\.)?(?:positive)?(small)?integerfield\b/;
const LARAVEL_INTEGER = /\$table->(?:unsigned)?(tiny|small|medium)?integer\s*\(/;
const ORM_DIGITS: Record<string, number> = { tiny: 3, small: 5, medium: 8 };

/** The decimal digits an ORM integer field holds, if the type is one. */
function ormIntegerDigits(t: string): number | undefined {
  const m = DJANGO_INTEGER.exec(t) ?? LARAVEL_INTEGER.exec(t);
  if (!m) return undefined;
  return m[1] === undefined ? 10 : (ORM_DIGITS[m[1]] ?? 10);
}

/** The capacity of a type as written (`CHAR(12)`, `varchar2(12 byte)`, `NUMERIC(12,0)`, `int`), if it has one. */
export function typeCapacity(type: string | undefined): TypeCapacity | undefined {
  if (!type) return undefined;
  const t = type.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const sized =
    /^(?:national )?(?:char|bpchar|character|nchar|varchar|nvarchar|varchar2|nvarchar2|character varying|char varying|varbinary|binary|graphic|vargraphic|string)\s*\(\s*(\d+)/.exec(
      t,
    );
  if (sized) return { size: Number(sized[1]), unit: 'chars' };
  // ORM declarations: Django CharField(max_length=12), SQLAlchemy String(length=12)
  const declared = /\b(?:max_length|length)\s*=\s*(\d+)/.exec(t);
  if (declared) return { size: Number(declared[1]), unit: 'chars' };
  const orm = ormIntegerDigits(t);
  if (orm !== undefined) return { size: orm, unit: 'digits' };
  const exact = /^(?:numeric|decimal|dec|number)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/.exec(t);
  if (exact) return { size: Number(exact[1]) - Number(exact[2] ?? 0), unit: 'digits' };
  const base = t
    .replace(/\s*(?:unsigned|signed|zerofill)\b/g, '')
    .replace(/\(\d+\)$/, '')
    .trim();
  const digits = INTEGER_DIGITS[base];
  if (base in INTEGER_DIGITS && digits !== undefined) return { size: digits, unit: 'digits' };
  return undefined;
}

/** The type holds exactly 12 characters or digits: the 個人番号's own length. */
export function fitsTwelve(type: string | undefined): boolean {
  const cap = typeCapacity(type);
  return cap !== undefined && cap.size === 12;
}

/** The type cannot hold the 12 digits of a 個人番号 (a too-short string, a plain int, a flag). */
export function tooShortForNumber(type: string | undefined): boolean {
  const cap = typeCapacity(type);
  return cap !== undefined && cap.size < 12;
}

/**
 * The type is a boolean: BOOLEAN / BOOL, SQL Server BIT (and BIT(1)), a TypeScript or Java `boolean`,
 * zod's `z.boolean()`. It holds true or false only, so a column so declared is a flag, never the number.
 */
export function isBooleanType(type: string | undefined): boolean {
  if (!type) return false;
  const t = type.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  return /^(?:boolean|bool|bit(?:\(1\))?|z\.boolean\(\)(?:\.(?:optional|nullable|default)\([^)]*\))*)(?:notnull)?$/.test(
    t,
  );
}
