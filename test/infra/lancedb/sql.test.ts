/**
 * SQL literals for LanceDB filters: every value from input goes through sqlString / sqlIn.
 */
import { describe, expect, it } from 'vitest';
import { sqlIn, sqlString } from '../../../src/infra/lancedb/sql.js';

describe('filter values become safe SQL string literals', () => {
  it('quotes a plain value', () => {
    expect(sqlString('doc-1')).toBe("'doc-1'");
  });

  it("doubles single quotes, so a ' cannot end the literal", () => {
    expect(sqlString("l'atelier d'été")).toBe("'l''atelier d''été'");
    expect(sqlString("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
  });

  it('leaves other characters as they are (no backslash escaping in SQL)', () => {
    expect(sqlString('a\\b "c" %_')).toBe('\'a\\b "c" %_\'');
  });

  it('refuses a NUL byte', () => {
    expect(() => sqlString('a\0b')).toThrow(/NUL/);
  });

  it('builds an IN list, and a list that matches nothing when empty', () => {
    expect(sqlIn(['a', "b'c"])).toBe("('a', 'b''c')");
    expect(sqlIn([])).toBe('(NULL)');
  });
});
