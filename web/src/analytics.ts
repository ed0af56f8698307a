// GET /analytics and /stats (docs/adr/0022): their shapes, and the figures in words and bars (the
// words of statuses, methods, durations and money are format.ts's).

import { duration, methodLabel, statusLabel } from './format'

export interface Bucket {
  low: number
  high: number | null
}

export interface TimeFigures {
  count: number
  mean: number | null
  median: number | null
  p90: number | null
  medianBucket?: Bucket | null
  p90Bucket?: Bucket | null
}

export interface Figures {
  workflows: number
  byStatus: Record<string, number>
  byInputMethod: Record<string, number>
  completed: number
  failed: number
  errorRate: number | null
  retries: number
  completionSeconds: TimeFigures
  phaseSeconds: Record<string, { count: number; mean: number | null }>
  reviewWaitSeconds: TimeFigures
  qaFailures: { workflows: number; reasons: Record<string, number> }
  claude: { totalTokens: number; costUsd: number }
}

export type GroupBy = 'day' | 'week' | 'month' | 'inputMethod' | 'status'

export interface Analytics {
  scope: 'user' | 'account'
  id: string
  from: string
  to: string
  timeZone: string
  groupBy: GroupBy
  totals: Figures
  groups: (Figures & { key: string })[]
}

export interface Stats {
  totalWorkflows: number
  activeWorkflows: number
  byStatus: Record<string, number>
  completedWorkflows: number
  averageCompletionSeconds: number | null
  phaseDurations: Record<string, { count: number; averageSeconds: number }>
}

export const PHASES = ['INITIATION', 'PROCESSING', 'QA', 'OUTPUT']
export const GROUP_BY: [GroupBy, string][] = [
  ['day', 'Day'],
  ['week', 'Week'],
  ['month', 'Month'],
  ['inputMethod', 'Input method'],
  ['status', 'Status'],
]
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The 30 days ending today (UTC: the days the figures are kept by), as the API's default. */
export function defaultRange(today: Date = new Date()): { from: string; to: string } {
  const from = new Date(today.getTime() - 29 * 86_400_000)
  return { from: isoDay(from), to: isoDay(today) }
}

/** What a range is refused for before it is sent (null: fine). */
export function rangeProblem(from: string, to: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return 'Choose both dates.'
  if (from > to) return 'The first day comes after the last.'
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
  if (days > 366) return 'At most 366 days at a time.'
  return null
}

export function analyticsQuery(options: { from: string; to: string; groupBy: GroupBy; scope: 'user' | 'account'; format?: 'csv' }): string {
  const query = new URLSearchParams({ from: options.from, to: options.to, groupBy: options.groupBy, scope: options.scope })
  if (options.format) query.set('format', options.format)
  return `/analytics?${query}`
}

/** A median or p90, which the API keeps as a histogram bucket (4 per doubling from 1 s): its
 * midpoint, or "under 1 s" for the first bucket, whose midpoint would say more than is known. */
export function percentile(value: number | null | undefined, bucket: Bucket | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (bucket && bucket.high !== null && bucket.high <= 1) return 'under 1 s'
  return duration(value)
}


/** Each value's bar as a share of the largest (0-100); a value above zero shows at least a sliver. */
export function barWidths(values: number[]): number[] {
  const top = Math.max(0, ...values)
  return values.map((v) => (top <= 0 || v <= 0 ? 0 : Math.max(2, Math.round((v / top) * 1000) / 10)))
}

/** A group's key as a heading: "5 Dec", "Week 49, 2026", "Dec 2026", "Text", "Completed". */
export function groupLabel(groupBy: GroupBy, key: string): string {
  if (groupBy === 'day') {
    const [year, month, day] = key.split('-').map(Number)
    return `${day} ${MONTHS[month - 1]} ${year}`
  }
  if (groupBy === 'week') {
    const match = /^(\d{4})-W(\d{2})$/.exec(key)
    return match ? `Week ${Number(match[2])}, ${match[1]}` : key
  }
  if (groupBy === 'month') {
    const [year, month] = key.split('-').map(Number)
    return `${MONTHS[month - 1]} ${year}`
  }
  return groupBy === 'inputMethod' ? methodLabel(key) : statusLabel(key)
}

/** (label, count) pairs above zero, most first (ties by label). */
export function counted(record: Record<string, number>, label: (key: string) => string = (k) => k): [string, number][] {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => [label(key), n])
}
