import { describe, expect, it } from 'vitest'
import { applyEvent, EMPTY_PROGRESS, ProgressConnection, type SocketLike } from './connection'

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
  event(seq: number, type: string, data: Record<string, unknown> = {}, at = '2026-12-05T10:00:00Z') {
    this.onmessage?.({ data: JSON.stringify({ channel: 'c', seq, type, data, at }) })
  }
  drop() {
    this.onclose?.({})
  }
}

function harness(options: { fromStart?: boolean; random?: () => number } = {}) {
  const sockets: FakeSocket[] = []
  const timers: { fn: () => void; ms: number }[] = []
  const changes: boolean[] = []
  const connection = new ProgressConnection({
    workflowId: 'wf_1',
    url: 'ws://stack:8001',
    getToken: () => 'tok en',
    onChange: (_state, connected) => changes.push(connected),
    createSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket
    },
    setTimer: (fn, ms) => {
      timers.push({ fn, ms })
      return timers.length
    },
    clearTimer: () => undefined,
    random: options.random ?? (() => 0.5),
    fromStart: options.fromStart,
  })
  return { connection, sockets, timers, changes }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ProgressConnection', () => {
  it('Given a new connection, when the socket opens, then it subscribes with the token and no lastSeq', async () => {
    const { connection, sockets } = harness()
    connection.start()
    await flush()
    expect(sockets).toHaveLength(1)
    expect(sockets[0].url).toBe('ws://stack:8001/?token=tok%20en')
    sockets[0].open()
    expect(sockets[0].sent).toEqual([{ action: 'subscribe', channel: 'workflow:wf_1:progress' }])
    expect(connection.connected).toBe(true)
  })

  it('Given fromStart, when it subscribes the first time, then it asks for every event (lastSeq 0)', async () => {
    const { connection, sockets } = harness({ fromStart: true })
    connection.start()
    await flush()
    sockets[0].open()
    expect(sockets[0].sent[0]).toEqual({ action: 'subscribe', channel: 'workflow:wf_1:progress', lastSeq: 0 })
  })

  it('Given events up to seq 3, when the socket drops, then it reconnects and resumes from seq 3', async () => {
    const { connection, sockets, timers } = harness()
    connection.start()
    await flush()
    sockets[0].open()
    sockets[0].event(2, 'SNAPSHOT', { status: 'IN_PROGRESS', currentPhase: 'INITIATION', completedPhases: [] })
    sockets[0].event(3, 'PHASE_COMPLETE', { phase: 'INITIATION', nextPhase: 'PROCESSING', progressPercentage: 25 })
    sockets[0].drop()
    expect(connection.connected).toBe(false)
    expect(timers).toHaveLength(1)
    timers[0].fn()
    await flush()
    expect(sockets).toHaveLength(2)
    sockets[1].open()
    expect(sockets[1].sent).toEqual([{ action: 'subscribe', channel: 'workflow:wf_1:progress', lastSeq: 3 }])
    // the replay after 3, then the live events: applied once each, in order
    sockets[1].event(4, 'PHASE_COMPLETE', { phase: 'PROCESSING', nextPhase: 'QA', progressPercentage: 50 })
    expect(connection.state.completedPhases).toEqual(['INITIATION', 'PROCESSING'])
    expect(connection.state.progressPercentage).toBe(50)
    expect(connection.state.lastSeq).toBe(4)
  })

  it('Given an event already handled, when it comes again, then it is ignored', async () => {
    const { connection, sockets } = harness()
    connection.start()
    await flush()
    sockets[0].open()
    sockets[0].event(5, 'PROGRESS_UPDATE', { progressPercentage: 50, estimatedTimeRemaining: '2 min' })
    sockets[0].event(5, 'PROGRESS_UPDATE', { progressPercentage: 10, estimatedTimeRemaining: '9 min' })
    sockets[0].event(4, 'PROGRESS_UPDATE', { progressPercentage: 5 })
    expect(connection.state.progressPercentage).toBe(50)
    expect(connection.state.estimatedTimeRemaining).toBe('2 min')
  })

  it('Given repeated failures, then the delay grows exponentially with full jitter up to the cap, and resets after a success', async () => {
    const { connection, sockets, timers } = harness({ random: () => 0.999 })
    connection.start()
    await flush()
    for (let i = 0; i < 8; i++) {
      sockets[sockets.length - 1].drop() // refused before it opened
      timers[timers.length - 1].fn()
      await flush()
    }
    const delays = timers.map((t) => t.ms)
    expect(delays).toEqual([499, 999, 1998, 3996, 7992, 15984, 29970, 29970])
    sockets[sockets.length - 1].open()
    sockets[sockets.length - 1].drop()
    expect(timers[timers.length - 1].ms).toBe(499)
  })

  it('Given a jitter draw of 0, then the next attempt may come at once (full jitter)', async () => {
    const { connection, sockets, timers } = harness({ random: () => 0 })
    connection.start()
    await flush()
    sockets[0].drop()
    expect(timers[0].ms).toBe(0)
  })

  it('Given an ERROR answer, then it stops and does not reconnect', async () => {
    const { connection, sockets, timers } = harness()
    connection.start()
    await flush()
    sockets[0].open()
    sockets[0].onmessage?.({
      data: JSON.stringify({ type: 'ERROR', error: { code: 'WORKFLOW_NOT_FOUND', message: 'No such workflow' } }),
    })
    expect(sockets[0].closed).toBe(true)
    sockets[0].drop()
    expect(timers).toHaveLength(0)
    expect(connection.state.errorCode).toBe('WORKFLOW_NOT_FOUND')
  })

  it('Given stop(), then the socket closes and no reconnect is scheduled', async () => {
    const { connection, sockets, timers } = harness()
    connection.start()
    await flush()
    sockets[0].open()
    connection.stop()
    expect(sockets[0].closed).toBe(true)
    expect(timers).toHaveLength(0)
    expect(connection.connected).toBe(false)
  })

  it('Given stop() while a token is being fetched, then no socket opens', async () => {
    const sockets: FakeSocket[] = []
    const connection = new ProgressConnection({
      workflowId: 'wf_1',
      url: 'ws://x',
      getToken: () => Promise.resolve('t'),
      onChange: () => undefined,
      createSocket: (url) => {
        const s = new FakeSocket(url)
        sockets.push(s)
        return s
      },
    })
    connection.start()
    connection.stop()
    await flush()
    expect(sockets).toHaveLength(0)
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
