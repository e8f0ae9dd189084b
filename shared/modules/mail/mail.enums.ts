// The value lists of the mail module (issue 15): why a mail is written, where an outgoing mail stands, and what
// became of a mail read from the rep's mailbox.
import type { TouchpointRelatedType } from '../customers'

/** What a mail is about; each has its template (editable in the settings) and the record it belongs to. */
export const MAIL_PURPOSES = [
  'offer', 'follow_up', 'renewal_offer', 'contract', 'complaint_acknowledged', 'complaint_resolved', 'case', 'referral_thanks',
  'conversation_confirmation', 'promise_changed', 'appointment_invitation',
] as const
export type MailPurpose = (typeof MAIL_PURPOSES)[number]

export const MAIL_PURPOSE_RECORD: Record<MailPurpose, TouchpointRelatedType> = {
  offer: 'offer', follow_up: 'offer', renewal_offer: 'offer', contract: 'contract', complaint_acknowledged: 'case', complaint_resolved: 'case', case: 'case',
  referral_thanks: 'referral', conversation_confirmation: 'conversation', promise_changed: 'promise', appointment_invitation: 'appointment',
}

/**
 * queued: waiting for its turn or its next attempt (after a failure that may pass: offline, timeout);
 * sending: handed to the SMTP server by a run that has not recorded the answer yet (after a crash it is sent
 * again with the same Message-ID); sent; failed: refused in a way that waits for the rep (login refused, a
 * recipient rejected, too large) — "retry" queues it again; cancelled by the rep.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** Why an attempt failed: each has its message `outbox.error.<code>`. */
export const OUTBOX_ERRORS = ['not_configured', 'connection', 'timeout', 'tls', 'auth', 'recipient_rejected', 'too_large', 'rejected', 'unknown'] as const
export type OutboxError = (typeof OUTBOX_ERRORS)[number]

/**
 * filed: on the customer's timeline as a touchpoint; private: kept on this device only, not on the timeline;
 * unfiled: the rep took it off the timeline (never filed again); malformed: could not be read (kept with its error).
 */
export const MAIL_MESSAGE_STATES = ['filed', 'private', 'unfiled', 'malformed'] as const
export type MailMessageState = (typeof MAIL_MESSAGE_STATES)[number]

export const MAIL_SECURITY = ['starttls', 'tls', 'none'] as const
export type MailSecurity = (typeof MAIL_SECURITY)[number]
