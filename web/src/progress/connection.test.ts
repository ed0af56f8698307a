import { describe, expect, it } from 'vitest'
import { applyEvent, EMPTY_PROGRESS, ProgressHub, type ProgressState, type SocketLike } from './connection'

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null
  onmessage: ((ev: { data: unknown }) => void) | null = null
  onclose: ((ev: unknown) => void) | null = null
  onerror: ((ev: unknown) => void) | null = null
  sent: Record<string, unknown>[] = []
  closed = false
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  close() {
    this.closed = true
  }
  // what the server does
  open() {
    this.onopen?.({})
  }
  event(channel: string, seq: number, type: string, data: Record<string, unknown> = {}, at = '2026-12-05T10:00:00Z') {
    this.onmessage?.({ data: JSON.stringify({ channel, seq, type, data, at }) })
  }
  drop() {
    this.onclose?.({})
  }
}

function harness(options: { random?: () => number } = {}) {
  const sockets: FakeSocket[] = []
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = []
  const hub = new ProgressHub({
    url: 'ws://stack:8001',
    getToken: () => 'tok en',
    createSocket: (url: string) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket
    },
    setTimer: (fn: () => void, ms: number) => {
      timers.push({ fn, ms, cleared: false })
      return timers.length - 1
    },
    clearTimer: (handle: unknown) => {
      timers[handle as number].cleared = true
    },
    random: options.random ?? (() => 0.5),
  })
  const seen: Record<string, { state: ProgressState; connected: boolean }[]> = {}
  const follow = (workflowId: string, fromStart = false) =>
    hub.watch(workflowId, (state, connected) => (seen[workflowId] ??= []).push({ state, connected }), { fromStart })
  const reconnects = () => timers.filter((t) => !t.cleared && t.ms !== 2000)
  return { hub, sockets, timers, seen, follow, reconnects }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const WF1 = 'workflow:wf_1:progress'
const WF2 = 'workflow:wf_2:progress'

