// How many rows a list has, counted only as far as the user can scroll soon: a list's count is the one part of its
// query that reads every match, so it grew with the data (issue 20: 20,000 companies counted for a page of 100).
// A list counts up to `offset + limit + COUNT_AHEAD` matches and says "more than" beyond that, as Salesforce's
// "2000+ items" does; scrolling further counts further (each page counts ahead of itself).
import { sql, type Expression, type QueryExecutorProvider, type SelectQueryBuilder } from 'kysely'

/** Matches counted past the end of the requested page before the count stops and becomes a lower bound. */
export const COUNT_AHEAD = 1000

export interface CappedCount {
  /** The number of matches, or the bound the count stopped at. */
  total: number
  /** True when there are more than `total` matches. */
  totalIsLowerBound: boolean
}

/**
 * Counts the rows of `query` (its FROM and WHERE; its selection is replaced) up to `offset + limit + ahead`; an
 * export asks with `ahead` = its row limit, so it learns whether it may run before it reads a row.
 * The inner LIMIT lets SQLite stop the scan as soon as the bound is reached.
 */
export async function countUpTo<DB, TB extends keyof DB, O>(
  db: QueryExecutorProvider, query: SelectQueryBuilder<DB, TB, O>, page: { offset: number; limit: number }, ahead = COUNT_AHEAD,
): Promise<CappedCount> {
  return countMatchesUpTo(db, (bound) => query.clearSelect().select(sql<number>`1`.as('one')).limit(bound), page, ahead)
}

/** The same for a statement written in SQL: `matches(limit)` selects one row per match, at most `limit`. */
export async function countMatchesUpTo(
  db: QueryExecutorProvider, matches: (limit: number) => Expression<unknown>, page: { offset: number; limit: number }, ahead = COUNT_AHEAD,
): Promise<CappedCount> {
  const bound = page.offset + page.limit + ahead
  const row = (await sql<{ n: number }>`select count(*) as n from (${matches(bound + 1)})`.execute(db)).rows[0]
  const n = Number(row?.n ?? 0)
  return n > bound ? { total: bound, totalIsLowerBound: true } : { total: n, totalIsLowerBound: false }
}
