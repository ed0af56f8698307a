// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TextPage } from '../pages/TextPage'
import { type AppConfig, SessionContext } from '../session'
import { choosable, templateField } from './TemplateChoice'

const CONFIG: AppConfig = { apiUrl: 'http://api.test/api/orchestrator', websocketUrl: 'ws://x', auth: { mode: 'dev' }, maxUploadBytes: 1 }
const ACCOUNT = { organisation: null, membership: { userId: 'sam', orgId: 'org_a', role: 'owner', personal: false } }
const head = (id: string, name: string, extra: object = {}) => ({
  id,
  name,
  lossTypes: ['water'],
  latestVersion: 1,
  builtIn: false,
  orgId: 'org_a',
  retired: false,
  sharedWith: [],
  updatedAt: null,
  ...extra,
})
const TEMPLATES = [
  head('builtin-water', 'Water damage (IICRC S500)', { builtIn: true, orgId: null }),
  head('tpl_ours', 'Water, insurer panel A', { latestVersion: 3 }),
  head('tpl_theirs', 'Partner water', { orgId: 'org_b' }),
  head('tpl_old', 'Old water', { retired: true }),
]

function serve() {
  const calls: { method: string; path: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const path = url.replace(CONFIG.apiUrl, '')
      calls.push({ method: init.method ?? 'GET', path, body: init.body ? JSON.parse(String(init.body)) : undefined })
      const body =
        path === '/templates' ? { templates: TEMPLATES } : path === '/organisations/current' ? ACCOUNT : { workflowId: 'wf_1' }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  return calls
}

function renderTextPage() {
  const session = { config: CONFIG, token: 't', signIn: () => undefined, signOut: () => undefined }
  render(
    <SessionContext.Provider value={session}>
      <TextPage />
    </SessionContext.Provider>,
  )
}

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('choosing a report template for a new job', () => {
  it('offers every template but the retired ones, and sends no templateId when inferring', () => {
    expect(choosable(TEMPLATES as never).map((t) => t.id)).toEqual(['builtin-water', 'tpl_ours', 'tpl_theirs'])
    expect(templateField('')).toEqual({})
    expect(templateField('tpl_ours')).toEqual({ templateId: 'tpl_ours' })
  })

  it('defaults to inferring, groups built-ins, own and shared ones, and sends the one chosen', async () => {
    const calls = serve()
    renderTextPage()
    const select = (await screen.findByLabelText('Report template')) as HTMLSelectElement
    await waitFor(() => expect(select.disabled).toBe(false))
    expect(select.value).toBe('')
    expect(select.options[0].text).toBe('Infer from the loss type')
    const groups = () => [...select.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)])
    await waitFor(() =>
      expect(groups()).toEqual([
        ['Built-in', ['builtin-water']],
        ["Your account's", ['tpl_ours']],
        ['Shared with your account', ['tpl_theirs']],
      ]),
    )
    expect(screen.getByRole('option', { name: /Water, insurer panel A .*version 3/ })).toBeTruthy()
    fireEvent.change(select, { target: { value: 'tpl_ours' } })
    fireEvent.change(screen.getByLabelText('Inspection notes'), { target: { value: 'Kitchen: dishwasher leak, 28% at the toe kick.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create report' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    const created = calls.find((c) => c.method === 'POST' && c.path === '/workflows')
    expect(created?.body).toMatchObject({ inputMethod: 'TEXT', templateId: 'tpl_ours' })
  })

  it('a remembered choice no longer offered falls back to inferring', async () => {
    localStorage.setItem('restoreassist.draft.text.anyone', JSON.stringify({ text: 'notes', templateId: 'tpl_old' }))
    const calls = serve()
    renderTextPage()
    const select = (await screen.findByLabelText('Report template')) as HTMLSelectElement
    await waitFor(() => expect(select.disabled).toBe(false))
    expect(select.value).toBe('')
    // (the fall-back is a state update after the templates arrive: wait until the draft has it)
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem('restoreassist.draft.text.anyone') ?? '{}').templateId ?? '').toBe(''),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Create report' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST')?.body).not.toHaveProperty('templateId')
  })
})
