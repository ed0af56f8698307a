import { describe, expect, it } from 'vitest'
import {
  assignableRoles,
  certificationProblem,
  expiresIn,
  invitableRoles,
  invitationFromHash,
  invitationLink,
  isCurrent,
  type Member,
  type Membership,
  mayCertify,
  mayManage,
  mayRemove,
  printedCertification,
  type Role,
} from './team'

const me = (role: Role, userId = 'me'): Membership => ({ userId, orgId: 'org_1', role, personal: false })
const member = (role: Role, userId = 'them'): Member => ({ userId, orgId: 'org_1', role, joinedAt: '2026-12-01T00:00:00Z', invitedBy: null })

describe('what each role is offered (the policy table: owners and managers run the account)', () => {
  it('only owners and managers manage', () => {
    expect((['owner', 'manager', 'estimator', 'technician', 'viewer'] as Role[]).filter(mayManage)).toEqual(['owner', 'manager'])
    expect(mayManage(undefined)).toBe(false)
  })
  it('an owner may give any role, an owner included', () => {
    expect(assignableRoles(me('owner'), member('technician'))).toEqual(['owner', 'manager', 'estimator', 'technician', 'viewer'])
    expect(assignableRoles(me('owner'), member('owner'))).toContain('viewer')
  })
  it("a manager never makes or unmakes an owner (the API's OWNER_REQUIRED)", () => {
    expect(assignableRoles(me('manager'), member('technician'))).toEqual(['manager', 'estimator', 'technician', 'viewer'])
    expect(assignableRoles(me('manager'), member('owner'))).toEqual([])
    expect(mayRemove(me('manager'), member('owner'))).toBe(false)
    expect(mayRemove(me('manager'), member('viewer'))).toBe(true)
  })
  it('nobody else is offered a change or a removal, and nobody changes or removes themselves here', () => {
    for (const role of ['estimator', 'technician', 'viewer'] as Role[]) {
      expect(assignableRoles(me(role), member('viewer'))).toEqual([])
      expect(mayRemove(me(role), member('viewer'))).toBe(false)
      expect(invitableRoles(me(role))).toEqual([])
    }
    expect(assignableRoles(me('owner'), member('owner', 'me'))).toEqual([])
    expect(mayRemove(me('owner'), member('owner', 'me'))).toBe(false)
  })
  it("owners and managers set any other member's certification (an owner's too); others only their own card", () => {
    for (const role of ['owner', 'manager'] as Role[]) {
      for (const theirs of ['owner', 'manager', 'technician', 'viewer'] as Role[]) expect(mayCertify(me(role), member(theirs))).toBe(true)
      expect(mayCertify(me(role), member(role, 'me'))).toBe(false)
    }
    for (const role of ['estimator', 'technician', 'viewer'] as Role[]) expect(mayCertify(me(role), member('technician'))).toBe(false)
  })
  it('nobody is invited as an owner', () => {
    expect(invitableRoles(me('owner'))).toEqual(['manager', 'estimator', 'technician', 'viewer'])
  })
})

describe('certifications', () => {
  const cert = { scheme: 'IICRC', categories: ['WRT', 'ASD'], number: '123456', expiresOn: '2027-06-30' }
  it('print as the signature block prints them', () => {
    expect(printedCertification(cert)).toBe('IICRC WRT, ASD #123456 (expires 2027-06-30)')
  })
  it('are current through their expiry day', () => {
    expect(isCurrent(cert, new Date('2027-06-30T23:00:00Z'))).toBe(true)
    expect(isCurrent(cert, new Date('2027-07-01T00:00:00Z'))).toBe(false)
  })
  it('are checked before they are sent', () => {
    const form = { scheme: 'IICRC', number: '123456', categories: ['WRT'], expiresOn: '2027-06-30' }
    expect(certificationProblem(form)).toBeNull()
    expect(certificationProblem({ ...form, number: '' })).toMatch(/number/)
    expect(certificationProblem({ ...form, number: '=cmd()' })).toMatch(/number/)
    expect(certificationProblem({ ...form, categories: [] })).toMatch(/at least one/)
    expect(certificationProblem({ ...form, expiresOn: '' })).toMatch(/expiry/)
    expect(certificationProblem({ ...form, scheme: 'I' })).toMatch(/body/)
  })
})

describe('invitation links', () => {
  const id = `inv_${'a'.repeat(32)}`
  it('round-trip the invitation and its code through the fragment', () => {
    const link = invitationLink('https://app.example.com', id, 'c0de-_x')
    expect(link).toBe(`https://app.example.com/#/team?invitation=${id}&code=c0de-_x`)
    expect(invitationFromHash(new URL(link).hash)).toEqual({ invitationId: id, code: 'c0de-_x' })
  })
  it('ignore a fragment that is not one', () => {
    expect(invitationFromHash('#/team')).toBeNull()
    expect(invitationFromHash(`#/team?invitation=${id}`)).toBeNull()
    expect(invitationFromHash('#/team?invitation=inv_nothex&code=x')).toBeNull()
  })
  it('say how long is left', () => {
    const now = new Date('2026-12-05T10:00:00Z')
    expect(expiresIn('2026-12-12T10:00:00Z', now)).toBe('7 days left')
    expect(expiresIn('2026-12-12T09:59:00Z', now)).toBe('7 days left')
    expect(expiresIn('2026-12-06T20:00:00Z', now)).toBe('1 day left')
    expect(expiresIn('2026-12-06T09:00:00Z', now)).toBe('23 hours left')
    expect(expiresIn('2026-12-05T10:20:00Z', now)).toBe('1 hour left')
    expect(expiresIn('2026-12-05T09:00:00Z', now)).toBe('expired')
  })
})
