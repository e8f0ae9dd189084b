// Module boundaries inside every layer (docs/architecture.md, "Shape"):
// - another module is reached only through its public entry (`<layer>/modules/<name>/index.ts`);
// - modules depend on each other one way, as MODULE_DEPENDENCIES allows;
// - the platform pieces of a layer (`<layer>/platform/`) never import a module.
// Tests may reach into internals (they test them); everything else, scripts and the server included, may not.
import path from 'node:path'

/** Which modules each module may use (through their entries). Anything not listed is forbidden. */
export const MODULE_DEPENDENCIES = {
  customers: [],
  // Facts from the ERP per customer and month (issue 17): read by the health score.
  erp: ['customers'],
  // Leads from marketing automation (issue 19): converted into a company, contact and first touchpoint, with the
  // field rep's first-contact task; the lead report reads the offers of converted companies.
  leads: ['customers', 'offers', 'planning'],
  contracts: ['customers'],
  service: ['customers', 'contracts'],
  offers: ['customers', 'contracts', 'service'],
  // Tasks, appointments and the visit briefing: the rep's day around what the stations hold.
  planning: ['customers', 'contracts', 'service', 'offers'],
  // Mail sends and files what the stations write: an offer's PDF, a case's acknowledgement, an appointment's invitation.
  mail: ['customers', 'contracts', 'service', 'offers', 'planning'],
  // DSGVO erasure reaches every record that may point at a person; sync applies pulled erasures.
  dsgvo: ['customers', 'contracts', 'service', 'offers', 'mail', 'planning', 'files'],
  // Customer success (issue 17): the health score, its history and the early-warning triggers.
  success: ['customers', 'contracts', 'service', 'offers', 'planning', 'erp', 'leads'],
  // The journey over time (issue 17): station changes and the journey map report.
  journey: ['customers'],
  // Files on the records (issue 18): companies, contacts, offers, contracts, cases; next week's appointments for prefetch.
  files: ['customers', 'contracts', 'service', 'offers', 'planning'],
  settings: ['customers', 'offers', 'contracts', 'service', 'planning', 'leads'],
  worklist: ['customers', 'offers', 'contracts', 'service', 'planning', 'leads'],
  sync: ['customers', 'offers', 'contracts', 'service', 'dsgvo', 'mail', 'planning', 'erp', 'success', 'journey', 'files', 'leads'],
  demo: ['customers', 'offers', 'contracts', 'service', 'settings', 'planning', 'erp', 'success', 'journey', 'leads'],
}

const LAYERS = ['shared', 'db', 'electron/main', 'renderer/src']
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

/** { layer, kind: 'module' | 'platform', name, rest } for a file inside a layer's modules/ or platform/. */
export function unitOf(absolute) {
  const relative = path.relative(ROOT, absolute).split(path.sep).join('/')
  for (const layer of LAYERS) {
    const prefix = `${layer}/`
    if (!relative.startsWith(prefix)) continue
    const parts = relative.slice(prefix.length).split('/')
    if (parts[0] === 'modules' && parts.length >= 2) return { layer, kind: 'module', name: parts[1], rest: parts.slice(2).join('/') }
    if (parts[0] === 'platform' && parts.length >= 2) return { layer, kind: 'platform', name: 'platform', rest: parts.slice(1).join('/') }
    return { layer, kind: 'other', name: '', rest: parts.join('/') }
  }
  return { layer: '', kind: 'other', name: '', rest: relative }
}

const isEntry = (unit) => unit.rest === '' || /^index(\.tsx?)?$/.test(unit.rest)
const isTest = (relative) => relative.startsWith('tests/')

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Modules talk through their public entry, one way; the platform never imports a module.' },
    schema: [],
    messages: {
      internals: "'{{target}}' is inside module '{{module}}': import its public entry ('{{entry}}') instead.",
      direction: "Module '{{from}}' may not use module '{{to}}' (allowed: {{allowed}}). Modules depend one way; see eslint-rules/module-boundaries.js.",
      platform: "The platform ({{file}}) is below the modules and may not import module '{{module}}'.",
    },
  },
  create(context) {
    const file = context.filename
    const relativeFile = path.relative(ROOT, file).split(path.sep).join('/')
    if (isTest(relativeFile)) return {}
    const from = unitOf(file)
    // The renderer's composition root (app.tsx, shell/) mounts the pages of every module.
    if (from.layer === 'renderer/src' && from.kind === 'other' && !from.rest.startsWith('components/') && !from.rest.startsWith('lib/')) return {}
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const target = unitOf(path.resolve(path.dirname(file), source))
      if (target.kind !== 'module') return
      if (from.kind === 'module' && from.name === target.name) return
      if (from.kind === 'platform') {
        context.report({ node, messageId: 'platform', data: { file: relativeFile, module: target.name } })
        return
      }
      if (!isEntry(target)) {
        context.report({ node, messageId: 'internals', data: { target: source, module: target.name, entry: `${target.layer}/modules/${target.name}/index.ts` } })
        return
      }
      if (from.kind === 'module') {
        const allowed = MODULE_DEPENDENCIES[from.name]
        if (!allowed || !allowed.includes(target.name)) {
          context.report({ node, messageId: 'direction', data: { from: from.name, to: target.name, allowed: (allowed ?? []).join(', ') || 'none' } })
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    }
  },
}
