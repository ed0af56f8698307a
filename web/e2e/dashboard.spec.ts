import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { TEMPLATES } from '../src/templates'
import { expectPdfDownload, fixture, shoot, signIn, tabTo, TOKEN, waitForStatus } from './helpers'

const PHASES = ['INITIATION', 'PROCESSING', 'QA', 'OUTPUT']
const NOTES = `Claim No: CLM-4410
Cause: burst supply line under the kitchen sink.
Kitchen 12x14 ft, vinyl floor and subfloor wet.
Subfloor 32%MC.`

test('sign-in, quick start and the API page: keys created, shown once, tested, revoked', async ({ page }) => {
  await page.goto('/')
  await shoot(page, 'sign-in')
  await signIn(page)
  for (const tile of ['Text', 'PDF', 'Word', 'API']) {
    await expect(page.getByRole('link', { name: new RegExp(`^${tile} `) })).toBeVisible()
  }
  await page.getByRole('link', { name: /API Connect a field app/ }).click()
  const keyName = `Crew tablet ${Date.now()}`
  await page.getByLabel('Name (where it is used)').fill(keyName)
  await page.getByRole('button', { name: 'Create key' }).click()
  const secret = await page.getByRole('textbox', { name: 'New API key' }).inputValue()
  expect(secret).toMatch(/^rak_/)
  const row = page.getByRole('row').filter({ hasText: keyName })
  await expect(row).toBeVisible()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/Connected: the key works/)).toBeVisible()
  await shoot(page, 'api')
  page.once('dialog', (dialog) => dialog.accept())
  await row.getByRole('button', { name: `Revoke ${keyName}` }).click()
  await expect(row.getByRole('cell', { name: 'Revoked', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByRole('alert')).toContainText('not valid')
  // a reload forgets the secret: it was shown once
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'New API key' })).toHaveCount(0)
})

test('a TEXT workflow submitted from the page completes through the four phases, and its PDF downloads', async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: /Text Type or paste/ }).click()
  await page.getByLabel('Job title').fill('14 Banksia St')
  await page.getByRole('button', { name: 'Water damage' }).click()
  await expect(page.getByLabel('Inspection notes')).toHaveValue(TEMPLATES.water.text)
  await page.getByLabel('Inspection notes').fill(NOTES)
  await expect(page.getByTestId('word-count')).toHaveText('21 words')
  await expect(page.getByTestId('char-count')).toHaveText(`${NOTES.length} characters`)
  // the draft survives a reload
  await page.reload()
  await expect(page.getByLabel('Inspection notes')).toHaveValue(NOTES)
  await shoot(page, 'text')
  await page.getByRole('button', { name: 'Create report' }).click()

  await expect(page).toHaveURL(/#\/workflows\/wf_/)
  await waitForStatus(page, 'COMPLETED')
  const bar = page.getByRole('progressbar', { name: 'Job progress' })
  await expect(bar).toHaveAttribute('aria-valuenow', '100')
  // each phase was seen completing (its time comes from its PHASE_COMPLETE event), in order
  const times: string[] = []
  for (const phase of PHASES) {
    const item = page.locator(`[data-phase="${phase}"]`).first()
    await expect(item).toHaveAttribute('data-state', 'done')
    await expect(item).toContainText(/done \d/)
    times.push((await item.textContent()) ?? '')
  }
  await expect(page.getByRole('row').filter({ hasText: 'OUTPUT' }).first()).toContainText('Completed')
  await expect(page.getByTestId('report')).toContainText('burst supply line')
  // the contractor is told what a desk review will ask for before the report is sent
  await expect(page.getByRole('table', { name: /what a desk review will ask for/ })).toContainText('No photos recorded.')
  await expectPdfDownload(page, '⬇ PDF')
  // a photo added the same way: presigned POST, then its receipt
  await page.getByLabel('Photo (JPEG, PNG, HEIC)').setInputFiles({ name: 'kitchen.png', mimeType: 'image/png', buffer: fixture('kitchen.png') })
  await page.getByLabel('Room', { exact: true }).fill('Kitchen')
  await page.getByLabel('Caption').fill('Vinyl lifted at the sink')
  await page.getByRole('button', { name: 'Add photo' }).click()
  await expect(page.getByText('Kitchen: Vinyl lifted at the sink — ✓ received')).toBeVisible()
  await shoot(page, 'workflow-completed')

  // the draft was cleared by the submit; the dashboard lists the job as completed
  await page.getByRole('link', { name: 'Dashboard' }).click()
  const row = page.locator('.job', { hasText: '14 Banksia St' }).first()
  await expect(row.locator('.badge')).toHaveAttribute('data-status', 'COMPLETED')
  await page.getByLabel('Show').selectOption('FAILED')
  await expect(page.locator('.job', { hasText: '14 Banksia St' })).toHaveCount(0)
  await page.getByLabel('Show').selectOption('')
  await shoot(page, 'dashboard')
})

