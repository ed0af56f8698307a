import { describe, expect, it } from 'vitest'
import { attemptSummary, type Delivery, type DeliveryAttempt, deliveryState, due, isStalled, onItsWay, redeliverable } from './webhooks'

const NOW = new Date('2026-12-05T10:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString()

function attempt(n: number, patch: Partial<DeliveryAttempt> = {}): DeliveryAttempt {
  return { attempt: n, at: minutes(-10), durationMs: 12, statusCode: 500, error: 'HTTP_500', responseSnippet: null, nextAttemptAt: null, manual: false, ...patch }
}

function delivery(patch: Partial<Delivery> = {}): Delivery {
  return {
    id: 'dlv_1',
    endpointId: 'wh_1',
    orgId: 'personal-u',
    event: 'webhook.test',
    eventId: 'test:1',
    workflowId: null,
    status: 'PENDING',
    createdAt: minutes(-20),
    completedAt: null,
    attempts: [],
    payload: {},
    redelivery: null,
    ...patch,
  }
}

describe('a delivery that may be sent again by hand (the server: FAILED, or PENDING an hour past due)', () => {
  it('is a failed one', () => {
    expect(redeliverable(delivery({ status: 'FAILED', attempts: [attempt(1)] }), NOW)).toBe(true)
  })
  it('is never a delivered one', () => {
    expect(redeliverable(delivery({ status: 'SUCCEEDED', attempts: [attempt(1, { statusCode: 200, error: null })] }), NOW)).toBe(false)
  })
  it('is a pending one only once it is stuck: an hour past its next attempt (dead-lettered)', () => {
    const retrying = delivery({ attempts: [attempt(1, { nextAttemptAt: minutes(-59) })] })
    expect(isStalled(retrying, NOW)).toBe(false)
    expect(redeliverable(retrying, NOW)).toBe(false)
    const stuck = delivery({ attempts: [attempt(1, { nextAttemptAt: minutes(-61) })] })
    expect(redeliverable(stuck, NOW)).toBe(true)
    expect(redeliverable(delivery({ createdAt: minutes(-90) }), NOW)).toBe(true)
  })
  it('counts a redelivery under way from when it was asked for', () => {
    const sending = delivery({ attempts: [attempt(1)], redelivery: { attempt: 2, requestedBy: 'u', requestedAt: minutes(-1) } })
    expect(due(sending).toISOString()).toBe(minutes(-1))
    expect(redeliverable(sending, NOW)).toBe(false)
    expect(deliveryState(sending, NOW).label).toBe('… Sending again')
    expect(onItsWay(sending, NOW)).toBe(true)
  })
})

describe('a delivery in words', () => {
  it('says what each attempt got', () => {
    expect(attemptSummary(attempt(1))).toBe('HTTP 500 in 12 ms')
    expect(attemptSummary(attempt(2, { statusCode: 204, error: null, manual: true, durationMs: 3 }))).toBe('204 in 3 ms, sent by hand')
    expect(attemptSummary(attempt(1, { statusCode: null, error: 'TIMEOUT' }))).toBe('no answer (TIMEOUT)')
  })
  it('says where it stands', () => {
    expect(deliveryState(delivery({ status: 'SUCCEEDED' }), NOW)).toEqual({ label: '✓ Delivered', tone: 'ok' })
    expect(deliveryState(delivery({ status: 'FAILED' }), NOW).tone).toBe('bad')
    expect(deliveryState(delivery(), NOW).label).toBe('… Queued')
    expect(deliveryState(delivery({ createdAt: minutes(-61) }), NOW).label).toMatch(/Stuck/)
    expect(deliveryState(delivery({ attempts: [attempt(1, { nextAttemptAt: minutes(25) })] }), NOW).label).toMatch(/^… Retrying at /)
  })
  it('is asked about again only when something is about to happen', () => {
    expect(onItsWay(delivery(), NOW)).toBe(true)
    expect(onItsWay(delivery({ attempts: [attempt(1, { nextAttemptAt: minutes(25) })] }), NOW)).toBe(false)
    expect(onItsWay(delivery({ status: 'FAILED' }), NOW)).toBe(false)
  })
})
