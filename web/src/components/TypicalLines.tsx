import { useEffect, useState } from 'react'
import type { Api } from '../api'
import { inScope, type ReportTemplate, scopeItemOf, type TypicalLine, typicalLinesOf } from '../reportTemplates'
import type { TemplatePin } from '../types'

/** The job's report template's typical scope lines, beside the review's scope: each one not in the
 * scope yet may be added (its quantity left for the reviewer), none is added on its own. Shows
 * nothing when the job has no template, or the caller's account cannot read it. */
export function TypicalLines({
  api,
  template,
  scope,
  onAdd,
}: {
  api: Api
  template: TemplatePin | null | undefined
  scope: Record<string, unknown>[]
  onAdd: (item: Record<string, unknown>) => void
}) {
  const [lines, setLines] = useState<TypicalLine[]>([])
  const id = template?.id
  const version = template?.version
  useEffect(() => {
    if (!id) return
    let live = true
    api
      .get<{ versions: ReportTemplate[] }>(`/templates/${encodeURIComponent(id)}`)
      .then((reply) => {
        const pinned = reply.versions.find((v) => v.version === version)
        if (live) setLines(pinned ? typicalLinesOf(pinned) : [])
      })
      .catch(() => live && setLines([]))
    return () => {
      live = false
    }
  }, [api, id, version])
  if (!template || lines.length === 0) return null
  return (
    <details className="typical-lines" open>
      <summary>
        Typical lines for {template.name} (version {template.version})
      </summary>
      <p className="small muted">What a job of this kind usually has: add what was done, and give its quantity.</p>
      <ul className="plain stack" aria-label="Typical scope lines">
        {lines.map((line) => {
          const present = inScope(line, scope)
          return (
            <li key={`${line.action}-${line.material}-${line.description}`} className="row wrap spread" data-typical={line.description}>
              <span>
                {line.description} <span className="small muted">({line.unit})</span>
              </span>
              {present ? (
                <span className="small muted">✓ In the scope</span>
              ) : (
                <button type="button" onClick={() => onAdd(scopeItemOf(line))}>
                  Add<span className="visually-hidden"> {line.description}</span>
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </details>
  )
}
