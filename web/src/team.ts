// Organisations, members, invitations and certifications: the API's shapes, and what the page
// offers each role. The API decides (chalicelib/core/policy.py); the page only leaves out what
// the caller's role may not do, so nobody is offered a button that can only answer 403.

export type Role = 'owner' | 'manager' | 'estimator' | 'technician' | 'viewer'

export const ROLES: Role[] = ['owner', 'manager', 'estimator', 'technician', 'viewer']
// An owner is made from a member (PATCH the member), never invited as one.
export const INVITABLE_ROLES: Role[] = ['manager', 'estimator', 'technician', 'viewer']

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Manager',
  estimator: 'Estimator',
  technician: 'Technician',
  viewer: 'Viewer',
}

export const ROLE_HINTS: Record<Role, string> = {
  owner: 'everything, and makes or unmakes owners',
  manager: 'everything but making or unmaking owners',
  estimator: 'creates jobs, edits findings, approves and signs',
  technician: 'creates jobs, adds photos and comments, signs',
  viewer: 'reads and downloads',
}

export const CERTIFICATION_CATEGORIES = [
  ['WRT', 'Water Damage Restoration Technician'],
  ['ASD', 'Applied Structural Drying'],
  ['AMRT', 'Applied Microbial Remediation Technician'],
  ['FSRT', 'Fire and Smoke Restoration Technician'],
  ['CDS', 'Commercial Drying Specialist'],
] as const

export interface Organisation {
  id: string
  name: string
  createdBy: string
  createdAt: string
  updatedAt: string
  ownerCount: number
}

export interface Membership {
  userId: string
  orgId: string
  role: Role
  personal: boolean
}

export interface CurrentAccount {
  organisation: Organisation | null
  membership: Membership
}

export interface Member {
  userId: string
  orgId: string
  role: Role
  joinedAt: string
  invitedBy: string | null
}

export interface Invitation {
  id: string
  orgId: string
  role: Role
  userId: string | null
  email: string | null
  invitedBy: string
  createdAt: string
  expiresAt: string
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED'
  respondedAt: string | null
  respondedBy: string | null
  // Only in the invitee's own listing (GET /invitations): the organisation's name as it is now
  organisationName?: string | null
}

export interface Certification {
  userId: string
  scheme: string
  number: string
  categories: string[]
  expiresOn: string
  updatedBy: string
  updatedAt: string
}

/** Owners and managers run the account: members, invitations, templates, webhooks, its figures. */
export function mayManage(role: Role | null | undefined): boolean {
  return role === 'owner' || role === 'manager'
}

/** The roles `me` may give `member` (empty: no change offered). Only an owner makes or unmakes an
 * owner; nobody changes their own role here (an owner steps down by making another owner first). */
export function assignableRoles(me: Membership, member: Member): Role[] {
  if (!mayManage(me.role) || member.userId === me.userId) return []
  if (me.role !== 'owner') return member.role === 'owner' ? [] : ROLES.filter((r) => r !== 'owner')
  return ROLES
}

/** Whether `me` is offered "Remove" for `member` (leaving is offered separately, to everyone). */
export function mayRemove(me: Membership, member: Member): boolean {
  if (!mayManage(me.role) || member.userId === me.userId) return false
  return me.role === 'owner' || member.role !== 'owner'
}

/** Whether `me` is offered setting another member's certification: owners and managers, for any
 * member (the role table's MANAGE_CERTIFICATIONS); everyone sets their own on its own card. */
export function mayCertify(me: Membership, member: Member): boolean {
  return mayManage(me.role) && member.userId !== me.userId
}

/** What an admin may invite as: a manager never invites (or makes) an owner, and nobody invites one. */
export function invitableRoles(me: Membership): Role[] {
  return mayManage(me.role) ? INVITABLE_ROLES : []
}

/** As the signature block prints it, e.g. "IICRC WRT, ASD #123456 (expires 2027-06-30)". */
export function printedCertification(c: Pick<Certification, 'scheme' | 'categories' | 'number' | 'expiresOn'>): string {
  return `${c.scheme} ${c.categories.join(', ')} #${c.number} (expires ${c.expiresOn})`
}

/** Current through its expiry day (the server's rule: expiresOn >= today, UTC). */
export function isCurrent(c: Pick<Certification, 'expiresOn'>, today: Date = new Date()): boolean {
  return c.expiresOn >= today.toISOString().slice(0, 10)
}

export interface CertificationForm {
  scheme: string
  number: string
  categories: string[]
  expiresOn: string
}

/** What is wrong with the form, in words (null: it may be sent). Mirrors the API's checks. */
export function certificationProblem(form: CertificationForm): string | null {
  if (form.scheme.trim().length < 2 || form.scheme.trim().length > 20) return 'The certifying body is 2 to 20 characters (e.g. IICRC).'
  if (!/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/.test(form.number.trim())) return 'The number is letters and digits (up to 40), as on the card.'
  if (form.categories.length === 0) return 'Choose at least one certification (e.g. WRT).'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.expiresOn)) return 'Give the expiry date.'
  return null
}

// --- invitation links ------------------------------------------------------------------------
// An email invitation is accepted with its id and the code answered once to whoever invited; the
// page turns both into a link to send (the fragment never reaches a server).

export function invitationLink(origin: string, invitationId: string, code: string): string {
  const query = new URLSearchParams({ invitation: invitationId, code })
  return `${origin}/#/team?${query}`
}

export function invitationFromHash(hash: string): { invitationId: string; code: string } | null {
  const query = hash.split('?')[1]
  if (!query) return null
  const params = new URLSearchParams(query)
  const invitationId = params.get('invitation') ?? ''
  const code = params.get('code') ?? ''
  if (!/^inv_[0-9a-f]{32}$/.test(invitationId) || !code) return null
  return { invitationId, code }
}

/** Days left before an invitation expires, in words. */
export function expiresIn(expiresAt: string, now: Date = new Date()): string {
  const ms = new Date(expiresAt).getTime() - now.getTime()
  if (ms <= 0) return 'expired'
  if (ms >= 86_400_000) {
    const days = Math.round(ms / 86_400_000)
    return `${days} day${days === 1 ? '' : 's'} left`
  }
  const hours = Math.max(1, Math.floor(ms / 3_600_000))
  return `${hours} hour${hours === 1 ? '' : 's'} left`
}
