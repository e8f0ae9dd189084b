// The dry run of an import: every row read through the same schema the forms use, matched to the record it
// updates (the key the user chose), or planned as new; each row that cannot be imported is reported with
// its line, field and cell, and nothing is written. The run writes exactly such a plan, made again at its
// start from the data as it is then.
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { CompanyTable, ContactTable } from '../../../../db/modules/customers/customers.table'
import { companyFieldsSchema, type CompanyFields } from '../../../../shared/modules/customers/company.schema'
import { contactFieldsSchema, type ContactFields } from '../../../../shared/modules/customers/contact.schema'
import {
  MAX_LISTED_PROBLEMS, type ImportField, type ImportMapping, type ImportMatchKey, type ImportPlan, type ImportProblem, type ImportTarget,
} from '../../../../shared/modules/customers/customer-import.schema'
import { toFieldErrors } from '../../../../shared/platform/field-errors'
import type { ReadTable } from '../../platform/imports/table-read'
import type { ServiceContext } from '../../platform/context'
import { cellsOf, ENUM_FIELDS, readCell } from './customer-import.rows'

/**
 * A planned write. An update carries `changes`, the mapped non-empty cells only: the batch applies them to the
 * record as it is when the batch runs, so a colleague's change pulled meanwhile to another field stays.
 */
export type PlannedWrite =
  | { target: 'companies'; line: number; id: string | null; fields: CompanyFields; changes: Partial<Record<ImportField, string>> }
  | { target: 'contacts'; line: number; id: string | null; fields: ContactFields; changes: Partial<Record<ImportField, string>> }

export interface FullPlan {
  writes: PlannedWrite[]
  problems: ImportProblem[]
  skipped: number
}

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de')
const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s)

/** The plan's summary for the dry run's answer and the progress: the first problems and how many there are. */
export const summarise = (plan: FullPlan): ImportPlan => ({
  created: plan.writes.filter((w) => !w.id).length,
  updated: plan.writes.filter((w) => w.id).length,
  skipped: plan.skipped,
  problems: plan.problems.slice(0, MAX_LISTED_PROBLEMS),
  problemCount: plan.problems.length,
})

/** One row's fields read from its cells; a list value nobody knows is a problem, an empty cell is left out. */
function readRow(mapping: ImportMapping, cells: string[], problem: (field: ImportField, key: string, value: string) => void): Partial<Record<ImportField, string>> | null {
  const values: Partial<Record<ImportField, string>> = {}
  let ok = true
  for (const [field, raw] of Object.entries(cellsOf(mapping, cells)) as Array<[ImportField, string]>) {
    const value = readCell(field, raw)
    if (value === null && ENUM_FIELDS.has(field)) {
      problem(field, 'errors.importUnknownValue', raw)
      ok = false
    } else if (value) values[field] = value
  }
  return ok ? values : null
}

class Collector {
  readonly problems: ImportProblem[] = []
  skipped = 0
  constructor(private readonly cellOf: (line: number, field: ImportField) => string) {}
  skip(line: number, field: ImportField | 'row', key: string, value?: string) {
    this.problems.push({ line, field, key, value: shorten(value ?? (field === 'row' ? '' : this.cellOf(line, field))) })
  }
  /** The schema's answer: every field error of a row, the row skipped once. */
  fromSchema(line: number, errors: Record<string, string>, rename: Record<string, ImportField> = {}) {
    for (const [field, key] of Object.entries(errors)) this.skip(line, (rename[field] ?? field) as ImportField, key)
    this.skipped++
  }
}

export const companyFieldsOf = (r: Selectable<CompanyTable>): CompanyFields => ({
  name: r.name, customerNumber: r.customer_number, street: r.street, postalCode: r.postal_code, city: r.city, federalState: r.federal_state,
  industry: r.industry, segment: r.segment, status: r.status, ownerId: r.owner_id, leadSource: r.lead_source, notes: r.notes,
})

