import { type DragEvent, type FormEvent, useRef, useState } from 'react'
import { useApi } from '../api'
import { ApiErrorNotice, ErrorNotice } from '../components/ErrorNotice'
import { INFER, TemplateChoice, templateField } from '../components/TemplateChoice'
import { navigate } from '../router'
import { useSession } from '../session'
import { checkFile, formatBytes, KINDS, type Kind, postToS3, type UploadForm, UploadError } from '../upload'

export function UploadPage({ kind }: { kind: Kind }) {
  const api = useApi()
  const { config } = useSession()
  const spec = KINDS[kind]
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [templateId, setTemplateId] = useState(INFER)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)

  function choose(chosen: File | undefined | null) {
    setError(null)
    if (!chosen) return
    const why = checkFile(kind, chosen, config.maxUploadBytes)
    setRefusal(why)
    setFile(why ? null : chosen)
    if (!why && !title) setTitle(chosen.name.replace(/\.[^.]+$/, ''))
  }

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    choose(event.dataTransfer.files[0])
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    setError(null)
    setProgress(0)
    try {
      const reply = await api.post<{ workflowId: string; upload: UploadForm }>('/uploads', {
        inputMethod: kind,
        fileName: file.name,
        contentType: file.type && (spec.types as readonly string[]).includes(file.type) ? file.type : spec.contentType,
        size: file.size,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...templateField(templateId),
      })
      await postToS3(reply.upload, file, setProgress)
      navigate(`/workflows/${reply.workflowId}`)
    } catch (e) {
      setProgress(null)
      setError(e)
    }
  }

  const pct = progress === null ? null : Math.round(progress * 100)
  return (
    <form className="stack" onSubmit={submit}>
      <h1>New job from a {spec.label} file</h1>
      <div
        className={`dropzone ${dragging ? 'dragging' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          <span aria-hidden="true">⬆ </span>Drag and drop a {spec.label} file here, or
        </p>
        {/* the input keeps the keyboard focus; its label is what shows it */}
        <input
          ref={input}
          id="file"
          className="visually-hidden file-picker"
          type="file"
          accept={[...spec.extensions, ...spec.types].join(',')}
          onChange={(e) => choose(e.target.files?.[0])}
        />
        <label htmlFor="file" className="button">
          Choose a file
        </label>
        <p className="small muted">
          {spec.extensions.join(' or ')}, up to {formatBytes(config.maxUploadBytes)}
        </p>
      </div>
      {file && (
        <p data-testid="chosen-file">
          <span aria-hidden="true">✓ </span>
          {file.name} ({formatBytes(file.size)})
        </p>
      )}
      {refusal && <ErrorNotice code={null} message={refusal} />}
      <div className="field">
        <label htmlFor="title">Job title</label>
        <input id="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <TemplateChoice value={templateId} onChange={setTemplateId} />
      {pct !== null && (
        <div className="field">
          <label htmlFor="upload-progress">Upload</label>
          <progress id="upload-progress" max={100} value={pct}>
            {pct}%
          </progress>
          <span className="small"> {pct}%</span>
        </div>
      )}
      {error instanceof UploadError ? <ErrorNotice code={error.code} message={error.message} /> : <ApiErrorNotice error={error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={!file || pct !== null}>
          Upload and create report
        </button>
      </div>
    </form>
  )
}
