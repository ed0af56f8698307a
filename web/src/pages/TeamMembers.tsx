import { type FormEvent, useEffect, useState } from 'react'
import type { Api } from '../api'
import { CertificationEditor } from '../components/CertificationCard'
import { CopyField } from '../components/CopyButton'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { Outcome, useOutcome } from '../components/Outcome'
import {
  assignableRoles,
  type Certification,
  type CurrentAccount,
  expiresIn,
  type Invitation,
  INVITABLE_ROLES,
  invitationLink,
  isCurrent,
  type Member,
  mayCertify,
  mayRemove,
  printedCertification,
  type Role,
  ROLE_HINTS,
  ROLE_LABELS,
} from '../team'

/** The organisation's members with their roles and certifications; admins change roles and remove. */
export function Members({ api, account, version: outside, onChanged }: { api: Api; account: CurrentAccount; version: number; onChanged: () => void }) {
  const orgId = account.organisation!.id
  const me = account.membership
  const [members, setMembers] = useState<Member[] | null>(null)
  const [certifications, setCertifications] = useState<Record<string, Certification | null>>({})
  const [chosen, setChosen] = useState<Record<string, Role>>({})
  const [certifying, setCertifying] = useState<string | null>(null)
  const { notice, setNotice, error, setError, act: run } = useOutcome()
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    api
      .get<{ members: Member[] }>(`/organisations/${orgId}/members`)
      .then(async (reply) => {
        if (!live) return
        setMembers(reply.members)
        const found = await Promise.all(
          reply.members.map((m) =>
            api
              .get<{ certification: Certification | null }>(`/members/${encodeURIComponent(m.userId)}/certification`)
              .then((c) => [m.userId, c.certification] as const)
              .catch(() => [m.userId, null] as const),
          ),
        )
        if (live) setCertifications(Object.fromEntries(found))
      })
      .catch((e) => live && setError(e))
    return () => {
      live = false
    }
  }, [api, orgId, version, outside])

  async function act(change: () => Promise<unknown>, done: string) {
    if (await run(change, done)) setVersion((v) => v + 1)
  }

  function changeRole(member: Member) {
    const role = chosen[member.userId]
    if (!role || role === member.role) return
    act(() => api.patch(`/organisations/${orgId}/members/${encodeURIComponent(member.userId)}`, { role }), `${member.userId} is now ${ROLE_LABELS[role]}.`)
  }

  function certify(member: Member) {
    setError(null)
    setNotice(null)
    setCertifying(member.userId)
  }

  function remove(member: Member) {
    if (!window.confirm(`Remove ${member.userId} from the organisation? They lose its jobs at once.`)) return
    act(() => api.del(`/organisations/${orgId}/members/${encodeURIComponent(member.userId)}`), `${member.userId} was removed.`)
  }

  async function leave() {
    if (!window.confirm('Leave the organisation? Its jobs, including the ones you made, stay with it.')) return
    setError(null)
    try {
      await api.del(`/organisations/${orgId}/members/${encodeURIComponent(me.userId)}`)
      onChanged()
    } catch (e) {
      setError(e)
    }
  }

  return (
    <section className="card stack" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {members === null && !error && <p>Loading…</p>}
      <ul className="plain members" aria-label="Members">
        {members?.map((member) => {
          const roles = assignableRoles(me, member)
          const certification = certifications[member.userId]
          const safeId = member.userId.replace(/[^A-Za-z0-9_-]/g, '-')
          const selectId = `role-${safeId}`
          return (
            <li key={member.userId} className="member" data-member={member.userId}>
              <div className="row wrap spread">
                <span className="member-name">
                  {member.userId}
                  {member.userId === me.userId && <span className="muted"> (you)</span>}
                </span>
                <span className="badge" data-role={member.role}>
                  {ROLE_LABELS[member.role]}
                </span>
              </div>
              <p className="small muted">
                Joined {new Date(member.joinedAt).toLocaleDateString()}
                {member.invitedBy ? `, invited by ${member.invitedBy}` : ''}
              </p>
              <p className="small" data-testid="member-certification">
                {certification === undefined
                  ? 'Certification: …'
                  : certification
                    ? `Certification: ${printedCertification(certification)}${isCurrent(certification) ? '' : ' — expired'}`
                    : 'No certification on file (cannot sign reports)'}
              </p>
              {certifying === member.userId && (
                <CertificationEditor
                  userId={member.userId}
                  certification={certification}
                  idPrefix={`member-cert-${safeId}`}
                  label={`Certification of ${member.userId}`}
                  onSaved={(saved) => {
                    setCertifications((all) => ({ ...all, [member.userId]: saved }))
                    setCertifying(null)
                    setNotice(`${member.userId}'s certification is on file: ${printedCertification(saved)}.`)
                  }}
                  onCancel={() => setCertifying(null)}
                />
              )}
              {(roles.length > 0 || mayRemove(me, member) || mayCertify(me, member)) && certifying !== member.userId && (
                <div className="row wrap">
                  {roles.length > 0 && (
                    <>
                      <label htmlFor={selectId} className="visually-hidden">
                        Role of {member.userId}
                      </label>
                      <select id={selectId} value={chosen[member.userId] ?? member.role} onChange={(e) => setChosen({ ...chosen, [member.userId]: e.target.value as Role })}>
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABELS[role]}
                          </option>
                        ))}
                      </select>
                      <button type="button" onClick={() => changeRole(member)} disabled={(chosen[member.userId] ?? member.role) === member.role}>
                        Change role<span className="visually-hidden"> of {member.userId}</span>
                      </button>
                    </>
                  )}
                  {mayCertify(me, member) && (
                    <button type="button" onClick={() => certify(member)} disabled={certification === undefined}>
                      {certification ? 'Edit certification' : 'Add certification'}
                      <span className="visually-hidden"> of {member.userId}</span>
                    </button>
                  )}
                  {mayRemove(me, member) && (
                    <button type="button" className="danger" onClick={() => remove(member)}>
                      Remove<span className="visually-hidden"> {member.userId}</span>
                    </button>
                  )}
                </div>
              )}
            </li>
          )
        })}
      </ul>
      <Outcome notice={notice} error={error} />
      <details className="small">
        <summary>What each role may do</summary>
        <ul>
          {(Object.keys(ROLE_HINTS) as Role[]).map((role) => (
            <li key={role}>
              <strong>{ROLE_LABELS[role]}</strong>: {ROLE_HINTS[role]}
            </li>
          ))}
        </ul>
      </details>
      <div>
        <button type="button" className="link danger" onClick={leave}>
          Leave the organisation
        </button>
      </div>
    </section>
  )
}

