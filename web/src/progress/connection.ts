// Live progress over the WebSocket API: subscribe, apply events in seq order, reconnect with
// backoff (full jitter) after any drop, and resume each workflow from the last seq handled so
// nothing is missed and nothing is applied twice (README "The reconnect contract").
// No React here: useWorkflowProgress wraps it, and the unit tests drive it with a fake socket.

export const PHASES = ['INITIATION', 'PROCESSING', 'QA', 'OUTPUT'] as const
export type Phase = (typeof PHASES)[number]

export interface ProgressState {
  status: string | null
  currentPhase: Phase | null
  completedPhases: Phase[]
  /** When each phase completed, as the events said (only phases seen completing live or replayed). */
  phaseCompletedAt: Partial<Record<Phase, string>>
  progressPercentage: number
  estimatedTimeRemaining: string | null
  errorCode: string | null
  errorMessage: string | null
  /** The type and seq of the last event applied: a page refetches details when it changes. */
  lastEventType: string | null
  lastSeq: number | null
}

export const EMPTY_PROGRESS: ProgressState = {
  status: null,
  currentPhase: null,
  completedPhases: [],
  phaseCompletedAt: {},
  progressPercentage: 0,
  estimatedTimeRemaining: null,
  errorCode: null,
  errorMessage: null,
  lastEventType: null,
  lastSeq: null,
}

/** What the connection needs of a WebSocket (the browser's, or a test's fake). */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
  send(data: string): void
  close(): void
}

export interface HubOptions {
  /** ws://host:port or wss://…/stage, without the query. */
  url: string
  getToken: () => string | Promise<string>
  createSocket?: (url: string) => SocketLike
  random?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** Backoff: base * 2^attempt, capped, then a uniformly random delay below it. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** How long the socket stays open with nothing watched. */
  idleCloseMs?: number
}

interface Envelope {
  type?: string
  seq?: number
  data?: Record<string, unknown>
  at?: string
  error?: { code?: string; message?: string }
}

const isPhase = (value: unknown): value is Phase => PHASES.includes(value as Phase)

/** Apply one event to the state (pure: the tests call it directly too). */
export function applyEvent(state: ProgressState, event: Envelope): ProgressState {
  const data = event.data ?? {}
  const next: ProgressState = { ...state, lastEventType: event.type ?? null, lastSeq: event.seq ?? state.lastSeq }
  switch (event.type) {
    case 'SNAPSHOT': {
      const completed = Array.isArray(data.completedPhases) ? data.completedPhases.filter(isPhase) : []
      return {
        ...next,
        status: (data.status as string) ?? null,
        currentPhase: isPhase(data.currentPhase) ? data.currentPhase : null,
        completedPhases: completed,
        progressPercentage: Number(data.progressPercentage ?? 0),
        estimatedTimeRemaining: (data.estimatedTime as string | null) ?? null,
        errorCode: (data.errorCode as string | null) ?? null,
        errorMessage: (data.errorMessage as string | null) ?? null,
      }
    }
    case 'STEP_UPDATE':
      if (data.status === 'IN_PROGRESS' && isPhase(data.phase)) {
        return { ...next, currentPhase: data.phase, status: 'IN_PROGRESS', errorCode: null, errorMessage: null }
      }
      return next
    case 'PHASE_COMPLETE': {
      const phase = data.phase
      if (!isPhase(phase)) return next
      const completed = state.completedPhases.includes(phase)
        ? state.completedPhases
        : PHASES.filter((p) => p === phase || state.completedPhases.includes(p))
      return {
        ...next,
        completedPhases: completed,
        currentPhase: isPhase(data.nextPhase) ? data.nextPhase : phase,
        progressPercentage: Number(data.progressPercentage ?? state.progressPercentage),
        phaseCompletedAt: { ...state.phaseCompletedAt, [phase]: event.at ?? '' },
      }
    }
    case 'PROGRESS_UPDATE':
      return {
        ...next,
        progressPercentage: Number(data.progressPercentage ?? state.progressPercentage),
        estimatedTimeRemaining: (data.estimatedTimeRemaining as string | null) ?? null,
      }
    case 'WORKFLOW_COMPLETE':
      return { ...next, status: 'COMPLETED', progressPercentage: 100, estimatedTimeRemaining: null }
    case 'WORKFLOW_FAILED':
      return {
        ...next,
        status: 'FAILED',
        errorCode: (data.errorCode as string) ?? null,
        errorMessage: (data.errorMessage as string) ?? null,
        estimatedTimeRemaining: null,
      }
    case 'WORKFLOW_CANCELLED':
      return { ...next, status: 'CANCELLED', estimatedTimeRemaining: null }
    case 'WORKFLOW_PAUSED':
      return { ...next, status: 'PAUSED' }
    case 'WORKFLOW_RESUMED':
      return { ...next, status: 'IN_PROGRESS', errorCode: null, errorMessage: null }
    case 'REVIEW_REQUIRED':
    case 'REVISION_OPENED':
      return { ...next, status: 'NEEDS_REVIEW' }
    case 'APPROVED':
      return { ...next, status: 'IN_PROGRESS' }
    default:
      return next
  }
}

type Listener = (state: ProgressState, connected: boolean) => void

interface Watch {
  workflowId: string
  fromStart: boolean
  state: ProgressState
  listeners: Set<Listener>
  /** An ERROR answered this channel: it is not subscribed again. */
  refused: boolean
}

