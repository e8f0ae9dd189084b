// Before schema 8 the app wrote German sentences into touchpoints and case events. These functions read
// such a sentence back into a message key, its parameters and the user's own text, so a timeline shows in
// the reader's language. One definition for the laptop's migration, the server's migration and the
// server's upgrade of an older laptop's pushed operations: every side converts a row the same way.
// A text that matches no pattern is the user's own text and stays as it is.
import type { EventParams } from '../../platform/event-message'

export interface ConvertedEvent {
  text: string
  messageKey: string | null
  params: EventParams | null
}

/** "31.12.2026" → "2026-12-31"; anything else is not a German date. */
const isoOf = (de: string): string | null => {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(de)
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null
}

const keep = (text: string): ConvertedEvent => ({ text, messageKey: null, params: null })
const event = (messageKey: string, params: EventParams, text = ''): ConvertedEvent => ({ text, messageKey, params })

const CASE_STATUS: Record<string, string> = { neu: 'new', bestätigt: 'acknowledged', 'in Bearbeitung': 'in_progress', gelöst: 'resolved', abgeschlossen: 'closed', abgelehnt: 'rejected' }
const WARRANTY: Record<string, string> = { anerkannt: 'accepted', abgelehnt: 'rejected', Kulanz: 'goodwill' }
const RETURN: Record<string, string> = { angefordert: 'requested', freigegeben: 'approved', eingegangen: 'received', geprüft: 'inspected', ersetzt: 'replaced', gutgeschrieben: 'credited' }
const CASE_TYPE: Record<string, string> = { Serviceanfrage: 'service_request', Reklamation: 'complaint', Garantiefall: 'warranty', Retoure: 'return' }
const USE_PHASE_DONE: Record<string, string> = {
  'Garantieende besprochen': 'asset.warrantyEndDiscussed', 'Für die Empfehlung bedankt': 'referral.thanksSaid', 'Nach Empfehlung oder Referenz gefragt': 'feedback.referralAsked',
}
const PRIORITY: Record<string, string> = { dringend: 'urgent', hoch: 'high', normal: 'normal', niedrig: 'low' }

/** A case event's text as written before schema 8, by its kind. */
export function legacyCaseEvent(kind: string, text: string): ConvertedEvent {
  let m: RegExpExecArray | null
  if (kind === 'created') return text === 'Fall angelegt' ? event('case.created', {}) : event('case.created', {}, text)
  if (kind === 'status' && (m = /^Status: (neu|bestätigt|in Bearbeitung|gelöst|abgeschlossen|abgelehnt)(?: – ([\s\S]*))?$/.exec(text))) {
    return event('case.status', { to: CASE_STATUS[m[1]!]! }, m[2] ?? '')
  }
  if (kind === 'decision' && (m = /^Garantie (anerkannt|abgelehnt|Kulanz)(?: – ([\s\S]*))?$/.exec(text))) {
    return event('case.warrantyDecision', { decision: WARRANTY[m[1]!]! }, m[2] ?? '')
  }
  if (kind === 'return_status' && (m = /^Retoure (\S*): (angefordert|freigegeben|eingegangen|geprüft|ersetzt|gutgeschrieben)(?: – ([\s\S]*))?$/.exec(text))) {
    return event('case.returnStep', { rma: m[1]!, status: RETURN[m[2]!]! }, m[3] ?? '')
  }
  if (kind === 'note' && (m = /^Zufriedenheit des Kunden: ([1-5]) von 5$/.exec(text))) return event('case.satisfaction', { score: Number(m[1]) })
  if (kind === 'note' && (m = /^Bearbeiter: (.+), Priorität: (dringend|hoch|normal|niedrig)$/.exec(text))) {
    return event('case.reassignedReprioritised', { owner: m[1]!, priority: PRIORITY[m[2]!]! })
  }
  if (kind === 'note' && (m = /^Priorität: (dringend|hoch|normal|niedrig)$/.exec(text))) return event('case.reprioritised', { priority: PRIORITY[m[1]!]! })
  if (kind === 'note' && (m = /^Bearbeiter: (.+)$/.exec(text))) return event('case.reassigned', { owner: m[1]! })
  return keep(text)
}

