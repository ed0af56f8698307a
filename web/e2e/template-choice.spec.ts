import { expect, type Page, test } from '@playwright/test'
import { fixture, person, type Person, shoot, signInAs, waitForStatus } from './helpers'

const NOTES = 'Claim No: CLM-4410. Cause: dishwasher supply line burst. Kitchen 12x14 ft, laminate and drywall wet. Drywall, kitchen wall: 40 WME.'

/** The workflow's record as the API answers it to its owner. */
async function workflowRecord(page: Page, who: Person, workflowId: string) {
  const reply = await page.request.get(`/api/orchestrator/workflows/${workflowId}`, { headers: { Authorization: `Bearer ${who.token}` } })
  expect(reply.ok()).toBe(true)
  return (await reply.json()).workflow as { template: { id: string; version: number; name: string } | null }
}

function workflowIdOf(page: Page): string {
  return /#\/workflows\/(wf_[0-9a-f]+)/.exec(page.url())?.[1] ?? ''
}

test('a new job made with a report template of the account: the workflow pins it; the Word page offers the built-ins', async ({ page }) => {
  const chooser = person('tpl-chooser')

  // Given a template of the chooser's own account
  await signInAs(page, chooser, 'Templates')
  await page.getByRole('link', { name: '+ New template' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Water, panel B')
  await page.getByRole('button', { name: 'Create template' }).click()
  await expect(page.getByRole('heading', { name: 'Water, panel B', level: 1 })).toBeVisible()
  const templateId = /#\/templates\/(tpl_[0-9a-f]+)/.exec(page.url())?.[1] ?? ''
  expect(templateId).not.toBe('')

  // When a job is made from typed notes with that template chosen (inferring is the default)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Text', exact: true }).click()
  const choice = page.getByLabel('Report template')
  await expect(choice.locator(`option[value="${templateId}"]`)).toHaveCount(1)
  await expect(choice).toHaveValue('')
  await expect(choice.locator('option:checked')).toHaveText('Infer from the loss type')
  await expect(choice.locator('optgroup[label="Built-in"] option')).toHaveCount(3)
  await choice.selectOption(templateId)
  await page.getByLabel('Job title').fill('3 Wattle Rd')
  await page.getByLabel('Inspection notes').fill(NOTES)
  await page.getByLabel('Stop for my review before the final report').check()
  await shoot(page, 'text-with-template')
  await page.getByRole('button', { name: 'Create report' }).click()
  await expect(page).toHaveURL(/#\/workflows\/wf_/)

  // Then the job's page and its record carry the template's version
  await expect(page.getByTestId('report-template')).toHaveText('Water, panel B, version 1')
  const made = await workflowRecord(page, chooser, workflowIdOf(page))
  expect(made.template).toEqual({ id: templateId, version: 1, name: 'Water, panel B' })

  // In review, the template's typical scope lines (kept from the water built-in it started from)
  // are offered beside the scope: one is added, its quantity given, and saved
  await waitForStatus(page, 'NEEDS_REVIEW')
  const typical = page.getByRole('list', { name: 'Typical scope lines' })
  await expect(page.getByText('Typical lines for Water, panel B (version 1)')).toBeVisible()
  const monitoring = typical.locator('[data-typical="Moisture monitoring visit"]')
  await monitoring.getByRole('button', { name: 'Add Moisture monitoring visit' }).click()
  await expect(monitoring).toContainText('✓ In the scope')
  const scopeRows = page.locator('.edit-row[data-section="scopeOfWork"]')
  const added = scopeRows.last()
  await expect(added.getByLabel(/^Description/)).toHaveValue('Moisture monitoring visit')
  await expect(added.getByLabel(/^Unit/)).toHaveValue('each')
  await added.getByLabel(/^Quantity/).fill('3')
  await shoot(page, 'review-typical-lines')
  await page.getByRole('button', { name: 'Save findings' }).click()
  await expect(page.getByText(/Saved .*QA checked again/)).toBeVisible()
  const findings = await page.request.get(`/api/orchestrator/workflows/${workflowIdOf(page)}/findings`, {
    headers: { Authorization: `Bearer ${chooser.token}` },
  })
  const scope = (await findings.json()).findings.scopeOfWork as { description: string; action: string; material: string; quantity: number }[]
  expect(scope.filter((line) => line.description === 'Moisture monitoring visit')).toEqual([
    expect.objectContaining({ action: 'monitor', material: '*', quantity: 3, unit: 'each' }),
  ])

  // And the Word page offers the same list: a built-in chosen there is pinned at creation too
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Word', exact: true }).click()
  await page.getByLabel('Choose a file').setInputFiles({
    name: 'inspection.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: fixture('inspection.docx'),
  })
  await expect(page.getByLabel('Report template').locator('option[value="builtin-mould-s520"]')).toHaveCount(1)
  await page.getByLabel('Report template').selectOption('builtin-mould-s520')
  await page.getByRole('button', { name: 'Upload and create report' }).click()
  await expect(page).toHaveURL(/#\/workflows\/wf_/)
  await expect(page.getByTestId('report-template')).toHaveText('Mould remediation (IICRC S520), version 1')
  expect((await workflowRecord(page, chooser, workflowIdOf(page))).template?.id).toBe('builtin-mould-s520')
})
