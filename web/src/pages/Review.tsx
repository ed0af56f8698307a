import { type FormEvent, useEffect, useState } from 'react'
import { type Api, ApiError } from '../api'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { QaIssues } from '../components/QaIssues'
import { TypicalLines } from '../components/TypicalLines'
import type { Qa, TemplatePin } from '../types'

type Item = Record<string, unknown>
type Findings = Record<string, unknown> & {
  affectedAreas: Item[]
  moistureReadings: Item[]
  equipment: Item[]
  scopeOfWork: Item[]
}

interface Column {
  key: string
  label: string
  type?: 'text' | 'number' | 'list' | 'kind'
}

const SECTIONS: { key: keyof Findings & string; title: string; noun: string; columns: Column[]; blank: Item }[] = [
  {
    key: 'affectedAreas',
    title: 'Rooms (affected areas)',
    noun: 'room',
    columns: [
      { key: 'room', label: 'Room' },
      { key: 'level', label: 'Level' },
      { key: 'lengthFt', label: 'Length (ft)', type: 'number' },
      { key: 'widthFt', label: 'Width (ft)', type: 'number' },
      { key: 'materials', label: 'Materials (comma separated)', type: 'list' },
    ],
    blank: { room: '', materials: [] },
  },
  {
    key: 'moistureReadings',
    title: 'Moisture readings',
    noun: 'reading',
    columns: [
      { key: 'location', label: 'Location' },
      { key: 'material', label: 'Material' },
      { key: 'value', label: 'Reading', type: 'number' },
      { key: 'unit', label: 'Unit' },
      { key: 'meter', label: 'Meter' },
    ],
    blank: { location: '', value: null, unit: '%MC' },
  },
  {
    key: 'equipment',
    title: 'Equipment',
    noun: 'equipment line',
    columns: [
      { key: 'kind', label: 'Kind', type: 'kind' },
      { key: 'quantity', label: 'Quantity', type: 'number' },
      { key: 'calculation', label: 'Calculation' },
    ],
    blank: { kind: 'air_mover', quantity: 1, calculation: 'Placed as recorded on review' },
  },
  {
    key: 'scopeOfWork',
    title: 'Scope of work',
    noun: 'scope line',
    columns: [
      { key: 'description', label: 'Description' },
      { key: 'room', label: 'Room' },
      { key: 'quantity', label: 'Quantity', type: 'number' },
      { key: 'unit', label: 'Unit' },
    ],
    blank: { description: '', quantity: null, unit: 'ea' },
  },
]

const KINDS = [
  ['air_mover', 'Air mover'],
  ['dehumidifier', 'Dehumidifier'],
  ['air_scrubber', 'Air scrubber'],
  ['other', 'Other'],
]

function shown(value: unknown, type: Column['type']): string {
  if (value === null || value === undefined) return ''
  if (type === 'list') return Array.isArray(value) ? value.join(', ') : String(value)
  return String(value)
}

function parsed(text: string, type: Column['type']): unknown {
  if (type === 'number') return text.trim() === '' ? null : Number(text)
  if (type === 'list') return text.split(',').map((s) => s.trim()).filter(Boolean)
  return text === '' ? null : text
}

