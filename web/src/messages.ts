// What a refused file or request means, in a contractor's words. The server's own message
// follows it (it says what to do), and its code, for support.

const TITLES: Record<string, string> = {
  UNSUPPORTED_FILE_TYPE: "This file isn't a PDF or Word document",
  TYPE_MISMATCH: "The file's contents don't match its name",
  EMPTY_FILE: 'The file is empty',
  FILE_TOO_LARGE: 'The file is too large',
  TEXT_TOO_LARGE: 'The notes are too long',
  PDF_ENCRYPTED: 'The PDF is password-protected',
  PDF_CORRUPT: 'The PDF is damaged',
  PDF_NO_TEXT: 'The PDF is a scanned image with no text in it',
  PDF_TEXT_UNREADABLE: "The PDF's text can't be read",
  PDF_TOO_MANY_PAGES: 'The PDF has too many pages',
  PDF_TOO_COMPLEX: 'The PDF is too complex to read',
  DOC_LEGACY_FORMAT: 'This is an older Word file (.doc)',
  DOCX_ENCRYPTED: 'The document is password-protected',
  DOCX_NOT_ZIP: "This isn't a Word document",
  DOCX_CORRUPT: 'The Word document is damaged',
  DOCX_ZIP_BOMB: "The Word document can't be opened safely",
  DOCX_MACRO_ENABLED: 'Word files with macros are not accepted',
  DOCX_NO_TEXT: 'The Word document has no text in it',
  DOCX_TOO_COMPLEX: 'The Word document is too complex to read',
  MALWARE_DETECTED: 'The file was blocked by the virus scanner',
  UNSCANNABLE_FILE: "The file couldn't be scanned for viruses",
  UPLOAD_MISSING: 'The uploaded file was not found',
  UPLOAD_EXPIRED: 'The file never arrived',
  EntityTooLarge: 'The file is too large',
  AccessDenied: 'The upload was refused',
  PreconditionFailed: 'This upload form was already used',
  NETWORK_ERROR: "Can't reach RestoreAssist",
  UNAUTHORIZED: 'Your sign-in has expired',
  RATE_LIMITED: 'Too many requests: wait a moment and try again',
  VERSION_CONFLICT: 'Someone else changed this meanwhile: reload and try again',
  OVERRIDE_REASON_REQUIRED: 'Each QA error needs a reason before you approve',
  INVALID_FINDINGS: "Some of the findings aren't valid",
  RETRY_LIMIT: 'This job has been retried as many times as allowed',
  PAUSE_EXPIRED: 'The pause ran out: retry the job',
  REVIEW_EXPIRED: 'The review period ran out: retry the job',
  LOCAL_RESTART: 'The job stopped when the server restarted',
  INTERNAL_ERROR: 'Something went wrong on our side',
  PHASE_TIMED_OUT: 'The job took too long',
  SERVICE_BUSY: 'The service was too busy',
  NOT_RUNNING: 'The job is not running',
  NOT_PAUSED: 'The job is not paused',
  NOT_FAILED: 'Only a failed job can be retried',
  ALREADY_SIGNED: 'This revision is already signed',
  WORKFLOW_NOT_FOUND: 'This job does not exist (or is not yours)',
}

export function errorTitle(code: string | null | undefined): string {
  if (!code) return 'Something went wrong'
  return TITLES[code] ?? 'The request was refused'
}
