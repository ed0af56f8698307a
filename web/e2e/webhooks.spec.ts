import { expect, test } from '@playwright/test'
import { acceptNextDialog, person, shoot, signInAs, WEBHOOK_URL } from './helpers'

test('a webhook: created with its secret shown once, a test delivery fails, is sent again and delivered; rotated, deleted', async ({ page }) => {
  const admin = person('hooks-admin')
  await signInAs(page, admin, 'Webhooks')
  await expect(page.getByText('None yet.')).toBeVisible()

  // Registered: the signing secret is shown this once
  await page.getByLabel('Endpoint URL (https://)').fill(WEBHOOK_URL)
  await page.getByLabel('Description (optional)').fill('Job management system')
  await page.getByLabel(/^A report was signed/).check()
  await page.getByRole('button', { name: 'Add endpoint' }).click()
  const secret = page.getByRole('textbox', { name: 'Signing secret' })
  await expect(secret).toHaveValue(/^whsec_/)
  const first = await secret.inputValue()
  const endpoint = page.locator(`[data-webhook="${WEBHOOK_URL}"]`)
  await expect(endpoint.getByText('✓ Active')).toBeVisible()
  await expect(endpoint).toContainText('A job completed · A job failed · A report was signed')

  // A test delivery: the receiver answers its first attempt 503, so it fails (one attempt here)
  await endpoint.getByRole('button', { name: /^Send test/ }).click()
  await expect(endpoint.getByText('A test delivery was queued.')).toBeVisible()
  const delivery = endpoint.locator('.delivery').first()
  await expect(delivery.getByTestId('delivery-state')).toHaveText('✕ Failed', { timeout: 30_000 })
  await expect(delivery.locator('.attempts li')).toHaveCount(1)
  await expect(delivery.locator('.attempts li').first()).toContainText('HTTP 503')
  await expect(delivery).toContainText('busy, try later')
  await shoot(page, 'webhooks-failed')

  // Sent again by hand: a second attempt of the same delivery, which the receiver takes
  await delivery.getByRole('button', { name: /^Send again/ }).click()
  await expect(delivery.getByTestId('delivery-state')).toHaveText('✓ Delivered', { timeout: 30_000 })
  await expect(delivery.locator('.attempts li')).toHaveCount(2)
  await expect(delivery.locator('.attempts li').nth(1)).toContainText(/^200 in \d+ ms, sent by hand/)
  await expect(delivery.getByRole('button', { name: /^Send again/ })).toHaveCount(0)
  await expect(endpoint.locator('.delivery')).toHaveCount(1)
  await shoot(page, 'webhooks')

  // A new secret, shown once; the old one is not shown again
  acceptNextDialog(page)
  await endpoint.getByRole('button', { name: /^Rotate secret/ }).click()
  await expect(page.getByText('The old secret also signs for 24 hours')).toBeVisible()
  await expect(secret).toHaveValue(/^whsec_/)
  expect(await secret.inputValue()).not.toBe(first)
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Signing secret' })).toHaveCount(0)

  // Deleted
  acceptNextDialog(page)
  await page.locator(`[data-webhook="${WEBHOOK_URL}"]`).getByRole('button', { name: /^Delete/ }).click()
  await expect(page.getByText('None yet.')).toBeVisible()
})