/** The findings as an editable form; each save is a merge patch that QA checks again. */
export function Review({
  api,
  workflowId,
  template,
  onChanged,
}: {
  api: Api
  workflowId: string
  template?: TemplatePin | null
  onChanged: () => void
}) {
  const [findings, setFindings] = useState<Findings | null>(null)
  const [etag, setEtag] = useState<string | null>(null)
  const [qa, setQa] = useState<Qa | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [reasons, setReasons] = useState<Record<string, string>>({})

  useEffect(() => {
    api
      .request<{ findings: Findings; qa: Qa }>('GET', `/workflows/${workflowId}/findings`)
      .then((reply) => {
        setFindings(reply.data.findings)
        setQa(reply.data.qa)
        setEtag(reply.etag)
      })
      .catch(setError)
  }, [api, workflowId])

  function edit(section: string, index: number, key: string, value: unknown) {
    setFindings((f) => {
      if (!f) return f
      const list = [...((f[section] as Item[]) ?? [])]
      list[index] = { ...list[index], [key]: value }
      return { ...f, [section]: list }
    })
  }

  function add(section: string, blank: Item) {
    setFindings((f) => (f ? { ...f, [section]: [...((f[section] as Item[]) ?? []), { ...blank }] } : f))
  }

  function remove(section: string, index: number) {
    setFindings((f) => (f ? { ...f, [section]: (f[section] as Item[]).filter((_, i) => i !== index) } : f))
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!findings || !etag) return
    setBusy(true)
    setError(null)
    setSaved(null)
    try {
      const patch = Object.fromEntries(SECTIONS.map((s) => [s.key, findings[s.key] ?? []]))
      const reply = await api.request<{ findings: Findings; qa: Qa }>('PATCH', `/workflows/${workflowId}/findings`, patch, {
        'Content-Type': 'application/merge-patch+json',
        'If-Match': etag,
      })
      setFindings(reply.data.findings)
      setQa(reply.data.qa)
      setEtag(reply.etag)
      setSaved(new Date().toLocaleTimeString())
      onChanged()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const errors = qa?.issues.filter((i) => i.severity === 'error') ?? []
  const keyOf = (code: string, field: string | null) => `${code}|${field ?? ''}`

  async function approve(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api.post(`/workflows/${workflowId}/approve`, {
        overrides: errors.map((issue) => ({
          code: issue.code,
          ...(issue.field ? { field: issue.field } : {}),
          reason: reasons[keyOf(issue.code, issue.field)] ?? '',
        })),
      })
      onChanged()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  if (!findings) return error ? <ApiErrorNotice error={error} /> : <p>Loading the findings…</p>
  return (
    <section className="card stack" aria-labelledby="review-heading">
      <h2 id="review-heading">Review the findings</h2>
      <p>Correct anything the notes got wrong or left out, then save: QA checks the findings again on each save.</p>
      <form onSubmit={save} className="stack" aria-label="Findings">
        {SECTIONS.map((section) => {
          const items = (findings[section.key] as Item[]) ?? []
          return (
            <fieldset key={section.key} className="stack">
              <legend>{section.title}</legend>
              {items.length === 0 && <p className="muted small">None recorded.</p>}
              {items.map((item, index) => (
                <div key={index} className="edit-row" data-section={section.key}>
                  {section.columns.map((column) => {
                    const id = `${section.key}-${index}-${column.key}`
                    return (
                      <div key={column.key} className="field">
                        <label htmlFor={id}>
                          {column.label}
                          <span className="visually-hidden"> ({section.noun} {index + 1})</span>
                        </label>
                        {column.type === 'kind' ? (
                          <select id={id} value={shown(item[column.key], 'text')} onChange={(e) => edit(section.key, index, column.key, e.target.value)}>
                            {KINDS.map(([value, label]) => (
                              <option key={value} value={value}>
                                {label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input
                            id={id}
                            inputMode={column.type === 'number' ? 'decimal' : undefined}
                            value={shown(item[column.key], column.type)}
                            onChange={(e) => edit(section.key, index, column.key, parsed(e.target.value, column.type))}
                          />
                        )}
                      </div>
                    )
                  })}
                  <button type="button" className="link danger" onClick={() => remove(section.key, index)}>
                    Remove {section.noun} {index + 1}
                  </button>
                </div>
              ))}
              <div>
                <button type="button" onClick={() => add(section.key, section.blank)}>
                  + Add {/^[aeiou]/.test(section.noun) ? 'an' : 'a'} {section.noun}
                </button>
              </div>
              {section.key === 'scopeOfWork' && <TypicalLines api={api} template={template} scope={items} onAdd={(item) => add(section.key, item)} />}
            </fieldset>
          )
        })}
        {error instanceof ApiError && error.code === 'INVALID_FINDINGS' && error.details ? (
          <ApiErrorNotice error={new ApiError(400, error.code, `${error.message} ${JSON.stringify(error.details).slice(0, 400)}`)} />
        ) : (
          <ApiErrorNotice error={error} />
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Save findings
          </button>
          <span aria-live="polite" className="small">
            {saved && `Saved ${saved}; QA checked again.`}
          </span>
        </div>
      </form>

      <h3>QA after your changes</h3>
      {qa && <QaIssues qa={qa} />}

      <form onSubmit={approve} className="stack" aria-labelledby="approve-heading">
        <h3 id="approve-heading">Approve</h3>
        {errors.length === 0 ? (
          <p>No QA errors are left. Warnings are acknowledged by approving.</p>
        ) : (
          <p>Each QA error left needs a reason, which the final report prints.</p>
        )}
        {errors.map((issue) => {
          const key = keyOf(issue.code, issue.field)
          const id = `reason-${key.replace(/[^A-Za-z0-9]/g, '-')}`
          return (
            <div className="field" key={key}>
              <label htmlFor={id}>
                Reason to override: {issue.message} ({issue.code})
              </label>
              <textarea id={id} rows={2} required value={reasons[key] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [key]: e.target.value }))} />
            </div>
          )
        })}
        <div>
          <button type="submit" className="primary" disabled={busy}>
            Approve the report
          </button>
        </div>
      </form>
    </section>
  )
}