test('a DOCX dropped on the Word page uploads with progress and completes', async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: 'Word', exact: true }).click()
  await shoot(page, 'word')
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], name, { type }))
      return transfer
    },
    {
      b64: fixture('inspection.docx').toString('base64'),
      name: 'inspection.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  )
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer })
  await expect(page.getByTestId('chosen-file')).toContainText('inspection.docx')
  await page.getByRole('button', { name: 'Upload and create report' }).click()
  await expect(page).toHaveURL(/#\/workflows\/wf_/)
  await waitForStatus(page, 'COMPLETED')
  await expect(page.getByTestId('report')).toContainText('Laundry')
})

test('a renamed executable is refused with its error in plain words', async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: 'PDF', exact: true }).click()
  await shoot(page, 'pdf')
  // refused before any upload: the name says it is not a PDF
  await page.getByLabel('Choose a file').setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: fixture('program.exe') })
  await expect(page.getByRole('alert')).toContainText('is not a PDF file')
  await expect(page.getByRole('button', { name: 'Upload and create report' })).toBeDisabled()
  // the same program renamed .pdf passes the name check; the server reads its bytes and refuses it
  await page.getByLabel('Choose a file').setInputFiles({ name: 'site-report.pdf', mimeType: 'application/pdf', buffer: fixture('program.exe') })
  await page.getByRole('button', { name: 'Upload and create report' }).click()
  await expect(page).toHaveURL(/#\/workflows\/wf_/)
  await waitForStatus(page, 'FAILED')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText("This file isn't a PDF or Word document")
  await expect(alert).toContainText('UNSUPPORTED_FILE_TYPE')
  await expect(page.locator('[data-phase="INITIATION"]').first()).toHaveAttribute('data-state', 'failed')
  await shoot(page, 'workflow-failed')
})

test('pause then resume from the buttons', async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: 'Text', exact: true }).click()
  // [[slow]]: the test's stack holds PROCESSING of these notes for a few seconds
  await page.getByLabel('Inspection notes').fill(`${NOTES}\n[[slow]]`)
  await page.getByLabel('Job title').fill('Pause me')
  await page.getByRole('button', { name: 'Create report' }).click()
  await expect(page).toHaveURL(/#\/workflows\/wf_/)
  // paused while PROCESSING runs (held): the execution begins moments after the POST's answer
  await expect(page.locator('[data-phase="PROCESSING"]').first()).toHaveAttribute('data-state', 'current')
  await page.getByRole('button', { name: '⏸ Pause' }).click()
  // (the button's own line and the live status may both say so for a moment)
  await expect(page.getByText('Pause requested').first()).toBeVisible()
  await waitForStatus(page, 'PAUSED')
  // paused at a phase boundary: the phases before it done, the next one marked paused in words
  await expect(page.locator('[data-phase="PROCESSING"]').first()).toHaveAttribute('data-state', 'done')
  const paused = page.locator('[data-state="paused"]')
  await expect(paused).toHaveCount(1)
  await expect(paused).toContainText('paused before it')
  await expect(page.locator('[data-phase="OUTPUT"]').first()).not.toHaveAttribute('data-state', 'done')
  await shoot(page, 'workflow-paused')
  await page.getByRole('button', { name: '▶ Resume' }).click()
  await waitForStatus(page, 'COMPLETED')
})

test('a job stopped at review is fixed in the form, approved, signed, and the signed PDF downloads', async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: 'Text', exact: true }).click()
  await page.getByLabel('Job title').fill('Phone triage')
  await page.getByLabel('Inspection notes').fill('Called the client about the leak. Back Tuesday.')
  await page.getByLabel('Stop for my review before the final report').check()
  await page.getByRole('button', { name: 'Create report' }).click()
  await waitForStatus(page, 'NEEDS_REVIEW')
  const qa = page.getByRole('heading', { name: 'QA after your changes' }).locator('xpath=following-sibling::*[1]')
  await expect(qa).toContainText('AFFECTED_AREAS_MISSING')
  await shoot(page, 'workflow-review')

  await page.getByRole('button', { name: '+ Add a room' }).click()
  await page.getByLabel('Room (room 1)').fill('Hallway')
  await page.getByLabel('Materials (comma separated) (room 1)').fill('carpet, skirting')
  await page.getByRole('button', { name: 'Save findings' }).click()
  await expect(page.getByText(/Saved .*QA checked again/)).toBeVisible()
  await expect(qa).not.toContainText('AFFECTED_AREAS_MISSING')

  for (const reason of await page.getByLabel(/Reason to override/).all()) {
    await reason.fill('Phone triage only; site visit booked')
  }
  await page.getByRole('button', { name: 'Approve the report' }).click()
  await waitForStatus(page, 'COMPLETED')

  await page.getByLabel('Your name').fill('Sam Lee')
  await page.getByLabel('Role').fill('Restoration technician')
  // the signature prints the certification on file (nothing to type): the harness put one there
  await expect(page.getByTestId('signer-certification')).toContainText('IICRC WRT #123456 (expires 2099-06-30)')
  await shoot(page, 'workflow-signoff')
  await page.getByRole('button', { name: 'Sign the report' }).click()
  await expect(page.getByRole('heading', { name: 'Downloads (signed)' })).toBeVisible()
  await expect(page.getByTestId('signature')).toContainText('Sam Lee')
  await expect(page.getByRole('heading', { name: 'Revisions' })).toBeVisible()
  const download = await expectPdfDownload(page, '⬇ PDF')
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  await shoot(page, 'workflow-signed')
  // a signed report never changes: a correction opens revision 2, in review again
  await page.getByRole('button', { name: 'Open a new revision' }).click()
  await waitForStatus(page, 'NEEDS_REVIEW')
  await expect(page.getByText(/revision 2/)).toBeVisible()
  await expect(page.getByText(/Revision 1: signed by Sam Lee/)).toBeVisible()
  const [signed] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download revision 1 (PDF)' }).click(),
  ])
  expect(readFileSync(await signed.path()).subarray(0, 5).toString()).toBe('%PDF-')
})

