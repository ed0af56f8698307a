export interface WorkflowStep {
  id: string
  phase: string
  stepNumber: number
  description: string
  status: string
  startedAt: string | null
  completedAt: string | null
  errorMessage: string | null
  runs?: number
}

export interface Signature {
  revision: number
  name: string
  role: string
  certification: string
  signedAt: string
}

export interface TemplatePin {
  id: string
  version: number
  name: string
}

export interface Workflow {
  id: string
  title: string
  inputMethod: string
  status: string
  currentPhase: string | null
  completedPhases: string[]
  progressPercentage: number
  estimatedTime: string | null
  errorCode: string | null
  errorMessage: string | null
  createdAt: string
  updatedAt: string
  completedAt: string | null
  pauseRequested: boolean
  retries: number
  revision: number
  signatures: Signature[]
  // The report template version it uses: chosen at creation, or inferred when its notes are read
  template?: TemplatePin | null
  steps?: WorkflowStep[]
}

export interface QaIssue {
  code: string
  severity: 'error' | 'warning' | 'info' | string
  field: string | null
  message: string
}

export interface Qa {
  passed: boolean
  issues: QaIssue[]
}

export const FINISHED = ['COMPLETED', 'FAILED', 'CANCELLED']
