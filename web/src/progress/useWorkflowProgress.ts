import { useEffect, useState } from 'react'
import { useSession } from '../session'
import { EMPTY_PROGRESS, ProgressConnection, type ProgressState } from './connection'

export interface WorkflowProgress {
  progress: ProgressState
  isConnected: boolean
}

/**
 * Live progress of one workflow over the WebSocket API, reconnecting with backoff and resuming
 * from the last seq handled. `fromStart` replays every event (the phases' times on the workflow
 * page); without it the first message is a SNAPSHOT of the workflow as it stands (the list).
 */
export function useWorkflowProgress(workflowId: string, options: { fromStart?: boolean } = {}): WorkflowProgress {
  const { config, token } = useSession()
  const [state, setState] = useState<WorkflowProgress>({ progress: EMPTY_PROGRESS, isConnected: false })
  const fromStart = options.fromStart ?? false

  useEffect(() => {
    if (!token) return
    const connection = new ProgressConnection({
      workflowId,
      url: config.websocketUrl,
      getToken: () => token,
      fromStart,
      onChange: (progress, isConnected) => setState({ progress, isConnected }),
    })
    connection.start()
    return () => connection.stop()
  }, [workflowId, config.websocketUrl, token, fromStart])

  return state
}
