import { type FormEvent, useEffect, useState } from 'react'
import { useAccount } from '../account'
import { type Api, useApi } from '../api'
import { CopyField } from '../components/CopyButton'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { Outcome, useOutcome } from '../components/Outcome'
import { mayManage } from '../team'
import { attemptSummary, type Delivery, deliveryState, eventName, onItsWay, redeliverable, WEBHOOK_EVENTS, type Webhook } from '../webhooks'

interface Secret {
  url: string
  value: string
  rotated: boolean
}

/** #/webhooks: the account's HTTPS endpoints for workflow events, and each one's deliveries. */
export function WebhooksPage() {
  const api = useApi()
  const { account, error: accountError } = useAccount()
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null)
  const [secret, setSecret] = useState<Secret | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  const admin = mayManage(account?.membership.role)

  useEffect(() => {
    if (!admin) return
    api
      .get<{ webhooks: Webhook[] }>('/webhooks')
      .then((reply) => setWebhooks(reply.webhooks))
      .catch(setError)
  }, [api, admin, version])

  if (!account) return accountError ? <ApiErrorNotice error={accountError} /> : <p>Loading…</p>
  return (
    <div className="stack">
      <h1>Webhooks</h1>
      <p>
        Your systems (job management, CRM, an insurer's portal) hear when a job completes, needs review, is signed or fails: each event is
        POSTed as signed JSON to the HTTPS endpoints registered here, and retried for about 13 hours if they do not answer.
      </p>
      {!admin ? (
        <p className="notice">Only your account's owners and managers manage its webhooks.</p>
      ) : (
        <>
          <CreateWebhook api={api} onCreated={(s) => { setSecret(s); setVersion((v) => v + 1) }} />
          {secret && (
            <div className="notice" role="status">
              <p className="notice-title">
                Copy the signing secret {secret.rotated ? 'for' : 'of'} {secret.url} now: it is shown only this once.
              </p>
              {secret.rotated && <p>The old secret also signs for 24 hours, so your receiver can switch over.</p>}
              <CopyField id="webhook-secret" label="Signing secret" value={secret.value} copyLabel="Copy the signing secret" />
            </div>
          )}
          <ApiErrorNotice error={error} />
          <section className="stack" aria-labelledby="endpoints-heading">
            <h2 id="endpoints-heading">Endpoints</h2>
            {webhooks === null && !error && <p>Loading…</p>}
            {webhooks?.length === 0 && <p className="muted">None yet.</p>}
            <ul className="plain stack" aria-label="Endpoints">
              {webhooks?.map((webhook) => (
                <EndpointCard
                  key={webhook.id}
                  api={api}
                  webhook={webhook}
                  onSecret={(value) => setSecret({ url: webhook.url, value, rotated: true })}
                  onChanged={() => setVersion((v) => v + 1)}
                />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  )
}

function CreateWebhook({ api, onCreated }: { api: Api; onCreated: (secret: Secret) => void }) {
  const [url, setUrl] = useState('')
  const [description, setDescription] = useState('')
  const [events, setEvents] = useState<string[]>(['workflow.completed', 'workflow.failed'])
  const [error, setError] = useState<unknown>(null)
  async function create(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      const reply = await api.post<{ webhook: Webhook; secret: string }>('/webhooks', { url: url.trim(), events, description: description.trim() })
      onCreated({ url: reply.webhook.url, value: reply.secret, rotated: false })
      setUrl('')
      setDescription('')
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section className="card stack" aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">Add an endpoint</h2>
      <form onSubmit={create} className="stack" aria-label="Add an endpoint">
        <div className="row wrap">
          <div className="field grow">
            <label htmlFor="webhook-url">Endpoint URL (https://)</label>
            <input id="webhook-url" type="url" className="mono" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://hooks.example.com/restoreassist" />
          </div>
          <div className="field grow">
            <label htmlFor="webhook-description">Description (optional)</label>
            <input id="webhook-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} placeholder="e.g. Job management system" />
          </div>
        </div>
        <fieldset>
          <legend>Events</legend>
          <div className="checks">
            {WEBHOOK_EVENTS.map(([value, label]) => (
              <div className="field checkbox" key={value}>
                <input
                  id={`event-${value}`}
                  type="checkbox"
                  checked={events.includes(value)}
                  onChange={(e) => setEvents(e.target.checked ? [...events, value] : events.filter((x) => x !== value))}
                />
                <label htmlFor={`event-${value}`}>
                  {label} <span className="mono small muted">{value}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div>
          <button type="submit" className="primary" disabled={events.length === 0}>
            Add endpoint
          </button>
        </div>
      </form>
      <ApiErrorNotice error={error} />
    </section>
  )
}

function EndpointCard({ api, webhook, onSecret, onChanged }: { api: Api; webhook: Webhook; onSecret: (secret: string) => void; onChanged: () => void }) {
  const [showDeliveries, setShowDeliveries] = useState(false)
  const [deliveriesVersion, setDeliveriesVersion] = useState(0)
  const { notice, error, act } = useOutcome()
  const name = webhook.description || webhook.url

  async function sendTest() {
    if (await act(() => api.post(`/webhooks/${webhook.id}/test`), 'A test delivery was queued.')) {
      setShowDeliveries(true)
      setDeliveriesVersion((v) => v + 1)
    }
  }
  async function rotate() {
    if (!window.confirm('Make a new signing secret? The old one keeps signing for 24 hours.')) return
    await act(async () => onSecret((await api.post<{ secret: string }>(`/webhooks/${webhook.id}/rotate-secret`)).secret), 'A new secret was made.')
  }
  async function enable() {
    if (await act(() => api.post(`/webhooks/${webhook.id}/enable`), 'Enabled: new events are sent again.')) onChanged()
  }
  async function remove() {
    if (!window.confirm(`Delete the endpoint ${webhook.url}? Nothing more is sent to it.`)) return
    if (await act(() => api.del(`/webhooks/${webhook.id}`), 'Deleted.')) onChanged()
  }

  return (
    <li className="card stack endpoint" data-webhook={webhook.url}>
      <div className="row wrap spread">
        <span className="mono endpoint-url">{webhook.url}</span>
        {webhook.status === 'ACTIVE' ? (
          <span className="badge badge-completed">✓ Active</span>
        ) : (
          <span className="badge badge-failed">✕ Failing</span>
        )}
      </div>
      {webhook.description && <p>{webhook.description}</p>}
      <p className="small muted">
        {webhook.events.map(eventName).join(' · ')} · added {new Date(webhook.createdAt).toLocaleDateString()}
        {webhook.consecutiveFailures > 0 && ` · ${webhook.consecutiveFailures} failed deliveries in a row`}
      </p>
      {webhook.status === 'FAILING' && (
        <p className="small">Its last deliveries all failed: it gets no new events until you enable it (check it with a test first).</p>
      )}
      <div className="row wrap">
        <button type="button" onClick={sendTest}>
          Send test<span className="visually-hidden"> to {name}</span>
        </button>
        <button type="button" onClick={() => setShowDeliveries((s) => !s)} aria-expanded={showDeliveries}>
          {showDeliveries ? 'Hide deliveries' : 'Deliveries'}
          <span className="visually-hidden"> of {name}</span>
        </button>
        <button type="button" onClick={rotate}>
          Rotate secret<span className="visually-hidden"> of {name}</span>
        </button>
        {webhook.status === 'FAILING' && (
          <button type="button" onClick={enable}>
            Enable<span className="visually-hidden"> {name}</span>
          </button>
        )}
        <button type="button" className="danger" onClick={remove}>
          Delete<span className="visually-hidden"> {name}</span>
        </button>
      </div>
      <Outcome notice={notice} error={error} />
      {showDeliveries && <Deliveries api={api} webhook={webhook} version={deliveriesVersion} />}
    </li>
  )
}

function Deliveries({ api, webhook, version }: { api: Api; webhook: Webhook; version: number }) {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [tick, setTick] = useState(0)
  const [sending, setSending] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api
      .get<{ deliveries: Delivery[] }>(`/webhooks/${webhook.id}/deliveries`)
      .then((reply) => {
        if (!live) return
        setDeliveries(reply.deliveries)
        setError(null)
      })
      .catch((e) => live && setError(e))
    return () => {
      live = false
    }
  }, [api, webhook.id, version, tick])

  // While a delivery is on its way, ask again every 2 s (a retry hours away is not waited for).
  const waiting = deliveries?.some((d) => onItsWay(d)) ?? false
  useEffect(() => {
    if (!waiting) return
    const timer = setTimeout(() => setTick((t) => t + 1), 2000)
    return () => clearTimeout(timer)
  }, [waiting, deliveries])

  async function redeliver(delivery: Delivery) {
    setSending(delivery.id)
    setError(null)
    try {
      await api.post(`/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`)
      setTick((t) => t + 1)
    } catch (e) {
      setError(e)
    } finally {
      setSending(null)
    }
  }

  return (
    <section className="stack deliveries" aria-label={`Deliveries of ${webhook.description || webhook.url}`}>
      <div className="row spread">
        <h3>Deliveries</h3>
        <button type="button" className="link" onClick={() => setTick((t) => t + 1)}>
          Refresh
        </button>
      </div>
      <ApiErrorNotice error={error} />
      {deliveries?.length === 0 && <p className="muted small">Nothing sent yet. Send a test to see one here.</p>}
      <ul className="plain stack">
        {deliveries?.map((delivery) => {
          const state = deliveryState(delivery)
          return (
            <li key={delivery.id} className="delivery" data-delivery={delivery.id} data-status={delivery.status}>
              <div className="row wrap spread">
                <span>
                  <strong>{eventName(delivery.event)}</strong> <span className="small muted">{new Date(delivery.createdAt).toLocaleString()}</span>
                </span>
                <span className={`tone-${state.tone}`} data-testid="delivery-state">
                  {state.label}
                </span>
              </div>
              {delivery.attempts.length > 0 && (
                <ol className="small attempts">
                  {delivery.attempts.map((attempt) => (
                    <li key={attempt.attempt}>
                      {attemptSummary(attempt)}{' '}
                      <span className="muted">({new Date(attempt.at).toLocaleTimeString()})</span>
                      {attempt.responseSnippet && <div className="mono muted snippet">{attempt.responseSnippet}</div>}
                    </li>
                  ))}
                </ol>
              )}
              <div className="row wrap spread">
                <span className="mono small muted">{delivery.id}</span>
                {redeliverable(delivery) && (
                  <button type="button" onClick={() => redeliver(delivery)} disabled={sending === delivery.id}>
                    Send again<span className="visually-hidden"> ({eventName(delivery.event)}, {delivery.id})</span>
                  </button>
                )}
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
