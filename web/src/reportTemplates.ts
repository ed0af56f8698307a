// Report templates (docs/adr/0020): the API's shapes, and the editor's state to and from a
// template body. The API validates everything again; the editor says what is wrong before sending.

export const LOSS_TYPES = [
  ['water', 'Water (IICRC S500)'],
  ['mould', 'Mould (S520)'],
  ['fire_smoke', 'Fire and smoke (S700)'],
  ['other', 'Other'],
] as const

// The sections the renderers draw, in the water report's order, with their own headings.
export const SECTION_KINDS: [string, string][] = [
  ['summary', 'Summary'],
  ['loss', 'The loss'],
  ['classification', 'Category, class and condition'],
  ['affected-areas', 'Affected areas'],
  ['moisture-readings', 'Moisture readings'],
  ['drying-log', 'Drying log'],
  ['atmospheric-readings', 'Atmospheric readings'],
  ['equipment', 'Equipment'],
  ['photos', 'Photos'],
  ['scope-of-work', 'Scope of work'],
  ['safety-hazards', 'Safety and hazards'],
  ['documentation-checklist', 'Documentation checklist'],
  ['qa', 'Quality check'],
  ['undetermined', 'Not determined from the notes'],
  ['sources', 'Sources'],
]
// Every report prints these, whatever its template.
export const REQUIRED_KINDS = ['loss', 'qa', 'photos']
const KIND_NAMES = Object.fromEntries(SECTION_KINDS)

export interface TemplateSection {
  kind: string
  title?: string | null
  text?: string | null
}

export interface RequiredField {
  path: string
  code: string
  message: string
  severity: 'error' | 'warning' | 'info' | string
}

export interface Branding {
  companyName?: string | null
  primaryColour?: string | null
  accentColour?: string | null
}

export interface TemplateBody {
  name: string
  description?: string | null
  lossTypes: string[]
  sections: TemplateSection[]
  requiredFields: RequiredField[]
  qaRules: Record<string, unknown>
  scope: Record<string, unknown>
  branding: Branding
}

export interface ReportTemplate extends TemplateBody {
  id: string
  version: number
  builtIn: boolean
  orgId: string | null
  createdBy: string | null
  createdAt: string | null
}

export interface TemplateHead {
  id: string
  name: string
  lossTypes: string[]
  latestVersion: number
  builtIn: boolean
  orgId: string | null
  retired: boolean
  sharedWith: string[]
  updatedAt: string | null
}

export function sectionName(kind: string): string {
  return KIND_NAMES[kind] ?? kind
}

export function lossTypeName(type: string): string {
  return LOSS_TYPES.find(([value]) => value === type)?.[1] ?? type
}

/** How the caller's account stands to a template: what the page may offer on it. */
export function relation(head: TemplateHead, accountId: string): 'built-in' | 'own' | 'shared' {
  if (head.builtIn) return 'built-in'
  return head.orgId === accountId ? 'own' : 'shared'
}

// --- the editor -------------------------------------------------------------------------------

export interface EditorSection {
  key: string
  kind: string
  included: boolean
  title: string
  text: string
}

export interface EditorState {
  name: string
  description: string
  lossTypes: string[]
  sections: EditorSection[]
  requiredFields: RequiredField[]
  companyName: string
  primaryColour: string
  accentColour: string
  // QA's rules and the scope's catalogue and typical lines, as JSON: kept from the base template
  advanced: string
}

let keys = 0
function nextKey(): string {
  keys += 1
  return `s${keys}`
}

/** The editor's state for a new template (or version) starting from `base`: its sections in its
 * order, then every other kind the renderers draw, left out. */
export function editorFrom(base: TemplateBody, name = base.name): EditorState {
  const used = new Set(base.sections.map((s) => s.kind))
  const sections: EditorSection[] = [
    ...base.sections.map((s) => ({ key: nextKey(), kind: s.kind, included: true, title: s.title ?? '', text: s.text ?? '' })),
    ...SECTION_KINDS.filter(([kind]) => !used.has(kind)).map(([kind]) => ({ key: nextKey(), kind, included: false, title: '', text: '' })),
  ]
  return {
    name,
    description: base.description ?? '',
    lossTypes: [...base.lossTypes],
    sections,
    requiredFields: base.requiredFields.map((f) => ({ ...f })),
    companyName: base.branding?.companyName ?? '',
    primaryColour: base.branding?.primaryColour ?? '',
    accentColour: base.branding?.accentColour ?? '',
    advanced: JSON.stringify({ qaRules: base.qaRules ?? {}, scope: base.scope ?? {} }, null, 2),
  }
}

