import { type FormEvent, useEffect, useState } from 'react'
import { useAccount } from '../account'
import { type Api, useApi } from '../api'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { OneFieldForm, Outcome, useOutcome } from '../components/Outcome'
import { TemplateView } from '../components/TemplateView'
import { lossTypeName, relation, type ReportTemplate, type TemplateHead } from '../reportTemplates'
import { mayManage } from '../team'

function Badges({ head, accountId }: { head: TemplateHead; accountId: string }) {
  const kind = relation(head, accountId)
  return (
    <span className="row wrap badges">
      {kind === 'built-in' && <span className="badge badge-in_progress">Built-in</span>}
      {kind === 'shared' && <span className="badge badge-paused">Shared with you (read-only)</span>}
      {kind === 'own' && head.sharedWith.length > 0 && (
        <span className="badge badge-completed">
          Shared with {head.sharedWith.length} account{head.sharedWith.length === 1 ? '' : 's'}
        </span>
      )}
      {head.retired && <span className="badge badge-cancelled">⊘ Retired</span>}
    </span>
  )
}

/** #/templates: the built-ins, the account's own and those shared with it. */
export function TemplatesPage() {
  const api = useApi()
  const { account, error: accountError } = useAccount()
  const [templates, setTemplates] = useState<TemplateHead[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    api
      .get<{ templates: TemplateHead[] }>('/templates')
      .then((reply) => setTemplates(reply.templates))
      .catch(setError)
  }, [api])
  const admin = mayManage(account?.membership.role)
  const accountId = account?.membership.orgId ?? ''
  return (
    <div className="stack">
      <div className="row spread">
        <h1>Report templates</h1>
        {admin && (
          <a className="button primary" href="#/templates/new">
            + New template
          </a>
        )}
      </div>
      <p>
        A template sets a report's sections and their order, what QA requires of the findings, and the report's branding. A job keeps the
        version it was made with; a new version changes only the jobs made after it.
        {account && !admin && ' Owners and managers create and change your account’s templates.'}
      </p>
      <ApiErrorNotice error={error ?? accountError} />
      {templates === null && !error && <p>Loading…</p>}
      <ul className="plain templates" aria-label="Templates">
        {templates?.map((head) => (
          <li key={head.id} className="card template-row" data-template={head.name}>
            <div className="row wrap spread">
              <a href={`#/templates/${head.id}`} className="job-title">
                {head.name}
              </a>
              <Badges head={head} accountId={accountId} />
            </div>
            <p className="small muted">
              {head.lossTypes.map(lossTypeName).join(', ')} · version {head.latestVersion}
              {head.updatedAt ? ` · updated ${new Date(head.updatedAt).toLocaleDateString()}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** #/templates/<id>: a template, every version, and (for its own account's admins) its actions. */
export function TemplateDetailPage({ templateId }: { templateId: string }) {
  const api = useApi()
  const { account } = useAccount()
  const [detail, setDetail] = useState<{ template: TemplateHead; versions: ReportTemplate[] } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    api
      .get<{ template: TemplateHead; versions: ReportTemplate[] }>(`/templates/${encodeURIComponent(templateId)}`)
      .then(setDetail)
      .catch(setError)
  }, [api, templateId, version])
  if (!detail || !account) return error ? <ApiErrorNotice error={error} /> : <p>Loading…</p>
  const head = detail.template
  const kind = relation(head, account.membership.orgId)
  const admin = mayManage(account.membership.role)
  return (
    <div className="stack">
      <p>
        <a href="#/templates">← All templates</a>
      </p>
      <div className="row spread wrap">
        <h1>{head.name}</h1>
        <Badges head={head} accountId={account.membership.orgId} />
      </div>
      {admin && kind === 'own' && <OwnTemplateActions api={api} head={head} onChanged={() => setVersion((v) => v + 1)} />}
      {admin && kind !== 'own' && (
        <p>
          <a className="button" href={`#/templates/new?from=${encodeURIComponent(head.id)}`}>
            Make a template of your own from this one
          </a>
        </p>
      )}
      <section className="card stack" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {detail.versions.map((v, i) => (
          <details key={v.version} open={i === 0} className="version">
            <summary>
              Version {v.version}
              {i === 0 ? ' (newest: new jobs use it)' : ''}
            </summary>
            <TemplateView template={v} />
          </details>
        ))}
      </section>
    </div>
  )
}

function OwnTemplateActions({ api, head, onChanged }: { api: Api; head: TemplateHead; onChanged: () => void }) {
  const [orgId, setOrgId] = useState('')
  const outcome = useOutcome()
  async function act(run: () => Promise<unknown>, done: string): Promise<boolean> {
    const succeeded = await outcome.act(run, done)
    if (succeeded) onChanged()
    return succeeded
  }
  async function share(event: FormEvent) {
    event.preventDefault()
    const target = orgId.trim()
    if (await act(() => api.post(`/templates/${head.id}/share`, { orgId: target }), `Shared with ${target}.`)) setOrgId('')
  }
  function unshare(target: string) {
    act(() => api.del(`/templates/${head.id}/share?orgId=${encodeURIComponent(target)}`), `No longer shared with ${target}.`)
  }
  function retire() {
    if (!window.confirm(`Retire "${head.name}"? New jobs can no longer choose it; jobs using it keep their version.`)) return
    act(() => api.post(`/templates/${head.id}/retire`), 'Retired.')
  }
  return (
    <section className="card stack" aria-labelledby="manage-heading">
      <h2 id="manage-heading">Manage</h2>
      {!head.retired && (
        <div className="row wrap">
          <a className="button primary" href={`#/templates/${head.id}/edit`}>
            New version
          </a>
          <button type="button" className="danger" onClick={retire}>
            Retire
          </button>
        </div>
      )}
      {head.retired && <p>Retired: no new job may choose it, and it takes no new versions. Jobs that use it keep their version.</p>}
      <h3>Sharing</h3>
      <p className="small muted">
        Another account (a partner company, or an insurer panel's members) may read a shared template and choose it for their jobs; only
        your account changes it.
      </p>
      {head.sharedWith.length === 0 ? (
        <p>Not shared.</p>
      ) : (
        <ul className="plain stack" aria-label="Shared with">
          {head.sharedWith.map((target) => (
            <li key={target} className="row wrap spread">
              <span className="mono">{target}</span>
              <button type="button" onClick={() => unshare(target)}>
                Stop sharing<span className="visually-hidden"> with {target}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <OneFieldForm
        id="share-org"
        label="Share with account (its organisation id)"
        formLabel="Share the template"
        value={orgId}
        onChange={setOrgId}
        onSubmit={share}
        button="Share"
        input={{ className: 'mono', required: true, placeholder: 'org_…' }}
      />
      <Outcome notice={outcome.notice} error={outcome.error} />
    </section>
  )
}
