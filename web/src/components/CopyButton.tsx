import { useState } from 'react'

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      // no clipboard permission (plain http on another host): select the text for Ctrl-C instead
      const area = document.createElement('textarea')
      area.value = text
      document.body.appendChild(area)
      area.select()
      document.execCommand('copy')
      area.remove()
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }
  return (
    <button type="button" onClick={copy} aria-label={label}>
      {copied ? '✓ Copied' : 'Copy'}
    </button>
  )
}

/** A value shown once (a key, a secret, an invitation link): read-only, selected on focus, with a
 * copy button. Its label is for screen readers; the notice around it says what it is. */
export function CopyField({ id, label, value, copyLabel }: { id: string; label: string; value: string; copyLabel: string }) {
  return (
    <div className="row wrap">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} className="mono grow" readOnly value={value} onFocus={(e) => e.target.select()} />
      <CopyButton text={value} label={copyLabel} />
    </div>
  )
}
