// The report's JSON rendered in the page: the facts an adjuster reads first.

type Any = Record<string, unknown>

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'object' && value !== null && 'value' in value) return text((value as Any).value)
  if (Array.isArray(value)) return value.map(text).join(', ')
  return String(value)
}

function Table({
  caption,
  rows,
  columns,
  prose = false,
}: {
  caption: string
  rows: Any[]
  columns: [string, string][]
  prose?: boolean // columns of sentences: they wrap on a phone instead of scrolling sideways
}) {
  if (!rows || rows.length === 0) return null
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table className={prose ? 'prose-table' : undefined}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map(([, label]) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map(([key]) => (
                <td key={key}>{text(row[key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function ReportView({ report }: { report: Any }) {
  const findings = (report.findings ?? {}) as Any
  const job = (findings.job ?? {}) as Any
  const category = findings.waterCategory as Any | null
  const klass = findings.waterClass as Any | null
  const signature = report.signature as Any | null
  return (
    <article className="report" data-testid="report">
      {report.draft ? <p className="badge badge-needs_review">DRAFT — not final until approved</p> : null}
      <dl className="facts">
        <dt>Claim</dt>
        <dd>{text(job.claimNumber)}</dd>
        <dt>Insured</dt>
        <dd>{text(job.insured)}</dd>
        <dt>Address</dt>
        <dd>{text(job.address)}</dd>
        <dt>Date of loss</dt>
        <dd>{text(job.dateOfLoss)}</dd>
        <dt>Damage</dt>
        <dd>{text(findings.damageType)}</dd>
        <dt>Cause of loss</dt>
        <dd>{text(findings.causeOfLoss)}</dd>
        {category && (
          <>
            <dt>Category</dt>
            <dd>
              {text(category.value)} — {text(category.justification)}
            </dd>
          </>
        )}
        {klass && (
          <>
            <dt>Class</dt>
            <dd>
              {text(klass.value)} — {text(klass.justification)}
            </dd>
          </>
        )}
      </dl>
      <Table
        caption="Affected areas"
        rows={findings.affectedAreas as Any[]}
        columns={[
          ['room', 'Room'],
          ['lengthFt', 'Length (ft)'],
          ['widthFt', 'Width (ft)'],
          ['floorAreaSqft', 'Floor (sq ft)'],
          ['materials', 'Materials'],
        ]}
      />
      <Table
        caption="Moisture readings"
        rows={findings.moistureReadings as Any[]}
        columns={[
          ['location', 'Location'],
          ['material', 'Material'],
          ['value', 'Reading'],
          ['unit', 'Unit'],
          ['dryStandard', 'Dry standard'],
        ]}
      />
      <Table
        caption="Equipment"
        rows={findings.equipment as Any[]}
        columns={[
          ['kind', 'Kind'],
          ['quantity', 'Quantity'],
          ['calculation', 'Calculation'],
        ]}
      />
      <Table
        caption="Scope of work"
        rows={findings.scopeOfWork as Any[]}
        columns={[
          ['description', 'Description'],
          ['room', 'Room'],
          ['quantity', 'Quantity'],
          ['unit', 'Unit'],
        ]}
      />
      <Table
        caption="Before it is sent: what a desk review will ask for"
        prose
        rows={report.documentationGaps as Any[]}
        columns={[
          ['missing', 'Missing'],
          ['add', 'What to add'],
        ]}
      />
      {signature && (
        <p data-testid="signature">
          <span aria-hidden="true">✓ </span>Signed by {text(signature.name)}, {text(signature.role)} ({text(signature.certification)})
        </p>
      )}
    </article>
  )
}
