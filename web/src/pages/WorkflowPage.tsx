import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { type Api, useApi } from '../api'
import { ApiErrorNotice, ErrorNotice } from '../components/ErrorNotice'
import { ProgressBar, StatusBadge } from '../components/ProgressBar'
import { QaIssues } from '../components/QaIssues'
import { ReportView } from '../components/ReportView'
import { useWorkflowProgress } from '../progress/useWorkflowProgress'
import { errorTitle } from '../messages'
import { navigate } from '../router'
import { useSession } from '../session'
import { checkFile, KINDS, type Kind, postToS3, type UploadForm, UploadError } from '../upload'
import { FINISHED, type Qa, type Workflow } from '../types'
import { Review } from './Review'
import { SignOff } from '../components/SignOff'

const FORMATS = [
  ['pdf', 'PDF'],
  ['docx', 'Word (DOCX)'],
  ['json', 'JSON'],
  ['md', 'Markdown'],
  ['csv', 'Line items (CSV)'],
]

function when(at: string | null | undefined): string {
  return at ? new Date(at).toLocaleString() : '—'
}

function seconds(from: string | null, to: string | null): string {
  if (!from || !to) return '—'
  const s = (new Date(to).getTime() - new Date(from).getTime()) / 1000
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.round(s / 60)} min`
}

export function WorkflowPage({ workflowId }: { workflowId: string }) {
  const api = useApi()
  const { progress, isConnected } = useWorkflowProgress(workflowId, { fromStart: true })
  const [workflow, setWorkflow] = useState<Workflow | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [reload, setReload] = useState(0)

  const refresh = useCallback(() => setReload((n) => n + 1), [])

  // The record (steps, signatures) is fetched again as events arrive, at most every 300 ms.
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      api
        .get<{ workflow: Workflow }>(`/workflows/${workflowId}`)
        .then((reply) => live && setWorkflow(reply.workflow))
        .catch((e) => live && setError(e))
    }, workflow ? 300 : 0)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, workflowId, progress.lastSeq, reload])

  async function act(action: 'pause' | 'resume' | 'retry' | 'cancel' | 'delete') {
    setActionError(null)
    setNotice(null)
    try {
      if (action === 'cancel' || action === 'delete') {
        const question = action === 'cancel' ? 'Cancel this job?' : 'Delete this job and its files?'
        if (!window.confirm(question)) return
        await api.del(`/workflows/${workflowId}`)
        if (action === 'delete') {
          navigate('/')
          return
        }
      } else {
        await api.post(`/workflows/${workflowId}/${action}`)
      }
      setNotice(
        {
          pause: 'Pause requested: the job pauses when the current phase finishes.',
          resume: 'Resumed.',
          retry: 'Retrying from the phase that failed.',
          cancel: 'Cancelled.',
          delete: '',
        }[action],
      )
      refresh()
    } catch (e) {
      setActionError(e)
    }
  }

  if (!workflow) return error ? <ApiErrorNotice error={error} /> : <p>Loading…</p>
  // The socket's view is the newer one once it has spoken; the record before that.
  const status = progress.status ?? workflow.status
  const shownProgress =
    progress.lastSeq === null
      ? {
          ...progress,
          status: workflow.status,
          completedPhases: workflow.completedPhases as typeof progress.completedPhases,
          currentPhase: workflow.currentPhase as typeof progress.currentPhase,
          progressPercentage: workflow.progressPercentage,
        }
      : progress
  const errorCode = progress.errorCode ?? workflow.errorCode
  const errorMessage = progress.errorMessage ?? workflow.errorMessage
  const running = status === 'IN_PROGRESS' || status === 'PENDING'
  const signedThisRevision = workflow.signatures?.some((s) => s.revision === workflow.revision)
  const hasReport = status === 'COMPLETED' || status === 'NEEDS_REVIEW'

  return (
    <div className="stack">
      <p>
        <a href="#/">← All jobs</a>
      </p>
      <div className="row spread wrap">
        <h1>{workflow.title || 'Untitled job'}</h1>
        <StatusBadge status={status} />
      </div>
      <p className="small muted">
        {workflow.inputMethod} · created {when(workflow.createdAt)} · revision {workflow.revision} ·{' '}
        <span data-testid="report-template">
          {workflow.template ? `${workflow.template.name}, version ${workflow.template.version}` : 'report template: from the loss type'}
        </span>{' '}
        ·{' '}
        <span data-testid="live">{isConnected ? 'Live updates on' : 'Reconnecting…'}</span>
      </p>

      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <ProgressBar progress={shownProgress} label="Job progress" />
        {workflow.pauseRequested && status !== 'PAUSED' && <p>Pause requested: it takes effect when the current phase finishes.</p>}
      </section>

      {status === 'FAILED' && <ErrorNotice code={errorCode} message={errorMessage} />}

      <section className="card" aria-labelledby="controls-heading">
        <h2 id="controls-heading">Controls</h2>
        <div className="row wrap">
          {running && !workflow.pauseRequested && (
            <button type="button" onClick={() => act('pause')}>
              ⏸ Pause
            </button>
          )}
          {(status === 'PAUSED' || workflow.pauseRequested) && (
            <button type="button" onClick={() => act('resume')}>
              ▶ Resume
            </button>
          )}
          {status === 'FAILED' && (
            <button type="button" onClick={() => act('retry')}>
              ↻ Retry
            </button>
          )}
          {!FINISHED.includes(status) && (
            <button type="button" className="danger" onClick={() => act('cancel')}>
              ✕ Cancel job
            </button>
          )}
          {FINISHED.includes(status) && (
            <button type="button" className="danger" onClick={() => act('delete')}>
              Delete job
            </button>
          )}
        </div>
        <p aria-live="polite" className="small">
          {notice}
        </p>
        <ApiErrorNotice error={actionError} />
      </section>

      {status === 'PENDING' && (workflow.inputMethod === 'PDF' || workflow.inputMethod === 'WORD') && (workflow.steps ?? []).length === 0 && (
        <AwaitingFile api={api} workflowId={workflowId} kind={workflow.inputMethod as Kind} onUploaded={refresh} />
      )}

      {status === 'NEEDS_REVIEW' && <Review api={api} workflowId={workflowId} template={workflow.template} onChanged={refresh} />}

      {status === 'COMPLETED' && !signedThisRevision && <SignOff api={api} workflowId={workflowId} onSigned={refresh} />}

      {hasReport && <Downloads api={api} workflowId={workflowId} draft={status === 'NEEDS_REVIEW'} signed={!!signedThisRevision} />}

      <Steps workflow={workflow} />

      {hasReport && (
        <ReportSection
          api={api}
          workflowId={workflowId}
          version={`${status}-${progress.lastSeq}-${reload}`}
          showQa={status !== 'NEEDS_REVIEW'}
        />
      )}

      {!FINISHED.includes(status) || status === 'COMPLETED' ? <Photos api={api} workflowId={workflowId} /> : null}

      {(workflow.signatures?.length ?? 0) > 0 && <Revisions api={api} workflowId={workflowId} version={reload} onOpened={refresh} canOpen={status === 'COMPLETED' && !!signedThisRevision} />}
    </div>
  )
}

function Steps({ workflow }: { workflow: Workflow }) {
  const steps = workflow.steps ?? []
  return (
    <section className="card" aria-labelledby="steps-heading">
      <h2 id="steps-heading">Steps</h2>
      {steps.length === 0 ? (
        <p className="muted">
          {workflow.status === 'PENDING' && (workflow.inputMethod === 'PDF' || workflow.inputMethod === 'WORD')
            ? 'No step has started yet: waiting for the file.'
            : 'No step has run.'}
        </p>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Phase</th>
                <th scope="col">What</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Took</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => (
                <tr key={step.id} data-step-phase={step.phase}>
                  <td>{step.stepNumber}</td>
                  <td>{step.phase}</td>
                  <td>
                    {step.description}
                    {step.errorMessage && <div className="error-text">{step.errorMessage}</div>}
                  </td>
                  <td>
                    <StatusBadge status={step.status} />
                  </td>
                  <td>{when(step.startedAt)}</td>
                  <td>{seconds(step.startedAt, step.completedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** A download link's URL is presigned (attachment): following it saves the file, the page stays. */
function clickDownload(url: string, fileName?: string) {
  const link = document.createElement('a')
  link.href = url
  if (fileName) link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
}

function Downloads({ api, workflowId, draft, signed }: { api: Api; workflowId: string; draft: boolean; signed: boolean }) {
  const [error, setError] = useState<unknown>(null)
  async function download(format: string) {
    setError(null)
    try {
      const reply = await api.get<{ url?: string; report?: unknown }>(`/workflows/${workflowId}/report?format=${format}`)
      if (format === 'json') {
        const url = URL.createObjectURL(new Blob([JSON.stringify(reply.report, null, 2)], { type: 'application/json' }))
        clickDownload(url, `${workflowId}.json`)
      } else {
        clickDownload(reply.url ?? '')
      }
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section className="card" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Downloads{draft ? ' (DRAFT)' : signed ? ' (signed)' : ''}</h2>
      <div className="row wrap">
        {FORMATS.map(([format, label]) => (
          <button key={format} type="button" onClick={() => download(format)}>
            ⬇ {label}
          </button>
        ))}
      </div>
      <ApiErrorNotice error={error} />
    </section>
  )
}

function ReportSection({ api, workflowId, version, showQa }: { api: Api; workflowId: string; version: string; showQa: boolean }) {
  const [report, setReport] = useState<Record<string, unknown> | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    api
      .get<{ report: Record<string, unknown> }>(`/workflows/${workflowId}/report?format=json`)
      .then((reply) => live && setReport(reply.report))
      .catch((e) => live && setError(e))
    return () => {
      live = false
    }
  }, [api, workflowId, version])
  return (
    <section className="card" aria-labelledby="report-heading">
      <h2 id="report-heading">Report</h2>
      <ApiErrorNotice error={error} />
      {report && (
        <>
          {showQa && report.qa ? <QaIssues qa={report.qa as Qa} /> : null}
          <ReportView report={report} />
        </>
      )}
    </section>
  )
}

interface Revision {
  revision: number
  state: string
  signedAt: string | null
  name: string | null
  certification: string | null
}

function Revisions({ api, workflowId, version, onOpened, canOpen }: { api: Api; workflowId: string; version: number; onOpened: () => void; canOpen: boolean }) {
  const [revisions, setRevisions] = useState<Revision[]>([])
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    api
      .get<{ revisions: Revision[] }>(`/workflows/${workflowId}/revisions`)
      .then((reply) => setRevisions(reply.revisions))
      .catch(setError)
  }, [api, workflowId, version])
  async function downloadRevision(revision: number) {
    setError(null)
    try {
      const reply = await api.get<{ url: string }>(`/workflows/${workflowId}/report?format=pdf&revision=${revision}`)
      clickDownload(reply.url)
    } catch (e) {
      setError(e)
    }
  }
  async function open() {
    try {
      await api.post(`/workflows/${workflowId}/revisions`)
      onOpened()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section className="card" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions</h2>
      <ul>
        {revisions.map((r) => (
          <li key={r.revision}>
            Revision {r.revision}: {r.state === 'SIGNED' ? `signed by ${r.name} (${r.certification}) ${when(r.signedAt)}` : 'open'}
            {r.state === 'SIGNED' && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => downloadRevision(r.revision)}>
                  Download revision {r.revision} (PDF)
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canOpen && (
        <button type="button" onClick={open}>
          Open a new revision
        </button>
      )}
      <ApiErrorNotice error={error} />
    </section>
  )
}

interface Photo {
  id: string
  caption: string
  room: string
  status: string
  errorCode: string | null
}

function Photos({ api, workflowId }: { api: Api; workflowId: string }) {
  const [photos, setPhotos] = useState<Photo[]>([])
  const [file, setFile] = useState<File | null>(null)
  const [caption, setCaption] = useState('')
  const [room, setRoom] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  const photoInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    let live = true
    api
      .get<{ photos: Photo[] }>(`/workflows/${workflowId}/photos`)
      .then((reply) => {
        if (!live) return
        setPhotos(reply.photos)
        // a photo whose bytes are still on their way is asked about again in a second
        if (reply.photos.some((p) => p.status === 'PENDING')) setTimeout(() => live && setVersion((v) => v + 1), 1000)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [api, workflowId, version])
  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    setError(null)
    setProgress(0)
    try {
      const reply = await api.post<{ upload: UploadForm }>(`/workflows/${workflowId}/photos`, {
        fileName: file.name,
        contentType: file.type || 'image/jpeg',
        caption,
        room,
        size: file.size,
      })
      await postToS3(reply.upload, file, setProgress)
      setFile(null)
      setCaption('')
      photoInput.current && (photoInput.current.value = '')
      setVersion((v) => v + 1)
    } catch (e) {
      setError(e)
    } finally {
      setProgress(null)
    }
  }
  return (
    <section className="card stack" aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      {photos.length > 0 && (
        <ul>
          {photos.map((p) => (
            <li key={p.id}>
              {p.room}: {p.caption} —{' '}
              {p.status === 'REJECTED'
                ? `✕ refused: ${errorTitle(p.errorCode)} (${p.errorCode})`
                : p.status === 'RECEIVED'
                  ? '✓ received'
                  : 'uploading…'}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="row wrap" aria-label="Add a photo">
        <div className="field">
          <label htmlFor="photo-file">Photo (JPEG, PNG, HEIC)</label>
          <input ref={photoInput} id="photo-file" type="file" accept="image/jpeg,image/png,image/heic" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor="photo-room">Room</label>
          <input id="photo-room" value={room} required onChange={(e) => setRoom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="photo-caption">Caption</label>
          <input id="photo-caption" value={caption} required onChange={(e) => setCaption(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" disabled={!file || progress !== null}>
            {progress === null ? 'Add photo' : `Uploading ${Math.round(progress * 100)}%`}
          </button>
        </div>
      </form>
      <ApiErrorNotice error={error} />
    </section>
  )
}

/** A PDF or Word job still waiting for its file: a fresh upload form, then the same POST to S3. */
function AwaitingFile({ api, workflowId, kind, onUploaded }: { api: Api; workflowId: string; kind: Kind; onUploaded: () => void }) {
  const { config } = useSession()
  const [file, setFile] = useState<File | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    setError(null)
    setProgress(0)
    try {
      const reply = await api.post<{ upload: UploadForm }>(`/workflows/${workflowId}/upload`)
      await postToS3(reply.upload, file, setProgress)
      onUploaded()
    } catch (e) {
      setError(e)
      setProgress(null)
    }
  }
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="awaiting-heading">
      <h2 id="awaiting-heading">Waiting for the {KINDS[kind].label} file</h2>
      <p>This job starts when its file arrives. The file must have the name it was created with.</p>
      <div className="field">
        <label htmlFor="awaiting-file">{KINDS[kind].label} file</label>
        <input
          id="awaiting-file"
          type="file"
          accept={[...KINDS[kind].extensions, ...KINDS[kind].types].join(',')}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null
            const why = chosen ? checkFile(kind, chosen, config.maxUploadBytes) : null
            setRefusal(why)
            setFile(why ? null : chosen)
          }}
        />
      </div>
      {refusal && <ErrorNotice code={null} message={refusal} />}
      {progress !== null && (
        <div className="field">
          <label htmlFor="awaiting-progress">Upload</label>
          <progress id="awaiting-progress" max={100} value={Math.round(progress * 100)} />
        </div>
      )}
      {error instanceof UploadError ? <ErrorNotice code={error.code} message={error.message} /> : <ApiErrorNotice error={error} />}
      <div>
        <button type="submit" className="primary" disabled={!file || progress !== null}>
          Upload the file
        </button>
      </div>
    </form>
  )
}
