import { type FormEvent, useEffect, useState } from 'react'
import { ApiError, useApi } from '../api'
import { CopyButton, CopyField } from '../components/CopyButton'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { OneFieldForm } from '../components/Outcome'
import { useSession } from '../session'

interface ApiKey {
  id: string
  name: string
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export const FIELD_APP_EXAMPLE = {
  inputMethod: 'API',
  title: '7 Ocean Pde',
  inputData: {
    job: {
      claimNumber: 'CLM-20931',
      insured: 'R. Nguyen',
      address: '7 Ocean Pde',
      dateOfLoss: '2026-11-20',
      lossType: 'water',
      causeOfLoss: 'washing machine hose burst',
    },
    rooms: [{ name: 'Laundry', lengthFt: 8, widthFt: 6, materials: ['tile', 'drywall'] }],
    readings: [{ location: 'Laundry', material: 'drywall', value: 38, unit: 'WME' }],
    photos: [{ caption: 'Burst hose behind machine', room: 'Laundry' }],
    notes: 'Water tracked into hallway carpet.',
  },
}

export function ApiPage() {
  const api = useApi()
  const { config } = useSession()
  const [keys, setKeys] = useState<ApiKey[] | null>(null)
  const [name, setName] = useState('')
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null)
  const [testKey, setTestKey] = useState('')
  const [testResult, setTestResult] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [testError, setTestError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    api
      .get<{ apiKeys: ApiKey[] }>('/api-keys')
      .then((reply) => setKeys(reply.apiKeys))
      .catch(setError)
  }, [api, version])

  async function create(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      const reply = await api.post<{ apiKey: ApiKey; secret: string }>('/api-keys', { name: name.trim() })
      setSecret({ name: reply.apiKey.name, value: reply.secret })
      setTestKey(reply.secret)
      setName('')
      setVersion((v) => v + 1)
    } catch (e) {
      setError(e)
    }
  }

  async function revoke(key: ApiKey) {
    if (!window.confirm(`Revoke "${key.name}"? Apps using it stop working at once.`)) return
    setError(null)
    try {
      await api.del(`/api-keys/${key.id}`)
      setVersion((v) => v + 1)
    } catch (e) {
      setError(e)
    }
  }

  async function test(event: FormEvent) {
    event.preventDefault()
    setTestResult(null)
    setTestError(null)
    try {
      const reply = await api.request<{ success: boolean; userId: string; apiKeyId: string }>(
        'POST',
        '/integrations/test',
        {},
        {},
        testKey.trim(),
      )
      setTestResult(`Connected: the key works and acts as ${reply.data.userId}.`)
    } catch (e) {
      setTestError(e instanceof ApiError && e.status === 401 ? new ApiError(401, 'UNAUTHORIZED', 'This key is not valid (mistyped, or revoked).') : e)
    }
  }

  const curl = `curl -s -X POST ${config.apiUrl}/workflows \\
  -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \\
  -d '${JSON.stringify(FIELD_APP_EXAMPLE)}'`
  const shape = JSON.stringify(FIELD_APP_EXAMPLE, null, 2)

  return (
    <div className="stack">
      <h1>API and field apps</h1>
      <section className="card stack" aria-labelledby="create-heading">
        <h2 id="create-heading">Create an API key</h2>
        <form onSubmit={create} className="row wrap">
          <div className="field">
            <label htmlFor="key-name">Name (where it is used)</label>
            <input id="key-name" value={name} onChange={(e) => setName(e.target.value)} required placeholder="e.g. Crew tablet" />
          </div>
          <div className="field">
            <button type="submit" className="primary">
              Create key
            </button>
          </div>
        </form>
        {secret && (
          <div className="notice" role="status">
            <p className="notice-title">Copy the key for “{secret.name}” now: it is shown only this once.</p>
            <CopyField id="secret" label="New API key" value={secret.value} copyLabel="Copy the new API key" />
          </div>
        )}
        <ApiErrorNotice error={error} />
      </section>

      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Your keys</h2>
        {keys?.length === 0 && <p>No keys yet.</p>}
        {keys && keys.length > 0 && (
          <div className="scroll" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key starts</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td className="mono">{key.prefix}…</td>
                    <td>{new Date(key.createdAt).toLocaleDateString()}</td>
                    <td>{key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : 'never'}</td>
                    <td>
                      {key.revokedAt ? (
                        'Revoked'
                      ) : (
                        <button type="button" className="danger" onClick={() => revoke(key)} aria-label={`Revoke ${key.name}`}>
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="test-heading">
        <h2 id="test-heading">Test a connection</h2>
        <OneFieldForm
          id="test-key"
          label="API key"
          value={testKey}
          onChange={setTestKey}
          onSubmit={test}
          button="Test connection"
          input={{ className: 'mono', required: true }}
        />
        {testResult && (
          <p role="status">
            <span aria-hidden="true">✓ </span>
            {testResult}
          </p>
        )}
        <ApiErrorNotice error={testError} />
      </section>

      <section className="card stack" aria-labelledby="shape-heading">
        <h2 id="shape-heading">What a field app sends</h2>
        <p>
          One inspection as JSON: the job, rooms, readings, photos' captions and notes. Apps whose export uses other
          field names add <code>"source": "&lt;profile&gt;"</code>.
        </p>
        <div className="row spread">
          <h3>The JSON</h3>
          <CopyButton text={shape} label="Copy the JSON example" />
        </div>
        <pre className="code" tabIndex={0} aria-label="Field app JSON example">{shape}</pre>
        <div className="row spread">
          <h3>With curl</h3>
          <CopyButton text={curl} label="Copy the curl example" />
        </div>
        <pre className="code" tabIndex={0} aria-label="curl example">{curl}</pre>
      </section>
    </div>
  )
}
