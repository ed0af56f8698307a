import { type FormEvent, useEffect, useState } from 'react'
import { useAccount } from '../account'
import {
  type Analytics,
  analyticsQuery,
  barWidths,
  counted,
  defaultRange,
  GROUP_BY,
  type GroupBy,
  groupLabel,
  PHASES,
  percentile,
  rangeProblem,
  type Stats,
} from '../analytics'
import { ApiError, useApi } from '../api'
import { Bars } from '../components/Bars'
import { ApiErrorNotice, ErrorNotice } from '../components/ErrorNotice'
import { dollars, duration, methodLabel, percent, statusLabel } from '../format'
import { useSession } from '../session'
import { mayManage } from '../team'

type Scope = 'user' | 'account'
interface Query {
  from: string
  to: string
  groupBy: GroupBy
  scope: Scope
}

/** #/analytics: where time and money go, for one's own jobs or (owners, managers) the account's. */
export function AnalyticsPage() {
  const api = useApi()
  const { config, token } = useSession()
  const { account } = useAccount()
  const [form, setForm] = useState<Query>(() => ({ ...defaultRange(), groupBy: 'week', scope: 'user' }))
  const [query, setQuery] = useState<Query>(form)
  const [analytics, setAnalytics] = useState<Analytics | null>(null)
  const [stats, setStats] = useState<Stats | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const admin = mayManage(account?.membership.role)

  useEffect(() => {
    let live = true
    setError(null)
    api
      .get<{ analytics: Analytics }>(analyticsQuery(query))
      .then((reply) => live && setAnalytics(reply.analytics))
      .catch((e) => live && setError(e))
    return () => {
      live = false
    }
  }, [api, query])

  // The all-time figures (one item read) are asked for again with each Show, like the range's.
  useEffect(() => {
    api
      .get<{ stats: Stats }>('/stats')
      .then((reply) => setStats(reply.stats))
      .catch(() => undefined)
  }, [api, query])

  function apply(event: FormEvent) {
    event.preventDefault()
    const why = rangeProblem(form.from, form.to)
    setProblem(why)
    if (!why) setQuery({ ...form })
  }

  async function downloadCsv() {
    setError(null)
    try {
      const response = await fetch(`${config.apiUrl}${analyticsQuery({ ...query, format: 'csv' })}`, { headers: { Authorization: `Bearer ${token}` } })
      if (!response.ok) throw new ApiError(response.status, `HTTP_${response.status}`, 'The figures could not be downloaded.')
      const url = URL.createObjectURL(await response.blob())
      const link = document.createElement('a')
      link.href = url
      link.download = `restoreassist-${query.scope}-${query.from}-${query.to}.csv`
      document.body.appendChild(link)
      link.click()
      link.remove()
      URL.revokeObjectURL(url)
    } catch (e) {
      setError(e)
    }
  }

  const totals = analytics?.totals
  return (
    <div className="stack">
      <h1>Analytics</h1>
      <form className="card row wrap controls" onSubmit={apply} aria-label="Which figures">
        {admin ? (
          <fieldset className="scope">
            <legend>Jobs of</legend>
            <div className="row wrap">
              {(
                [
                  ['user', 'Mine'],
                  ['account', account?.organisation ? `All of ${account.organisation.name}` : 'The whole account'],
                ] as [Scope, string][]
              ).map(([value, label]) => (
                <div className="field checkbox" key={value}>
                  <input id={`scope-${value}`} type="radio" name="scope" checked={form.scope === value} onChange={() => setForm({ ...form, scope: value })} />
                  <label htmlFor={`scope-${value}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : (
          <p className="small">Your own jobs (owners and managers also see the whole account's).</p>
        )}
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="group-by">Group by</label>
          <select id="group-by" value={form.groupBy} onChange={(e) => setForm({ ...form, groupBy: e.target.value as GroupBy })}>
            {GROUP_BY.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="primary">
            Show
          </button>
        </div>
        <div className="field">
          <button type="button" onClick={downloadCsv}>
            ⬇ CSV
          </button>
        </div>
      </form>
      {problem && <ErrorNotice code={null} message={problem} />}
      <ApiErrorNotice error={error} />
      {analytics === null && !error && <p>Loading…</p>}
      {analytics && totals && (
        <>
          <p className="small muted" aria-live="polite" data-testid="analytics-range">
            {analytics.scope === 'account' ? 'The whole account' : 'Your jobs'}, created {analytics.from} to {analytics.to} ({analytics.timeZone} days). Each job
            counts on the day it was created, with its figures as they stand now.
          </p>
          <ul className="tiles figures" aria-label="At a glance">
            <Figure label="Jobs" value={String(totals.workflows)} testId="total-jobs" />
            <Figure label="Completed" value={String(totals.completed)} testId="total-completed" />
            <Figure label="Failed" value={String(totals.failed)} detail={`error rate ${percent(totals.errorRate)}`} />
            <Figure
              label="Time to complete"
              value={percentile(totals.completionSeconds.median, totals.completionSeconds.medianBucket)}
              detail={`median; 90 % within ${percentile(totals.completionSeconds.p90, totals.completionSeconds.p90Bucket)}`}
            />
            <Figure
              label="Wait in review"
              value={percentile(totals.reviewWaitSeconds.median, totals.reviewWaitSeconds.medianBucket)}
              detail={`median of ${totals.reviewWaitSeconds.count} review${totals.reviewWaitSeconds.count === 1 ? '' : 's'}`}
            />
            <Figure label="Claude" value={dollars(totals.claude.costUsd)} detail={`${totals.claude.totalTokens.toLocaleString()} tokens`} />
          </ul>
          <PeriodTable analytics={analytics} />
          <div className="grid-2">
            <section className="card">
              <Bars
                caption="Time per phase (mean, completed jobs)"
                columns={['Phase', 'Mean time']}
                rows={PHASES.filter((p) => totals.phaseSeconds[p]?.count).map((phase) => ({
                  label: phase,
                  value: totals.phaseSeconds[phase].mean ?? 0,
                  shown: duration(totals.phaseSeconds[phase].mean),
                }))}
                empty="No job completed in this range."
              />
            </section>
            <section className="card">
              <Bars
                caption={`QA failure reasons (${totals.qaFailures.workflows} job${totals.qaFailures.workflows === 1 ? '' : 's'} failed QA)`}
                columns={['QA error', 'Jobs']}
                rows={counted(totals.qaFailures.reasons).map(([code, n]) => ({ label: code, value: n, shown: String(n) }))}
                empty="No job failed QA in this range."
              />
            </section>
            <section className="card">
              <Bars
                caption="Jobs by input method"
                columns={['Input', 'Jobs']}
                rows={counted(totals.byInputMethod, methodLabel).map(([label, n]) => ({ label, value: n, shown: String(n) }))}
              />
            </section>
            <section className="card">
              <Bars
                caption="Jobs by status (now)"
                columns={['Status', 'Jobs']}
                rows={counted(totals.byStatus, statusLabel).map(([label, n]) => ({ label, value: n, shown: String(n) }))}
              />
            </section>
          </div>
        </>
      )}
      {stats && (
        <section className="card stack" aria-labelledby="all-time-heading">
          <h2 id="all-time-heading">All time (your jobs)</h2>
          <dl className="facts">
            <dt>Jobs</dt>
            <dd data-testid="stats-total">{stats.totalWorkflows}</dd>
            <dt>Active now</dt>
            <dd>{stats.activeWorkflows}</dd>
            <dt>Completed</dt>
            <dd>{stats.completedWorkflows}</dd>
            <dt>Average time to complete</dt>
            <dd>{duration(stats.averageCompletionSeconds)}</dd>
            {PHASES.filter((p) => stats.phaseDurations[p]).map((phase) => (
              <FragmentRow key={phase} label={`Average ${phase}`} value={duration(stats.phaseDurations[phase].averageSeconds)} />
            ))}
          </dl>
        </section>
      )}
    </div>
  )
}

function FragmentRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  )
}

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <li className="tile figure">
      <span className="tile-text">{label}</span>
      <span className="figure-value" data-testid={testId}>
        {value}
      </span>
      {detail && <span className="small muted">{detail}</span>}
    </li>
  )
}

/** One row per day, week or month of the range (or per input method or status). */
function PeriodTable({ analytics }: { analytics: Analytics }) {
  const series = ['day', 'week', 'month'].includes(analytics.groupBy)
  const [showEmpty, setShowEmpty] = useState(false)
  const groups = series && !showEmpty ? analytics.groups.filter((g) => g.workflows > 0) : analytics.groups
  const widths = barWidths(groups.map((g) => g.workflows))
  const heading = GROUP_BY.find(([value]) => value === analytics.groupBy)?.[1] ?? 'Group'
  return (
    <section className="card stack" aria-labelledby="periods-heading">
      <div className="row spread">
        <h2 id="periods-heading">By {heading.toLowerCase()}</h2>
        {series && (
          <div className="field checkbox">
            <input id="show-empty" type="checkbox" checked={showEmpty} onChange={(e) => setShowEmpty(e.target.checked)} />
            <label htmlFor="show-empty">Show {heading.toLowerCase()}s without jobs</label>
          </div>
        )}
      </div>
      {groups.length === 0 ? (
        <p className="muted">No jobs were created in this range.</p>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Figures by period (scrolls sideways)">
          <table className="periods">
            <thead>
              <tr>
                <th scope="col">{heading}</th>
                <th scope="col">Jobs</th>
                <th scope="col">Completed</th>
                <th scope="col">Failed</th>
                <th scope="col">Median time</th>
                <th scope="col">Claude</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group, i) => (
                <tr key={group.key} data-group={group.key}>
                  <th scope="row">{groupLabel(analytics.groupBy, group.key)}</th>
                  <td>
                    <div className="bar-cell">
                      <span className="bar" aria-hidden="true">
                        <span className="bar-fill" style={{ width: `${widths[i]}%` }} />
                      </span>
                      <span className="bar-value">{group.workflows}</span>
                    </div>
                  </td>
                  <td>{group.completed}</td>
                  <td>{group.failed}</td>
                  <td>{percentile(group.completionSeconds.median, group.completionSeconds.medianBucket)}</td>
                  <td>{dollars(group.claude.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
