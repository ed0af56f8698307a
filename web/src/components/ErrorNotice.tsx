import { ApiError } from '../api'
import { errorTitle } from '../messages'

export function ErrorNotice({ code, message }: { code: string | null; message?: string | null }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">
        <span aria-hidden="true">⚠ </span>
        {errorTitle(code)}
      </p>
      {message && <p>{message}</p>}
      {code && <p className="muted small">Error code: {code}</p>}
    </div>
  )
}

export function ApiErrorNotice({ error }: { error: unknown }) {
  if (!error) return null
  if (error instanceof ApiError) return <ErrorNotice code={error.code} message={error.message} />
  return <ErrorNotice code={null} message={String(error)} />
}
