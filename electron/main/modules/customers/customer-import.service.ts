// Import of companies and contacts from CSV or Excel, in four steps the renderer drives: the file arrives
// in chunks (web mode's body limit is 1 MB, a customer file is larger), is read once and analysed (columns,
// the suggested or saved mapping, the dry run's plan — nothing written), then runs in batches of
// IMPORT_BATCH rows, each batch one transaction, while the renderer polls the progress and may cancel
// between batches: what was written is complete batches, each consistent, and the report says so.
// The file lives only in main's memory, one upload per import id, for at most an hour.
import { readSettings, writeSetting } from '../../../../db/platform/local.repository'
import { newId } from '../../../../db/platform/ids'
import { insertSyncedMany, updateSynced, type InsertRow } from '../../../../db/platform/synced-writes'
import {
  IMPORT_COMPANY_REFERENCE, IMPORT_FIELDS, IMPORT_MATCH_KEYS, IMPORT_REQUIRED, MAX_LISTED_PROBLEMS, savedMappingSchema,
  type ImportAnalyseInput, type ImportAnalysis, type ImportField, type ImportMapping, type ImportMatchKey, type ImportProgress, type ImportRunInput,
  type ImportTarget, type ImportUploadInput, type SavedMapping,
} from '../../../../shared/modules/customers/customer-import.schema'
import { AppError } from '../../../../shared/platform/result'
import { track } from '../../platform/activity'
import { nowIso, type ServiceContext } from '../../platform/context'
import { readTable, type ReadTable } from '../../platform/imports/table-read'
import { applySavedMapping, suggestMapping } from './customer-import.rows'
import { companyFieldsOf, contactFieldsOf, planImport, summarise, type FullPlan, type PlannedWrite } from './customer-import.plan'
import { companyFieldsSchema } from '../../../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../../../shared/modules/customers/contact.schema'
import { companyColumns, contactColumns } from './customers.mappers'
import { refreshJourneys } from './journey.service'

/** Rows per transaction: large enough to be fast, small enough that "Abbrechen" answers within a second. */
export const IMPORT_BATCH = 500
const SESSION_TTL_MS = 60 * 60 * 1000
const MAX_SESSIONS = 4
const SAVED_MAPPINGS_KEY = 'import.savedMappings'

interface Session {
  ctx: ServiceContext
  target: ImportTarget
  size: number
  bytes: Buffer
  received: number
  startedAt: number
  table: ReadTable | null
  progress: ImportProgress | null
  cancel: boolean
}

const sessions = new Map<string, Session>()

function dropStale(now: number): void {
  for (const [id, s] of sessions) if (now - s.startedAt > SESSION_TTL_MS && s.progress?.state !== 'running') sessions.delete(id)
  while (sessions.size >= MAX_SESSIONS) {
    const oldest = [...sessions].find(([, s]) => s.progress?.state !== 'running')
    if (!oldest) break
    sessions.delete(oldest[0])
  }
}

function sessionOf(ctx: ServiceContext, importId: string): Session {
  const session = sessions.get(importId)
  // Another database (the demo switched in meanwhile) never sees this upload.
  if (!session || session.ctx.db !== ctx.db) throw new AppError('not_found', 'errors.importGone')
  return session
}

/** Takes one chunk at its offset; a chunk sent again (a retry) changes nothing. */
export function uploadChunk(ctx: ServiceContext, input: ImportUploadInput): { received: number } {
  let session = sessions.get(input.importId)
  if (!session) {
    if (input.offset !== 0) throw new AppError('not_found', 'errors.importGone')
    dropStale(Date.now())
    session = { ctx, target: input.target, size: input.size, bytes: Buffer.alloc(input.size), received: 0, startedAt: Date.now(), table: null, progress: null, cancel: false }
    sessions.set(input.importId, session)
  }
  if (session.ctx.db !== ctx.db || session.target !== input.target || session.size !== input.size) throw new AppError('validation', 'errors.importGone')
  const chunk = Buffer.from(input.base64, 'base64')
  if (input.offset > session.received || input.offset + chunk.length > session.size) throw new AppError('validation', 'errors.importBroken')
  chunk.copy(session.bytes, input.offset)
  session.received = Math.max(session.received, input.offset + chunk.length)
  return { received: session.received }
}

async function tableOf(session: Session): Promise<ReadTable> {
  if (session.received !== session.size) throw new AppError('validation', 'errors.importBroken')
  session.table ??= await readTable(session.bytes)
  return session.table
}

