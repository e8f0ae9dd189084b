// "Empfehlungen" as a CSV or XLSX file: the list's own query (its company filter), every matching referral
// rather than the loaded page; the days (in Berlin) as dates, the status as its label, the reward as an amount.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { ReferralExportQuery } from '../../../../shared/modules/service/service.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listReferrals } from './referral.service'

export async function exportReferrals(ctx: ServiceContext, q: Required<ReferralExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'referral.title'),
    page: (limit) => listReferrals(ctx, { ...query, offset: 0, limit }),
    columns: [
      { header: translate(language, 'referral.date'), kind: 'date', width: 14, value: (r) => berlinDay(r.createdAt) },
      { header: translate(language, 'referral.referrer'), kind: 'text', width: 36, value: (r) => r.companyName },
      { header: translate(language, 'referral.referrerContact'), kind: 'text', width: 28, value: (r) => r.contactName },
      { header: translate(language, 'referral.prospect'), kind: 'text', width: 36, value: (r) => r.referredCompanyName },
      { header: translate(language, 'referral.status'), kind: 'text', width: 18, value: (r) => translateEnum(language, 'referralStatus', r.status) },
      { header: translate(language, 'referral.thanks'), kind: 'date', width: 14, value: (r) => (r.thankedAt ? berlinDay(r.thankedAt) : null) },
      { header: translate(language, 'referral.reward'), kind: 'text', width: 24, value: (r) => r.reward },
      { header: translate(language, 'referral.rewardValue'), kind: 'cents', width: 14, value: (r) => (r.rewardValueCents || null) },
      { header: translate(language, 'referral.note'), kind: 'text', width: 40, value: (r) => r.note },
    ],
  }, { format, language, today: todayOf(ctx) })
}
