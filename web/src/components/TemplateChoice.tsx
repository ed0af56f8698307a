import { useEffect, useState } from 'react'
import { useAccount } from '../account'
import { useApi } from '../api'
import { lossTypeName, relation, type TemplateHead } from '../reportTemplates'

/** The value that sends no `templateId`: PROCESSING infers the built-in from the loss type. */
export const INFER = ''

/** What a new job may choose: every template the account can read but the retired ones. */
export function choosable(templates: TemplateHead[]): TemplateHead[] {
  return templates.filter((t) => !t.retired)
}

/** The create request's `templateId`, when one is chosen (none: inferred from the loss type). */
export function templateField(templateId: string): { templateId?: string } {
  return templateId === INFER ? {} : { templateId }
}

function optionLabel(t: TemplateHead): string {
  return `${t.name} — ${t.lossTypes.map(lossTypeName).join(', ')} (version ${t.latestVersion})`
}

/** The report template of a new job (docs/adr/0020): "infer from the loss type" by default, the
 * built-ins, the account's own and those shared with it. A remembered choice no longer offered
 * (retired, un-shared) falls back to inferring. */
export function TemplateChoice({ value, onChange }: { value: string; onChange: (templateId: string) => void }) {
  const api = useApi()
  const { account } = useAccount()
  const [templates, setTemplates] = useState<TemplateHead[] | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    api
      .get<{ templates: TemplateHead[] }>('/templates')
      .then((reply) => live && setTemplates(choosable(reply.templates)))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [api])
  useEffect(() => {
    if (templates && value !== INFER && !templates.some((t) => t.id === value)) onChange(INFER)
  }, [templates, value, onChange])
  const accountId = account?.membership.orgId ?? ''
  const groups: [string, TemplateHead[]][] = [
    ['Built-in', (templates ?? []).filter((t) => relation(t, accountId) === 'built-in')],
    ["Your account's", (templates ?? []).filter((t) => relation(t, accountId) === 'own')],
    ['Shared with your account', (templates ?? []).filter((t) => relation(t, accountId) === 'shared')],
  ]
  return (
    <div className="field">
      <label htmlFor="report-template">Report template</label>
      <select
        id="report-template"
        value={templates ? value : INFER}
        disabled={templates === null}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="report-template-help"
      >
        <option value={INFER}>Infer from the loss type</option>
        {groups
          .filter(([, list]) => list.length > 0)
          .map(([label, list]) => (
            <optgroup key={label} label={label}>
              {list.map((t) => (
                <option key={t.id} value={t.id}>
                  {optionLabel(t)}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <p id="report-template-help" className="small muted">
        {failed
          ? 'The templates could not be loaded; the report’s template will be inferred from the loss type.'
          : 'Inferred: water (S500), mould (S520) or fire and smoke (S700), from what the notes describe. A chosen template sets the report’s sections, what QA requires and its branding; the job keeps the version it was made with.'}
      </p>
    </div>
  )
}