export const contactFieldsOf = (r: Selectable<ContactTable>): ContactFields => ({
  companyId: r.company_id, salutation: r.salutation, title: r.title, firstName: r.first_name, lastName: r.last_name, jobFunction: r.job_function,
  email: r.email, phone: r.phone, mobile: r.mobile, language: r.language, buyingRole: r.buying_role, attitude: r.attitude, influence: r.influence,
  worries: r.worries, goals: r.goals, personaId: r.persona_id ?? '', notes: r.notes,
})

/** Live companies indexed by customer number and by name (a name several companies share finds none). */
async function companyIndex(db: Kysely<Database>) {
  const rows = await db.selectFrom('companies').selectAll().where('deleted_at', 'is', null).execute()
  const byNumber = new Map<string, Selectable<CompanyTable>>()
  const byName = new Map<string, Selectable<CompanyTable> | 'ambiguous'>()
  for (const row of rows) {
    if (row.customer_number) byNumber.set(row.customer_number, row)
  }
  // A number of a company merged into another still finds the survivor (unless a company has it now).
  for (const row of rows) {
    for (const former of row.former_numbers.split(' ')) if (former && !byNumber.has(former)) byNumber.set(former, row)
  }
  for (const row of rows) {
    const name = fold(row.name)
    byName.set(name, byName.has(name) ? 'ambiguous' : row)
  }
  return { byNumber, byName }
}

async function planCompanies(ctx: ServiceContext, db: Kysely<Database>, table: ReadTable, mapping: ImportMapping, matchBy: ImportMatchKey, out: Collector): Promise<PlannedWrite[]> {
  const { byNumber, byName } = await companyIndex(db)
  const writes: PlannedWrite[] = []
  const seen = new Map<string, number>()
  const numbers = new Map<string, string>() // number → the id (or line) that takes it in this import
  for (const { line, cells } of table.rows) {
    const values = readRow(mapping, cells, (field, key, value) => out.skip(line, field, key, value))
    if (!values) { out.skipped++; continue }
    const number = values.customerNumber ?? ''
    const name = values.name ?? ''
    // Without a number to match by, a row is matched by its name.
    const key = matchBy === 'customerNumber' && number ? `#${number}` : `@${fold(name)}`
    const byKey = key.startsWith('#') ? byNumber.get(number) : byName.get(fold(name))
    if (byKey === 'ambiguous') { out.skip(line, 'name', 'errors.importAmbiguousName'); out.skipped++; continue }
    // One write per record: a key repeated in the file, or two keys (a merged company's old and new number) that find the same company.
    const seenKey = byKey ? `=${byKey.id}` : key
    const firstLine = seen.get(seenKey)
    if (firstLine !== undefined && name + number !== '') { out.skip(line, key.startsWith('#') ? 'customerNumber' : 'name', 'errors.importDuplicateInFile'); out.skipped++; continue }
    seen.set(seenKey, line)
    // Found by a number it carried before a merge: the row's number is that old one, never its number again.
    if (byKey && number && byKey.customer_number !== number) delete values.customerNumber
    const input = byKey ? { ...companyFieldsOf(byKey), ...values } : { status: 'prospect', ownerId: ctx.userId, ...values }
    const checked = companyFieldsSchema.safeParse(input)
    if (!checked.success) { out.fromSchema(line, toFieldErrors(checked.error)); continue }
    const fields = checked.data
    const id = byKey?.id ?? null
    const holder = fields.customerNumber ? (numbers.get(fields.customerNumber) ?? byNumber.get(fields.customerNumber)?.id) : undefined
    if (holder !== undefined && holder !== (id ?? `line:${line}`)) { out.skip(line, 'customerNumber', 'errors.customerNumberTaken'); out.skipped++; continue }
    if (fields.customerNumber) numbers.set(fields.customerNumber, id ?? `line:${line}`)
    writes.push({ target: 'companies', line, id, fields, changes: values })
  }
  return writes
}

