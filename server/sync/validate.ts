// What a pushed operation must satisfy before it is applied (like CouchDB's validate_doc_update): the
// row after the change fits the same schema the laptop's services write with, no unknown or immutable
// column changes, and every reference points to a row the pusher may see, with the same company.
import { IMMUTABLE_COLUMNS, REFERENCES, rowProblem, type Reference } from '../../shared/modules/sync'
import type { SyncValue } from '../../shared/modules/sync'
import type { SyncTableName } from '../../shared/modules/sync'
import { upgradeEventFields } from './upgrade-events'

type Data = Record<string, SyncValue>

/** A permanent refusal of one operation; `reason` is shown to the rep ("abgelehnt: …"). */
export class Rejected extends Error {}

/** A row of the store, as validation needs it. */
export interface TargetRow {
  scope_id: string
  parent_id: string | null
  deleted: number
}

export interface ValidationContext {
  load(table: string, id: string): Promise<TargetRow | null>
  canSee(scope: string): boolean
}

/**
 * The operation's schema version against the server's. A newer client than the server is refused as a
 * whole before this (its operations wait in its outbox); an older one is upgraded here, step by step.
 */
export function upgradeFields(table: SyncTableName, fields: Data, fromVersion: number): Data {
  let data = fields
  if (fromVersion < 7 && table === 'offer_revisions' && typeof data.snapshot === 'string') {
    // Up to schema 6 a snapshot carried the sender's logo path; the logo is now the device's own.
    data = { ...data, snapshot: withoutPaths(data.snapshot) }
  }
  if (fromVersion < 8) data = upgradeEventFields(table, data)
  return data
}

function withoutPaths(snapshot: string): string {
  try {
    return JSON.stringify(JSON.parse(snapshot), (key, value: unknown) => (/path$/i.test(key) ? undefined : value))
  } catch {
    return snapshot // not JSON: validation refuses it
  }
}

export function checkInsert(table: SyncTableName, data: Data): void {
  const problem = rowProblem(table, data)
  if (problem) throw new Rejected(`invalid_row: ${problem}`)
}

/**
 * The stored row with the change applied must still be a valid row; immutable columns stay as they are —
 * except `company_id` (and a referral's `referred_company_id`) when `mergedInto` says the company it names
 * was merged into the one it moves to (the merge's own operations move every child; the company says so first).
 */
export function checkUpdate(table: SyncTableName, stored: Data, changes: Data, mergedInto: Partial<Record<'company_id' | 'referred_company_id', string | null>> = {}): void {
  const immutable = IMMUTABLE_COLUMNS[table] ?? []
  for (const column of Object.keys(changes)) {
    const target = column === 'company_id' || column === 'referred_company_id' ? mergedInto[column] : null
    const merging = typeof target === 'string' && target !== '' && changes[column] === target
    if (column === 'created_at' || (immutable.includes(column) && !merging && column in stored && stored[column] !== changes[column])) {
      throw new Rejected(`immutable: ${column}`)
    }
  }
  const unknown = rowProblem(table, changes, 'patch')
  if (unknown) throw new Rejected(`invalid_row: ${unknown}`)
  const problem = rowProblem(table, { ...stored, ...changes })
  if (problem) throw new Rejected(`invalid_row: ${problem}`)
}

/**
 * References that change (all of them on insert) must name a visible row of the same company; a reference
 * under another column's company (`underColumn`) is checked again when that column changes too.
 */
export async function checkReferences(ctx: ValidationContext, table: SyncTableName, row: Data, changed: Iterable<string>, rowScope: string): Promise<void> {
  const references = REFERENCES[table]
  if (!references) return
  const changedSet = new Set(changed)
  for (const reference of references) {
    if (!changedSet.has(reference.column) && !(reference.underColumn && changedSet.has(reference.underColumn))) continue
    const target = row[reference.column]
    if (target === null || target === undefined || target === '') continue
    if (typeof target !== 'string' || !(await referenceHolds(ctx, reference, target, row, rowScope))) {
      throw new Rejected(`unknown_reference: ${reference.column}`)
    }
  }
}

async function referenceHolds(ctx: ValidationContext, reference: Reference, target: string, row: Data, rowScope: string): Promise<boolean> {
  const found = await ctx.load(reference.table, target)
  // A deleted record cannot be referred to anew (a reference that stays unchanged is not checked again).
  if (!found || Number(found.deleted) === 1 || !ctx.canSee(found.scope_id)) return false
  // Under the company another column names (a lead's contact under its converted company): nothing named, nothing to hang off.
  if (reference.underColumn) return typeof row[reference.underColumn] === 'string' && row[reference.underColumn] !== '' && found.parent_id === row[reference.underColumn]
  if (!reference.sameCompany) return true
  // Children of a company carry it as parent_id: the target must hang off the very same company.
  return found.scope_id === rowScope && found.parent_id === row.company_id
}
