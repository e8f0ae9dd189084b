// Reading generated letters back as a customer would: LibreOffice turns the DOCX into a PDF, poppler's
// pdftotext reads it. CI installs both (.ci/run); elsewhere the tests that need them say so and skip.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const hasOffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** In CI a missing LibreOffice or poppler is a broken machine, not a reason to skip. */
export function requireOfficeInCi(): void {
  if (!hasOffice && process.env.CI) throw new Error('LibreOffice (soffice) and poppler-utils (pdftotext) are required in CI')
}

/** LibreOffice Calc as Debian installs it (libreoffice-calc-nogui): the list exports' CSV is opened with it. */
export const hasCalc = hasOffice && existsSync('/usr/lib/libreoffice/program/libsclo.so')

/** In CI a missing Calc is a broken machine (.ci/run installs it), not a reason to skip. */
export function requireCalcInCi(): void {
  if (!hasCalc && process.env.CI) throw new Error('LibreOffice Calc (libreoffice-calc-nogui) is required in CI')
}

/** A DOCX as its PDF's text, spaces normalised. */
export function docxText(docx: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-docx-'))
  try {
    writeFileSync(path.join(dir, 'letter.docx'), docx)
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'letter.docx')], { stdio: 'ignore', timeout: 120_000 })
    return execFileSync('pdftotext', [path.join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
