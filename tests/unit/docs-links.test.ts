// The repository stands on its own: docs/, the README and code comments point only at files that
// exist here — nothing of the starting design's folder outside the repository, no markdown link or
// anchor that goes nowhere, no repository path in backticks that was moved or renamed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/')

/** Folders that are not the project's own text: dependencies, build output, local data. */
const SKIP_DIRS = new Set(['node_modules', 'out', '.git', '.data', '.scratch', 'test-results', 'playwright-report'])
const CODE = /\.(ts|tsx|js|mjs|cjs|css)$/

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), found)
    } else found.push(path.join(dir, entry.name))
  }
  return found
}

const docsFiles = (): string[] => [
  path.join(ROOT, 'README.md'),
  ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'docs', f)),
]
const codeFiles = (): string[] => walk(ROOT).filter((f) => CODE.test(f) && !f.endsWith('.d.ts'))

/** The design folder outside the repository, and its files by name. */
const OUTSIDE = /(\.\.\/)*shared\/design\b|\b(ARCHITECTURE|DOMAIN|SYNC|STYLE)\.md\b/

/** Markdown without fenced code blocks (backticks there are literal). */
const withoutFences = (text: string) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')

/** GitHub's anchors of a markdown file's headings. */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>()
  for (const [, heading = ''] of withoutFences(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
    let anchor = base
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`
    anchors.add(anchor)
  }
  return anchors
}

/** Problems of one markdown link target, resolved from the file that holds it. */
function linkProblem(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null // https:, mailto:
  const [pathPart = '', anchor] = target.split('#')
  const resolved = pathPart ? path.resolve(path.dirname(file), decodeURIComponent(pathPart)) : file
  if (!resolved.startsWith(ROOT)) return `${target}: outside the repository`
  if (!existsSync(resolved)) return `${target}: no such file`
  if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) return `${target}: no such heading`
  return null
}

/** `shared/…`, `docs/…` … ending in a file extension or `/`; `<m>` and `*` placeholders are not paths. */
const REPO_PATH = /^(shared|db|electron|renderer|server|scripts|tests|docs|eslint-rules)\/[^\s]*(\.[A-Za-z0-9]+|\/)$/

function pathProblem(candidate: string): string | null {
  if (candidate.includes('<') || candidate.includes('*') || !REPO_PATH.test(candidate)) return null
  return existsSync(path.join(ROOT, candidate)) ? null : `${candidate}: no such file or folder`
}

/** Every comment of a TypeScript or JavaScript file, as the compiler sees them (strings and regexes are not comments). */
function scriptComments(file: string, text: string): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const seen = new Map<number, string>()
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) seen.set(r.pos, text.slice(r.pos, r.end))
  }
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos))
    collect(ts.getTrailingCommentRanges(text, node.end))
    for (const child of node.getChildren(source)) visit(child)
  }
  collect(ts.getLeadingCommentRanges(text, 0))
  visit(source)
  return [...seen.values()]
}

function comments(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return file.endsWith('.css') ? [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => m[0]) : scriptComments(file, text)
}

/** Paths in a comment: in backticks, or bare with a folder of ours in front and a file extension at the end. */
function commentPaths(comment: string): string[] {
  const quoted = [...comment.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)
  const bare = [...comment.matchAll(/(?<![\w./-])((?:shared|db|electron|renderer|server|scripts|tests|docs|eslint-rules)\/[\w./-]*\.[A-Za-z0-9]+)(?![\w/])/g)].map((m) => m[1]!)
  return [...quoted, ...bare]
}

/** `*.md` files a comment names: they must exist from the repository root or next to the file. */
function markdownProblems(file: string, comment: string): string[] {
  const problems: string[] = []
  for (const [, name = ''] of comment.matchAll(/(?<![\w/.-])((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w.-]+\.md)\b/g)) {
    if (!existsSync(path.join(ROOT, name)) && !existsSync(path.resolve(path.dirname(file), name))) problems.push(`${name}: no such file`)
  }
  return problems
}

describe('docs and README', () => {
  it('name nothing from the starting design outside the repository', () => {
    const found = docsFiles().flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (OUTSIDE.test(line) ? [`${rel(file)}:${i + 1}: ${line.trim()}`] : [])))
    expect(found).toEqual([])
  })

  it('link only to files and headings that exist', () => {
    const broken: string[] = []
    for (const file of docsFiles()) {
      for (const m of withoutFences(readFileSync(file, 'utf8')).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const problem = linkProblem(file, m[1]!)
        if (problem) broken.push(`${rel(file)}: ${problem}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('name only repository paths that exist', () => {
    const missing: string[] = []
    for (const file of docsFiles()) {
      for (const m of withoutFences(readFileSync(file, 'utf8')).matchAll(/`([^`\n]+)`/g)) {
        const problem = pathProblem(m[1]!.trim())
        if (problem) missing.push(`${rel(file)}: ${problem}`)
      }
    }
    expect(missing).toEqual([])
  })
})

describe('code comments', () => {
  const all = codeFiles().map((file) => ({ file, comments: comments(file) }))

  it('are found in every kind of source file', () => {
    // A guard for the checks below: if comment extraction broke, they would pass on nothing.
    const heads = all.filter((f) => f.comments.length > 0).map((f) => rel(f.file))
    expect(heads).toEqual(expect.arrayContaining(['eslint.config.js', 'renderer/src/styles.css', 'renderer/src/app.tsx', 'shared/modules/sync/protocol.ts']))
  })

  it('name nothing from the starting design outside the repository', () => {
    const found = all.flatMap(({ file, comments: list }) => list.filter((c) => OUTSIDE.test(c)).map((c) => `${rel(file)}: ${c.trim().slice(0, 120)}`))
    expect(found).toEqual([])
  })

  it('name only docs and repository paths that exist', () => {
    const missing = all.flatMap(({ file, comments: list }) => list.flatMap((c) => [
      ...markdownProblems(file, c),
      ...commentPaths(c).map((p) => pathProblem(p.trim())).filter((p): p is string => p !== null),
    ].map((problem) => `${rel(file)}: ${problem}`)))
    expect([...new Set(missing)]).toEqual([])
  })
})

describe('the checks themselves', () => {
  it('see a missing file, a missing heading and a moved path, and skip placeholders and web links', () => {
    const readme = path.join(ROOT, 'README.md')
    expect(linkProblem(readme, 'docs/nowhere.md')).toMatch(/no such file/)
    expect(linkProblem(readme, 'docs/sync.md#no-such-heading')).toMatch(/no such heading/)
    expect(linkProblem(readme, 'docs/sync.md#numbering-offline')).toBeNull()
    expect(linkProblem(readme, 'https://example.com/x.md')).toBeNull()
    expect(pathProblem('shared/sync/tables.ts')).toMatch(/no such file/)
    expect(pathProblem('shared/modules/<m>/index.ts')).toBeNull()
    expect(pathProblem('shared/modules/sync/tables.ts')).toBeNull()
    expect(OUTSIDE.test('see ../shared/design/SYNC.md')).toBe(true)
    expect(markdownProblems(readme, '// the rule of SYNC.md')).toEqual(['SYNC.md: no such file'])
    expect(markdownProblems(readme, '// see docs/sync.md, "Scopes"')).toEqual([])
    expect(commentPaths('// moved: shared/sync/tables.ts, and `db/platform/`; not ../../db/database')).toEqual(['db/platform/', 'shared/sync/tables.ts'])
    expect(statSync(path.join(ROOT, 'docs')).isDirectory()).toBe(true)
  })
})