describe('ProgressHub', () => {
  it('Given a watch, when the socket opens, then it subscribes with the token and no lastSeq', async () => {
    const { hub, sockets, follow } = harness()
    follow('wf_1')
    await flush()
    expect(sockets).toHaveLength(1)
    expect(sockets[0].url).toBe('ws://stack:8001/?token=tok%20en')
    sockets[0].open()
    expect(sockets[0].sent).toEqual([{ action: 'subscribe', channel: WF1 }])
    expect(hub.connected).toBe(true)
  })

  it('Given fromStart, when it subscribes the first time, then it asks for every event (lastSeq 0)', async () => {
    const { sockets, follow } = harness()
    follow('wf_1', true)
    await flush()
    sockets[0].open()
    expect(sockets[0].sent[0]).toEqual({ action: 'subscribe', channel: WF1, lastSeq: 0 })
  })

  it('Given events up to seq 3, when the socket drops, then it reconnects and resumes from seq 3', async () => {
    const { hub, sockets, follow, reconnects } = harness()
    follow('wf_1')
    await flush()
    sockets[0].open()
    sockets[0].event(WF1, 2, 'SNAPSHOT', { status: 'IN_PROGRESS', currentPhase: 'INITIATION', completedPhases: [] })
    sockets[0].event(WF1, 3, 'PHASE_COMPLETE', { phase: 'INITIATION', nextPhase: 'PROCESSING', progressPercentage: 25 })
    sockets[0].drop()
    expect(hub.connected).toBe(false)
    expect(reconnects()).toHaveLength(1)
    reconnects()[0].fn()
    await flush()
    expect(sockets).toHaveLength(2)
    sockets[1].open()
    expect(sockets[1].sent).toEqual([{ action: 'subscribe', channel: WF1, lastSeq: 3 }])
    // the replay after 3, then the live events: applied once each, in order
    sockets[1].event(WF1, 4, 'PHASE_COMPLETE', { phase: 'PROCESSING', nextPhase: 'QA', progressPercentage: 50 })
    expect(hub.state('wf_1')?.completedPhases).toEqual(['INITIATION', 'PROCESSING'])
    expect(hub.state('wf_1')?.progressPercentage).toBe(50)
    expect(hub.state('wf_1')?.lastSeq).toBe(4)
  })

  it('Given an event already handled, when it comes again, then it is ignored', async () => {
    const { hub, sockets, follow } = harness()
    follow('wf_1')
    await flush()
    sockets[0].open()
    sockets[0].event(WF1, 5, 'PROGRESS_UPDATE', { progressPercentage: 50, estimatedTimeRemaining: '2 min' })
    sockets[0].event(WF1, 5, 'PROGRESS_UPDATE', { progressPercentage: 10, estimatedTimeRemaining: '9 min' })
    sockets[0].event(WF1, 4, 'PROGRESS_UPDATE', { progressPercentage: 5 })
    expect(hub.state('wf_1')?.progressPercentage).toBe(50)
    expect(hub.state('wf_1')?.estimatedTimeRemaining).toBe('2 min')
  })

  it('Given repeated failures, then the delay grows exponentially with full jitter up to the cap, and resets after a success', async () => {
    const { sockets, follow, reconnects } = harness({ random: () => 0.999 })
    follow('wf_1')
    await flush()
    for (let i = 0; i < 8; i++) {
      sockets[sockets.length - 1].drop() // refused before it opened
      const pending = reconnects()
      pending[pending.length - 1].fn()
      await flush()
    }
    expect(reconnects().map((t) => t.ms)).toEqual([499, 999, 1998, 3996, 7992, 15984, 29970, 29970])
    sockets[sockets.length - 1].open()
    sockets[sockets.length - 1].drop()
    const pending = reconnects()
    expect(pending[pending.length - 1].ms).toBe(499)
  })

  it('Given a jitter draw of 0, then the next attempt may come at once (full jitter)', async () => {
    const { sockets, follow, reconnects } = harness({ random: () => 0 })
    follow('wf_1')
    await flush()
    sockets[0].drop()
    expect(reconnects()[0].ms).toBe(0)
  })

  it('Given two workflows, then they share one socket and each resumes from its own seq', async () => {
    const { hub, sockets, follow, reconnects } = harness()
    follow('wf_1')
    follow('wf_2', true)
    await flush()
    expect(sockets).toHaveLength(1)
    sockets[0].open()
    expect(sockets[0].sent).toEqual([
      { action: 'subscribe', channel: WF1 },
      { action: 'subscribe', channel: WF2, lastSeq: 0 },
    ])
    sockets[0].event(WF1, 7, 'PROGRESS_UPDATE', { progressPercentage: 25 })
    sockets[0].event(WF2, 2, 'PROGRESS_UPDATE', { progressPercentage: 75 })
    expect(hub.state('wf_1')?.progressPercentage).toBe(25)
    expect(hub.state('wf_2')?.progressPercentage).toBe(75)
    sockets[0].drop()
    reconnects()[0].fn()
    await flush()
    sockets[1].open()
    expect(sockets[1].sent).toEqual([
      { action: 'subscribe', channel: WF1, lastSeq: 7 },
      { action: 'subscribe', channel: WF2, lastSeq: 2 },
    ])
  })

  it('Given a watch added while connected, then it subscribes on the open socket', async () => {
    const { sockets, follow } = harness()
    follow('wf_1')
    await flush()
    sockets[0].open()
    follow('wf_2')
    expect(sockets).toHaveLength(1)
    expect(sockets[0].sent[1]).toEqual({ action: 'subscribe', channel: WF2 })
  })

  it('Given an ERROR for one channel, then that channel stops and the other carries on', async () => {
    const { hub, sockets, follow, reconnects } = harness()
    follow('wf_1')
    follow('wf_2')
    await flush()
    sockets[0].open()
    sockets[0].onmessage?.({
      data: JSON.stringify({ type: 'ERROR', channel: WF1, error: { code: 'WORKFLOW_NOT_FOUND', message: 'No such workflow' } }),
    })
    expect(hub.state('wf_1')?.errorCode).toBe('WORKFLOW_NOT_FOUND')
    expect(sockets[0].closed).toBe(false)
    sockets[0].drop()
    reconnects()[0].fn()
    await flush()
    sockets[1].open()
    expect(sockets[1].sent).toEqual([{ action: 'subscribe', channel: WF2 }]) // wf_1 is not asked again
  })

  it('Given the last watch stops, then it unsubscribes and the socket closes after the idle delay, with no reconnect', async () => {
    const { sockets, follow, timers, reconnects } = harness()
    const stop = follow('wf_1')
    await flush()
    sockets[0].open()
    stop()
    expect(sockets[0].sent[1]).toEqual({ action: 'unsubscribe', channel: WF1 })
    expect(sockets[0].closed).toBe(false)
    const idle = timers.find((t) => t.ms === 2000 && !t.cleared)!
    idle.fn()
    expect(sockets[0].closed).toBe(true)
    expect(reconnects()).toHaveLength(0)
  })

  it('Given a page that swaps its watches, then the socket is kept', async () => {
    const { sockets, follow } = harness()
    const stop = follow('wf_1')
    await flush()
    sockets[0].open()
    stop()
    follow('wf_2')
    expect(sockets).toHaveLength(1)
    expect(sockets[0].closed).toBe(false)
    expect(sockets[0].sent[2]).toEqual({ action: 'subscribe', channel: WF2 })
  })

  it('Given close() while a token is being fetched, then no socket opens', async () => {
    const sockets: FakeSocket[] = []
    const hub = new ProgressHub({
      url: 'ws://x',
      getToken: () => Promise.resolve('t'),
      createSocket: (url: string) => {
        const s = new FakeSocket(url)
        sockets.push(s)
        return s
      },
    })
    hub.watch('wf_1', () => undefined)
    hub.close()
    await flush()
    expect(sockets).toHaveLength(0)
  })

  it('Given a second listener on a followed workflow, then it gets the state at once and shares the subscription', async () => {
    const { sockets, follow, seen } = harness()
    follow('wf_1')
    await flush()
    sockets[0].open()
    sockets[0].event(WF1, 3, 'PROGRESS_UPDATE', { progressPercentage: 50 })
    const count = seen.wf_1.length
    follow('wf_1')
    expect(sockets[0].sent.filter((m) => m.action === 'subscribe')).toHaveLength(1)
    expect(seen.wf_1).toHaveLength(count + 1) // told the state at once
    expect(seen.wf_1.at(-1)?.state.progressPercentage).toBe(50)
  })
})

