// Import of ERP facts from CSV or Excel: the preview reads the file and answers what would be written and every
// bad row (its line, column and reason) — nothing written; the import reads the file again, plans on the data
// as it is then, and writes nothing at all while a single row is bad. All rows in one transaction, the
// affected companies refreshed in it (so the health score follows at once).
import { refreshJourneys } from '../customers'
import {
  ERP_IMPORT_MAX_BYTES, type ErpImportFile, type ErpImportPreview, type ErpImportProblem, type ErpImportResult, type ErpImportRow,
} from '../../../../shared/modules/erp'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { readTable } from '../../platform/imports/table-read'
import { findErpColumns, numberKey, readErpRows, type ReadFact } from './erp-import.rows'
import { actionOf, existingFacts, writeFacts } from './erp-facts.write'

/** Rows shown in the preview table; problems listed (all are counted). */
const SAMPLE_ROWS = 50
const LISTED_PROBLEMS = 200

/** Customer number → live company; former numbers of merged companies find the survivor. */
async function companiesByNumber(ctx: ServiceContext): Promise<Map<string, { id: string; name: string }>> {
  const rows = await ctx.db.selectFrom('companies').select(['id', 'name', 'customer_number', 'former_numbers']).where('deleted_at', 'is', null).execute()
  const byNumber = new Map<string, { id: string; name: string }>()
  for (const row of rows) if (row.customer_number) byNumber.set(numberKey(row.customer_number), row)
  for (const row of rows) {
    for (const former of row.former_numbers.split(/\s+/)) if (former && !byNumber.has(numberKey(former))) byNumber.set(numberKey(former), row)
  }
  return byNumber
}

interface Plan {
  format: 'csv' | 'xlsx'
  rows: number
  missing: ErpImportPreview['missing']
  facts: ReadFact[]
  problems: ErpImportProblem[]
  names: Map<string, string>
}

async function plan(ctx: ServiceContext, input: ErpImportFile): Promise<Plan> {
  const bytes = Buffer.from(input.base64, 'base64')
  if (bytes.length > ERP_IMPORT_MAX_BYTES) throw new AppError('validation', 'errors.erpFileTooLarge')
  const table = await readTable(bytes)
  const { columns, missing } = findErpColumns(table.header)
  const companies = await companiesByNumber(ctx)
  const byNumber = new Map([...companies].map(([number, c]) => [number, c.id]))
  const names = new Map([...companies.values()].map((c) => [c.id, c.name]))
  const read = missing.length > 0 ? { facts: [], problems: [] } : readErpRows(table, columns, byNumber)
  return { format: table.format, rows: table.rows.length, missing, names, ...read }
}

/** The dry run: what the import would write, and every bad row. Writes nothing. */
export async function previewErpImport(ctx: ServiceContext, input: ErpImportFile): Promise<ErpImportPreview> {
  const planned = await plan(ctx, input)
  const existing = await existingFacts(ctx.db, planned.facts.map((f) => f.companyId))
  const counts = { new: 0, update: 0, same: 0 }
  const sample: ErpImportRow[] = []
  for (const fact of planned.facts) {
    const action = actionOf(existing, fact)
    counts[action]++
    if (sample.length < SAMPLE_ROWS) {
      sample.push({
        line: fact.line, customerNumber: fact.customerNumber, companyName: planned.names.get(fact.companyId) ?? '', month: fact.month,
        revenueCents: fact.revenueCents, openItemsCents: fact.openItemsCents, daysOverdue: fact.daysOverdue, action,
      })
    }
  }
  const months = planned.facts.map((f) => f.month).sort()
  return {
    format: planned.format, rows: planned.rows, missing: planned.missing,
    companies: new Set(planned.facts.map((f) => f.companyId)).size, firstMonth: months[0] ?? null, lastMonth: months.at(-1) ?? null,
    created: counts.new, updated: counts.update, unchanged: counts.same, sample,
    problems: planned.problems.slice(0, LISTED_PROBLEMS), problemCount: planned.problems.length, badRows: new Set(planned.problems.map((p) => p.line)).size,
  }
}

/** Imports the file: refused as a whole, nothing written, while a column is missing or a row is bad. */
export async function runErpImport(ctx: ServiceContext, input: ErpImportFile): Promise<ErpImportResult> {
  const planned = await plan(ctx, input)
  if (planned.missing.length > 0) throw new AppError('validation', 'errors.erpColumnsMissing')
  if (planned.problems.length > 0) throw new AppError('validation', 'errors.erpRowsBad')
  if (planned.facts.length === 0) throw new AppError('validation', 'errors.importEmpty')
  const now = nowIso(ctx)
  const counts = await ctx.db.transaction().execute(async (trx) => {
    const written = await writeFacts(trx, planned.facts, 'import', now)
    await refreshJourneys(trx, new Set(planned.facts.map((f) => f.companyId)), now, undefined, 'local')
    return written
  })
  return { created: counts.new, updated: counts.update, unchanged: counts.same, companies: new Set(planned.facts.map((f) => f.companyId)).size }
}
