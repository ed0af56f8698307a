import type { Qa } from '../types'

const ORDER = [
  ['error', 'Errors', '✕'],
  ['warning', 'Warnings', '!'],
  ['info', 'Notes', 'i'],
]

/** QA's issues grouped by severity, each group named in words (colour is only a second cue). */
export function QaIssues({ qa }: { qa: Qa }) {
  if (qa.issues.length === 0) return <p><span aria-hidden="true">✓ </span>QA found no issues.</p>
  return (
    <div className="qa" data-testid="qa-issues">
      <p>
        {qa.passed ? <><span aria-hidden="true">✓ </span>QA passed</> : <><span aria-hidden="true">✕ </span>QA did not pass</>}
      </p>
      {ORDER.map(([severity, title, icon]) => {
        const issues = qa.issues.filter((issue) => issue.severity === severity)
        if (issues.length === 0) return null
        return (
          <section key={severity} className={`qa-group qa-${severity}`} aria-label={`${title}: ${issues.length}`}>
            <h4>
              {title} ({issues.length})
            </h4>
            <ul>
              {issues.map((issue, i) => (
                <li key={`${issue.code}-${issue.field}-${i}`} data-severity={severity}>
                  <span aria-hidden="true" className="qa-icon">{icon}</span>
                  <span className="visually-hidden">{severity}: </span>
                  {issue.message} <span className="muted small">({issue.code})</span>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
