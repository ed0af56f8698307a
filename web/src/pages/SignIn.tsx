import { type FormEvent, useState } from 'react'
import { makeApi } from '../api'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { hostedUiUrl, useSession } from '../session'

export function SignIn() {
  const { config, signIn } = useSession()
  const [token, setToken] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  async function hostedSignIn() {
    const url = await hostedUiUrl(config, `${location.origin}/`)
    if (url) location.assign(url)
  }

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
      {config.auth.mode === 'cognito' ? (
        <p>
          <button type="button" className="primary" onClick={hostedSignIn}>
            Sign in with your RestoreAssist account
          </button>
        </p>
      ) : config.auth.mode === 'none' ? (
        <p>Sign-in is not set up for this deployment: its stack needs a SignInDomainPrefix.</p>
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
