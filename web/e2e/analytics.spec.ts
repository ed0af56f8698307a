import { expect, type Page, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { person, shoot, signInAs, waitForStatus } from './helpers'

const NOTES = `Claim No: CLM-7731
Cause: washing machine hose burst in the laundry.
Laundry 8x6 ft, tile floor and drywall wet.
Drywall, laundry wall: 38 WME.`

async function figure(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).textContent())
}

test('analytics: a completed job shows in the figures, by week and by day, personal and account-wide; its sign-off asks for a certification', async ({
  page,
  request,
  baseURL,
}) => {
  const analyst = person('analyst')
  await signInAs(page, analyst, 'Analytics')
  await expect(page.getByTestId('analytics-range')).toContainText('Your jobs')
  const before = await figure(page, 'total-jobs')
  const completedBefore = await figure(page, 'total-completed')

  // A job made and completed meanwhile
  const made = await request.post(`${baseURL}/api/orchestrator/workflows`, {
    headers: { Authorization: `Bearer ${analyst.token}` },
    data: { inputMethod: 'TEXT', title: 'Counted job', inputData: { text: NOTES } },
  })
  expect(made.status()).toBe(201)
  const { workflowId } = await made.json()
  await expect
    .poll(
      async () => {
        const reply = await request.get(`${baseURL}/api/orchestrator/workflows/${workflowId}`, { headers: { Authorization: `Bearer ${analyst.token}` } })
        return (await reply.json()).workflow.status
      },
      { timeout: 60_000 },
    )
    .toBe('COMPLETED')

  // is counted once shown again: one more job, one more completed, its phases timed
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByTestId('total-jobs')).toHaveText(String(before + 1))
  await expect(page.getByTestId('total-completed')).toHaveText(String(completedBefore + 1))
  const phases = page.getByRole('table', { name: /Time per phase/ })
  for (const phase of ['INITIATION', 'PROCESSING', 'QA', 'OUTPUT']) {
    await expect(phases.locator('th[scope="row"]', { hasText: new RegExp(`^${phase}$`) })).toBeVisible()
  }
  await expect(page.getByRole('table', { name: 'Jobs by input method' }).locator('th[scope="row"]', { hasText: /^Text$/ })).toBeVisible()
  const thisWeek = page.locator('table.periods tbody tr').last()
  await expect(thisWeek.locator('th')).toHaveText(/^Week \d+, \d{4}$/)
  await expect(thisWeek.locator('td').nth(1)).toHaveText(/^[1-9]\d*$/)
  await expect(page.getByTestId('stats-total')).toHaveText(/^[1-9]\d*$/)
  await shoot(page, 'analytics')

  // by day: today's row; and the account's figures (a personal account's owner may see them)
  await page.getByLabel('Group by', { exact: true }).selectOption('day')
  await page.getByLabel('The whole account').check()
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByTestId('analytics-range')).toContainText('The whole account')
  await expect(page.getByTestId('total-jobs')).toHaveText(String(before + 1))
  const today = new Date().toISOString().slice(0, 10)
  await expect(page.locator(`tr[data-group="${today}"] td`).first()).toHaveText(/^[1-9]\d*$/)

  // the CSV of the same figures
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '⬇ CSV' }).click()])
  const csv = readFileSync(await download.path()).toString()
  expect(csv.split('\r\n')[0]).toMatch(/^key,workflows,/)
  expect(csv).toContain(`\r\n${today},`)
  expect(csv).toMatch(/\r\ntotal,/)

  // The job's sign-off: the analyst has no certification on file, so the page says where to add one
  await page.goto(`/#/workflows/${workflowId}`)
  await waitForStatus(page, 'COMPLETED')
  const addOne = page.getByRole('link', { name: 'Add your certification on the Team page' })
  await expect(addOne).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign the report' })).toBeDisabled()
  await expect(page.getByTestId('report')).toContainText('washing machine hose')
  await shoot(page, 'workflow-signoff-uncertified')
  await addOne.click()
  await expect(page.getByRole('heading', { name: 'Your certification' })).toBeVisible()
  await expect(page.getByTestId('my-certification')).toHaveText('No certification on file yet.')
})
