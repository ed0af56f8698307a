import { type FormEvent, useState } from 'react'
import { makeApi } from '../api'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { hostedUiUrl, useSession } from '../session'

export function SignIn() {
  const { config, signIn } = useSession()
  const [token, setToken] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const hostedUi = hostedUiUrl(config)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await makeApi(config.apiUrl, token.trim(), () => undefined).get('/settings')
      signIn(token.trim())
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card narrow">
      <h1>Sign in</h1>
      {hostedUi ? (
        <p>
          <a className="button primary" href={hostedUi}>
            Sign in with your RestoreAssist account
          </a>
        </p>
      ) : (
        <form onSubmit={submit}>
          <p>
            This is the local development stack. Print a token with <code>make -s token USER=alice</code> and paste it
            here.
          </p>
          <label htmlFor="token">Development token</label>
          <textarea id="token" rows={4} value={token} onChange={(e) => setToken(e.target.value)} required spellCheck={false} />
          <ApiErrorNotice error={error} />
          <button type="submit" className="primary" disabled={busy || !token.trim()}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
    </section>
  )
}
