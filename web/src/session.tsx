import { createContext, useContext } from 'react'

export interface AppConfig {
  /** e.g. http://127.0.0.1:8000/api/orchestrator */
  apiUrl: string
  /** e.g. ws://127.0.0.1:8001 */
  websocketUrl: string
  auth: { mode: 'dev' } | { mode: 'none' } | { mode: 'cognito'; domain: string; clientId: string }
  maxUploadBytes: number
}

export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024

/** /config.json beside the page: written by the local stack, or by the deploy on AWS. */
export async function loadConfig(): Promise<AppConfig> {
  const fallback: AppConfig = {
    apiUrl: `${location.origin}/api/orchestrator`,
    websocketUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.hostname}:8001`,
    auth: { mode: 'dev' },
    maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
  }
  try {
    const response = await fetch('/config.json', { cache: 'no-store' })
    if (!response.ok) return fallback
    return { ...fallback, ...((await response.json()) as Partial<AppConfig>) }
  } catch {
    return fallback
  }
}

const TOKEN_KEY = 'restoreassist.token'

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY)
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token)
  else sessionStorage.removeItem(TOKEN_KEY)
}

// The Cognito hosted UI, with the authorization code flow and PKCE (RFC 7636): the app client has
// no secret, so the code is bound to a verifier only this tab knows.
const VERIFIER_KEY = 'restoreassist.pkce'

function base64url(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export async function pkceChallenge(verifier: string): Promise<string> {
  // the verifier is ASCII (RFC 7636: unreserved characters only)
  const digest = await crypto.subtle.digest('SHA-256', Uint8Array.from(verifier, (c) => c.charCodeAt(0)))
  return base64url(new Uint8Array(digest))
}

export async function hostedUiUrl(
  config: AppConfig,
  redirectUri: string,
  verifier: string = base64url(crypto.getRandomValues(new Uint8Array(32))),
): Promise<string | null> {
  if (config.auth.mode !== 'cognito') return null
  sessionStorage.setItem(VERIFIER_KEY, verifier)
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.clientId,
    redirect_uri: redirectUri,
    scope: 'openid email',
    code_challenge_method: 'S256',
    code_challenge: await pkceChallenge(verifier),
  })
  return `${config.auth.domain}/oauth2/authorize?${params}`
}

/** Back from the hosted UI with `?code=`: trade it (and the verifier) for the ID token. */
export async function finishHostedSignIn(config: AppConfig, url: URL, fetcher: typeof fetch = fetch): Promise<string | null> {
  const code = url.searchParams.get('code')
  const verifier = sessionStorage.getItem(VERIFIER_KEY)
  if (config.auth.mode !== 'cognito' || !code || !verifier) return null
  sessionStorage.removeItem(VERIFIER_KEY)
  const response = await fetcher(`${config.auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.auth.clientId,
      code,
      redirect_uri: `${url.origin}/`,
      code_verifier: verifier,
    }),
  })
  if (!response.ok) return null
  const tokens = (await response.json()) as { id_token?: string }
  return tokens.id_token ?? null
}

/** The user id a token names (its `sub`), for display only: the API checks the token. */
export function tokenSubject(token: string): string | null {
  try {
    const payload = token.split('.')[1]
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')))
    return typeof json.sub === 'string' ? json.sub : null
  } catch {
    return null
  }
}

export interface Session {
  config: AppConfig
  token: string | null
  signIn: (token: string) => void
  signOut: () => void
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionContext')
  return session
}
