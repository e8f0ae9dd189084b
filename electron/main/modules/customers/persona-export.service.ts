// The personas ("Personas") as a CSV or XLSX file: every persona with its typing matrix, in the reader's
// language, and how many contacts carry it.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { ExportFile, ExportFormat } from '../../../../shared/platform/export-file'
import type { Language } from '../../../../shared/modules/customers/customer.enums'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listPersonas } from './persona.service'

export async function exportPersonas(ctx: ServiceContext, q: { format: ExportFormat; language: Language }): Promise<ExportFile> {
  const { format, language } = q
  const text = (key: Parameters<typeof translate>[1]) => translate(language, key as never)
  const all = await listPersonas(ctx)
  return exportList({
    title: translate(language, 'persona.title'),
    page: async (limit) => ({ total: all.length, rows: all.slice(0, limit) }),
    columns: [
      { header: text('persona.name'), kind: 'text', width: 28, value: (p) => p.name },
      { header: text('persona.motto'), kind: 'text', width: 32, value: (p) => p.motto },
      { header: text('persona.jobFunction'), kind: 'text', width: 24, value: (p) => p.jobFunction },
      { header: text('persona.who'), kind: 'text', width: 40, value: (p) => p.who },
      { header: text('persona.whyGoals'), kind: 'text', width: 40, value: (p) => p.whyGoals },
      { header: text('persona.wantsToKnow'), kind: 'text', width: 40, value: (p) => p.wantsToKnow },
      { header: text('persona.worries'), kind: 'text', width: 40, value: (p) => p.worries },
      { header: text('persona.informationChannels'), kind: 'text', width: 30, value: (p) => p.informationChannels },
      { header: text('persona.contactChannel'), kind: 'text', width: 24, value: (p) => p.contactChannel },
      { header: text('persona.triggerEvents'), kind: 'text', width: 30, value: (p) => p.triggerEvents },
      { header: text('persona.formerCustomer'), kind: 'text', width: 14, value: (p) => translateEnum(language, 'yesNo', p.formerCustomer) },
      { header: text('company.contacts'), kind: 'integer', width: 14, value: (p) => p.contactCount },
    ],
  }, { format, language, today: todayOf(ctx) })
}
