// A downloaded message's content, read with mailparser: the text (an HTML-only mail as mailparser's text of it;
// mail HTML is never rendered in the app), the first lines for the timeline and the attachments' names and sizes.
// The same reading serves the attachment download, so an attachment's index is the same in both.
import type { Attachment, ParsedMail } from 'mailparser'
import { MAIL_SNIPPET_LENGTH } from '../../../../shared/modules/customers'
import type { MailAttachmentInfo } from '../../../../shared/modules/mail'
import { withoutControls } from './imap-envelope'

/** The longest text kept for the detail view (a mail longer than this is cut; the raw message stays whole). */
const MAX_BODY = 200_000
const MAX_ATTACHMENTS = 100

export interface MailContent {
  bodyText: string
  snippet: string
  attachments: MailAttachmentInfo[]
}

/** Parses a message; throws when it cannot be read (mailparser's own limits) or has no header at all. */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  // Loaded with the first mail read, not at start.
  const { simpleParser } = await import('mailparser')
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true })
  if (parsed.headers.size === 0) throw new Error('no message headers')
  return parsed
}

/** The attachments in the order both the list and the download count them. */
export const attachmentsOf = (parsed: ParsedMail): Attachment[] => parsed.attachments.slice(0, MAX_ATTACHMENTS)

const cleanName = (name: string | undefined) => withoutControls(name ?? '').trim().slice(0, 255)

export function contentOf(parsed: ParsedMail): MailContent {
  const bodyText = (parsed.text ?? '').replaceAll('\u0000', '').replace(/\r\n/g, '\n').slice(0, MAX_BODY)
  return {
    bodyText,
    snippet: snippetOf(bodyText),
    attachments: attachmentsOf(parsed).map((a) => ({ name: cleanName(a.filename), size: a.size, contentType: a.contentType.slice(0, 100) })),
  }
}

/**
 * The first lines of a text, at most 300 characters: quoted lines ("> …") and what follows a signature
 * delimiter, a closing greeting ("Mit freundlichen Grüßen", "Kind regards") or a reply header are left out,
 * white space collapsed, cut at a word with "…". Used for mails read and for mails the app sends.
 */
const CLOSING = /^(mit (freundlichen|besten|herzlichen) grüßen|freundliche grüße|viele grüße|beste grüße|herzliche grüße|kind regards|best regards|yours sincerely|regards)\b/i

export function snippetOf(text: string): string {
  const lines: string[] = []
  for (const line of text.split('\n')) {
    if (line === '-- ' || /^-{2,}\s*(Original Message|Ursprüngliche Nachricht)/i.test(line.trim())) break
    if (lines.length > 0 && CLOSING.test(line.trim())) break
    if (/^(Am|On) .{4,200}(schrieb|wrote).{0,40}:\s*$/.test(line.trim())) break
    if (line.trimStart().startsWith('>')) continue
    lines.push(line)
  }
  const flat = lines.join(' ').replace(/\s+/g, ' ').trim()
  if (flat.length <= MAIL_SNIPPET_LENGTH) return flat
  const cut = flat.slice(0, MAIL_SNIPPET_LENGTH - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > MAIL_SNIPPET_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}
