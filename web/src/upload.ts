// The presigned POST straight to S3, with progress (XMLHttpRequest: fetch reports no upload
// progress). S3 answers errors as XML: <Error><Code>…</Code><Message>…</Message></Error>.

export interface UploadForm {
  url: string
  fields: Record<string, string>
  expiresIn: number
}

export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export function postToS3(form: UploadForm, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = new FormData()
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value)
    body.append('file', file) // last: S3 ignores fields after the file
    const xhr = new XMLHttpRequest()
    xhr.open('POST', form.url)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1)
        resolve()
        return
      }
      const xml = new DOMParser().parseFromString(xhr.responseText || '<Error/>', 'application/xml')
      const code = xml.querySelector('Code')?.textContent ?? `HTTP_${xhr.status}`
      const message = xml.querySelector('Message')?.textContent ?? 'The storage service refused the file.'
      reject(new UploadError(code, message))
    }
    xhr.onerror = () => reject(new UploadError('NETWORK_ERROR', 'The upload was interrupted: check your connection and try again.'))
    xhr.send(body)
  })
}

export const KINDS = {
  PDF: {
    label: 'PDF',
    extensions: ['.pdf'],
    types: ['application/pdf'],
    contentType: 'application/pdf',
  },
  WORD: {
    label: 'Word',
    extensions: ['.docx', '.dotx'],
    types: [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
    ],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
} as const

export type Kind = keyof typeof KINDS

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Why a file cannot be sent, before any upload: its name, its type, its size. */
export function checkFile(kind: Kind, file: { name: string; type: string; size: number }, maxBytes: number): string | null {
  const spec = KINDS[kind]
  const name = file.name.toLowerCase()
  const extensions: readonly string[] = spec.extensions
  const types: readonly string[] = spec.types
  if (name.endsWith('.doc') && kind === 'WORD')
    return 'This is an older Word file (.doc). In Word, choose File › Save As › Word Document (.docx), then upload that.'
  if (!extensions.some((ext) => name.endsWith(ext)))
    return `"${file.name}" is not a ${spec.label} file. Choose a file ending in ${spec.extensions.join(' or ')}.`
  if (file.type && !types.includes(file.type))
    return `"${file.name}" does not look like a ${spec.label} file (its type is ${file.type}).`
  if (file.size === 0) return `"${file.name}" is empty.`
  if (file.size > maxBytes)
    return `"${file.name}" is ${formatBytes(file.size)}; the largest file accepted is ${formatBytes(maxBytes)}.`
  return null
}
