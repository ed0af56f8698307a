import { useEffect, useState } from 'react'
import { useApi } from '../api'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { ProgressBar, StatusBadge } from '../components/ProgressBar'
import { EMPTY_PROGRESS, type Phase, type ProgressState } from '../progress/connection'
import { useWorkflowProgress } from '../progress/useWorkflowProgress'
import { FINISHED, type Workflow } from '../types'

const TILES = [
  { href: '#/new/text', title: 'Text', text: 'Type or paste your inspection notes.', icon: 'Aa' },
  { href: '#/new/pdf', title: 'PDF', text: 'Upload a PDF inspection report.', icon: 'PDF' },
  { href: '#/new/word', title: 'Word', text: 'Upload a Word (.docx) document.', icon: 'W' },
  { href: '#/api', title: 'API', text: 'Connect a field app with an API key.', icon: '{ }' },
]

const FILTERS = [
  ['', 'All'],
  ['active', 'Active (waiting, running, in review)'],
  ['IN_PROGRESS', 'Running'],
  ['PAUSED', 'Paused'],
  ['NEEDS_REVIEW', 'Needs review'],
  ['COMPLETED', 'Completed'],
  ['FAILED', 'Failed'],
  ['CANCELLED', 'Cancelled'],
  ['PENDING', 'Waiting for a file'],
]

const PAGE_SIZE = 10

export function Dashboard() {
  const api = useApi()
  const [status, setStatus] = useState('')
  const [pages, setPages] = useState<(string | null)[]>([null]) // the token of each page seen
  const [workflows, setWorkflows] = useState<Workflow[] | null>(null)
  const [nextToken, setNextToken] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const pageToken = pages[pages.length - 1]

  useEffect(() => {
    let live = true
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) })
    if (status) query.set('status', status)
    if (pageToken) query.set('nextToken', pageToken)
    setError(null)
    api
      .get<{ workflows: Workflow[]; nextToken: string | null }>(`/workflows?${query}`)
      .then((reply) => {
        if (!live) return
        setWorkflows(reply.workflows)
        setNextToken(reply.nextToken)
      })
      .catch((e) => live && setError(e))
    return () => {
      live = false
    }
  }, [api, status, pageToken])

  return (
    <>
      <h1>Quick start</h1>
      <ul className="tiles">
        {TILES.map((tile) => (
          <li key={tile.href}>
            <a className="tile" href={tile.href}>
              <span className="tile-icon" aria-hidden="true">
                {tile.icon}
              </span>
              <span className="tile-title">{tile.title}</span>
              <span className="tile-text">{tile.text}</span>
            </a>
          </li>
        ))}
      </ul>

      <section aria-labelledby="jobs-heading">
        <div className="row spread">
          <h2 id="jobs-heading">Your jobs</h2>
          <div>
            <label htmlFor="status-filter">Show </label>
            <select
              id="status-filter"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value)
                setPages([null])
              }}
            >
              {FILTERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ApiErrorNotice error={error} />
        {workflows === null && !error && <p>Loading…</p>}
        {workflows?.length === 0 && <p>No jobs here yet. Start one from the tiles above.</p>}
        <ul className="jobs" aria-label="Jobs">
          {workflows?.map((workflow) => <JobRow key={workflow.id} workflow={workflow} />)}
        </ul>
        <nav className="row pager" aria-label="Pages">
          <button type="button" disabled={pages.length < 2} onClick={() => setPages((p) => p.slice(0, -1))}>
            ← Newer
          </button>
          <span className="small">Page {pages.length}</span>
          <button type="button" disabled={!nextToken} onClick={() => setPages((p) => [...p, nextToken])}>
            Older →
          </button>
        </nav>
      </section>
    </>
  )
}

function fromRecord(workflow: Workflow): ProgressState {
  return {
    ...EMPTY_PROGRESS,
    status: workflow.status,
    currentPhase: (workflow.currentPhase as Phase) ?? null,
    completedPhases: workflow.completedPhases as Phase[],
    progressPercentage: workflow.progressPercentage,
    estimatedTimeRemaining: workflow.estimatedTime,
    errorCode: workflow.errorCode,
    errorMessage: workflow.errorMessage,
  }
}

function JobRow({ workflow }: { workflow: Workflow }) {
  const finished = FINISHED.includes(workflow.status)
  return (
    <li className="job card" data-workflow-id={workflow.id}>
      <div className="row spread">
        <a href={`#/workflows/${workflow.id}`} className="job-title">
          {workflow.title || 'Untitled job'}
        </a>
        <span className="small muted">
          {workflow.inputMethod} · {new Date(workflow.createdAt).toLocaleString()}
        </span>
      </div>
      {finished ? <StaticProgress workflow={workflow} /> : <LiveProgress workflow={workflow} />}
    </li>
  )
}

function StaticProgress({ workflow }: { workflow: Workflow }) {
  const progress = fromRecord(workflow)
  return (
    <>
      <StatusBadge status={workflow.status} />
      <ProgressBar progress={progress} label={`Progress of ${workflow.title || workflow.id}`} />
    </>
  )
}

/** A job still running: its bar follows the WebSocket (one socket per running job shown). */
function LiveProgress({ workflow }: { workflow: Workflow }) {
  const { progress } = useWorkflowProgress(workflow.id)
  const shown = progress.lastSeq === null ? fromRecord(workflow) : progress
  return (
    <>
      <StatusBadge status={shown.status} />
      <ProgressBar progress={shown} label={`Progress of ${workflow.title || workflow.id}`} />
    </>
  )
}
