import { createContext, useContext, useEffect, useState } from 'react'
import { useSession } from '../session'
import { EMPTY_PROGRESS, ProgressHub, type ProgressState } from './connection'

export interface WorkflowProgress {
  progress: ProgressState
  isConnected: boolean
}

/** The page's one socket (App provides it per signed-in token); without one, each hook opens its own. */
export const ProgressHubContext = createContext<ProgressHub | null>(null)

/**
 * Live progress of one workflow over the WebSocket API, reconnecting with backoff and resuming
 * from the last seq handled. `fromStart` replays every event (the phases' times on the workflow
 * page); without it the first message is a SNAPSHOT of the workflow as it stands (the list).
 */
export function useWorkflowProgress(workflowId: string, options: { fromStart?: boolean } = {}): WorkflowProgress {
  const { config, token } = useSession()
  const shared = useContext(ProgressHubContext)
  const [state, setState] = useState<WorkflowProgress>({ progress: EMPTY_PROGRESS, isConnected: false })
  const fromStart = options.fromStart ?? false

  useEffect(() => {
    if (!token) return
    const hub = shared ?? new ProgressHub({ url: config.websocketUrl, getToken: () => token })
    setState({ progress: hub.state(workflowId) ?? EMPTY_PROGRESS, isConnected: hub.connected })
    const stop = hub.watch(workflowId, (progress, isConnected) => setState({ progress, isConnected }), { fromStart })
    return () => {
      stop()
      if (!shared) hub.close()
    }
  }, [workflowId, config.websocketUrl, token, fromStart, shared])

  return state
}
