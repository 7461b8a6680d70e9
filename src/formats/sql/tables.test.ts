// The table log: which CREATE TABLE a range takes its columns from, and its bound.
import { describe, expect, it } from 'vitest';
import { columnsCreatedAt, columnsOf, TableLog } from './tables.js';

describe('TableLog', () => {
  it('gives a range the last CREATE before it, else the first, and a CREATE by its offset', () => {
    const log = new TableLog();
    log.add('users', 10, ['nik', 'nama']);
    log.add('users', 500, ['email']);
    const state = log.pack();
    expect([0, 10, 11, 500, 501, Infinity].map((at) => columnsOf(state, 'users', at).join())).toEqual(['nik,nama', 'nik,nama', 'nik,nama', 'nik,nama', 'email', 'email']);
    expect(columnsCreatedAt(state, 'users', 500)).toEqual(['email']);
    expect(columnsCreatedAt(state, 'users', 11)).toBeNull();
    expect(columnsOf(state, 'toString')).toEqual([]);
  });

  it('holds at most 10,000 CREATEs: past that a table keeps one, its last', () => {
    const log = new TableLog();
    for (let i = 0; i < 10005; i++) log.add('t', i, [`c${i}`]);
    const state = log.pack();
    expect(state.tables['t']!.length).toBe(3 * 10000);
    expect(columnsOf(state, 't')).toEqual(['c10004']);
  });
});
