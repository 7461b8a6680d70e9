// The one data-access interface the server uses, implemented over `pg` (PostgreSQL) and PGlite
// (embedded). SQL is plain PostgreSQL with $1 parameters; both backends run the same statements.

export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement and returns its rows. */
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
