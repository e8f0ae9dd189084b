// The contact list as a CSV or XLSX file (the list's own query, every matching row, columns in the reader's
// language), and contacts as one vCard 4 file: one contact, or every contact the list's query matches.
import { contactCards } from '../../../../db/modules/customers/contact.repository'
import { translate, translateEnum } from '../../../../shared/i18n'
import type { ContactExportQuery, ContactVcardQuery } from '../../../../shared/modules/customers/contact.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { AppError } from '../../../../shared/platform/result'
import { todayOf, type ServiceContext } from '../../platform/context'
import { safeNamePart } from '../../platform/documents/document-files'
import { allRows, exportList } from '../../platform/exports/table-export'
import { listContacts } from './contact.service'
import { toVcards } from './contact-vcard'

export async function exportContacts(ctx: ServiceContext, q: Required<ContactExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'contact.title'),
    page: (limit, countAhead) => listContacts(ctx, { ...query, offset: 0, limit }, countAhead),
    columns: [
      { header: translate(language, 'contact.salutation'), kind: 'text', value: (k) => translateEnum(language, 'salutation', k.salutation) },
      { header: translate(language, 'contact.personTitle'), kind: 'text', value: (k) => k.title },
      { header: translate(language, 'contact.firstName'), kind: 'text', width: 20, value: (k) => k.firstName },
      { header: translate(language, 'contact.lastName'), kind: 'text', width: 24, value: (k) => k.lastName },
      { header: translate(language, 'contact.company'), kind: 'text', width: 40, value: (k) => k.companyName },
      { header: translate(language, 'contact.jobFunction'), kind: 'text', width: 24, value: (k) => k.jobFunction },
      { header: translate(language, 'contact.email'), kind: 'text', width: 32, value: (k) => k.email },
      { header: translate(language, 'contact.phone'), kind: 'text', width: 20, value: (k) => k.phone },
      { header: translate(language, 'contact.mobile'), kind: 'text', width: 20, value: (k) => k.mobile },
      { header: translate(language, 'contact.buyingRole'), kind: 'text', width: 20, value: (k) => k.buyingRole ? translateEnum(language, 'buyingRole', k.buyingRole) : '' },
      { header: translate(language, 'contact.language'), kind: 'text', value: (k) => translateEnum(language, 'language', k.language) },
    ],
  }, { format, language, today: todayOf(ctx) })
}

export async function exportVcards(ctx: ServiceContext, q: Required<ContactVcardQuery>): Promise<ExportFile> {
  const { id, ...query } = q
  const ids = id ? [id] : (await allRows((limit, countAhead) => listContacts(ctx, { ...query, offset: 0, limit }, countAhead))).map((k) => k.id)
  const cards = await contactCards(ctx.db, ids)
  if (id && cards.length === 0) throw new AppError('not_found', 'errors.notFound')
  const single = id ? cards[0] : undefined
  const name = single ? safeNamePart([single.first_name, single.last_name].filter(Boolean).join(' ')) : 'Ansprechpartner'
  return {
    fileName: `${name || 'Kontakt'}-${todayOf(ctx)}.vcf`,
    base64: Buffer.from(toVcards(cards), 'utf8').toString('base64'),
    mimeType: 'text/vcard;charset=utf-8',
    rows: cards.length,
  }
}
