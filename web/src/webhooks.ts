// Webhooks (docs/adr/0021): the API's shapes, and how a delivery's state reads.

export const WEBHOOK_EVENTS = [
  ['workflow.completed', 'A job completed'],
  ['workflow.needs_review', 'A job needs review'],
  ['workflow.signed', 'A report was signed'],
  ['workflow.failed', 'A job failed'],
] as const

export interface Webhook {
  id: string
  orgId: string
  url: string
  events: string[]
  description: string
  status: 'ACTIVE' | 'FAILING'
  consecutiveFailures: number
  failingSince: string | null
  createdBy: string
  createdAt: string
  secretCreatedAt: string
  previousSecretExpiresAt: string | null
}

export interface DeliveryAttempt {
  attempt: number
  at: string
  durationMs: number
  statusCode: number | null
  error: string | null
  responseSnippet: string | null
  nextAttemptAt: string | null
  manual: boolean
}

export interface Delivery {
  id: string
  endpointId: string
  orgId: string
  event: string
  eventId: string
  workflowId: string | null
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED'
  createdAt: string
  completedAt: string | null
  attempts: DeliveryAttempt[]
  payload: Record<string, unknown>
  redelivery: { attempt: number; requestedBy: string; requestedAt: string } | null
}

// The server's rule (core/webhooks.py STALLED_AFTER): a delivery still PENDING an hour after its
// next attempt was due was dead-lettered, and may be sent again by hand.
export const STALLED_AFTER_MS = 60 * 60 * 1000

export function eventName(event: string): string {
  if (event === 'webhook.test') return 'Test'
  return WEBHOOK_EVENTS.find(([value]) => value === event)?.[1] ?? event
}

/** When a PENDING delivery's next attempt is (or was) due. */
export function due(delivery: Delivery): Date {
  const asked = delivery.redelivery
  if (asked && asked.attempt === delivery.attempts.length + 1) return new Date(asked.requestedAt)
  const last = delivery.attempts[delivery.attempts.length - 1]
  if (last) return new Date(last.nextAttemptAt ?? last.at)
  return new Date(delivery.createdAt)
}

export function isStalled(delivery: Delivery, now: Date = new Date()): boolean {
  return delivery.status === 'PENDING' && now.getTime() - due(delivery).getTime() >= STALLED_AFTER_MS
}

/** A delivery whose next attempt is a minute away or less: worth asking about again soon. */
export function onItsWay(delivery: Delivery, now: Date = new Date()): boolean {
  return delivery.status === 'PENDING' && !isStalled(delivery, now) && due(delivery).getTime() - now.getTime() < 60_000
}

/** Whether "Send again" is offered: a failed delivery, or one stuck past its due time. */
export function redeliverable(delivery: Delivery, now: Date = new Date()): boolean {
  return delivery.status === 'FAILED' || isStalled(delivery, now)
}

/** One attempt in words: "200 in 32 ms", "HTTP 500 in 12 ms", "no answer (TIMEOUT)". */
export function attemptSummary(attempt: DeliveryAttempt): string {
  const how = attempt.manual ? ', sent by hand' : ''
  if (attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300) return `${attempt.statusCode} in ${attempt.durationMs} ms${how}`
  if (attempt.statusCode !== null) return `HTTP ${attempt.statusCode} in ${attempt.durationMs} ms${how}`
  return `no answer (${attempt.error ?? 'error'})${how}`
}

export type Tone = 'ok' | 'bad' | 'waiting'

/** A delivery's state in words, with its tone (colour only repeats the words). */
export function deliveryState(delivery: Delivery, now: Date = new Date()): { label: string; tone: Tone } {
  if (delivery.status === 'SUCCEEDED') return { label: '✓ Delivered', tone: 'ok' }
  if (delivery.status === 'FAILED') return { label: '✕ Failed', tone: 'bad' }
  if (isStalled(delivery, now)) return { label: '⚠ Stuck: not sent since it was due', tone: 'bad' }
  const asked = delivery.redelivery
  if (asked && asked.attempt === delivery.attempts.length + 1) return { label: '… Sending again', tone: 'waiting' }
  if (delivery.attempts.length === 0) return { label: '… Queued', tone: 'waiting' }
  return { label: `… Retrying at ${due(delivery).toLocaleTimeString()}`, tone: 'waiting' }
}
