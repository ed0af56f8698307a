import { lossTypeName, type ReportTemplate, sectionName } from '../reportTemplates'

function Swatch({ colour, label }: { colour: string | null | undefined; label: string }) {
  if (!colour) return <span className="muted">{label}: house style</span>
  return (
    <span className="row">
      <span className="swatch" style={{ background: colour }} aria-hidden="true" />
      {label}: <span className="mono">{colour}</span>
    </span>
  )
}

/** One version of a template, read-only: what a report made with it holds. */
export function TemplateView({ template }: { template: ReportTemplate }) {
  const rules = template.qaRules as { off?: string[]; severity?: Record<string, string>; thresholds?: Record<string, number | null> }
  const thresholds = Object.entries(rules.thresholds ?? {}).filter(([, v]) => v !== null && v !== undefined)
  const severities = Object.entries(rules.severity ?? {})
  const scope = template.scope as { typicalLines?: { action: string; material: string; description: string; unit: string }[]; catalogue?: unknown }
  return (
    <div className="stack template-view" data-testid="template-version">
      {template.description && <p>{template.description}</p>}
      <dl className="facts">
        <dt>For</dt>
        <dd>{template.lossTypes.map(lossTypeName).join(', ')}</dd>
        <dt>Version</dt>
        <dd>
          {template.version}
          {template.createdAt ? ` · made ${new Date(template.createdAt).toLocaleString()}` : ''}
          {template.createdBy ? ` by ${template.createdBy}` : ''}
        </dd>
        <dt>Branding</dt>
        <dd className="stack-tight">
          <span>Company name: {template.branding?.companyName ?? <span className="muted">the company settings'</span>}</span>
          <Swatch colour={template.branding?.primaryColour} label="Primary colour" />
          <Swatch colour={template.branding?.accentColour} label="Accent colour" />
        </dd>
      </dl>
      <h4>Sections, in order</h4>
      <ol className="sections">
        {template.sections.map((section, i) => (
          <li key={i}>
            {section.kind === 'text' ? (
              <>
                <strong>{section.title}</strong> <span className="muted small">(text)</span>
                <p className="small pre-line">{section.text}</p>
              </>
            ) : (
              <>
                {section.title ?? sectionName(section.kind)}
                {section.title && <span className="muted small"> ({sectionName(section.kind)})</span>}
              </>
            )}
          </li>
        ))}
      </ol>
      <h4>What QA requires</h4>
      {template.requiredFields.length === 0 ? (
        <p className="muted small">Nothing beyond QA's own rules.</p>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Required fields (scrolls sideways)">
          <table>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Code</th>
                <th scope="col">Severity</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {template.requiredFields.map((field) => (
                <tr key={`${field.path}-${field.code}`}>
                  <td className="mono">{field.path}</td>
                  <td className="mono">{field.code}</td>
                  <td>{field.severity}</td>
                  <td>{field.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(rules.off?.length ?? 0) + severities.length + thresholds.length > 0 && (
        <ul className="small">
          {(rules.off?.length ?? 0) > 0 && <li>Rules not raised: {rules.off!.join(', ')}</li>}
          {severities.map(([code, level]) => (
            <li key={code}>
              {code} raised as {level}
            </li>
          ))}
          {thresholds.map(([name, value]) => (
            <li key={name}>
              {name}: {String(value)}
            </li>
          ))}
        </ul>
      )}
      {(scope.typicalLines?.length ?? 0) > 0 && (
        <>
          <h4>Typical scope lines</h4>
          <ul className="small">
            {scope.typicalLines!.map((line, i) => (
              <li key={i}>
                {line.description} <span className="muted">({line.unit})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {scope.catalogue ? <p className="small">Scope codes from the template's own catalogue.</p> : null}
    </div>
  )
}
