// Keyset pagination shared by every list: newest first by id, `limit` + opaque `cursor`,
// answered as { items, nextCursor }. Keyset (not OFFSET) keeps page 1000 as fast as page 1.
import { z } from 'zod';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'cursor tidak valid / invalid cursor')
    .transform(Number)
    .optional(),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Adds `id < cursor` and the LIMIT; returns the SQL tail. Fetches one extra row to know if more exist. */
export function pageClause(alias: string, page: { limit: number; cursor?: number | undefined }, where: string[], params: unknown[]): string {
  if (page.cursor !== undefined) {
    params.push(page.cursor);
    where.push(`${alias}.id < $${params.length}`);
  }
  params.push(page.limit + 1);
  return `${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${alias}.id DESC LIMIT $${params.length}`;
}

export function toPage<R extends { id: number }, T>(rows: R[], limit: number, present: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(present);
  return { items, nextCursor: more ? String(rows[limit - 1]!.id) : null };
}

export const idParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const idList = z.array(z.number().int().positive()).max(100);
/** A comma-separated filter value, such as `status=new,triage`. */
export const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));
