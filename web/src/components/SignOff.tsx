import { type FormEvent, useEffect, useState } from 'react'
import { useAccount } from '../account'
import type { Api } from '../api'
import { type Certification, isCurrent, printedCertification } from '../team'
import { ApiErrorNotice } from './ErrorNotice'

/** Sign a completed revision. The signature prints the signer's certification on file (the API
 * reads it; none sent from here), so the form shows it, or where to add one: signing needs it. */
export function SignOff({ api, workflowId, onSigned }: { api: Api; workflowId: string; onSigned: () => void }) {
  const { account } = useAccount()
  const userId = account?.membership.userId
  const [certification, setCertification] = useState<Certification | null | undefined>(undefined)
  const [form, setForm] = useState({
    name: '',
    role: '',
    statement: 'I inspected this property and this report is true and complete to the best of my knowledge.',
  })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!userId) return
    api
      .get<{ certification: Certification | null }>(`/members/${encodeURIComponent(userId)}/certification`)
      .then((reply) => setCertification(reply.certification))
      .catch(setError)
  }, [api, userId])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api.post(`/workflows/${workflowId}/sign`, form)
      onSigned()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const current = certification ? isCurrent(certification) : false
  const field = (key: keyof typeof form, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`sign-${key}`}>{label}</label>
      {key === 'statement' ? (
        <textarea id={`sign-${key}`} rows={3} value={form[key]} required onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      ) : (
        <input id={`sign-${key}`} value={form[key]} required placeholder={hint} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      )}
    </div>
  )
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="sign-heading">
      <h2 id="sign-heading">Sign off</h2>
      <p>Signing makes this revision final: it cannot change afterwards (a new revision can be opened).</p>
      {field('name', 'Your name')}
      {field('role', 'Role', 'e.g. Restoration technician')}
      <div className="field" data-testid="signer-certification">
        <span className="label">Certification (printed with your signature)</span>
        {certification === undefined && !error && <span>Loading…</span>}
        {certification && current && <span className="mono">{printedCertification(certification)}</span>}
        {certification && !current && (
          <p className="notice notice-error">
            Your certification on file ({printedCertification(certification)}) has expired: a report is signed under a current one.{' '}
            <a href="#/team">Renew it on the Team page</a>.
          </p>
        )}
        {certification === null && (
          <p className="notice">
            Signing needs your certification on file (its number, the IICRC certifications you hold, its expiry).{' '}
            <a href="#/team">Add your certification on the Team page</a>.
          </p>
        )}
        {certification && current && (
          <span className="small">
            Not right? <a href="#/team">Change it on the Team page</a>.
          </span>
        )}
      </div>
      {field('statement', 'Statement')}
      <ApiErrorNotice error={error} />
      <div>
        <button type="submit" className="primary" disabled={busy || !current}>
          Sign the report
        </button>
      </div>
    </form>
  )
}