async function planContacts(db: Kysely<Database>, table: ReadTable, mapping: ImportMapping, matchBy: ImportMatchKey, out: Collector): Promise<PlannedWrite[]> {
  const companies = await companyIndex(db)
  const contacts = await db.selectFrom('contacts').selectAll().where('deleted_at', 'is', null).execute()
  const byEmail = new Map<string, Selectable<ContactTable>>()
  const byName = new Map<string, Selectable<ContactTable>>()
  const nameKey = (companyId: string, first: string, last: string) => `${companyId}\n${fold(first)}\n${fold(last)}`
  for (const c of contacts) {
    if (c.email) byEmail.set(c.email.toLowerCase(), c)
    byName.set(nameKey(c.company_id, c.first_name, c.last_name), c)
  }
  const writes: PlannedWrite[] = []
  const seen = new Set<string>()
  for (const { line, cells } of table.rows) {
    const values = readRow(mapping, cells, (field, key, value) => out.skip(line, field, key, value))
    if (!values) { out.skipped++; continue }
    const byNumber = values.companyCustomerNumber ? companies.byNumber.get(values.companyCustomerNumber) : undefined
    const byCompanyName = !byNumber && values.companyName ? companies.byName.get(fold(values.companyName)) : undefined
    const company = byNumber ?? (byCompanyName === 'ambiguous' ? undefined : byCompanyName)
    if (!company) {
      const field = values.companyCustomerNumber && !values.companyName ? 'companyCustomerNumber' : 'companyName'
      out.skip(line, field, byCompanyName === 'ambiguous' ? 'errors.importAmbiguousName' : values.companyCustomerNumber || values.companyName ? 'errors.importCompanyUnknown' : 'errors.importCompanyMissing')
      out.skipped++
      continue
    }
    const email = (values.email ?? '').toLowerCase()
    const byMail = matchBy === 'email' && email ? byEmail.get(email) : undefined
    // A person stays at their company: an e-mail known at another company is a question, not a move.
    if (byMail && byMail.company_id !== company.id) { out.skip(line, 'email', 'errors.importContactElsewhere'); out.skipped++; continue }
    const existing = byMail ?? byName.get(nameKey(company.id, values.firstName ?? '', values.lastName ?? ''))
    const key = existing?.id ?? (matchBy === 'email' && email ? `@${email}` : nameKey(company.id, values.firstName ?? '', values.lastName ?? ''))
    if (seen.has(key)) { out.skip(line, matchBy === 'email' && email ? 'email' : 'lastName', 'errors.importDuplicateInFile'); out.skipped++; continue }
    seen.add(key)
    const { companyCustomerNumber: _n, companyName: _c, ...own } = values
    const input = existing
      ? { ...contactFieldsOf(existing), ...own, companyId: company.id }
      : { salutation: 'none', language: 'de', ...own, companyId: company.id }
    const checked = contactFieldsSchema.safeParse(input)
    if (!checked.success) { out.fromSchema(line, toFieldErrors(checked.error), { companyId: 'companyName' }); continue }
    writes.push({ target: 'contacts', line, id: existing?.id ?? null, fields: checked.data, changes: own })
  }
  return writes
}

/** Plans the import of `table` into `target`; reads only. */
export async function planImport(
  ctx: ServiceContext, db: Kysely<Database>, target: ImportTarget, table: ReadTable, mapping: ImportMapping, matchBy: ImportMatchKey,
): Promise<FullPlan> {
  const lines = new Map(table.rows.map((r) => [r.line, r.cells]))
  const out = new Collector((line, field) => {
    const column = mapping[field as ImportField]
    return column === null || column === undefined ? '' : (lines.get(line)?.[column] ?? '')
  })
  const writes = target === 'companies'
    ? await planCompanies(ctx, db, table, mapping, matchBy, out)
    : await planContacts(db, table, mapping, matchBy, out)
  return { writes, problems: out.problems, skipped: out.skipped }
}
