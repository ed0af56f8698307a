import { expect, type Page, test } from '@playwright/test'
import { fixture, person, type Person, shoot, signInAs } from './helpers'

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
  await shoot(page, 'text-with-template')
  await page.getByRole('button', { name: 'Create report' }).click()
  await expect(page).toHaveURL(/#\/workflows\/wf_/)

  // Then the job's page and its record carry the template's version
  await expect(page.getByTestId('report-template')).toHaveText('Water, panel B, version 1')
  const made = await workflowRecord(page, chooser, workflowIdOf(page))
  expect(made.template).toEqual({ id: templateId, version: 1, name: 'Water, panel B' })

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