/** Invitations the organisation sent (admins): invite by email or user id, revoke a pending one. */
export function Invitations({ api, orgId }: { api: Api; orgId: string }) {
  const [invitations, setInvitations] = useState<Invitation[] | null>(null)
  const [by, setBy] = useState<'email' | 'userId'>('email')
  const [invitee, setInvitee] = useState('')
  const [role, setRole] = useState<Role>('technician')
  const [sent, setSent] = useState<{ who: string; link: string | null } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    api
      .get<{ invitations: Invitation[] }>(`/organisations/${orgId}/invitations`)
      .then((reply) => setInvitations(reply.invitations))
      .catch(setError)
  }, [api, orgId, version])

  async function invite(event: FormEvent) {
    event.preventDefault()
    setError(null)
    setSent(null)
    try {
      const who = invitee.trim()
      const reply = await api.post<{ invitation: Invitation; code?: string }>(`/organisations/${orgId}/invitations`, { [by]: who, role })
      setSent({ who, link: reply.code ? invitationLink(location.origin, reply.invitation.id, reply.code) : null })
      setInvitee('')
      setVersion((v) => v + 1)
    } catch (e) {
      setError(e)
    }
  }

  async function revoke(invitation: Invitation) {
    setError(null)
    try {
      await api.del(`/organisations/${orgId}/invitations/${invitation.id}`)
      setVersion((v) => v + 1)
    } catch (e) {
      setError(e)
    }
  }

  const newestFirst = [...(invitations ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return (
    <section className="card stack" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invite someone</h2>
      <form onSubmit={invite} className="row wrap" aria-label="Invite someone">
        <div className="field">
          <label htmlFor="invite-by">Invite by</label>
          <select id="invite-by" value={by} onChange={(e) => setBy(e.target.value as 'email' | 'userId')}>
            <option value="email">Email</option>
            <option value="userId">User id</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="invitee">{by === 'email' ? 'Their email' : 'Their user id'}</label>
          <input id="invitee" type={by === 'email' ? 'email' : 'text'} value={invitee} onChange={(e) => setInvitee(e.target.value)} required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="primary">
            Send invitation
          </button>
        </div>
      </form>
      {sent && (
        <div className="notice" role="status">
          {sent.link ? (
            <>
              <p className="notice-title">Send this link to {sent.who} now: it is shown only this once.</p>
              <CopyField id="invite-link" label="Invitation link" value={sent.link} copyLabel="Copy the invitation link" />
            </>
          ) : (
            <p className="notice-title">Invited: {sent.who} sees the invitation on their Team page.</p>
          )}
        </div>
      )}
      <ApiErrorNotice error={error} />
      <h3>Invitations sent</h3>
      {invitations?.length === 0 && <p className="muted">None yet.</p>}
      {newestFirst.length > 0 && (
        <ul className="plain stack" aria-label="Invitations sent">
          {newestFirst.map((invitation) => (
            <li key={invitation.id} className="row wrap spread invitation" data-invitation={invitation.userId ?? invitation.email ?? ''}>
              <span>
                {invitation.email ?? invitation.userId} · {ROLE_LABELS[invitation.role]} ·{' '}
                <span data-testid="invitation-status">
                  {invitation.status === 'PENDING' ? `pending, ${expiresIn(invitation.expiresAt)}` : invitation.status.toLowerCase()}
                </span>
              </span>
              {invitation.status === 'PENDING' && (
                <button type="button" className="danger" onClick={() => revoke(invitation)}>
                  Revoke<span className="visually-hidden"> the invitation of {invitation.email ?? invitation.userId}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">
        Invitations last 7 days and are used once. Someone invited by user id sees it on their own Team page.{' '}
        <button type="button" className="link" onClick={() => setVersion((v) => v + 1)}>
          Refresh
        </button>
      </p>
    </section>
  )
}
