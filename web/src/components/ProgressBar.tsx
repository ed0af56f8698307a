import { phaseName, STATUS_ICONS, statusLabel, timeOfDay } from '../format'
import { PHASES, type ProgressState } from '../progress/connection'

export function StatusBadge({ status }: { status: string | null }) {
  const value = status ?? 'PENDING'
  return (
    <span className={`badge badge-${value.toLowerCase()}`} data-status={value}>
      <span aria-hidden="true">{STATUS_ICONS[value] ?? '•'} </span>
      {statusLabel(value)}
    </span>
  )
}

/** The phase bar: percentage, the four phases each marked in words and symbol, time remaining. */
export function ProgressBar({ progress, label }: { progress: ProgressState; label: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(progress.progressPercentage)))
  const finished = ['COMPLETED', 'FAILED', 'CANCELLED'].includes(progress.status ?? '')
  return (
    <div className="progress" data-testid="progress" data-percent={pct} data-status={progress.status ?? ''}>
      <div className="progress-head">
        <span className="progress-pct">{pct}%</span>
        <span className="muted small" data-testid="time-remaining">
          {progress.status === 'COMPLETED'
            ? 'Done'
            : finished
              ? ''
              : progress.estimatedTimeRemaining
                ? `About ${progress.estimatedTimeRemaining} left`
                : 'Time left: not known yet'}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%${progress.currentPhase ? `, ${phaseName(progress.currentPhase)}` : ''}`}
      >
        <div className={`progress-fill ${progress.status === 'FAILED' ? 'fill-failed' : ''}`} style={{ width: `${pct}%` }} />
      </div>
      <ol className="phases" aria-label="Phases">
        {PHASES.map((phase) => {
          const done = progress.completedPhases.includes(phase)
          const current = !done && progress.currentPhase === phase && !finished
          const paused = current && progress.status === 'PAUSED'
          const review = current && progress.status === 'NEEDS_REVIEW'
          const failed = !done && progress.status === 'FAILED' && (progress.currentPhase ?? 'INITIATION') === phase
          const state = done
            ? 'done'
            : failed
              ? 'failed'
              : paused
                ? 'paused'
                : review
                  ? 'review'
                  : current
                    ? 'current'
                    : 'pending'
          return (
            <li key={phase} className={`phase phase-${state}`} data-phase={phase} data-state={state}>
              <span aria-hidden="true">{done ? '✓' : failed ? '✕' : paused ? '⏸' : review ? '✎' : current ? '▶' : '○'} </span>
              {phaseName(phase)}
              <span className="small">
                {done
                  ? ` done${progress.phaseCompletedAt[phase] ? ` ${timeOfDay(progress.phaseCompletedAt[phase])}` : ''}`
                  : failed
                    ? ' failed'
                    : paused
                    ? ' paused before it'
                    : review
                      ? ' waiting for review'
                    : current
                      ? ' running'
                      : ''}
              </span>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
