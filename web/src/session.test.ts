// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { type AppConfig, finishHostedSignIn, hostedUiUrl, pkceChallenge } from './session'

const cognito: AppConfig = {
  apiUrl: 'https://api.example/api/orchestrator',
  websocketUrl: 'wss://ws.example/api',
  auth: { mode: 'cognito', domain: 'https://acme.auth.us-east-1.amazoncognito.com', clientId: 'client123' },
  maxUploadBytes: 1,
}

describe('the hosted UI sign-in (code flow with PKCE)', () => {
  it("computes RFC 7636's example challenge", async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('sends the browser to /oauth2/authorize with the challenge, and trades the code with the verifier', async () => {
    const url = new URL((await hostedUiUrl(cognito, 'https://d111.cloudfront.net/', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'))!)
    expect(url.origin + url.pathname).toBe('https://acme.auth.us-east-1.amazoncognito.com/oauth2/authorize')
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://d111.cloudfront.net/',
      code_challenge_method: 'S256',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    })
    const calls: { url: string; body: string }[] = []
    const fetcher = (async (target: string, init: RequestInit) => {
      calls.push({ url: target, body: String(init.body) })
      return new Response(JSON.stringify({ id_token: 'id.jwt.token' }), { status: 200 })
    }) as unknown as typeof fetch
    const token = await finishHostedSignIn(cognito, new URL('https://d111.cloudfront.net/?code=abc'), fetcher)
    expect(token).toBe('id.jwt.token')
    expect(calls[0].url).toBe('https://acme.auth.us-east-1.amazoncognito.com/oauth2/token')
    const body = new URLSearchParams(calls[0].body)
    expect(body.get('code_verifier')).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(body.get('grant_type')).toBe('authorization_code')
    // the verifier is used once
    expect(await finishHostedSignIn(cognito, new URL('https://d111.cloudfront.net/?code=abc'), fetcher)).toBeNull()
  })

  it('does nothing for the development sign-in', async () => {
    expect(await hostedUiUrl({ ...cognito, auth: { mode: 'dev' } }, 'x')).toBeNull()
  })
})