describe('applyEvent', () => {
  it('Given the four phases completing, then each is recorded with its time and the bar reaches 100', () => {
    let state = EMPTY_PROGRESS
    const phases = ['INITIATION', 'PROCESSING', 'QA', 'OUTPUT']
    phases.forEach((phase, i) => {
      state = applyEvent(state, { type: 'STEP_UPDATE', seq: i * 3 + 1, data: { phase, status: 'IN_PROGRESS' } })
      expect(state.currentPhase).toBe(phase)
      state = applyEvent(state, {
        type: 'PHASE_COMPLETE',
        seq: i * 3 + 2,
        at: `t${i}`,
        data: { phase, nextPhase: phases[i + 1] ?? null, progressPercentage: (i + 1) * 25 },
      })
    })
    state = applyEvent(state, { type: 'WORKFLOW_COMPLETE', seq: 20, data: {} })
    expect(state.completedPhases).toEqual(phases)
    expect(state.phaseCompletedAt).toEqual({ INITIATION: 't0', PROCESSING: 't1', QA: 't2', OUTPUT: 't3' })
    expect(state.progressPercentage).toBe(100)
    expect(state.status).toBe('COMPLETED')
  })

  it('Given a failure, then its code and message are kept', () => {
    const state = applyEvent(EMPTY_PROGRESS, {
      type: 'WORKFLOW_FAILED',
      seq: 3,
      data: { errorCode: 'UNSUPPORTED_FILE_TYPE', errorMessage: 'This is a program, not a PDF.' },
    })
    expect(state.status).toBe('FAILED')
    expect(state.errorCode).toBe('UNSUPPORTED_FILE_TYPE')
  })

  it('Given pause and resume events, then the status follows', () => {
    let state = applyEvent(EMPTY_PROGRESS, { type: 'WORKFLOW_PAUSED', seq: 1, data: {} })
    expect(state.status).toBe('PAUSED')
    state = applyEvent(state, { type: 'WORKFLOW_RESUMED', seq: 2, data: {} })
    expect(state.status).toBe('IN_PROGRESS')
  })
})
