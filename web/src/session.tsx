import { createContext, useContext } from 'react'

export interface AppConfig {
  /** e.g. http://127.0.0.1:8000/api/orchestrator */
  apiUrl: string
  /** e.g. ws://127.0.0.1:8001 */
  websocketUrl: string
  auth: { mode: 'dev' } | { mode: 'cognito'; domain: string; clientId: string }
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

/** Cognito's hosted UI hands the tokens back in the URL's fragment (implicit grant). */
export function takeTokenFromRedirect(): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  const token = fragment.get('id_token')
  if (!token) return null
  history.replaceState(null, '', `${location.pathname}#/`)
  return token
}

export function hostedUiUrl(config: AppConfig): string | null {
  if (config.auth.mode !== 'cognito') return null
  const params = new URLSearchParams({
    response_type: 'token',
    client_id: config.auth.clientId,
    redirect_uri: `${location.origin}/`,
    scope: 'openid email',
  })
  return `${config.auth.domain}/oauth2/authorize?${params}`
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
