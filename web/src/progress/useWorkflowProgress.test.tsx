// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type AppConfig, SessionContext } from '../session'
import { ProgressHub } from './connection'
import { ProgressHubContext, useWorkflowProgress } from './useWorkflowProgress'

class BrowserSocket {
  static all: BrowserSocket[] = []
  onopen: ((ev: unknown) => void) | null = null
  onmessage: ((ev: { data: unknown }) => void) | null = null
  onclose: ((ev: unknown) => void) | null = null
  onerror: ((ev: unknown) => void) | null = null
  sent: Record<string, unknown>[] = []
  closed = false
  constructor(readonly url: string) {
    BrowserSocket.all.push(this)
  }
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close() {
    this.closed = true
  }
  event(seq: number, type: string, data: Record<string, unknown>, channel = 'workflow:wf_1:progress') {
    this.onmessage?.({ data: JSON.stringify({ channel, seq, type, data, at: '2026-12-05T10:00:00Z' }) })
  }
}

const config: AppConfig = { apiUrl: '/api', websocketUrl: 'ws://ws.test', auth: { mode: 'dev' }, maxUploadBytes: 1 }

function wrapper({ children }: { children: ReactNode }) {
  return (
    <SessionContext.Provider value={{ config, token: 'tok', signIn: () => undefined, signOut: () => undefined }}>
      {children}
    </SessionContext.Provider>
  )
}

const flush = () => act(async () => {
  await Promise.resolve()
})

describe('useWorkflowProgress', () => {
  beforeEach(() => {
    BrowserSocket.all = []
    vi.stubGlobal('WebSocket', BrowserSocket)
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('Given a drop mid-run, when the hook reconnects, then it resumes from the last seq and the state carries on', async () => {
    const { result, unmount } = renderHook(() => useWorkflowProgress('wf_1', { fromStart: true }), { wrapper })
    await flush()
    const first = BrowserSocket.all[0]
    expect(first.url).toBe('ws://ws.test/?token=tok')
    act(() => first.onopen?.({}))
    expect(first.sent[0]).toEqual({ action: 'subscribe', channel: 'workflow:wf_1:progress', lastSeq: 0 })
    expect(result.current.isConnected).toBe(true)
    act(() => first.event(1, 'PHASE_COMPLETE', { phase: 'INITIATION', nextPhase: 'PROCESSING', progressPercentage: 25 }))
    expect(result.current.progress.progressPercentage).toBe(25)

    // the socket drops: not connected, and a new one after the backoff (0.5 * 500 ms)
    act(() => first.onclose?.({}))
    expect(result.current.isConnected).toBe(false)
    await act(async () => {
      vi.advanceTimersByTime(250)
      await Promise.resolve()
    })
    const second = BrowserSocket.all[1]
    expect(second).toBeDefined()
    act(() => second.onopen?.({}))
    expect(second.sent[0]).toEqual({ action: 'subscribe', channel: 'workflow:wf_1:progress', lastSeq: 1 })
    act(() => {
      second.event(1, 'PHASE_COMPLETE', { phase: 'INITIATION', nextPhase: 'PROCESSING', progressPercentage: 25 })
      second.event(2, 'PHASE_COMPLETE', { phase: 'PROCESSING', nextPhase: 'QA', progressPercentage: 50 })
    })
    expect(result.current.progress.completedPhases).toEqual(['INITIATION', 'PROCESSING'])
    expect(result.current.progress.progressPercentage).toBe(50)

    // unmounting closes the socket and schedules nothing more
    unmount()
    expect(second.closed).toBe(true)
    vi.advanceTimersByTime(60_000)
    expect(BrowserSocket.all).toHaveLength(2)
  })

  it('Given another workflow id, then the old socket closes and a new subscription starts', async () => {
    const { rerender } = renderHook(({ id }) => useWorkflowProgress(id), { wrapper, initialProps: { id: 'wf_1' } })
    await flush()
    rerender({ id: 'wf_2' })
    await flush()
    expect(BrowserSocket.all[0].closed).toBe(true)
    act(() => BrowserSocket.all[1].onopen?.({}))
    expect(BrowserSocket.all[1].sent[0]).toEqual({ action: 'subscribe', channel: 'workflow:wf_2:progress' })
  })

  it("Given the page's hub, then two bars share one socket", async () => {
    const hub = new ProgressHub({ url: 'ws://ws.test', getToken: () => 'tok' })
    function shared({ children }: { children: ReactNode }) {
      return wrapper({ children: <ProgressHubContext.Provider value={hub}>{children}</ProgressHubContext.Provider> })
    }
    const one = renderHook(() => useWorkflowProgress('wf_1'), { wrapper: shared })
    const two = renderHook(() => useWorkflowProgress('wf_2'), { wrapper: shared })
    await flush()
    expect(BrowserSocket.all).toHaveLength(1)
    act(() => BrowserSocket.all[0].onopen?.({}))
    act(() => BrowserSocket.all[0].event(4, 'WORKFLOW_PAUSED', {}, 'workflow:wf_2:progress'))
    expect(two.result.current.progress.status).toBe('PAUSED')
    expect(one.result.current.progress.status).toBeNull()
    one.unmount()
    two.unmount()
    hub.close()
  })
})