test('keyboard only: sign in, write notes, submit, download the PDF', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByLabel('Development token')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await tabTo(page, page.getByLabel('Development token'))
  await page.keyboard.insertText(TOKEN)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Quick start' })).toBeVisible()
  await tabTo(page, page.getByRole('link', { name: /^Text Type or paste/ }))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByLabel('Inspection notes'))
  await page.keyboard.insertText(NOTES)
  await tabTo(page, page.getByRole('button', { name: 'Create report' }))
  await page.keyboard.press('Enter')
  await waitForStatus(page, 'COMPLETED')
  await tabTo(page, page.getByRole('button', { name: '⬇ PDF' }))
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  // the Word page's file chooser is reached by Tab too, and shows that it has the focus
  await tabTo(page, page.getByRole('link', { name: 'Word', exact: true }))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByLabel('Choose a file'))
  const outline = await page.locator('label[for="file"]').evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).toBe('solid')
})

test("the dashboard's bar follows a running job live", async ({ page }) => {
  const sockets: string[] = []
  page.on('websocket', (socket) => sockets.push(socket.url()))
  await signIn(page)
  await page.getByRole('link', { name: 'Text', exact: true }).click()
  await page.getByLabel('Job title').fill('Live on the dashboard')
  await page.getByLabel('Inspection notes').fill(`${NOTES}\n[[slow]]`)
  await page.getByRole('button', { name: 'Create report' }).click()
  await expect(page).toHaveURL(/#\/workflows\/wf_/)
  await page.getByRole('link', { name: 'Dashboard' }).click()
  const row = page.locator('.job', { hasText: 'Live on the dashboard' })
  // listed while it runs, then completed without a reload: the row's socket moved it
  await expect(row.locator('[data-testid="progress"]')).toHaveAttribute('data-status', /IN_PROGRESS|PENDING/)
  await expect(row.locator('[data-testid="progress"]')).toHaveAttribute('data-status', 'COMPLETED')
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
  // the job's page and the dashboard used one WebSocket between them
  expect(sockets).toHaveLength(1)
})

test('the jobs list pages by ten and filters by status', async ({ page, request, baseURL }) => {
  // a dozen more jobs, made through the API
  for (let i = 0; i < 12; i++) {
    const reply = await request.post(`${baseURL}/api/orchestrator/workflows`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
      data: { inputMethod: 'TEXT', title: `Bulk ${i}`, inputData: { text: NOTES } },
    })
    expect(reply.status()).toBe(201)
  }
  await signIn(page)
  const rows = page.locator('.job')
  await expect(rows).toHaveCount(10)
  await expect(page.getByRole('button', { name: '← Newer' })).toBeDisabled()
  await page.getByRole('button', { name: 'Older →' }).click()
  await expect(page.getByText('Page 2')).toBeVisible()
  await expect(rows.first()).not.toContainText('Bulk 11')
  await page.getByRole('button', { name: '← Newer' }).click()
  await expect(rows.first()).toContainText('Bulk 11')
  await page.getByLabel('Show').selectOption('FAILED')
  await expect(rows).toHaveCount(1)
  await expect(rows.first().locator('.badge')).toHaveAttribute('data-status', 'FAILED')
})

test('a PDF job waiting for its file takes it on its own page, and completes', async ({ page, request, baseURL }) => {
  const pdf = fixture('inspection.pdf')
  const reply = await request.post(`${baseURL}/api/orchestrator/workflows`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: {
      inputMethod: 'PDF',
      title: 'Waiting for a PDF',
      inputData: { fileName: 'inspection.pdf', contentType: 'application/pdf', size: pdf.length },
    },
  })
  expect(reply.status()).toBe(201)
  const { workflowId } = await reply.json()
  await signIn(page)
  await page.goto(`/#/workflows/${workflowId}`)
  await expect(page.getByRole('heading', { name: 'Waiting for the PDF file' })).toBeVisible()
  await shoot(page, 'workflow-awaiting-file')
  await page.getByLabel('PDF file', { exact: true }).setInputFiles({ name: 'inspection.pdf', mimeType: 'application/pdf', buffer: pdf })
  await page.getByRole('button', { name: 'Upload the file' }).click()
  await waitForStatus(page, 'COMPLETED')
  await expect(page.getByTestId('report')).toContainText('Laundry')
})
