import { describe, expect, it } from 'vitest'
import { analyticsQuery, barWidths, counted, defaultRange, groupLabel, percentile, rangeProblem } from './analytics'
import { dollars, duration, percent } from './format'

describe('the range', () => {
  it('defaults to the 30 days ending today, in UTC days', () => {
    expect(defaultRange(new Date('2026-12-05T23:30:00Z'))).toEqual({ from: '2026-11-06', to: '2026-12-05' })
  })
  it('is refused before it is sent as the API would refuse it', () => {
    expect(rangeProblem('2026-11-06', '2026-12-05')).toBeNull()
    expect(rangeProblem('2026-12-06', '2026-12-05')).toMatch(/after/)
    expect(rangeProblem('2025-01-01', '2026-12-05')).toMatch(/366/)
    expect(rangeProblem('2025-12-04', '2026-12-05')).toBeNull()
    expect(rangeProblem('', '2026-12-05')).toMatch(/both/)
  })
  it('makes the query', () => {
    expect(analyticsQuery({ from: '2026-11-06', to: '2026-12-05', groupBy: 'week', scope: 'account', format: 'csv' })).toBe(
      '/analytics?from=2026-11-06&to=2026-12-05&groupBy=week&scope=account&format=csv',
    )
  })
})

describe('figures in words', () => {
  it('durations', () => {
    expect(duration(null)).toBe('—')
    expect(duration(0.0234)).toBe('23 ms')
    expect(duration(4.2)).toBe('4.2 s')
    expect(duration(42)).toBe('42 s')
    expect(duration(300)).toBe('5.0 min')
    expect(duration(7200)).toBe('2.0 h')
    expect(duration(3 * 86400)).toBe('3.0 days')
  })
  it('medians and p90s, kept as buckets', () => {
    expect(percentile(null, null)).toBe('—')
    expect(percentile(0.5, { low: 0, high: 1 })).toBe('under 1 s')
    expect(percentile(45.25, { low: 41.5, high: 49.35 })).toBe('45 s')
  })
  it('rates and money', () => {
    expect(percent(null)).toBe('—')
    expect(percent(0.25)).toBe('25 %')
    expect(percent(0.034)).toBe('3.4 %')
    expect(dollars(0)).toBe('$0')
    expect(dollars(0.0042)).toBe('$0.0042')
    expect(dollars(12.5)).toBe('$12.50')
  })
  it('group keys', () => {
    expect(groupLabel('day', '2026-12-05')).toBe('5 Dec 2026')
    expect(groupLabel('week', '2026-W09')).toBe('Week 9, 2026')
    expect(groupLabel('month', '2026-02')).toBe('Feb 2026')
    expect(groupLabel('inputMethod', 'WORD')).toBe('Word')
    expect(groupLabel('status', 'NEEDS_REVIEW')).toBe('Needs review')
  })
})

describe('bars', () => {
  it('are shares of the largest, a value above zero always visible', () => {
    expect(barWidths([10, 5, 0, 0.01])).toEqual([100, 50, 0, 2])
    expect(barWidths([0, 0])).toEqual([0, 0])
    expect(barWidths([])).toEqual([])
  })
  it('count what is there, most first', () => {
    expect(counted({ TEXT: 2, PDF: 0, WORD: 5, API: 2 })).toEqual([
      ['WORD', 5],
      ['API', 2],
      ['TEXT', 2],
    ])
    expect(counted({ TEXT: 1 }, (k) => k.toLowerCase())).toEqual([['text', 1]])
  })
})