async function savedMappings(ctx: ServiceContext, target?: ImportTarget): Promise<SavedMapping[]> {
  const raw = (await readSettings(ctx.db))[SAVED_MAPPINGS_KEY]
  let list: unknown = []
  try { list = raw ? JSON.parse(raw) : [] } catch { list = [] }
  const valid = (Array.isArray(list) ? list : []).flatMap((m) => { const r = savedMappingSchema.safeParse(m); return r.success ? [r.data] : [] })
  return target ? valid.filter((m) => m.target === target) : valid
}

/** Required fields the mapping leaves out (for contacts: lastName, and a column that finds the company). */
export function missingFields(target: ImportTarget, mapping: ImportMapping): ImportField[] {
  const mapped = (field: ImportField) => mapping[field] !== null && mapping[field] !== undefined
  const missing: ImportField[] = IMPORT_REQUIRED[target].filter((f) => !mapped(f))
  if (target === 'contacts' && !IMPORT_COMPANY_REFERENCE.some(mapped)) missing.push('companyName')
  return missing
}

function checkMapping(target: ImportTarget, mapping: ImportMapping, columns: number, matchBy: ImportMatchKey): void {
  const allowed: readonly string[] = IMPORT_FIELDS[target]
  const used = new Set<number>()
  for (const [field, column] of Object.entries(mapping)) {
    if (!allowed.includes(field)) throw new AppError('validation', 'errors.importMappingInvalid')
    if (column === null || column === undefined) continue
    if (column >= columns || used.has(column)) throw new AppError('validation', 'errors.importMappingInvalid')
    used.add(column)
  }
  if (!(IMPORT_MATCH_KEYS[target] as readonly string[]).includes(matchBy)) throw new AppError('validation', 'errors.importMappingInvalid')
}

/** Reads the uploaded file and answers its columns, a mapping (the given one, a saved one that fits, or the suggestion) and the dry run. */
export async function analyseImport(ctx: ServiceContext, input: ImportAnalyseInput): Promise<ImportAnalysis> {
  const session = sessionOf(ctx, input.importId)
  const table = await tableOf(session)
  const saved = await savedMappings(ctx, session.target)
  let applied: SavedMapping | null = null
  let mapping = input.mapping
  if (!mapping) {
    applied = saved.find((m) => applySavedMapping(m, table.header)) ?? null
    mapping = (applied && applySavedMapping(applied, table.header)) ?? suggestMapping(session.target, table.header)
  }
  const matchBy = input.matchBy ?? applied?.matchBy ?? IMPORT_MATCH_KEYS[session.target][0]
  checkMapping(session.target, mapping, table.header.length, matchBy)
  const missing = missingFields(session.target, mapping)
  const plan = missing.length > 0 ? { created: 0, updated: 0, skipped: table.rows.length, problems: [], problemCount: 0 } : summarise(await planImport(ctx, ctx.db, session.target, table, mapping, matchBy))
  return {
    importId: input.importId, target: session.target, format: table.format, encoding: table.encoding, delimiter: table.delimiter,
    columns: table.header, rows: table.rows.length, mapping, matchBy, missing, savedMappings: saved, appliedMapping: applied?.name ?? null, plan,
  }
}

/**
 * One batch in one transaction. An update applies the row's mapped cells to the record as it is now (a
 * colleague's change pulled since the plan stays); a record deleted or merged meanwhile, or one the cells no
 * longer fit, is skipped and reported — never half-written. Answers the writes it skipped.
 */
async function writeBatch(ctx: ServiceContext, batch: PlannedWrite[], now: string): Promise<PlannedWrite[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const companies: string[] = []
    const newCompanies: Array<InsertRow<'companies'>> = []
    const newContacts: Array<InsertRow<'contacts'>> = []
    const gone: PlannedWrite[] = []
    for (const write of batch) {
      if (write.target === 'companies') {
        if (!write.id) {
          const id = newId()
          newCompanies.push({ id, ...companyColumns(write.fields), owner_id: write.fields.ownerId || ctx.userId })
          companies.push(id)
          continue
        }
        const current = await trx.selectFrom('companies').selectAll().where('id', '=', write.id).where('deleted_at', 'is', null).executeTakeFirst()
        const fields = current ? companyFieldsSchema.safeParse({ ...companyFieldsOf(current), ...write.changes }) : null
        if (!fields?.success) { gone.push(write); continue }
        await updateSynced(trx, 'companies', write.id, companyColumns(fields.data), now)
        companies.push(write.id)
      } else if (write.id) {
        const current = await trx.selectFrom('contacts').selectAll().where('id', '=', write.id).where('deleted_at', 'is', null).executeTakeFirst()
        const fields = current ? contactFieldsSchema.safeParse({ ...contactFieldsOf(current), ...write.changes, companyId: current.company_id }) : null
        if (!fields?.success) { gone.push(write); continue }
        await updateSynced(trx, 'contacts', write.id, contactColumns(fields.data), now)
      } else {
        newContacts.push({ id: newId(), ...contactColumns(write.fields) })
      }
    }
    // New rows many to a statement: the same rows and outbox operations as one by one, a fraction of the round trips.
    await insertSyncedMany(trx, 'companies', newCompanies, now)
    await insertSyncedMany(trx, 'contacts', newContacts, now)
    if (companies.length > 0) await refreshJourneys(trx, companies, now, undefined, 'local')
    return gone
  })
}

