// A mail's MIME bytes, built once by nodemailer's MailComposer: the outbox stores them and sends them as they are,
// so every attempt (and a resend after a crash) carries the same Message-ID. The same builder writes the .eml a
// rep opens in their own mail program: `draft` marks it unsent (X-Unsent: 1, Outlook opens it ready to send).
import { randomUUID } from 'node:crypto'
import type { MailAddress } from '../../../../shared/modules/customers'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { safeNamePart } from '../../platform/documents/document-files'

export interface MessageAttachment {
  filename: string
  content: Buffer
  contentType: string
}

export interface MessageInput {
  from: MailAddress
  to: MailAddress[]
  cc?: MailAddress[]
  bcc?: MailAddress[]
  subject: string
  /** The plain-text body (UTF-8, sent quoted-printable). */
  text: string
  attachments?: MessageAttachment[]
  /** Without angle brackets; a new `<uuid@sender-domain>` when not given. */
  messageId?: string
  date: Date
  /** A reply keeps the thread: the Message-ID it answers (without angle brackets). */
  inReplyTo?: string
  /** For an .eml the rep sends from their own mail program: marked unsent, Bcc kept in the headers. */
  draft?: boolean
}

export interface BuiltMessage {
  raw: Buffer
  /** Without angle brackets, as stored in mail_outbox.message_id and touchpoints.mail_message_id. */
  messageId: string
}

/** `uuid@domain` of the sender's address, so replies thread and the id is unique across devices. */
export function newMessageId(fromAddress: string): string {
  const domain = /@([A-Za-z0-9.-]+)$/.exec(fromAddress.trim())?.[1]?.toLowerCase() ?? 'kundenreise.invalid'
  return `${randomUUID()}@${domain}`
}

const stripBrackets = (id: string): string => id.trim().replace(/^<|>$/g, '')

/** An iCalendar attachment (an appointment's invitation), known by its type or its `.ics` name. */
const isCalendar = (a: MessageAttachment): boolean => a.contentType.startsWith('text/calendar') || /\.ics$/i.test(a.filename)

/**
 * An invitation travels as Outlook and Gmail expect it (nodemailer's `icalEvent`): a `text/calendar; method=REQUEST`
 * part beside the text, so the mail shows Accept/Decline, and the same file attached. The method is the file's own.
 */
function calendarEvent(a: MessageAttachment) {
  const method = /^METHOD:([A-Z-]+)\r?$/m.exec(a.content.toString('utf8'))?.[1] ?? 'REQUEST'
  return { filename: a.filename, method, content: a.content.toString('utf8') }
}
const addresses = (list: MailAddress[] | undefined) => (list ?? []).map((a) => ({ name: a.name, address: a.address }))

/** The whole message as bytes (CRLF line ends, as SMTP and mail programs expect them). */
export async function buildMessage(input: MessageInput): Promise<BuiltMessage> {
  const messageId = stripBrackets(input.messageId ?? newMessageId(input.from.address))
  const calendar = (input.attachments ?? []).find(isCalendar)
  // Loaded with the first mail written, not at start.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer')
  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.address },
    to: addresses(input.to),
    cc: addresses(input.cc),
    bcc: addresses(input.bcc),
    subject: input.subject,
    messageId: `<${messageId}>`,
    date: input.date,
    ...(input.inReplyTo ? { inReplyTo: `<${stripBrackets(input.inReplyTo)}>`, references: [`<${stripBrackets(input.inReplyTo)}>`] } : {}),
    text: { content: input.text, contentType: 'text/plain; charset=utf-8', contentTransferEncoding: 'quoted-printable' },
    attachments: (input.attachments ?? []).filter((a) => a !== calendar).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    ...(calendar ? { icalEvent: calendarEvent(calendar) } : {}),
    headers: input.draft ? { 'X-Unsent': '1' } : {},
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  const node = composer.compile()
  // A sent mail never shows its Bcc (the envelope carries them); a draft keeps them so the rep's program sends to them.
  node.keepBcc = input.draft === true
  return { raw: await node.build(), messageId }
}

/** The mail as an .eml file for the rep's own mail program (an unsent draft), shaped like the app's other file answers. */
export async function emlFile(input: Omit<MessageInput, 'draft'>, fileStem: string): Promise<ExportFile & { messageId: string }> {
  const { raw, messageId } = await buildMessage({ ...input, draft: true })
  return { fileName: `${safeNamePart(fileStem) || 'E-Mail'}.eml`, base64: raw.toString('base64'), mimeType: 'message/rfc822', rows: 1, messageId }
}
