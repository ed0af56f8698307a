// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeApi } from '../api'
import { type AppConfig, SessionContext } from '../session'
import { SignOff } from './SignOff'

const CONFIG: AppConfig = { apiUrl: 'http://api.test/api/orchestrator', websocketUrl: 'ws://x', auth: { mode: 'dev' }, maxUploadBytes: 1 }
const ACCOUNT = { organisation: null, membership: { userId: 'sam', orgId: 'personal-sam', role: 'owner', personal: true } }

function serve(certification: unknown) {
  const calls: { method: string; url: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined })
      const path = url.replace(CONFIG.apiUrl, '')
      const body = path === '/organisations/current' ? ACCOUNT : path === '/members/sam/certification' ? { certification } : { workflow: {} }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  return calls
}

function renderSignOff(onSigned = () => undefined) {
  const session = { config: CONFIG, token: 't', signIn: () => undefined, signOut: () => undefined }
  render(
    <SessionContext.Provider value={session}>
      <SignOff api={makeApi(CONFIG.apiUrl, 't', () => undefined)} workflowId="wf_1" onSigned={onSigned} />
    </SessionContext.Provider>,
  )
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the sign-off form', () => {
  it('without a certification on file, links to the Team page and does not offer signing', async () => {
    serve(null)
    renderSignOff()
    const link = await screen.findByRole('link', { name: 'Add your certification on the Team page' })
    expect(link.getAttribute('href')).toBe('#/team')
    expect(screen.getByRole('button', { name: 'Sign the report' })).toHaveProperty('disabled', true)
    expect(screen.queryByLabelText('Certification')).toBeNull()
  })

  it('with an expired one, says so and links to renew it', async () => {
    serve({ userId: 'sam', scheme: 'IICRC', number: '1', categories: ['WRT'], expiresOn: '2020-01-01', updatedBy: 'sam', updatedAt: '' })
    renderSignOff()
    expect(await screen.findByRole('link', { name: 'Renew it on the Team page' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sign the report' })).toHaveProperty('disabled', true)
  })

  it('shows the certification on file and signs without sending one', async () => {
    const calls = serve({ userId: 'sam', scheme: 'IICRC', number: '123456', categories: ['WRT', 'ASD'], expiresOn: '2099-06-30', updatedBy: 'sam', updatedAt: '' })
    const onSigned = vi.fn()
    renderSignOff(onSigned)
    expect(await screen.findByText('IICRC WRT, ASD #123456 (expires 2099-06-30)')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Sam Lee' } })
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'Technician' } })
    const sign = screen.getByRole('button', { name: 'Sign the report' })
    expect(sign).toHaveProperty('disabled', false)
    fireEvent.click(sign)
    await waitFor(() => expect(onSigned).toHaveBeenCalled())
    const posted = calls.find((c) => c.method === 'POST')
    expect(posted?.url).toBe(`${CONFIG.apiUrl}/workflows/wf_1/sign`)
    expect(posted?.body).toEqual({
      name: 'Sam Lee',
      role: 'Technician',
      statement: 'I inspected this property and this report is true and complete to the best of my knowledge.',
    })
  })
})