export function textSection(): EditorSection {
  return { key: nextKey(), kind: 'text', included: true, title: '', text: '' }
}

/** Move the section at `index` by `by` places (-1 up, +1 down); the list unchanged at its ends. */
export function moved<T>(list: T[], index: number, by: number): T[] {
  const to = index + by
  if (to < 0 || to >= list.length) return list
  const copy = [...list]
  const [item] = copy.splice(index, 1)
  copy.splice(to, 0, item)
  return copy
}

const HEX = /^#[0-9A-Fa-f]{6}$/

/** What is wrong with the editor's state, in words; none: it may be sent. */
export function problems(state: EditorState): string[] {
  const found: string[] = []
  if (!state.name.trim()) found.push('Give the template a name.')
  if (state.lossTypes.length === 0) found.push('Choose at least one kind of loss it is for.')
  const included = state.sections.filter((s) => s.included)
  const missing = REQUIRED_KINDS.filter((kind) => !included.some((s) => s.kind === kind))
  if (missing.length) found.push(`Every report has these sections: ${missing.map(sectionName).join(', ')}.`)
  if (included.some((s) => s.kind === 'text' && (!s.title.trim() || !s.text.trim()))) found.push('Each text section needs a heading and its words.')
  for (const [label, value] of [
    ['primary colour', state.primaryColour],
    ['accent colour', state.accentColour],
  ]) {
    if (value.trim() && !HEX.test(value.trim())) found.push(`The ${label} is a hex colour like #1F3A5F.`)
  }
  state.requiredFields.forEach((field, i) => {
    if (!field.path.trim() || !/^[A-Z][A-Z0-9_]*$/.test(field.code.trim()) || field.message.trim().length < 5)
      found.push(`Required field ${i + 1} needs a path, a code in capitals (e.g. ADJUSTER_MISSING) and a message.`)
  })
  try {
    const advanced = JSON.parse(state.advanced || '{}')
    if (typeof advanced !== 'object' || advanced === null || Array.isArray(advanced)) throw new Error('not an object')
  } catch {
    found.push('The QA rules and scope are not valid JSON.')
  }
  return found
}

/** The body the API takes (call `problems` first). */
export function bodyOf(state: EditorState): TemplateBody {
  const advanced = JSON.parse(state.advanced || '{}') as { qaRules?: Record<string, unknown>; scope?: Record<string, unknown> }
  const optional = (value: string) => (value.trim() ? value.trim() : null)
  return {
    name: state.name.trim(),
    description: optional(state.description),
    lossTypes: state.lossTypes,
    sections: state.sections
      .filter((s) => s.included)
      .map((s) =>
        s.kind === 'text' ? { kind: 'text', title: s.title.trim(), text: s.text.trim() } : { kind: s.kind, title: optional(s.title) },
      ),
    requiredFields: state.requiredFields.map((f) => ({ path: f.path.trim(), code: f.code.trim(), message: f.message.trim(), severity: f.severity })),
    qaRules: advanced.qaRules ?? {},
    scope: advanced.scope ?? {},
    branding: {
      companyName: optional(state.companyName),
      primaryColour: optional(state.primaryColour),
      accentColour: optional(state.accentColour),
    },
  }
}

// --- the scope's typical lines (docs/adr/0020 decision 11) ---------------------------------------

/** A line item a job of the template's kind usually has, with its estimating codes. */
export interface TypicalLine {
  action: string
  material: string
  description: string
  unit: string
  category?: string | null
  selector?: string | null
}

export function typicalLinesOf(template: Pick<TemplateBody, 'scope'>): TypicalLine[] {
  const lines = (template.scope as { typicalLines?: TypicalLine[] } | undefined)?.typicalLines
  return Array.isArray(lines) ? lines : []
}

const same = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase()

/** Whether the scope has a line like this one already: the same work on the same material, or the
 * same description. */
export function inScope(line: TypicalLine, scope: Record<string, unknown>[]): boolean {
  return scope.some(
    (item) => same(item.description, line.description) || (same(item.action, line.action) && same(item.material, line.material)),
  )
}

/** The scope line a reviewer adds from a typical line: its quantity is theirs to fill in (a report
 * lists what was done, never a template's guess). */
export function scopeItemOf(line: TypicalLine): Record<string, unknown> {
  return { description: line.description, action: line.action, material: line.material, unit: line.unit, quantity: null }
}
