// "Kontaktpunkte" as a CSV or XLSX file: the list's own query (search, channel, station, days, sort), every
// matching touchpoint rather than the loaded part; the day in Berlin as a date, labels and the summary (an
// app event's line rendered) in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import { touchpointLine } from '../../../../shared/i18n/event-text'
import type { TouchpointExportQuery } from '../../../../shared/modules/customers/touchpoint.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listTouchpoints } from './touchpoint.service'

export async function exportTouchpoints(ctx: ServiceContext, q: Required<TouchpointExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'touchpoint.title'),
    page: (limit, countAhead) => listTouchpoints(ctx, { ...query, offset: 0, limit }, countAhead),
    columns: [
      { header: translate(language, 'touchpoint.occurredAt'), kind: 'date', width: 14, value: (p) => berlinDay(p.occurredAt) },
      { header: translate(language, 'touchpoint.company'), kind: 'text', width: 40, value: (p) => p.companyName },
      { header: translate(language, 'touchpoint.contact'), kind: 'text', width: 24, value: (p) => p.contactName },
      { header: translate(language, 'touchpoint.channel'), kind: 'text', value: (p) => translateEnum(language, 'channel', p.channel) },
      { header: translate(language, 'touchpoint.direction'), kind: 'text', value: (p) => translateEnum(language, 'direction', p.direction) },
      { header: translate(language, 'touchpoint.station'), kind: 'text', value: (p) => translateEnum(language, 'station', p.station) },
      { header: translate(language, 'touchpoint.summary'), kind: 'text', width: 60, value: (p) => touchpointLine(language, p) },
    ],
  }, { format, language, today: todayOf(ctx) })
}
