// Where generated files go. Offer and contract numbers arrive by sync from other laptops, so they are
// untrusted text, never a path: a file name is a sanitised, readable number plus a short part of the
// record id, checked to be a direct child of its folder, and written without following whatever
// already sits at that name (a temp file created exclusively, then renamed over it).
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** Longest sanitised part taken from untrusted text (the whole name stays far below 255 bytes). */
const MAX_PART = 80

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' }

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9]|lpt[0-9])$/i

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Text as a file-name part: German letters folded (ä → ae, ß → ss), other accents dropped, anything
 * but [A-Za-z0-9._-] collapsed to '-', no leading or trailing dots or dashes, at most 80 characters.
 * '' when nothing usable is left.
 */
export function safeNamePart(raw: string): string {
  const folded = raw
    .replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  const trim = (s: string) => s.replace(/^[.\-_]+|[.\-_]+$/g, '')
  const collapsed = folded.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/\.{2,}/g, '.')
  return trim(trim(collapsed).slice(0, MAX_PART))
}

/** A short, safe tag of a record id: the random tail of a UUID, else a hash of whatever the id is. */
export function recordTag(id: string): string {
  if (UUID.test(id)) return id.slice(-8).toLowerCase()
  return createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8)
}

/**
 * The file name of a generated document, e.g. `Angebot-A-2026-7KQ3M-0001-Rev2-3f9a1c2e.docx`: the kind,
 * the sanitised number, qualifiers (revision, draft) and the record tag, so two records whose numbers
 * sanitise alike never share a file. This is also the name shown to the user and used for downloads.
 */
export function documentFileName(input: { kind: string; number: string; qualifiers?: string[]; recordId: string; extension: string }): string {
  const parts = [input.kind, input.number, ...(input.qualifiers ?? []), recordTag(input.recordId)].map(safeNamePart).filter(Boolean)
  let stem = parts.join('-')
  if (RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`
  const extension = safeNamePart(input.extension).replace(/\./g, '') || 'bin'
  return `${stem}.${extension}`
}

/** The absolute path of `fileName` in `dir`; throws unless it is a plain direct child of the resolved folder. */
export function childPath(dir: string, fileName: string): string {
  const root = path.resolve(dir)
  const full = path.resolve(root, fileName)
  if (!fileName || fileName === '.' || fileName === '..' || fileName.includes('\0') || path.dirname(full) !== root || path.basename(full) !== fileName) {
    throw new Error(`refusing to write outside ${root}: ${JSON.stringify(fileName)}`)
  }
  return full
}

/**
 * Writes `data` as `fileName` directly inside `dir` (created if missing) and returns the path. The
 * bytes go to a fresh temp file opened with O_EXCL ('wx', which never follows a link) and are then
 * renamed over the name, which replaces a link or file there instead of writing through it.
 */
export async function writeFileInside(dir: string, fileName: string, data: Buffer): Promise<string> {
  const full = childPath(dir, fileName)
  const root = path.dirname(full)
  await mkdir(root, { recursive: true })
  const temp = childPath(root, `.${randomBytes(8).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx', 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, full)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
  return full
}
