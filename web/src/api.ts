import { useMemo } from 'react'
import { useSession } from './session'

/** An answer of the API's error shape `{"error": {"code", "message"}}`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export interface Reply<T> {
  data: T
  etag: string | null
}

export type Api = ReturnType<typeof makeApi>

export function makeApi(baseUrl: string, token: string | null, onUnauthorized: () => void) {
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    credential: string | null = token,
  ): Promise<Reply<T>> {
    const all: Record<string, string> = { ...headers }
    if (credential) all.Authorization = `Bearer ${credential}`
    if (body !== undefined && !all['Content-Type']) all['Content-Type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: all,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.')
    }
    const text = await response.text()
    let parsed: unknown = null
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = null
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error
      if (response.status === 401 && credential === token) onUnauthorized()
      throw new ApiError(
        response.status,
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? response.statusText,
        error?.details,
      )
    }
    return { data: parsed as T, etag: response.headers.get('ETag') }
  }
  return {
    request,
    get: <T>(path: string) => request<T>('GET', path).then((r) => r.data),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}).then((r) => r.data),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body).then((r) => r.data),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body).then((r) => r.data),
    del: <T>(path: string) => request<T>('DELETE', path).then((r) => r.data),
  }
}

export function useApi(): Api {
  const { config, token, signOut } = useSession()
  return useMemo(() => makeApi(config.apiUrl, token, signOut), [config.apiUrl, token, signOut])
}
