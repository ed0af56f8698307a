import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const TOKEN = process.env.DASHBOARD_TOKEN ?? ''
export const FIXTURES = process.env.DASHBOARD_FIXTURES ?? ''
const SHOTS = path.resolve(import.meta.dirname, '..', 'screenshots')

export const WEBHOOK_URL = process.env.DASHBOARD_WEBHOOK_URL ?? ''

export interface Person {
  id: string
  token: string
}

/** One of the people the test harness made for the account's pages (tests/integration/
 * test_dashboard_e2e.py PEOPLE): each spec works with its own. */
export function person(name: string): Person {
  const people = JSON.parse(process.env.DASHBOARD_USERS ?? '{}') as Record<string, Person>
  if (!people[name]) throw new Error(`no person ${name} in DASHBOARD_USERS`)
  return people[name]
}

export async function signIn(page: Page, token: string = TOKEN) {
  await page.goto('/')
  await page.getByLabel('Development token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Quick start' })).toBeVisible()
}

/** Sign out whoever is signed in, then in as `who`, and open one of the account's pages. */
export async function signInAs(page: Page, who: Person, link?: string) {
  if (await page.getByRole('button', { name: 'Sign out' }).isVisible().catch(() => false)) {
    await page.getByRole('button', { name: 'Sign out' }).click()
  }
  await signIn(page, who.token)
  await expect(page.getByText(who.id, { exact: true })).toBeVisible()
  if (link) await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click()
}

/** Accept the next confirm() dialog. */
export function acceptNextDialog(page: Page) {
  page.once('dialog', (dialog) => dialog.accept())
}

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name))
}

/** No serious or critical axe-core violation on the page as it stands. */
export async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`),
  ).toEqual([])
}

/** Screenshots of the page at 1280 and 375 px wide, and axe at both widths. */
export async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true })
    await expectAccessible(page, `${name} at ${width}px`)
    // nothing wider than the screen (a table may scroll inside its own box)
    const wide = await page.evaluate(() =>
      document.documentElement.scrollWidth > window.innerWidth
        ? [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll'))
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
            .slice(0, 5)
        : [],
    )
    expect(wide, `${name} at ${width}px scrolls sideways`).toEqual([])
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

export async function statusOf(page: Page) {
  return page.locator('h1 + .badge, .row .badge').first().getAttribute('data-status')
}

export async function waitForStatus(page: Page, status: string, timeout = 60_000) {
  await expect(page.locator('[data-testid="progress"]').first()).toHaveAttribute('data-status', status, { timeout })
}

export async function expectPdfDownload(page: Page, button: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  const file = await download.path()
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  return download
}

/** Press Tab until the element has the focus: it must be reachable by keyboard alone. */
export async function tabTo(page: Page, target: import('@playwright/test').Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`not reachable with Tab: ${target}`)
}
