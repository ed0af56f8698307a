import { describe, expect, it } from 'vitest'
import { countWords } from './pages/TextPage'
import { checkFile } from './upload'

describe('checkFile', () => {
  const max = 1000
  it('accepts a PDF within the size', () => {
    expect(checkFile('PDF', { name: 'Report.PDF', type: 'application/pdf', size: 10 }, max)).toBeNull()
  })
  it('refuses an executable', () => {
    expect(checkFile('PDF', { name: 'setup.exe', type: 'application/x-msdownload', size: 10 }, max)).toMatch(/not a PDF/)
  })
  it('refuses a file too large, naming both sizes', () => {
    expect(checkFile('WORD', { name: 'a.docx', type: '', size: 2048 }, max)).toMatch(/2 KB.*1000 bytes/)
  })
  it('explains an old .doc', () => {
    expect(checkFile('WORD', { name: 'a.doc', type: 'application/msword', size: 5 }, max)).toMatch(/Save As/)
  })
  it('refuses an empty file', () => {
    expect(checkFile('PDF', { name: 'a.pdf', type: '', size: 0 }, max)).toMatch(/empty/)
  })
})

describe('countWords', () => {
  it('counts words across lines and spaces', () => {
    expect(countWords('  Kitchen 12x14 ft,\nvinyl  wet. ')).toBe(5)
    expect(countWords('   ')).toBe(0)
  })
})
