// A company's ERP facts as its page shows them: revenue per month of the last 24 months up to the current one
// (Berlin), the two twelve-month sums, and the newest month's open items and days overdue.
import { addMonths, type CompanyErpFacts, type ErpMonthFigures } from '../../../../shared/modules/erp'
import { AppError } from '../../../../shared/platform/result'
import { todayOf, type ServiceContext } from '../../platform/context'

export const ERP_PAGE_MONTHS = 24

export async function companyErpFacts(ctx: ServiceContext, companyId: string): Promise<CompanyErpFacts> {
  const company = await ctx.db.selectFrom('companies').select('id').where('id', '=', companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw new AppError('not_found', 'errors.notFound')
  const lastMonth = todayOf(ctx).slice(0, 7)
  const firstMonth = addMonths(lastMonth, -(ERP_PAGE_MONTHS - 1))
  // Summed per month: two rows of one month (a merge's survivor taking a month the server moved to it) count once each.
  const rows = await ctx.db.selectFrom('erp_facts')
    .select((eb) => [
      'month', eb.fn.sum<number>('revenue_cents').as('revenue'), eb.fn.sum<number>('open_items_cents').as('open_items'),
      eb.fn.max('days_overdue').as('overdue'), eb.fn.max('source').as('source'),
    ])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null).where('month', '>=', firstMonth).where('month', '<=', lastMonth)
    .groupBy('month').orderBy('month').execute()
  const months: ErpMonthFigures[] = rows.map((r) => ({
    month: r.month, revenueCents: Number(r.revenue), openItemsCents: Number(r.open_items), daysOverdue: Number(r.overdue), source: r.source,
  }))
  const split = addMonths(lastMonth, -11)
  const sum = (list: ErpMonthFigures[]) => list.reduce((total, m) => total + m.revenueCents, 0)
  return {
    firstMonth, lastMonth, months,
    revenue12Cents: sum(months.filter((m) => m.month >= split)),
    revenuePrevious12Cents: sum(months.filter((m) => m.month < split)),
    latest: months.at(-1) ?? null,
  }
}
