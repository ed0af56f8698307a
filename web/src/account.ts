import { useCallback, useEffect, useState } from 'react'
import { useApi } from './api'
import type { CurrentAccount } from './team'

/** The account the signed-in person works in (their organisation, or their personal account) and
 * their role: what each page offers depends on it. `reload` after joining or leaving one. */
export function useAccount(): { account: CurrentAccount | null; error: unknown; reload: () => void } {
  const api = useApi()
  const [account, setAccount] = useState<CurrentAccount | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    api
      .get<CurrentAccount>('/organisations/current')
      .then((reply) => {
        if (!live) return
        setAccount(reply)
        setError(null)
      })
      .catch((e) => live && setError(e))
    return () => {
      live = false
    }
  }, [api, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { account, error, reload }
}
