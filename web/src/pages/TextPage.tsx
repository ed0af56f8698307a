import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { useApi } from '../api'
import { ApiErrorNotice, ErrorNotice } from '../components/ErrorNotice'
import { INFER, TemplateChoice, templateField } from '../components/TemplateChoice'
import { navigate } from '../router'
import { tokenSubject, useSession } from '../session'
import { TEMPLATES } from '../templates'

export const MAX_TEXT = 200_000

interface Draft {
  title: string
  text: string
  reviewRequired: boolean
  templateId: string
}

const EMPTY: Draft = { title: '', text: '', reviewRequired: false, templateId: INFER }

export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g)
  return words ? words.length : 0
}

export function TextPage() {
  const api = useApi()
  const { token } = useSession()
  const draftKey = `restoreassist.draft.text.${(token && tokenSubject(token)) || 'anyone'}`
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      return { ...EMPTY, ...JSON.parse(localStorage.getItem(draftKey) ?? '{}') }
    } catch {
      return EMPTY
    }
  })
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  // The draft is saved as you type, and survives a reload.
  useEffect(() => {
    if (!draft.text && !draft.title) {
      localStorage.removeItem(draftKey)
      return
    }
    localStorage.setItem(draftKey, JSON.stringify(draft))
    setSaved(new Date().toLocaleTimeString())
  }, [draft, draftKey])

  const characters = draft.text.length
  const words = countWords(draft.text)
  const tooLong = characters > MAX_TEXT

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const body: Record<string, unknown> = { inputMethod: 'TEXT', inputData: { text: draft.text }, ...templateField(draft.templateId) }
      if (draft.title.trim()) body.title = draft.title.trim()
      if (draft.reviewRequired) body.reviewRequired = true
      const reply = await api.post<{ workflowId: string }>('/workflows', body)
      localStorage.removeItem(draftKey)
      navigate(`/workflows/${reply.workflowId}`)
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  const chooseTemplate = useCallback((templateId: string) => setDraft((d) => ({ ...d, templateId })), [])

  function applyTemplate(kind: keyof typeof TEMPLATES) {
    if (draft.text.trim() && !window.confirm('Replace your notes with the outline?')) return
    setDraft((d) => ({ ...d, text: TEMPLATES[kind].text }))
  }

  return (
    <form onSubmit={submit} className="stack">
      <h1>New job from typed notes</h1>
      <div className="field">
        <label htmlFor="title">Job title</label>
        <input id="title" value={draft.title} onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))} placeholder="e.g. 14 Banksia St" />
      </div>
      <fieldset className="row wrap">
        <legend>Start your notes from an outline</legend>
        {(Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[]).map((kind) => (
          <button key={kind} type="button" onClick={() => applyTemplate(kind)}>
            {TEMPLATES[kind].label}
          </button>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="notes">Inspection notes</label>
        <textarea
          id="notes"
          rows={16}
          value={draft.text}
          onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))}
          aria-describedby="counts"
          required
        />
        <p id="counts" className="small muted" aria-live="polite">
          <span data-testid="word-count">{words.toLocaleString()} words</span> ·{' '}
          <span data-testid="char-count">{characters.toLocaleString()} characters</span>
          {saved && <> · Draft saved {saved}</>}
        </p>
      </div>
      <TemplateChoice value={draft.templateId} onChange={chooseTemplate} />
      {tooLong && <ErrorNotice code="TEXT_TOO_LARGE" message={`Notes can be at most ${MAX_TEXT.toLocaleString()} characters.`} />}
      <div className="field checkbox">
        <input
          id="review"
          type="checkbox"
          checked={draft.reviewRequired}
          onChange={(e) => setDraft((d) => ({ ...d, reviewRequired: e.target.checked }))}
        />
        <label htmlFor="review">Stop for my review before the final report</label>
      </div>
      <ApiErrorNotice error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy || tooLong || !draft.text.trim()}>
          {busy ? 'Submitting…' : 'Create report'}
        </button>
      </div>
    </form>
  )
}
