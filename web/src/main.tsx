import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { finishHostedSignIn, loadConfig, storeToken } from './session'
import './styles.css'

loadConfig().then(async (config) => {
  const url = new URL(location.href)
  if (url.searchParams.has('code')) {
    const token = await finishHostedSignIn(config, url)
    if (token) storeToken(token)
    history.replaceState(null, '', `${url.pathname}#/`)
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  )
})
