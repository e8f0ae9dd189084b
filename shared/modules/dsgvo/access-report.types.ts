// Art. 15 DSGVO: everything stored about one person, as a machine-readable JSON (keys are data keys, values
// as stored) and as a letter to the person. What the renderer sends and what main answers.
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'

export const accessReportSchema = z.object({
  contactId: idSchema,
  /** The letter's language; the person's correspondence language when left out. */
  language: z.enum(['de', 'en'], 'errors.invalidChoice').optional(),
})
export type AccessReportInput = z.output<typeof accessReportSchema>

/** The JSON file's content: one object, versioned, so a reader knows what it holds. */
export interface AccessReport {
  format: 'kundenreise-art15'
  version: 1
  generatedAt: string
  controller: { name: string; street: string; postalCode: string; city: string; email: string; phone: string }
  person: {
    id: string
    salutation: string
    title: string
    firstName: string
    lastName: string
    jobFunction: string
    email: string
    phone: string
    mobile: string
    language: string
    buyingRole: string
    attitude: string
    influence: string
    worries: string
    goals: string
    notes: string
    createdAt: string
    updatedAt: string
  }
  company: { id: string; name: string; customerNumber: string }
  touchpoints: Array<{ occurredAt: string; channel: string; direction: string; summary: string }>
  conversations: Array<{ heldAt: string; buyingRole: string; influence: string; attitude: string; caresAbout: string; needs: string; worries: string }>
  offers: Array<{ number: string; offerDate: string; status: string; grossCents: number; letters: Array<{ revision: number; sentAt: string }> }>
  contracts: Array<{ number: string; title: string; startDate: string; status: string }>
  cases: Array<{ number: string; type: string; receivedAt: string; subject: string; description: string; status: string }>
  referrals: Array<{ referredCompany: string; note: string; createdAt: string }>
  feedback: Array<{ kind: string; givenOn: string; score: number | null; comment: string }>
  /** The consent history: every consent with its day, source and withdrawal. */
  consents: Array<{ channel: string; purpose: string; givenOn: string; source: string; withdrawnOn: string | null }>
  /** Promises made to the person, tasks about them, appointments they were invited to (issue 16). */
  promises: Array<{ title: string; dueDate: string; status: string }>
  tasks: Array<{ title: string; dueDate: string; status: string; notes: string; outcome: string }>
  appointments: Array<{ title: string; kind: string; startsAt: string; endsAt: string; location: string; status: string }>
}

export interface AccessReportAnswer {
  json: { fileName: string; base64: string; mimeType: string }
  letter: { fileName: string; base64: string; mimeType: string; warnings: string[] }
  /** Records found per category, for the confirmation on screen. */
  counts: Record<'touchpoints' | 'conversations' | 'offers' | 'contracts' | 'cases' | 'referrals' | 'feedback' | 'consents' | 'promises' | 'tasks' | 'appointments', number>
}
