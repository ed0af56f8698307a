import { type FormEvent, useEffect, useState } from 'react'
import { useApi } from '../api'
import {
  CERTIFICATION_CATEGORIES,
  type Certification,
  type CertificationForm,
  certificationProblem,
  isCurrent,
  printedCertification,
} from '../team'
import { ApiErrorNotice, ErrorNotice } from './ErrorNotice'

function formOf(certification: Certification | null | undefined): CertificationForm {
  return certification
    ? { scheme: certification.scheme, number: certification.number, categories: certification.categories, expiresOn: certification.expiresOn }
    : { scheme: 'IICRC', number: '', categories: [], expiresOn: '' }
}

/** The signed-in person's certification on file: shown, and edited (what a signature prints, and
 * what signing requires). */
export function CertificationCard({ userId, onSaved }: { userId: string; onSaved?: () => void }) {
  const api = useApi()
  const [certification, setCertification] = useState<Certification | null | undefined>(undefined)
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    api
      .get<{ certification: Certification | null }>(`/members/${encodeURIComponent(userId)}/certification`)
      .then((reply) => setCertification(reply.certification))
      .catch(setError)
  }, [api, userId])

  return (
    <section className="card stack" aria-labelledby="certification-heading" id="certification">
      <h2 id="certification-heading">Your certification</h2>
      <p className="small muted">
        Signing a report needs a current certification on file: the signature prints it, and the report cannot be signed without it.
      </p>
      {certification === undefined && !error && <p>Loading…</p>}
      {certification === null && !editing && <p data-testid="my-certification">No certification on file yet.</p>}
      {certification && !editing && (
        <p data-testid="my-certification">
          <strong>{printedCertification(certification)}</strong>{' '}
          {isCurrent(certification) ? (
            <span className="badge badge-completed">✓ Current</span>
          ) : (
            <span className="badge badge-failed">✕ Expired</span>
          )}
        </p>
      )}
      {saved && !editing && (
        <p role="status" className="small">
          ✓ Saved.
        </p>
      )}
      {!editing && certification !== undefined && (
        <div>
          <button
            type="button"
            onClick={() => {
              setSaved(false)
              setEditing(true)
            }}
          >
            {certification ? 'Edit your certification' : 'Add your certification'}
          </button>
        </div>
      )}
      {editing && (
        <CertificationEditor
          userId={userId}
          certification={certification}
          idPrefix="cert"
          label="Your certification"
          onSaved={(c) => {
            setCertification(c)
            setEditing(false)
            setSaved(true)
            onSaved?.()
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {!editing && <ApiErrorNotice error={error} />}
    </section>
  )
}

/** The form that puts a person's certification on file (`PUT /members/<id>/certification`): the
 * person's own, or (owners and managers) a member's. Starts from the one on file, if any. */
export function CertificationEditor({
  userId,
  certification,
  idPrefix,
  label,
  onSaved,
  onCancel,
}: {
  userId: string
  certification: Certification | null | undefined
  idPrefix: string
  label: string
  onSaved: (saved: Certification) => void
  onCancel: () => void
}) {
  const api = useApi()
  const [form, setForm] = useState<CertificationForm>(() => formOf(certification))
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function save(event: FormEvent) {
    event.preventDefault()
    const why = certificationProblem(form)
    setProblem(why)
    if (why) return
    setBusy(true)
    setError(null)
    try {
      const reply = await api.put<{ certification: Certification }>(`/members/${encodeURIComponent(userId)}/certification`, {
        scheme: form.scheme.trim(),
        number: form.number.trim(),
        categories: form.categories,
        expiresOn: form.expiresOn,
      })
      onSaved(reply.certification)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  function toggle(category: string, on: boolean) {
    setForm((f) => ({
      ...f,
      categories: on ? CERTIFICATION_CATEGORIES.map(([c]) => c).filter((c) => c === category || f.categories.includes(c)) : f.categories.filter((c) => c !== category),
    }))
  }

  return (
    <form onSubmit={save} className="stack" aria-label={label} noValidate>
      <div className="row wrap">
        <div className="field">
          <label htmlFor={`${idPrefix}-scheme`}>Certifying body</label>
          <input id={`${idPrefix}-scheme`} value={form.scheme} onChange={(e) => setForm({ ...form, scheme: e.target.value })} size={10} />
        </div>
        <div className="field grow">
          <label htmlFor={`${idPrefix}-number`}>Certification number</label>
          <input id={`${idPrefix}-number`} value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-expires`}>Expires on</label>
          <input id={`${idPrefix}-expires`} type="date" value={form.expiresOn} onChange={(e) => setForm({ ...form, expiresOn: e.target.value })} />
        </div>
      </div>
      <fieldset>
        <legend>Certifications held</legend>
        <div className="checks">
          {CERTIFICATION_CATEGORIES.map(([code, name]) => (
            <div className="field checkbox" key={code}>
              <input id={`${idPrefix}-${code}`} type="checkbox" checked={form.categories.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
              <label htmlFor={`${idPrefix}-${code}`}>
                {code} <span className="muted small">({name})</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {problem && <ErrorNotice code={null} message={problem} />}
      <ApiErrorNotice error={error} />
      <div className="row wrap">
        <button type="submit" className="primary" disabled={busy}>
          Save certification
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
