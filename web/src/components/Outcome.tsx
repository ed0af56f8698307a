import { type ComponentProps, type FormEvent, useCallback, useState } from 'react'
import { ApiErrorNotice } from './ErrorNotice'

/** The outcome of a card's actions: a notice when one succeeds, the API's error when one fails.
 * `act(run, done)` runs one, says `done` after it, and answers whether it succeeded. */
export function useOutcome() {
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const act = useCallback(async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null)
    setNotice(null)
    try {
      await run()
      setNotice(done)
      return true
    } catch (e) {
      setError(e)
      return false
    }
  }, [])
  return { notice, setNotice, error, setError, act }
}

/** Where a card says how its last action went: the notice read out politely, then the error. */
export function Outcome({ notice, error }: { notice: string | null; error: unknown }) {
  return (
    <>
      <p aria-live="polite" className="small">
        {notice}
      </p>
      <ApiErrorNotice error={error} />
    </>
  )
}

/** A one-line form: one labelled text field growing to the row's width, and its button. */
export function OneFieldForm({
  id,
  label,
  value,
  onChange,
  onSubmit,
  button,
  formLabel,
  primary = false,
  disabled = false,
  input = {},
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  onSubmit: (event: FormEvent) => void
  button: string
  formLabel?: string
  primary?: boolean
  disabled?: boolean
  input?: Omit<ComponentProps<'input'>, 'id' | 'value' | 'onChange'>
}) {
  return (
    <form onSubmit={onSubmit} className="row wrap" aria-label={formLabel}>
      <div className="field grow">
        <label htmlFor={id}>{label}</label>
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
      </div>
      <div className="field">
        <button type="submit" className={primary ? 'primary' : undefined} disabled={disabled}>
          {button}
        </button>
      </div>
    </form>
  )
}
