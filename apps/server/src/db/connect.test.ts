// The SQLite connection's statement cache (cachingStatements): same answers as fresh statements,
// the least recently used dropped at the limit, and two iterations of one query side by side.
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './connect.js';

function memory() {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (n integer)');
  sqlite.prepare('insert into t (n) values (1), (2), (3)').run();
  return sqlite;
}

describe('the SQLite statement cache', () => {
  it('prepares a query once and answers as a fresh statement would, writes included', () => {
    const sqlite = memory();
    let prepares = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => (prepares++, prepare(sql))) as typeof sqlite.prepare;
    const db = cachingStatements(sqlite);
    const select = 'select n from t where n >= ? order by n';
    expect(db.prepare(select).all([2])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare('insert into t (n) values (?)').run([4]).changes).toBe(1);
    expect(db.prepare(select).reader).toBe(true);
    expect(db.prepare(select).all([2])).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    expect(prepares).toBe(2);
  });

  it('keeps the most recently used, dropping the least recently used at the limit', () => {
    const sqlite = memory();
    const seen: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof sqlite.prepare;
    const db = cachingStatements(sqlite, 2);
    const q = (k: number) => `select ${k} as k`;
    db.prepare(q(1)).all([]);
    db.prepare(q(2)).all([]);
    db.prepare(q(1)).all([]); // 1 is now the most recent
    db.prepare(q(3)).all([]); // drops 2
    db.prepare(q(1)).all([]);
    db.prepare(q(2)).all([]); // prepared again
    expect(seen).toEqual([q(1), q(2), q(3), q(2)]);
  });

  it('lets two iterations of the same query run side by side (a statement being iterated is busy)', () => {
    const db = cachingStatements(memory());
    const sql = 'select n from t order by n';
    const a = db.prepare(sql).iterate([]);
    const b = db.prepare(sql).iterate([]);
    expect(a.next().value).toEqual({ n: 1 });
    expect(b.next().value).toEqual({ n: 1 });
    expect(db.prepare(sql).all([])).toHaveLength(3);
    expect([...a]).toEqual([{ n: 2 }, { n: 3 }]);
    expect([...b]).toEqual([{ n: 2 }, { n: 3 }]);
  });
});
