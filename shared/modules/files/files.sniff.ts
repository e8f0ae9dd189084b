// The type of a file from its bytes, never from its name (docs/files.md). file-type reads the magic
// numbers; what it does not know is taken only as plain text or an e-mail (.eml), never as a program.
// The policy is ours: photos, PDFs, Office documents (OOXML, OpenDocument, RTF, the old OLE formats) and
// e-mails (.eml text, Outlook .msg as OLE) are taken; programs and everything else are refused.

export const ALLOWED_MIMES = [
  'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/avif', 'image/heic', 'image/heif', 'image/tiff',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
  'application/vnd.ms-outlook', 'application/x-cfb',
  'message/rfc822', 'text/plain',
] as const
export type AllowedMime = (typeof ALLOWED_MIMES)[number]

const EXECUTABLES = new Set([
  'application/x-msdownload', 'application/vnd.microsoft.portable-executable', 'application/x-elf', 'application/x-mach-binary',
  'application/x-executable', 'application/x-sharedlib', 'application/wasm', 'application/x-msi', 'application/vnd.android.package-archive',
  'application/x-apple-diskimage', 'application/java-vm', 'application/x-java-archive',
])

export type SniffResult = { ok: true; mime: AllowedMime } | { ok: false; reason: 'empty' | 'executable' | 'type' }

const MAIL_HEADER = /^(from|to|subject|date|message-id|received|return-path|mime-version|delivered-to|x-[a-z-]+):/im

function asText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 64 * 1024)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head)
  } catch {
    // A cut multi-byte character at the end of the window is no reason to refuse; other invalid UTF-8 is
    // read as Latin-1 (old mails and CSV files).
    text = Array.from(head, (b) => String.fromCharCode(b)).join('')
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text) ? null : text
}

/** What the bytes are, by content; the name only tells an Outlook message from another OLE file. */
export async function sniffFile(bytes: Uint8Array, name: string): Promise<SniffResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' }
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) return { ok: false, reason: 'executable' } // MZ: DOS/Windows programs of any kind
  const { fileTypeFromBuffer } = await import('file-type')
  const found = await fileTypeFromBuffer(bytes)
  if (found) {
    if (EXECUTABLES.has(found.mime)) return { ok: false, reason: 'executable' }
    if (found.mime === 'application/x-cfb') return { ok: true, mime: /\.msg$/i.test(name) ? 'application/vnd.ms-outlook' : 'application/x-cfb' }
    return (ALLOWED_MIMES as readonly string[]).includes(found.mime) ? { ok: true, mime: found.mime as AllowedMime } : { ok: false, reason: 'type' }
  }
  const text = asText(bytes)
  if (text === null) return { ok: false, reason: 'type' }
  if (text.startsWith('#!')) return { ok: false, reason: 'executable' } // a script
  const firstLines = text.split(/\r?\n\r?\n/, 1)[0] ?? ''
  return { ok: true, mime: MAIL_HEADER.test(firstLines) && /^[A-Za-z-]+:/.test(text) ? 'message/rfc822' : 'text/plain' }
}
