import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { loadConfig, storeToken, takeTokenFromRedirect } from './session'
import './styles.css'

const redirected = takeTokenFromRedirect()
if (redirected) storeToken(redirected)

loadConfig().then((config) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  )
})