async function runBatches(ctx: ServiceContext, session: Session, plan: FullPlan, from: number): Promise<void> {
  const progress = session.progress!
  try {
    for (let i = from; i < plan.writes.length; i += IMPORT_BATCH) {
      if (session.cancel) {
        progress.state = 'cancelled'
        return
      }
      const batch = plan.writes.slice(i, i + IMPORT_BATCH)
      const gone = new Set(await writeBatch(ctx, batch, nowIso(ctx)))
      progress.processed += batch.length
      progress.created += batch.filter((w) => !w.id).length
      progress.updated += batch.filter((w) => w.id && !gone.has(w)).length
      progress.skipped += gone.size
      for (const write of gone) {
        progress.problemCount++
        if (progress.problems.length < MAX_LISTED_PROBLEMS) progress.problems.push({ line: write.line, field: 'row', key: 'errors.importRecordGone', value: '' })
      }
      // Let the renderer's progress requests in between batches.
      await new Promise((resolve) => setImmediate(resolve))
    }
    progress.state = 'done'
  } catch (err) {
    progress.state = 'failed'
    progress.error = err instanceof AppError ? err.message : 'errors.importFailed'
  }
}

/** Plans again on the data as it is now and starts writing in batches; answers at once, the progress tells the rest. */
export async function runImport(ctx: ServiceContext, input: ImportRunInput): Promise<ImportProgress> {
  const session = sessionOf(ctx, input.importId)
  if (session.progress) return session.progress // started already (a second click, a retried request)
  const table = await tableOf(session)
  checkMapping(session.target, input.mapping, table.header.length, input.matchBy)
  if (missingFields(session.target, input.mapping).length > 0) throw new AppError('validation', 'errors.importMappingIncomplete')
  const plan = await planImport(ctx, ctx.db, session.target, table, input.mapping, input.matchBy)
  if (plan.writes.length === 0) throw new AppError('validation', 'errors.importNothing')
  const summary = summarise(plan)
  session.cancel = false
  session.progress = {
    state: 'running', total: plan.writes.length, processed: 0, created: 0, updated: 0, skipped: summary.skipped, problems: summary.problems, problemCount: summary.problemCount, error: null,
  }
  // The first batch is written before the answer (a small file is done then); the rest runs on, counted as
  // running on this database, so switching to the demo waits for the import to finish.
  await runBatches(ctx, session, { ...plan, writes: plan.writes.slice(0, IMPORT_BATCH) }, 0)
  if (session.progress.state === 'done' && plan.writes.length > IMPORT_BATCH) {
    session.progress.state = 'running'
    void track(ctx, () => runBatches(ctx, session, plan, IMPORT_BATCH))
  }
  return { ...session.progress }
}

export function importProgress(ctx: ServiceContext, importId: string): ImportProgress {
  const progress = sessionOf(ctx, importId).progress
  if (!progress) throw new AppError('not_found', 'errors.importGone')
  return { ...progress }
}

/** Stops after the batch being written; what was written stays. */
export function cancelImport(ctx: ServiceContext, importId: string): ImportProgress {
  const session = sessionOf(ctx, importId)
  session.cancel = true
  return importProgress(ctx, importId)
}

/** Saves a mapping under a name (the same name replaces it); kept on this device. */
export async function saveMapping(ctx: ServiceContext, mapping: SavedMapping): Promise<SavedMapping[]> {
  const all = await savedMappings(ctx)
  const next = [...all.filter((m) => !(m.target === mapping.target && m.name === mapping.name)), mapping]
  await writeSetting(ctx.db, SAVED_MAPPINGS_KEY, JSON.stringify(next))
  return next.filter((m) => m.target === mapping.target)
}

export async function deleteMapping(ctx: ServiceContext, target: ImportTarget, name: string): Promise<SavedMapping[]> {
  const next = (await savedMappings(ctx)).filter((m) => !(m.target === target && m.name === name))
  await writeSetting(ctx.db, SAVED_MAPPINGS_KEY, JSON.stringify(next))
  return next.filter((m) => m.target === target)
}