/** A touchpoint's summary as the app wrote it before schema 8. */
export function legacyTouchpoint(summary: string): ConvertedEvent {
  let m: RegExpExecArray | null
  if ((m = /^Angebot (\S+) \(Rev\. (\d+)\) versendet$/.exec(summary))) return event('offer.sentRevision', { number: m[1]!, revision: Number(m[2]) })
  if ((m = /^Angebot (\S+) versendet$/.exec(summary))) return event('offer.sent', { number: m[1]! })
  if ((m = /^Nachgefasst \(Angebot (\S+)\): ([\s\S]*)$/.exec(summary))) return event('offer.followedUp', { number: m[1]! }, m[2]!)
  if ((m = /^Vertrag (\S+) abgeschlossen: ([\s\S]*), Beginn (\d{2}\.\d{2}\.\d{4})$/.exec(summary)) && isoOf(m[3]!)) {
    return event('contract.signed', { number: m[1]!, title: m[2]!, start: isoOf(m[3]!)! })
  }
  if ((m = /^Vertrag (\S+) (vom Kunden|von uns) gekündigt zum (\d{2}\.\d{2}\.\d{4}) \(Eingang (\d{2}\.\d{2}\.\d{4})\)$/.exec(summary)) && isoOf(m[3]!) && isoOf(m[4]!)) {
    return event(m[2] === 'vom Kunden' ? 'contract.cancelledByCustomer' : 'contract.cancelledByUs', { number: m[1]!, effective: isoOf(m[3]!)!, received: isoOf(m[4]!)! })
  }
  if ((m = /^Vertrag (\S+) verlängert bis (\d{2}\.\d{2}\.\d{4}) \(Angebot (\S+)\)$/.exec(summary)) && isoOf(m[2]!)) {
    return event('contract.renewed', { number: m[1]!, end: isoOf(m[2]!)!, offer: m[3]! })
  }
  if ((m = /^Verlängerung geprüft \(Vertrag (\S+)\): ([\s\S]*)$/.exec(summary))) return event('contract.renewalReviewed', { number: m[1]! }, m[2]!)
  if ((m = /^Kunde informiert \((\S+)\): ([\s\S]*)$/.exec(summary))) {
    // The case event's own sentence followed; converted like the event itself, whichever kind it was.
    for (const kind of ['status', 'decision', 'return_status', 'note']) {
      const inner = legacyCaseEvent(kind, m[2]!)
      if (inner.messageKey) return event('case.customerInformedOf', { number: m[1]!, detail: inner.messageKey, ...inner.params }, inner.text)
    }
    return event('case.customerInformed', { number: m[1]! }, m[2]!)
  }
  if ((m = /^(Serviceanfrage|Reklamation|Garantiefall|Retoure) (S-[A-Za-z0-9-]+): ([\s\S]*)$/.exec(summary))) {
    return event('case.opened', { type: CASE_TYPE[m[1]!]!, number: m[2]! }, m[3]!)
  }
  if ((m = /^(Garantieende besprochen|Für die Empfehlung bedankt|Nach Empfehlung oder Referenz gefragt): ([\s\S]*)$/.exec(summary))) {
    return event(USE_PHASE_DONE[m[1]!]!, {}, m[2]!)
  }
  if ((m = /^Empfehlung: ([\s\S]+)$/.exec(summary))) return event('referral.received', { prospect: m[1]! })
  if ((m = /^Dank für die Empfehlung von ([\s\S]+?)(?: \(([^()]*)\))?(?:: ([\s\S]*))?$/.exec(summary))) {
    return m[2] ? event('referral.thankedReward', { prospect: m[1]!, reward: m[2] }, m[3] ?? '') : event('referral.thanked', { prospect: m[1]! }, m[3] ?? '')
  }
  return keep(summary)
}
