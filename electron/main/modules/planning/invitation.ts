// An appointment's invitation as an iCalendar file (RFC 5545/5546), written by the `ics` library (escaping,
// folding, CRLF): METHOD:REQUEST with the owner as ORGANIZER and each participant contact with an e-mail address
// as ATTENDEE (RSVP, so Outlook shows Accept/Decline). The UID is `<appointment id>@kundenreise` for good, and
// SEQUENCE is the appointment's own, so a changed invitation replaces the one in the customer's calendar; a
// cancelled appointment leaves as METHOD:CANCEL with STATUS:CANCELLED. The times are the German wall-clock times
// turned into UTC instants (DTSTART/DTEND with Z), which every calendar reads without a time-zone table.
import { createEvent, type Attendee } from 'ics'
import { icalText } from '../../../../shared/platform/ical-text'
import { berlinLocalToInstant } from '../../../../shared/platform/berlin-time'
import type { Appointment } from '../../../../shared/modules/planning'
import type { ExportFile } from '../../../../shared/platform/export-file'
import type { ServiceContext } from '../../platform/context'
import { deviceLetterhead } from '../../platform/device-profile'
import { safeNamePart } from '../../platform/documents/document-files'
import { loadAppointment, participantsOf, toAppointment } from './appointment-rows'

export const invitationUid = (appointmentId: string): string => `${appointmentId}@kundenreise`
/** The MIME type of an invitation (a cancelled appointment's says CANCEL). */
export const invitationMime = (a: Pick<Appointment, 'status'>): string => `text/calendar; charset=utf-8; method=${a.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`

/** Who sends the invitation: the owner's name and address; for the rep of this device the profile's, else the company's. */
async function organizerOf(ctx: ServiceContext, a: Appointment): Promise<{ name: string; email: string }> {
  const user = await ctx.db.selectFrom('users').select(['display_name', 'email']).where('id', '=', a.ownerId).executeTakeFirst()
  const profile = await deviceLetterhead(ctx)
  const own = a.ownerId === ctx.userId
  const name = (own && profile.repName) || user?.display_name || profile.repName || profile.name
  // An ORGANIZER must be an address; an owner without one answers through the company's.
  const email = user?.email || (own ? profile.repEmail : '') || profile.email || 'termine@kundenreise.invalid'
  return { name, email }
}

/** The instant of a German wall-clock time, in milliseconds (what `ics` takes as a UTC time). */
const instantMs = (local: string): number => Date.parse(berlinLocalToInstant(local))

/** The invitation's text (CRLF lines) for an appointment as it is now. */
export async function invitationIcs(ctx: ServiceContext, id: string): Promise<{ appointment: Appointment; content: string }> {
  const row = await loadAppointment(ctx.db, id)
  const a = toAppointment(row, (await participantsOf(ctx.db, [id])).get(id) ?? [])
  const organizer = await organizerOf(ctx, a)
  const attendees: Attendee[] = a.participants.filter((p) => p.kind === 'contact' && p.email)
    .map((p) => ({ name: p.name, email: p.email.toLowerCase(), rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }))
  const cancelled = a.status === 'cancelled'
  const { error, value } = createEvent({
    productId: '-//Kundenreise//Termine//DE',
    method: cancelled ? 'CANCEL' : 'REQUEST',
    uid: invitationUid(a.id),
    sequence: a.sequence,
    start: instantMs(a.startsAt), startInputType: 'utc', startOutputType: 'utc',
    end: instantMs(a.endsAt), endInputType: 'utc', endOutputType: 'utc',
    title: icalText(a.title),
    ...(a.location ? { location: icalText(a.location) } : {}),
    ...(a.notes ? { description: icalText(a.notes) } : {}),
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    organizer,
    attendees,
  })
  if (error || !value) throw error ?? new Error('the invitation could not be written')
  return { appointment: a, content: value }
}

/** The file name of an appointment's invitation: "Termin-<title>-<day>.ics". */
export const invitationFileName = (a: Pick<Appointment, 'title' | 'startsAt'>): string =>
  `${['Termin', safeNamePart(a.title), a.startsAt.slice(0, 10)].filter(Boolean).join('-')}.ics`

/** The invitation as a download (`appointments.invitation`): made in memory, nothing is written. */
export async function invitationFile(ctx: ServiceContext, id: string): Promise<ExportFile> {
  const { appointment, content } = await invitationIcs(ctx, id)
  return { fileName: invitationFileName(appointment), base64: Buffer.from(content, 'utf8').toString('base64'), mimeType: invitationMime(appointment), rows: 1 }
}
