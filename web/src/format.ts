// How the page words the API's values: statuses, phases, input methods, durations, rates and
// money. One module, so a job's status reads the same on its badge, in the list's filter and in
// the figures (analytics).

export const STATUS_LABELS: Record<string, string> = {
  PENDING: 'Waiting',
  IN_PROGRESS: 'Running',
  PAUSED: 'Paused',
  NEEDS_REVIEW: 'Needs review',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
}

export const STATUS_ICONS: Record<string, string> = {
  PENDING: '…',
  IN_PROGRESS: '▶',
  PAUSED: '⏸',
  NEEDS_REVIEW: '✎',
  COMPLETED: '✓',
  FAILED: '✕',
  CANCELLED: '⊘',
}

export const PHASE_NAMES: Record<string, string> = {
  INITIATION: 'Initiation',
  PROCESSING: 'Processing',
  QA: 'QA',
  OUTPUT: 'Output',
}

const METHODS: Record<string, string> = { TEXT: 'Text', PDF: 'PDF', WORD: 'Word', API: 'API', IMAGE: 'Photo' }

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status
}

export function phaseName(phase: string): string {
  return PHASE_NAMES[phase] ?? phase
}

export function methodLabel(method: string): string {
  return METHODS[method] ?? method
}

/** A duration in words a person reads at a glance. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—'
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`
  if (seconds < 10) return `${seconds.toFixed(1)} s`
  if (seconds < 90) return `${Math.round(seconds)} s`
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`
  return `${(seconds / 86_400).toFixed(1)} days`
}

export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—'
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)} %`
}

export function dollars(amount: number): string {
  return amount === 0 ? '$0' : amount < 0.01 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`
}

/** A time of day from an ISO timestamp ('' when there is none, or it is not a date). */
export function timeOfDay(at: string | null | undefined): string {
  if (!at) return ''
  const date = new Date(at)
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString()
}
