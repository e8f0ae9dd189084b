// "1.234 Treffer" or, when a long list stopped counting (db/platform/capped-count), "Mehr als 1.100 Treffer".
import type { Translate } from '../../../shared/i18n'

export interface Counted {
  total: number
  totalIsLowerBound?: boolean
}

export function resultCount(t: Translate, page: Counted): string {
  return t(page.totalIsLowerBound ? 'common.resultsMoreThan' : 'common.results', { count: page.total })
}

/**
 * The count a list shows after loading one more of its pages: an exact count wins; of two lower bounds the larger
 * (a page further down counts further ahead, and pages may arrive out of order).
 */
export function mergeCount(shown: Counted | null, page: Counted): Counted {
  if (!page.totalIsLowerBound) return { total: page.total, totalIsLowerBound: false }
  if (shown && (!shown.totalIsLowerBound || shown.total >= page.total)) return shown
  return { total: page.total, totalIsLowerBound: true }
}
