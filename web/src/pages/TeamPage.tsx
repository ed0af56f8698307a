import { type FormEvent, useEffect, useState } from 'react'
import { useAccount } from '../account'
import { type Api, useApi } from '../api'
import { CertificationCard } from '../components/CertificationCard'
import { CopyButton } from '../components/CopyButton'
import { ApiErrorNotice } from '../components/ErrorNotice'
import { OneFieldForm, Outcome, useOutcome } from '../components/Outcome'
import { type CurrentAccount, type Invitation, invitationFromHash, mayManage, ROLE_LABELS } from '../team'
import { Invitations, Members } from './TeamMembers'

export function TeamPage() {
  const api = useApi()
  const { account, error, reload } = useAccount()
  const [joinedVersion, setJoinedVersion] = useState(0)
  const [certified, setCertified] = useState(0)
  const changed = () => {
    reload()
    setJoinedVersion((v) => v + 1)
  }
  if (!account) return error ? <ApiErrorNotice error={error} /> : <p>Loading…</p>
  const { organisation, membership } = account
  return (
    <div className="stack">
      <h1>Team</h1>
      <InvitationLink api={api} onJoined={changed} />
      <MyInvitations api={api} version={joinedVersion} onJoined={changed} />
      {organisation ? (
        <OrganisationCard api={api} account={account} onChanged={changed} />
      ) : (
        <CreateOrganisation api={api} personalId={membership.orgId} onCreated={changed} />
      )}
      {organisation && <Members api={api} account={account} version={certified} onChanged={changed} />}
      {organisation && mayManage(membership.role) && <Invitations api={api} orgId={organisation.id} />}
      <CertificationCard userId={membership.userId} onSaved={() => setCertified((v) => v + 1)} />
    </div>
  )
}

function CreateOrganisation({ api, personalId, onCreated }: { api: Api; personalId: string; onCreated: () => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<unknown>(null)
  async function create(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      await api.post('/organisations', { name: name.trim() })
      onCreated()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section className="card stack" aria-labelledby="create-org-heading">
      <h2 id="create-org-heading">Your account</h2>
      <p>
        You work in your personal account (<span className="mono">{personalId}</span>). Create an organisation to share jobs, templates and
        webhooks with your team: you will be its owner, and invite the others. Jobs you made before stay in your personal account.
      </p>
      <OneFieldForm
        id="org-name"
        label="Organisation name"
        value={name}
        onChange={setName}
        onSubmit={create}
        button="Create organisation"
        primary
        input={{ required: true, minLength: 2, maxLength: 120, placeholder: 'e.g. Banksia Restorations' }}
      />
      <ApiErrorNotice error={error} />
    </section>
  )
}

function OrganisationCard({ api, account, onChanged }: { api: Api; account: CurrentAccount; onChanged: () => void }) {
  const organisation = account.organisation!
  const [name, setName] = useState(organisation.name)
  const { notice, error, act } = useOutcome()
  const admin = mayManage(account.membership.role)
  async function rename(event: FormEvent) {
    event.preventDefault()
    if (await act(() => api.patch(`/organisations/${organisation.id}`, { name: name.trim() }), 'Renamed.')) onChanged()
  }
  return (
    <section className="card stack" aria-labelledby="org-heading">
      <h2 id="org-heading">{organisation.name}</h2>
      <dl className="facts">
        <dt>Your role</dt>
        <dd data-testid="my-role">{ROLE_LABELS[account.membership.role]}</dd>
        <dt>Organisation id</dt>
        <dd className="row wrap">
          <span className="mono">{organisation.id}</span>
          <CopyButton text={organisation.id} label="Copy the organisation id" />
        </dd>
      </dl>
      <p className="small muted">Another company shares a report template with you by this id.</p>
      {admin && (
        <OneFieldForm
          id="org-rename"
          label="Name"
          formLabel="Rename the organisation"
          value={name}
          onChange={setName}
          onSubmit={rename}
          button="Rename"
          disabled={name.trim() === organisation.name}
          input={{ required: true, minLength: 2, maxLength: 120 }}
        />
      )}
      <Outcome notice={notice} error={error} />
    </section>
  )
}

/** Invitations addressed to the signed-in person by their user id. */
function MyInvitations({ api, version, onJoined }: { api: Api; version: number; onJoined: () => void }) {
  const [invitations, setInvitations] = useState<Invitation[]>([])
  const [error, setError] = useState<unknown>(null)
  const [reload, setReload] = useState(0)
  useEffect(() => {
    api
      .get<{ invitations: Invitation[] }>('/invitations')
      .then((reply) => setInvitations(reply.invitations))
      .catch(setError)
  }, [api, version, reload])
  async function respond(invitation: Invitation, answer: 'accept' | 'decline') {
    setError(null)
    try {
      await api.post(`/invitations/${invitation.id}/${answer}`)
      setReload((n) => n + 1)
      if (answer === 'accept') onJoined()
    } catch (e) {
      setError(e)
    }
  }
  if (invitations.length === 0 && !error) return null
  return (
    <section className="card stack" aria-labelledby="my-invitations-heading">
      <h2 id="my-invitations-heading">Invitations for you</h2>
      <ul className="plain stack">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="row wrap spread" data-testid="my-invitation">
            <span>
              Join{' '}
              {invitation.organisationName ? (
                <>
                  <strong data-testid="invitation-organisation">{invitation.organisationName}</strong>{' '}
                  <span className="small muted">
                    (<span className="mono">{invitation.orgId}</span>)
                  </span>
                </>
              ) : (
                <>
                  organisation <span className="mono">{invitation.orgId}</span>
                </>
              )}{' '}
              as <strong>{ROLE_LABELS[invitation.role]}</strong>, invited by {invitation.invitedBy}
            </span>
            <span className="row wrap">
              <button type="button" className="primary" onClick={() => respond(invitation, 'accept')}>
                Accept
              </button>
              <button type="button" onClick={() => respond(invitation, 'decline')}>
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
      <ApiErrorNotice error={error} />
    </section>
  )
}

/** An email invitation opened from its link (#/team?invitation=…&code=…). */
function InvitationLink({ api, onJoined }: { api: Api; onJoined: () => void }) {
  const [link, setLink] = useState(() => invitationFromHash(location.hash))
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    const onChange = () => setLink(invitationFromHash(location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  if (!link) return null
  async function respond(answer: 'accept' | 'decline') {
    if (!link) return
    setError(null)
    try {
      await api.post(`/invitations/${link.invitationId}/${answer}`, { code: link.code })
      history.replaceState(null, '', '#/team')
      setLink(null)
      onJoined()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section className="card stack" aria-labelledby="link-heading">
      <h2 id="link-heading">You were invited to an organisation</h2>
      <p>Accept to join it with the role it was sent with. You can be in one organisation at a time.</p>
      <div className="row wrap">
        <button type="button" className="primary" onClick={() => respond('accept')}>
          Accept the invitation
        </button>
        <button type="button" onClick={() => respond('decline')}>
          Decline
        </button>
      </div>
      <ApiErrorNotice error={error} />
    </section>
  )
}
