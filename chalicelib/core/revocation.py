"""Withdrawn access ends live subscriptions at once (#22; ADR 0023).

The push sends a workflow's events to its subscriptions without asking the policy per event or
per subscriber (ADR 0016: a bounded number of reads and writes per update, whatever the
audience). So the moment someone's access is withdrawn — removed from the organisation, leaving
it, their role changed, a share taken away — the request that withdraws it ends their existing
subscriptions, here: it finds the person's connections (`Connections.connections_of_user`),
re-asks the policy for each workflow they watch, deletes each subscription (progress and
activity) they may no longer VIEW, and tells the socket with an `ERROR` on that channel
(`ACCESS_REVOKED`: the shipped clients stop watching a channel on an `ERROR`). The cost is per
person, paid by the rare request that changes access: a query of their connections and a read
per workflow they watch.

Race-safe without a lock, by ordering (both sides write, then read what the other writes, with
strongly consistent reads):

- the withdrawal writes first (the membership deleted, the role or the share changed), then
  reads the person's subscriptions;
- a subscribe writes its subscription first (marked replaying: the pushes leave it alone), then
  asks the policy again (`live_progress`), and ends it itself if the answer is no longer VIEW.

Whichever comes second sees the other's write, so a subscribe racing a removal never ends live.
Re-checking instead of deleting blindly makes it idempotent and exact: a subscription the person
may still VIEW (their own personal account's workflows; a workflow shared with them; the same
organisation joined again meanwhile) stays.
"""

from __future__ import annotations

from chalicelib.core import activity, events, policy
from chalicelib.core.ports import ConnectionGone, Ports
from chalicelib.core.tenancy import Membership, membership_of
from chalicelib.logs import logger

REVOKED = {
    "code": "ACCESS_REVOKED",
    "message": "You no longer have access to this workflow; this subscription has ended",
}


def _subject(key: str) -> tuple[str, str]:
    """A subscription's workflow and the channel its client named, from the key it is kept under."""
    feed_of = activity.workflow_of_key(key)
    if feed_of is not None:
        return feed_of, activity.channel_for(feed_of)
    return key, events.channel_for(key)


def _keeps(ports: Ports, user_id: str, workflow_id: str, membership: Membership) -> bool:
    workflow = ports.workflows.get(workflow_id)
    if workflow is None:
        return True  # deleted: nothing will be pushed for it, and it is no longer theirs to be told about
    return policy.can(ports, user_id, policy.Action.VIEW, workflow, membership)


def withdraw(ports: Ports, user_id: str, *, workflow_id: str | None = None) -> int:
    """End every subscription of `user_id`'s connections (to `workflow_id`'s channels only, if
    given) to a workflow they may no longer VIEW, and tell each socket. Call it after the write
    that withdrew the access. Idempotent; returns how many it ended."""
    connections = ports.connections.connections_of_user(user_id)
    watched = [
        (connection.connection_id, key, *_subject(key))
        for connection in connections
        for key in sorted(connection.channels)
    ]
    watched = [w for w in watched if workflow_id is None or w[2] == workflow_id]
    if not watched:
        return 0
    membership = membership_of(ports, user_id)  # read after the withdrawing write
    keeps: dict[str, bool] = {}
    ended = 0
    for connection_id, key, subject, channel in watched:
        if subject not in keeps:
            keeps[subject] = _keeps(ports, user_id, subject, membership)
        if keeps[subject] or not ports.connections.unsubscribe(key, connection_id):
            continue  # still theirs, or ended already (by a client's unsubscribe, a repeat of this)
        ended += 1
        try:
            ports.pusher.send(connection_id, {"type": "ERROR", "channel": channel, "error": REVOKED})
        except ConnectionGone:
            ports.connections.remove_connection(connection_id)
        except Exception:  # noqa: BLE001 - the subscription is ended either way; telling is a courtesy
            logger.exception(
                "Could not tell a socket its subscription ended", extra={"connectionId": connection_id}
            )
    if ended:
        logger.info("Subscriptions ended: access withdrawn", extra={"subscriptions": ended})
    return ended
