import { barWidths } from '../analytics'

export interface BarRow {
  label: string
  value: number
  shown: string
}

/** A table of labelled values with a bar each: the numbers are the table's, the bars only repeat
 * them (hidden from screen readers). No chart library: a row and a width say it. */
export function Bars({ caption, rows, columns, empty = 'Nothing yet.' }: { caption: string; rows: BarRow[]; columns: [string, string]; empty?: string }) {
  if (rows.length === 0)
    return (
      <div>
        <h3 className="caption">{caption}</h3>
        <p className="muted small">{empty}</p>
      </div>
    )
  const widths = barWidths(rows.map((r) => r.value))
  return (
    <table className="bars">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>
              <div className="bar-cell">
                <span className="bar" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${widths[i]}%` }} />
                </span>
                <span className="bar-value">{row.shown}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
