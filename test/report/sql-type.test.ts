/** 別添2 shows SQL-standard type names, not PostgreSQL's catalog names (PostgreSQL manual, Table 8.1). */
import { describe, expect, it } from 'vitest';
import { standardTypeName } from '../../src/report/sql-type.js';

describe('standardTypeName', () => {
  it('names PostgreSQL internal types as the standard does, keeping length and precision', () => {
    expect(standardTypeName('bpchar(12)')).toBe('character(12)');
    expect(standardTypeName('varchar(15)')).toBe('character varying(15)');
    expect(standardTypeName('int4')).toBe('integer');
    expect(standardTypeName('int8')).toBe('bigint');
    expect(standardTypeName('int2')).toBe('smallint');
    expect(standardTypeName('float8')).toBe('double precision');
    expect(standardTypeName('bool')).toBe('boolean');
    expect(standardTypeName('timestamptz')).toBe('timestamp with time zone');
    expect(standardTypeName('numeric(10, 2)')).toBe('numeric(10, 2)');
    expect(standardTypeName('decimal(10,2)')).toBe('numeric(10,2)');
  });
  it('keeps arrays as arrays, and anything it does not know as written', () => {
    expect(standardTypeName('int4[]')).toBe('integer[]');
    expect(standardTypeName('_varchar')).toBe('character varying[]');
    expect(standardTypeName('jsonb')).toBe('jsonb');
    expect(standardTypeName('NUMBER(12)')).toBe('NUMBER(12)');
    expect(standardTypeName('public.my_domain')).toBe('public.my_domain');
    expect(standardTypeName('timestamp')).toBe('timestamp');
  });
});
