// A status as a coloured badge: the label from the catalogue (`enum.<list>.<value>`), the colour from
// the tone of that value. One table for all lists, so an offer's status looks the same on the offer,
// in the offer list and on a contract's renewal offers.
import type { ContractStatus } from '../../../shared/modules/contracts'
import type { OfferStatus } from '../../../shared/modules/offers'
import type { CaseStatus, ReferralStatus } from '../../../shared/modules/service'
import { useI18n } from '../lib/i18n'
import { Badge, type Tone } from './page'

const TONES = {
  offerStatus: { draft: 'muted', sent: 'station', negotiation: 'station', won: 'good', lost: 'warn', withdrawn: 'station', expired: 'warn' } satisfies Record<OfferStatus, Tone>,
  contractStatus: { active: 'good', renewed: 'good', cancelled_customer: 'warn', cancelled_us: 'warn', ended: 'muted' } satisfies Record<ContractStatus, Tone>,
  caseStatus: { new: 'station', acknowledged: 'station', in_progress: 'station', resolved: 'good', closed: 'good', rejected: 'muted' } satisfies Record<CaseStatus, Tone>,
  referralStatus: { contacted: 'station', offer_sent: 'station', won: 'good', lost: 'muted' } satisfies Record<ReferralStatus, Tone>,
} as const

export type StatusList = keyof typeof TONES

/** The tone of a status; an unknown value (from a newer laptop) is neutral. */
export function statusTone(list: StatusList, value: string): Tone {
  return (TONES[list] as Record<string, Tone>)[value] ?? 'neutral'
}

/** The value may come from another module's data (typed as text there) or a newer laptop: checked, shown as it is when unknown. */
export function StatusBadge({ list, value }: { list: StatusList; value: string }) {
  const { tFromData } = useI18n()
  return <Badge tone={statusTone(list, value)}>{tFromData(`enum.${list}.${value}`)}</Badge>
}
