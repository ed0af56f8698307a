import { expect, test } from '@playwright/test'
import { acceptNextDialog, person, shoot, signInAs } from './helpers'

test('a report template: made from a built-in, versioned, shared with another account, un-shared, retired', async ({ page }) => {
  const owner = person('tpl-owner')
  const partner = person('tpl-partner')
  const partnerAccount = `personal-${partner.id}`

  // The built-ins are listed; the owner makes a template of their own from the water one
  await signInAs(page, owner, 'Templates')
  for (const name of ['Water damage (IICRC S500)', 'Mould remediation (IICRC S520)', 'Fire and smoke damage (IICRC S700)']) {
    await expect(page.locator('.template-row', { hasText: name }).getByText('Built-in')).toBeVisible()
  }
  await shoot(page, 'templates')
  await page.getByRole('link', { name: '+ New template' }).click()
  await expect(page.getByRole('heading', { name: 'New report template' })).toBeVisible()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Water damage (IICRC S500) (ours)')
  await page.getByLabel('Name', { exact: true }).fill('Water, insurer panel A')
  // a section every report has cannot be left out; the drying log can
  await expect(page.getByLabel(/^Photos/)).toBeDisabled()
  await page.getByLabel('Drying log', { exact: true }).uncheck()
  await page.getByRole('button', { name: /Add a text section/ }).click()
  const text = page.locator('.section-row[data-kind="text"]')
  await text.getByLabel(/^Heading/).fill('Panel A terms')
  await text.getByLabel(/^Its words/).fill('Payment within 30 days of the signed report.')
  await text.getByRole('button', { name: /^Move .* up$/ }).click()
  await page.getByLabel('Primary colour').fill('#0B5D3B')
  await shoot(page, 'template-editor')
  await page.getByRole('button', { name: 'Create template' }).click()

  // Its page shows version 1 as a report would hold it
  await expect(page.getByRole('heading', { name: 'Water, insurer panel A', level: 1 })).toBeVisible()
  const newest = page.getByTestId('template-version').first()
  await expect(newest).toContainText('Panel A terms')
  await expect(newest).toContainText('Payment within 30 days of the signed report.')
  await expect(newest).not.toContainText('Drying log')
  await expect(newest).toContainText('#0B5D3B')

  // A new version: the first stays as it was
  await page.getByRole('link', { name: 'New version' }).click()
  await page.getByLabel('Company name on the report').fill('Banksia Restorations')
  await page.getByRole('button', { name: 'Save as a new version' }).click()
  await expect(page.getByText('Version 2 (newest: new jobs use it)')).toBeVisible()
  await expect(page.getByTestId('template-version').first()).toContainText('Company name: Banksia Restorations')
  await page.getByText('Version 1', { exact: true }).click()
  await expect(page.getByTestId('template-version').nth(1)).toContainText("Company name: the company settings'")

  // Shared with the partner's account
  await page.getByLabel('Share with account (its organisation id)').fill(partnerAccount)
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await expect(page.getByText(`Shared with ${partnerAccount}.`)).toBeVisible()
  await expect(page.getByText('Shared with 1 account')).toBeVisible()
  await shoot(page, 'template-detail')

  // The partner lists and reads it, read-only
  await signInAs(page, partner, 'Templates')
  const shared = page.locator('.template-row', { hasText: 'Water, insurer panel A' })
  await expect(shared.getByText('Shared with you (read-only)')).toBeVisible()
  await shared.getByRole('link', { name: 'Water, insurer panel A' }).click()
  await expect(page.getByTestId('template-version').first()).toContainText('Panel A terms')
  await expect(page.getByRole('heading', { name: 'Manage' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Make a template of your own from this one' })).toBeVisible()

  // The owner stops sharing it: the partner no longer lists it
  await signInAs(page, owner, 'Templates')
  await page.getByRole('link', { name: 'Water, insurer panel A' }).click()
  await page.getByRole('button', { name: `Stop sharing with ${partnerAccount}` }).click()
  await expect(page.getByText(`No longer shared with ${partnerAccount}.`)).toBeVisible()
  await expect(page.getByText('Not shared.')).toBeVisible()
  await signInAs(page, partner, 'Templates')
  await expect(page.getByRole('link', { name: 'Water damage (IICRC S500)' })).toBeVisible()
  await expect(page.locator('.template-row', { hasText: 'Water, insurer panel A' })).toHaveCount(0)

  // Retired: no new versions, and it says so
  await signInAs(page, owner, 'Templates')
  await page.getByRole('link', { name: 'Water, insurer panel A' }).click()
  acceptNextDialog(page)
  await page.getByRole('button', { name: 'Retire' }).click()
  await expect(page.getByText('Retired.', { exact: true })).toBeVisible()
  await expect(page.getByText('⊘ Retired')).toBeVisible()
  await expect(page.getByRole('link', { name: 'New version' })).toHaveCount(0)
  await page.getByRole('link', { name: '← All templates' }).click()
  await expect(page.locator('.template-row', { hasText: 'Water, insurer panel A' }).getByText('⊘ Retired')).toBeVisible()
})
