import { describe, expect, it } from 'vitest'
import { bodyOf, editorFrom, inScope, moved, problems, relation, scopeItemOf, type TemplateBody, textSection, typicalLinesOf } from './reportTemplates'
import { hashQuery, isCurrentPage } from './router'

const WATER: TemplateBody = {
  name: 'Water damage (IICRC S500)',
  description: 'Water damage restoration.',
  lossTypes: ['water'],
  sections: [{ kind: 'summary' }, { kind: 'loss' }, { kind: 'photos' }, { kind: 'qa', title: 'Quality' }],
  requiredFields: [{ path: 'causeOfLoss', code: 'CAUSE_OF_LOSS_MISSING', message: 'Say the cause.', severity: 'warning' }],
  qaRules: { off: ['VISIT_GAP'] },
  scope: { typicalLines: [] },
  branding: { companyName: null, primaryColour: '#0B5D3B', accentColour: null },
}

describe('the template editor', () => {
  it('starts from a template: its sections in order, then every other kind left out', () => {
    const state = editorFrom(WATER, 'Ours')
    expect(state.name).toBe('Ours')
    expect(state.sections.slice(0, 4).map((s) => [s.kind, s.included, s.title])).toEqual([
      ['summary', true, ''],
      ['loss', true, ''],
      ['photos', true, ''],
      ['qa', true, 'Quality'],
    ])
    expect(state.sections.slice(4).every((s) => !s.included)).toBe(true)
    expect(state.sections).toHaveLength(15)
  })
  it('gives back the same body it started from when nothing changed', () => {
    const body = bodyOf(editorFrom(WATER))
    expect(body).toEqual({
      ...WATER,
      sections: [{ kind: 'summary', title: null }, { kind: 'loss', title: null }, { kind: 'photos', title: null }, { kind: 'qa', title: 'Quality' }],
      branding: { companyName: null, primaryColour: '#0B5D3B', accentColour: null },
    })
  })
  it('sends the sections ticked, in the order they were moved to, text sections with their words', () => {
    const state = editorFrom(WATER)
    const drying = state.sections.findIndex((s) => s.kind === 'drying-log')
    state.sections[drying] = { ...state.sections[drying], included: true, title: 'Daily drying' }
    const terms = { ...textSection(), title: 'Terms', text: 'Payment within 30 days.' }
    state.sections = moved([terms, ...state.sections], 0, 1)
    expect(bodyOf(state).sections).toEqual([
      { kind: 'summary', title: null },
      { kind: 'text', title: 'Terms', text: 'Payment within 30 days.' },
      { kind: 'loss', title: null },
      { kind: 'photos', title: null },
      { kind: 'qa', title: 'Quality' },
      { kind: 'drying-log', title: 'Daily drying' },
    ])
  })
  it('says what is wrong before anything is sent', () => {
    const state = editorFrom(WATER)
    expect(problems(state)).toEqual([])
    const broken = {
      ...state,
      name: ' ',
      lossTypes: [],
      primaryColour: 'green',
      sections: [...state.sections.filter((s) => s.kind !== 'photos'), textSection()],
      requiredFields: [{ path: 'x', code: 'lower', message: 'm', severity: 'error' }],
      advanced: '{not json',
    }
    expect(problems(broken)).toEqual([
      'Give the template a name.',
      'Choose at least one kind of loss it is for.',
      'Every report has these sections: Photos.',
      'Each text section needs a heading and its words.',
      'The primary colour is a hex colour like #1F3A5F.',
      'Required field 1 needs a path, a code in capitals (e.g. ADJUSTER_MISSING) and a message.',
      'The QA rules and scope are not valid JSON.',
    ])
  })
  it('moves within the list only', () => {
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3])
    expect(moved([1, 2, 3], 2, 1)).toEqual([1, 2, 3])
    expect(moved([1, 2, 3], 2, -1)).toEqual([1, 3, 2])
  })
})

describe('how an account stands to a template', () => {
  const head = { id: 'tpl_1', name: 'T', lossTypes: ['water'], latestVersion: 1, builtIn: false, orgId: 'org_a', retired: false, sharedWith: [], updatedAt: null }
  it('is its own, shared with it, or a built-in', () => {
    expect(relation(head, 'org_a')).toBe('own')
    expect(relation(head, 'org_b')).toBe('shared')
    expect(relation({ ...head, builtIn: true, orgId: null }, 'org_a')).toBe('built-in')
  })
})

describe('routes', () => {
  it('mark the current page in the navigation', () => {
    expect(isCurrentPage('', [])).toBe(true)
    expect(isCurrentPage('', ['team'])).toBe(false)
    expect(isCurrentPage('templates', ['templates', 'tpl_1', 'edit'])).toBe(true)
    expect(isCurrentPage('new/text', ['new', 'text'])).toBe(true)
    expect(isCurrentPage('new/text', ['new', 'pdf'])).toBe(false)
  })
  it('read the query of the fragment', () => {
    expect(hashQuery('#/templates/new?from=builtin-water-s500').get('from')).toBe('builtin-water-s500')
    expect(hashQuery('#/templates').get('from')).toBeNull()
  })
})

describe("a template's typical scope lines", () => {
  const MONITOR = { action: 'monitor', material: '*', description: 'Moisture monitoring visit', unit: 'each', category: 'WTR', selector: 'MON' }
  it('are read from the scope, none when it has none', () => {
    expect(typicalLinesOf({ scope: { typicalLines: [MONITOR] } })).toEqual([MONITOR])
    expect(typicalLinesOf({ scope: {} })).toEqual([])
  })
  it('are in the scope by their description or by the same work on the same material', () => {
    expect(inScope(MONITOR, [{ description: 'moisture monitoring visit ' }])).toBe(true)
    expect(inScope(MONITOR, [{ description: 'Daily readings', action: 'Monitor', material: '*' }])).toBe(true)
    expect(inScope(MONITOR, [{ description: 'Extract standing water', action: 'extract', material: 'water' }])).toBe(false)
  })
  it('become a scope line whose quantity is left to the reviewer', () => {
    expect(scopeItemOf(MONITOR)).toEqual({ description: 'Moisture monitoring visit', action: 'monitor', material: '*', unit: 'each', quantity: null })
  })
})
