import { useCallback, useEffect, useMemo, useState } from 'react'
import { AnalyticsPage } from './pages/AnalyticsPage'
import { ApiPage } from './pages/ApiPage'
import { Dashboard } from './pages/Dashboard'
import { SignIn } from './pages/SignIn'
import { TeamPage } from './pages/TeamPage'
import { TemplateEditorPage } from './pages/TemplateEditorPage'
import { TemplateDetailPage, TemplatesPage } from './pages/TemplatesPage'
import { TextPage } from './pages/TextPage'
import { UploadPage } from './pages/UploadPage'
import { WebhooksPage } from './pages/WebhooksPage'
import { WorkflowPage } from './pages/WorkflowPage'
import { ProgressHub } from './progress/connection'
import { ProgressHubContext } from './progress/useWorkflowProgress'
import { hashQuery, isCurrentPage, useRoute } from './router'
import { type AppConfig, SessionContext, storeToken, storedToken, tokenSubject } from './session'

// The jobs' pages, then the account's.
const NAV = [
  { href: '#/', label: 'Dashboard', match: '' },
  { href: '#/new/text', label: 'Text', match: 'new/text' },
  { href: '#/new/pdf', label: 'PDF', match: 'new/pdf' },
  { href: '#/new/word', label: 'Word', match: 'new/word' },
  { href: '#/api', label: 'API', match: 'api' },
]
const ACCOUNT_NAV = [
  { href: '#/team', label: 'Team', match: 'team' },
  { href: '#/templates', label: 'Templates', match: 'templates' },
  { href: '#/webhooks', label: 'Webhooks', match: 'webhooks' },
  { href: '#/analytics', label: 'Analytics', match: 'analytics' },
]

export function App({ config }: { config: AppConfig }) {
  const [token, setToken] = useState<string | null>(storedToken)
  const signIn = useCallback((value: string) => {
    storeToken(value)
    setToken(value)
  }, [])
  const signOut = useCallback(() => {
    storeToken(null)
    setToken(null)
  }, [])
  const session = useMemo(() => ({ config, token, signIn, signOut }), [config, token, signIn, signOut])
  // One WebSocket for every live bar on the page, per signed-in token.
  const hub = useMemo(() => (token ? new ProgressHub({ url: config.websocketUrl, getToken: () => token }) : null), [config.websocketUrl, token])
  useEffect(() => () => hub?.close(), [hub])
  const route = useRoute()

  useEffect(() => {
    document.title = token ? `${titleOf(route)} · RestoreAssist` : 'Sign in · RestoreAssist'
  }, [route, token])

  return (
    <SessionContext.Provider value={session}>
      <ProgressHubContext.Provider value={hub}>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus() }}>
        Skip to content
      </a>
      <header className="top">
        <span className="brand">RestoreAssist</span>
        {token && (
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={isCurrentPage(item.match, route) ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
            <ul className="account-nav">
              {ACCOUNT_NAV.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={isCurrentPage(item.match, route) ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {token && (
          <div className="who">
            <span className="small">{tokenSubject(token) ?? 'Signed in'}</span>
            <button type="button" className="link" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {token ? <Page route={route} /> : <SignIn />}
      </main>
      </ProgressHubContext.Provider>
    </SessionContext.Provider>
  )
}

function titleOf(route: string[]): string {
  if (route[0] === 'new') return `New ${route[1] === 'text' ? 'text' : route[1] === 'pdf' ? 'PDF' : 'Word'} job`
  if (route[0] === 'api') return 'API'
  if (route[0] === 'workflows') return 'Job'
  if (route[0] === 'team') return 'Team'
  if (route[0] === 'templates') return route[1] === 'new' ? 'New template' : route[1] ? 'Template' : 'Templates'
  if (route[0] === 'webhooks') return 'Webhooks'
  if (route[0] === 'analytics') return 'Analytics'
  return 'Dashboard'
}

function Page({ route }: { route: string[] }) {
  if (route[0] === 'new' && route[1] === 'text') return <TextPage />
  if (route[0] === 'new' && (route[1] === 'pdf' || route[1] === 'word'))
    return <UploadPage key={route[1]} kind={route[1] === 'pdf' ? 'PDF' : 'WORD'} />
  if (route[0] === 'api') return <ApiPage />
  if (route[0] === 'workflows' && route[1]) return <WorkflowPage key={route[1]} workflowId={route[1]} />
  if (route[0] === 'team') return <TeamPage />
  if (route[0] === 'templates' && route[1] === 'new') return <TemplateEditorPage key={`new-${hashQuery().get('from')}`} from={hashQuery().get('from')} />
  if (route[0] === 'templates' && route[1] && route[2] === 'edit') return <TemplateEditorPage key={`edit-${route[1]}`} templateId={route[1]} />
  if (route[0] === 'templates' && route[1]) return <TemplateDetailPage key={route[1]} templateId={route[1]} />
  if (route[0] === 'templates') return <TemplatesPage />
  if (route[0] === 'webhooks') return <WebhooksPage />
  if (route[0] === 'analytics') return <AnalyticsPage />
  return <Dashboard />
}
