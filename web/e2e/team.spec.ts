import { expect, test } from '@playwright/test'
import { acceptNextDialog, person, shoot, signInAs } from './helpers'

test('an organisation: created and renamed, a second user invited who accepts, their role changed, then removed', async ({ page }) => {
  const owner = person('team-owner')
  const member = person('team-member')

  // The owner, in their personal account, creates an organisation and renames it
  await signInAs(page, owner, 'Team')
  await expect(page.getByRole('heading', { name: 'Your account' })).toContainText('Your account')
  await expect(page.getByText(`personal-${owner.id}`)).toBeVisible()
  await page.getByLabel('Organisation name').fill('Banksia e2e')
  await page.getByRole('button', { name: 'Create organisation' }).click()
  await expect(page.getByRole('heading', { name: 'Banksia e2e' })).toBeVisible()
  await expect(page.getByTestId('my-role')).toHaveText('Owner')
  await page.getByLabel('Name', { exact: true }).fill('Banksia Restorations')
  await page.getByRole('button', { name: 'Rename' }).click()
  await expect(page.getByRole('heading', { name: 'Banksia Restorations' })).toBeVisible()

  // An email invitation answers its link once; revoked, it says so
  await page.getByLabel('Invite by').selectOption('email')
  await page.getByLabel('Their email').fill('office@example.com')
  await page.getByLabel('Role', { exact: true }).selectOption('viewer')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByRole('textbox', { name: 'Invitation link' })).toHaveValue(/#\/team\?invitation=inv_[0-9a-f]{32}&code=.+/)
  const emailed = page.locator('[data-invitation="office@example.com"]')
  await expect(emailed.getByTestId('invitation-status')).toHaveText('pending, 7 days left')
  await emailed.getByRole('button', { name: /Revoke/ }).click()
  await expect(emailed.getByTestId('invitation-status')).toHaveText('revoked')

  // The second user is invited by their user id, as a technician
  await page.getByLabel('Invite by').selectOption('userId')
  await page.getByLabel('Their user id').fill(member.id)
  await page.getByLabel('Role', { exact: true }).selectOption('technician')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invited: ${member.id} sees the invitation on their Team page.`)).toBeVisible()
  await expect(page.locator(`[data-invitation="${member.id}"]`).getByTestId('invitation-status')).toHaveText(/^pending/)

  // The owner puts their own certification on file
  await page.getByRole('button', { name: 'Add your certification' }).click()
  await page.getByLabel('Certification number').fill('654321')
  await page.getByLabel(/^WRT/).check()
  await page.getByLabel(/^ASD/).check()
  await page.getByLabel('Expires on').fill('2030-01-31')
  await page.getByRole('button', { name: 'Save certification' }).click()
  await expect(page.getByTestId('my-certification')).toContainText('IICRC WRT, ASD #654321 (expires 2030-01-31)')
  await expect(page.locator(`[data-member="${owner.id}"]`).getByTestId('member-certification')).toContainText('#654321')
  await shoot(page, 'team-owner')

  // The second user sees the invitation on their Team page and accepts it
  await signInAs(page, member, 'Team')
  const invitation = page.getByTestId('my-invitation')
  await expect(invitation).toContainText('Technician')
  await expect(invitation).toContainText(`invited by ${owner.id}`)
  await invitation.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Banksia Restorations' })).toBeVisible()
  await expect(page.getByTestId('my-role')).toHaveText('Technician')
  // a technician is offered nothing an owner or manager does
  await expect(page.locator(`[data-member="${owner.id}"]`)).toBeVisible()
  await expect(page.getByRole('button', { name: /Change role/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Invite someone' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Rename' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Leave the organisation' })).toBeVisible()
  await expect(page.locator(`[data-member="${member.id}"]`).getByTestId('member-certification')).toHaveText('No certification on file (cannot sign reports)')
  await shoot(page, 'team-member')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click()
  await expect(page.getByText("Only your account's owners and managers manage its webhooks.")).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add endpoint' })).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click()
  await expect(page.getByRole('link', { name: 'Water damage (IICRC S500)' })).toBeVisible()
  await expect(page.getByRole('link', { name: '+ New template' })).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click()
  await expect(page.getByText("Your own jobs (owners and managers also see the whole account's).")).toBeVisible()
  await expect(page.getByRole('radio')).toHaveCount(0)

  // The owner makes them an estimator, then removes them
  await signInAs(page, owner, 'Team')
  const row = page.locator(`[data-member="${member.id}"]`)
  await expect(row.locator('.badge')).toHaveText('Technician')
  await shoot(page, 'team-members')
  await row.getByLabel(`Role of ${member.id}`).selectOption('estimator')
  await row.getByRole('button', { name: /Change role/ }).click()
  await expect(page.getByText(`${member.id} is now Estimator.`)).toBeVisible()
  await expect(row.locator('.badge')).toHaveText('Estimator')
  // the owner puts the certification the member holds on file for them (a manager may too)
  await row.getByRole('button', { name: `Add certification of ${member.id}` }).click()
  await row.getByLabel('Certification number').fill('778899')
  await row.getByLabel(/^WRT/).check()
  await row.getByLabel(/^AMRT/).check()
  await row.getByLabel('Expires on').fill('2029-05-31')
  await shoot(page, 'team-member-certification')
  await row.getByRole('button', { name: 'Save certification' }).click()
  const printed = 'IICRC WRT, AMRT #778899 (expires 2029-05-31)'
  await expect(page.getByText(`${member.id}'s certification is on file: ${printed}.`)).toBeVisible()
  await expect(row.getByTestId('member-certification')).toHaveText(`Certification: ${printed}`)
  await expect(row.getByRole('button', { name: `Edit certification of ${member.id}` })).toBeVisible()
  // the member finds it on their own card, as their signature will print it
  await signInAs(page, member, 'Team')
  await expect(page.getByTestId('my-certification')).toContainText(printed)
  await expect(page.locator(`[data-member="${owner.id}"]`).getByRole('button')).toHaveCount(0)
  await signInAs(page, owner, 'Team')
  // the owner's own row offers no change: an organisation keeps its owner
  await expect(page.locator(`[data-member="${owner.id}"]`).getByRole('button')).toHaveCount(0)
  acceptNextDialog(page)
  await row.getByRole('button', { name: /^Remove/ }).click()
  await expect(page.getByText(`${member.id} was removed.`)).toBeVisible()
  await expect(row).toHaveCount(0)

  // and the removed user is back in their personal account
  await signInAs(page, member, 'Team')
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible()
  await expect(page.getByTestId('my-invitation')).toHaveCount(0)
})
