import { type FormEvent, useEffect, useState } from 'react'
import { useApi } from '../api'
import { ApiErrorNotice, ErrorNotice } from '../components/ErrorNotice'
import {
  bodyOf,
  type EditorSection,
  type EditorState,
  editorFrom,
  LOSS_TYPES,
  moved,
  problems,
  REQUIRED_KINDS,
  type ReportTemplate,
  type RequiredField,
  sectionName,
  type TemplateHead,
  textSection,
} from '../reportTemplates'
import { navigate } from '../router'

const DEFAULT_BASE = 'builtin-water-s500'

/** #/templates/new[?from=<id>] (a new template, from a built-in or another) and
 * #/templates/<id>/edit (its next version, from its newest). */
export function TemplateEditorPage({ templateId, from }: { templateId?: string; from?: string | null }) {
  const api = useApi()
  const [state, setState] = useState<EditorState | null>(null)
  const [head, setHead] = useState<TemplateHead | null>(null)
  const [shown, setShown] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const base = templateId ?? from ?? DEFAULT_BASE

  useEffect(() => {
    api
      .get<{ template: TemplateHead; versions: ReportTemplate[] }>(`/templates/${encodeURIComponent(base)}`)
      .then((reply) => {
        setHead(reply.template)
        const newest = reply.versions[0]
        setState(editorFrom(newest, templateId ? newest.name : `${newest.name} (ours)`))
      })
      .catch(setError)
  }, [api, base, templateId])

  if (!state) return error ? <ApiErrorNotice error={error} /> : <p>Loading…</p>
  const set = (patch: Partial<EditorState>) => setState((s) => (s ? { ...s, ...patch } : s))
  const setSection = (index: number, patch: Partial<EditorSection>) =>
    set({ sections: state.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) })
  const setField = (index: number, patch: Partial<RequiredField>) =>
    set({ requiredFields: state.requiredFields.map((f, i) => (i === index ? { ...f, ...patch } : f)) })

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!state) return
    const found = problems(state)
    setShown(found)
    if (found.length) return
    setBusy(true)
    setError(null)
    try {
      const path = templateId ? `/templates/${templateId}/versions` : '/templates'
      const reply = await api.post<{ template: ReportTemplate }>(path, bodyOf(state))
      navigate(`/templates/${reply.template.id}`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="editor-heading">
      <p>
        <a href={templateId ? `#/templates/${templateId}` : '#/templates'}>← Back</a>
      </p>
      <h1 id="editor-heading">{templateId ? `New version of ${head?.name ?? 'the template'}` : 'New report template'}</h1>
      {!templateId && (
        <p>
          Starting from <strong>{head?.name}</strong>. Change what your reports need; the template is your account's, and only its owners and
          managers change it.
        </p>
      )}
      {templateId && <p>The earlier versions stay as they are: jobs made with them keep them.</p>}

      <section className="card stack" aria-labelledby="about-heading">
        <h2 id="about-heading">About</h2>
        <div className="field">
          <label htmlFor="tpl-name">Name</label>
          <input id="tpl-name" value={state.name} onChange={(e) => set({ name: e.target.value })} maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="tpl-description">Description (optional)</label>
          <textarea id="tpl-description" rows={2} value={state.description} onChange={(e) => set({ description: e.target.value })} maxLength={500} />
        </div>
        <fieldset>
          <legend>For these losses</legend>
          <div className="checks">
            {LOSS_TYPES.map(([value, label]) => (
              <div className="field checkbox" key={value}>
                <input
                  id={`loss-${value}`}
                  type="checkbox"
                  checked={state.lossTypes.includes(value)}
                  onChange={(e) => set({ lossTypes: e.target.checked ? [...state.lossTypes, value] : state.lossTypes.filter((t) => t !== value) })}
                />
                <label htmlFor={`loss-${value}`}>{label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </section>

      <section className="card stack" aria-labelledby="sections-heading">
        <h2 id="sections-heading">Sections, in order</h2>
        <p className="small muted">
          Tick the sections the report prints and move them into order; the loss, the quality check and the photos are in every report.
          Type a heading to rename a section (left empty, it keeps its own).
        </p>
        <ol className="plain section-list">
          {state.sections.map((section, index) => {
            const name = section.kind === 'text' ? `Text section ${index + 1}` : sectionName(section.kind)
            const required = REQUIRED_KINDS.includes(section.kind)
            return (
              <li key={section.key} className={`section-row${section.included ? '' : ' excluded'}`} data-kind={section.kind}>
                <div className="section-line">
                  {section.kind === 'text' ? (
                    <strong className="section-name">{name}</strong>
                  ) : (
                    <div className="field checkbox section-name">
                      <input
                        id={`include-${section.key}`}
                        type="checkbox"
                        checked={section.included}
                        disabled={required}
                        onChange={(e) => setSection(index, { included: e.target.checked })}
                      />
                      <label htmlFor={`include-${section.key}`}>
                        {name}
                        {required && <span className="muted small"> (always)</span>}
                      </label>
                    </div>
                  )}
                  {section.included && (
                    <div className="field section-title">
                      <label htmlFor={`title-${section.key}`} className="visually-hidden">
                        Heading of {name}
                      </label>
                      <input
                        id={`title-${section.key}`}
                        value={section.title}
                        onChange={(e) => setSection(index, { title: e.target.value })}
                        maxLength={120}
                        placeholder={section.kind === 'text' ? 'Its heading, e.g. Terms' : `Heading: ${sectionName(section.kind)}`}
                      />
                    </div>
                  )}
                  <span className="row section-moves">
                    <button type="button" onClick={() => set({ sections: moved(state.sections, index, -1) })} disabled={index === 0} aria-label={`Move ${name} up`}>
                      ↑
                    </button>
                    <button
                      type="button"
                      onClick={() => set({ sections: moved(state.sections, index, 1) })}
                      disabled={index === state.sections.length - 1}
                      aria-label={`Move ${name} down`}
                    >
                      ↓
                    </button>
                    {section.kind === 'text' && (
                      <button type="button" className="danger" onClick={() => set({ sections: state.sections.filter((_, i) => i !== index) })}>
                        Remove<span className="visually-hidden"> {name}</span>
                      </button>
                    )}
                  </span>
                </div>
                {section.kind === 'text' && (
                  <div className="field">
                    <label htmlFor={`text-${section.key}`} className="small">
                      Its words<span className="visually-hidden"> ({name})</span>
                    </label>
                    <textarea id={`text-${section.key}`} rows={3} value={section.text} onChange={(e) => setSection(index, { text: e.target.value })} maxLength={3000} />
                  </div>
                )}
              </li>
            )
          })}
        </ol>
        <div>
          <button type="button" onClick={() => set({ sections: [...state.sections, textSection()] })}>
            + Add a text section (terms, a statement)
          </button>
        </div>
      </section>

      <section className="card stack" aria-labelledby="required-heading">
        <h2 id="required-heading">What QA requires</h2>
        <p className="small muted">
          A field of the findings the report must have (a camelCase path such as <code>parties.adjuster</code>), the code and message QA raises
          without it, and how serious that is (an error stops the job for a person's review).
        </p>
        {state.requiredFields.map((field, index) => (
          <div key={index} className="edit-row">
            <div className="field">
              <label htmlFor={`req-path-${index}`}>Field<span className="visually-hidden"> (requirement {index + 1})</span></label>
              <input id={`req-path-${index}`} className="mono" value={field.path} onChange={(e) => setField(index, { path: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`req-code-${index}`}>Code<span className="visually-hidden"> (requirement {index + 1})</span></label>
              <input id={`req-code-${index}`} className="mono" value={field.code} onChange={(e) => setField(index, { code: e.target.value.toUpperCase() })} />
            </div>
            <div className="field">
              <label htmlFor={`req-severity-${index}`}>Severity<span className="visually-hidden"> (requirement {index + 1})</span></label>
              <select id={`req-severity-${index}`} value={field.severity} onChange={(e) => setField(index, { severity: e.target.value })}>
                <option value="error">Error</option>
                <option value="warning">Warning</option>
                <option value="info">Info</option>
              </select>
            </div>
            <div className="field wide">
              <label htmlFor={`req-message-${index}`}>Message<span className="visually-hidden"> (requirement {index + 1})</span></label>
              <input id={`req-message-${index}`} value={field.message} onChange={(e) => setField(index, { message: e.target.value })} />
            </div>
            <button type="button" className="link danger" onClick={() => set({ requiredFields: state.requiredFields.filter((_, i) => i !== index) })}>
              Remove requirement {index + 1}
            </button>
          </div>
        ))}
        <div>
          <button type="button" onClick={() => set({ requiredFields: [...state.requiredFields, { path: '', code: '', message: '', severity: 'warning' }] })}>
            + Add a requirement
          </button>
        </div>
      </section>

      <section className="card stack" aria-labelledby="branding-heading">
        <h2 id="branding-heading">Branding</h2>
        <p className="small muted">Left empty: the company settings' name and the house colours.</p>
        <div className="row wrap">
          <div className="field grow">
            <label htmlFor="brand-name">Company name on the report</label>
            <input id="brand-name" value={state.companyName} onChange={(e) => set({ companyName: e.target.value })} maxLength={120} />
          </div>
          {(['primaryColour', 'accentColour'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`brand-${key}`}>{key === 'primaryColour' ? 'Primary colour' : 'Accent colour'}</label>
              <span className="row">
                <input id={`brand-${key}`} className="mono" size={9} value={state[key]} onChange={(e) => set({ [key]: e.target.value })} placeholder="#1F3A5F" />
                <span className="swatch" aria-hidden="true" style={{ background: /^#[0-9A-Fa-f]{6}$/.test(state[key]) ? state[key] : 'transparent' }} />
              </span>
            </div>
          ))}
        </div>
      </section>

      <details className="card">
        <summary>Advanced: QA's own rules and the scope's line items (JSON)</summary>
        <p className="small muted">
          <code>qaRules</code>: rule codes <code>off</code>, at another <code>severity</code>, and <code>thresholds</code>; <code>scope</code>: a
          line-item <code>catalogue</code> and the <code>typicalLines</code> of such a job. Kept from the template this one starts from.
        </p>
        <label htmlFor="tpl-advanced" className="visually-hidden">
          QA rules and scope as JSON
        </label>
        <textarea id="tpl-advanced" className="mono" rows={12} value={state.advanced} onChange={(e) => set({ advanced: e.target.value })} spellCheck={false} />
      </details>

      {shown.length > 0 && <ErrorNotice code={null} message={shown.join(' ')} />}
      <ApiErrorNotice error={error} />
      <div className="row wrap">
        <button type="submit" className="primary" disabled={busy}>
          {templateId ? 'Save as a new version' : 'Create template'}
        </button>
        <a className="button" href={templateId ? `#/templates/${templateId}` : '#/templates'}>
          Cancel
        </a>
      </div>
    </form>
  )
}