/**
 * One WebSocket for every workflow a page watches (the dashboard's running jobs, a job's page):
 * each watch is a subscription on it with its own last seq. After a drop the socket reconnects
 * with backoff and subscribes each channel again from its own last seq; a channel the server
 * refuses stops alone. With nothing left to watch the socket closes (after `idleCloseMs`, so a
 * page that replaces its watches keeps it).
 */
export class ProgressHub {
  connected = false
  /** Sockets opened so far (the tests read it). */
  attempts = 0
  private socket: SocketLike | null = null
  private opening = false
  private failures = 0
  private timer: unknown = null
  private idleTimer: unknown = null
  private closed = false
  private readonly watches = new Map<string, Watch>()
  private readonly options: Required<HubOptions>

  constructor(options: HubOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      idleCloseMs: 2_000,
      ...options,
    }
  }

  static channelOf(workflowId: string): string {
    return `workflow:${workflowId}:progress`
  }

  /** Follow a workflow; the listener hears every change. Answers the function that stops it. */
  watch(workflowId: string, listener: Listener, { fromStart = false }: { fromStart?: boolean } = {}): () => void {
    const channel = ProgressHub.channelOf(workflowId)
    let watch = this.watches.get(channel)
    if (!watch) {
      watch = { workflowId, fromStart, state: EMPTY_PROGRESS, listeners: new Set(), refused: false }
      this.watches.set(channel, watch)
      if (this.connected) this.subscribe(channel, watch)
    }
    watch.listeners.add(listener)
    if (watch.state.lastSeq !== null || watch.state.errorCode) listener(watch.state, this.connected)
    this.closed = false
    if (this.idleTimer !== null) {
      this.options.clearTimer(this.idleTimer)
      this.idleTimer = null
    }
    if (!this.socket && !this.opening && this.timer === null) void this.open()
    const current = watch
    return () => this.unwatch(channel, current, listener)
  }

  /** Close the socket for good (sign-out, another token). */
  close(): void {
    this.closed = true
    this.watches.clear()
    for (const handle of [this.timer, this.idleTimer]) if (handle !== null) this.options.clearTimer(handle)
    this.timer = this.idleTimer = null
    const socket = this.socket
    this.socket = null
    if (socket) {
      socket.onclose = null
      socket.close()
    }
    this.connected = false
  }

  state(workflowId: string): ProgressState | undefined {
    return this.watches.get(ProgressHub.channelOf(workflowId))?.state
  }

  /** The delay before the next attempt: full jitter over an exponential ceiling. */
  nextDelay(): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** this.failures)
    this.failures += 1
    return Math.floor(this.options.random() * ceiling)
  }

  private unwatch(channel: string, watch: Watch, listener: Listener): void {
    watch.listeners.delete(listener)
    if (watch.listeners.size > 0 || this.watches.get(channel) !== watch) return
    this.watches.delete(channel)
    if (this.connected && !watch.refused) this.socket?.send(JSON.stringify({ action: 'unsubscribe', channel }))
    if (this.watches.size === 0 && this.idleTimer === null) {
      this.idleTimer = this.options.setTimer(() => {
        this.idleTimer = null
        if (this.watches.size === 0) this.close()
      }, this.options.idleCloseMs)
    }
  }

  private async open(): Promise<void> {
    this.opening = true
    let token: string
    try {
      token = await this.options.getToken()
    } catch {
      this.opening = false
      this.scheduleReconnect()
      return
    }
    this.opening = false
    if (this.closed) return
    const separator = this.options.url.endsWith('/') ? '' : '/'
    const socket = this.options.createSocket(`${this.options.url}${separator}?token=${encodeURIComponent(token)}`)
    this.socket = socket
    this.attempts += 1
    socket.onopen = () => {
      this.failures = 0
      this.setConnected(true)
      for (const [channel, watch] of this.watches) if (!watch.refused) this.subscribe(channel, watch)
    }
    socket.onmessage = (message) => this.receive(message.data)
    socket.onerror = () => undefined // onclose follows
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null
      this.setConnected(false)
      this.scheduleReconnect()
    }
  }

  private subscribe(channel: string, watch: Watch): void {
    const message: Record<string, unknown> = { action: 'subscribe', channel }
    if (watch.state.lastSeq !== null) message.lastSeq = watch.state.lastSeq
    else if (watch.fromStart) message.lastSeq = 0
    this.socket?.send(JSON.stringify(message))
  }

  private scheduleReconnect(): void {
    if (this.closed || this.watches.size === 0) return
    this.timer = this.options.setTimer(() => {
      this.timer = null
      void this.open()
    }, this.nextDelay())
  }

  private receive(raw: unknown): void {
    let event: Envelope & { channel?: string }
    try {
      event = JSON.parse(String(raw)) as Envelope & { channel?: string }
    } catch {
      return
    }
    const watch = event.channel ? this.watches.get(event.channel) : undefined
    if (!watch) return // a channel no longer watched (an event in flight), or no channel at all
    if (event.type === 'ERROR') {
      // Not retried: the workflow is gone or not ours, or the message was wrong.
      watch.refused = true
      this.update(watch, { ...watch.state, errorCode: event.error?.code ?? 'ERROR', errorMessage: event.error?.message ?? null })
      return
    }
    if (typeof event.seq !== 'number') return // SUBSCRIBED, UNSUBSCRIBED
    if (watch.state.lastSeq !== null && event.seq <= watch.state.lastSeq) return // a repeat
    this.update(watch, applyEvent(watch.state, event))
  }

  private update(watch: Watch, state: ProgressState): void {
    watch.state = state
    for (const listener of watch.listeners) listener(state, this.connected)
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return
    this.connected = connected
    for (const watch of this.watches.values()) for (const listener of watch.listeners) listener(watch.state, connected)
  }
}
