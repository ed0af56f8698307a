// One workflow's live progress over the WebSocket API: subscribe, apply events in seq order,
// reconnect with backoff (full jitter) after any drop, and resume from the last seq handled so
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

export interface ConnectionOptions {
  workflowId: string
  /** ws://host:port or wss://…/stage, without the query. */
  url: string
  getToken: () => string | Promise<string>
  onChange: (state: ProgressState, connected: boolean) => void
  /** Replay every event from the start (the workflow page: phase times); else a SNAPSHOT first. */
  fromStart?: boolean
  createSocket?: (url: string) => SocketLike
  random?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** Backoff: base * 2^attempt, capped, then a uniformly random delay below it. */
  baseDelayMs?: number
  maxDelayMs?: number
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

export class ProgressConnection {
  state: ProgressState = EMPTY_PROGRESS
  connected = false
  /** Sockets opened so far (the tests read it). */
  attempts = 0
  private socket: SocketLike | null = null
  private failures = 0
  private stopped = false
  private timer: unknown = null
  private readonly options: Required<Omit<ConnectionOptions, 'fromStart'>> & { fromStart: boolean }

  constructor(options: ConnectionOptions) {
    this.options = {
      fromStart: false,
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      ...options,
    }
  }

  get channel(): string {
    return `workflow:${this.options.workflowId}:progress`
  }

  start(): void {
    this.stopped = false
    void this.open()
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) this.options.clearTimer(this.timer)
    this.timer = null
    const socket = this.socket
    this.socket = null
    if (socket) {
      socket.onclose = null
      socket.close()
    }
    this.setConnected(false)
  }

  /** The delay before the next attempt: full jitter over an exponential ceiling. */
  nextDelay(): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** this.failures)
    this.failures += 1
    return Math.floor(this.options.random() * ceiling)
  }

  private async open(): Promise<void> {
    let token: string
    try {
      token = await this.options.getToken()
    } catch {
      this.scheduleReconnect()
      return
    }
    if (this.stopped) return
    const separator = this.options.url.endsWith('/') ? '' : '/'
    const socket = this.options.createSocket(`${this.options.url}${separator}?token=${encodeURIComponent(token)}`)
    this.socket = socket
    this.attempts += 1
    socket.onopen = () => {
      this.failures = 0
      this.setConnected(true)
      const message: Record<string, unknown> = { action: 'subscribe', channel: this.channel }
      if (this.state.lastSeq !== null) message.lastSeq = this.state.lastSeq
      else if (this.options.fromStart) message.lastSeq = 0
      socket.send(JSON.stringify(message))
    }
    socket.onmessage = (message) => this.receive(message.data)
    socket.onerror = () => undefined // onclose follows
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null
      this.setConnected(false)
      this.scheduleReconnect()
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return
    this.timer = this.options.setTimer(() => {
      this.timer = null
      void this.open()
    }, this.nextDelay())
  }

  private receive(raw: unknown): void {
    let event: Envelope
    try {
      event = JSON.parse(String(raw)) as Envelope
    } catch {
      return
    }
    if (event.type === 'ERROR') {
      // Not retried: the workflow is gone or not ours, or the message was wrong.
      this.stopped = true
      this.state = {
        ...this.state,
        errorCode: event.error?.code ?? 'ERROR',
        errorMessage: event.error?.message ?? null,
      }
      this.options.onChange(this.state, this.connected)
      this.socket?.close()
      return
    }
    if (typeof event.seq !== 'number') return // SUBSCRIBED, UNSUBSCRIBED
    if (this.state.lastSeq !== null && event.seq <= this.state.lastSeq) return // a repeat
    this.state = applyEvent(this.state, event)
    this.options.onChange(this.state, this.connected)
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return
    this.connected = connected
    this.options.onChange(this.state, connected)
  }
}
