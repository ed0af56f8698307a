"""Webhook signing secrets, sealed (`ports.SecretBox`): KMS on AWS, AES-GCM with a local key here.

A webhook secret cannot be hashed like an API key: the delivery worker needs it in the clear to
sign. So it is encrypted under the stack's `WebhookSecretsKey` (KMS `Encrypt`, the secret is 49
bytes) with an encryption context naming its account and endpoint: the ciphertext opens only
for that endpoint, and CloudTrail logs every `Decrypt` with that context. Only the API may seal
(kms:Encrypt) and only the delivery worker may open (kms:Decrypt); a copy of the table alone opens
nothing. Secrets Manager was the other choice: a secret per endpoint costs a monthly fee each and
its API's rate per account; one KMS key costs one fee (docs/adr/0021-webhooks.md).

The local stack has no KMS that outlives a restart (moto keeps its keys in memory), so it seals
with AES-GCM under a 32-byte key of its own (`WEBHOOK_SECRETS_LOCAL_KEY`, kept in the data
directory), the context as associated data: the same binding, checked the same way.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from typing import Any

from chalicelib.core.ports import SecretUnavailableError

KMS_PREFIX = "kms:"
LOCAL_PREFIX = "local:"


class KmsSecretBox:
    def __init__(self, client: Any, key_id: str) -> None:
        self._client = client
        self._key_id = key_id

    def seal(self, plaintext: str, context: Mapping[str, str]) -> str:
        sealed = self._client.encrypt(
            KeyId=self._key_id, Plaintext=plaintext.encode(), EncryptionContext=dict(context)
        )
        return KMS_PREFIX + base64.b64encode(sealed["CiphertextBlob"]).decode()

    def open(self, sealed: str, context: Mapping[str, str]) -> str:
        if not sealed.startswith(KMS_PREFIX):
            raise SecretUnavailableError("the webhook secret was not sealed by KMS")
        blob = base64.b64decode(sealed.removeprefix(KMS_PREFIX))
        # The key is named, so a ciphertext of another key is refused rather than tried.
        opened = self._client.decrypt(
            CiphertextBlob=blob, EncryptionContext=dict(context), KeyId=self._key_id
        )
        return bytes(opened["Plaintext"]).decode()


class LocalSecretBox:
    """AES-256-GCM; the sealed value is `local:` + base64(nonce + ciphertext and tag)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("WEBHOOK_SECRETS_LOCAL_KEY must be 32 bytes, base64")
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)

    def seal(self, plaintext: str, context: Mapping[str, str]) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), _aad(context))
        return LOCAL_PREFIX + base64.b64encode(nonce + sealed).decode()

    def open(self, sealed: str, context: Mapping[str, str]) -> str:
        from cryptography.exceptions import InvalidTag

        if not sealed.startswith(LOCAL_PREFIX):
            raise SecretUnavailableError("the webhook secret was not sealed by the local key")
        raw = base64.b64decode(sealed.removeprefix(LOCAL_PREFIX))
        try:
            return self._aead.decrypt(raw[:12], raw[12:], _aad(context)).decode()
        except InvalidTag:
            raise SecretUnavailableError("the webhook secret does not open for this endpoint") from None


class UnconfiguredSecretBox:
    """No key configured: registering a webhook says so instead of storing a secret in the clear."""

    def seal(self, plaintext: str, context: Mapping[str, str]) -> str:
        raise SecretUnavailableError("no key is configured to seal webhook secrets")

    def open(self, sealed: str, context: Mapping[str, str]) -> str:
        raise SecretUnavailableError("no key is configured to open webhook secrets")


def _aad(context: Mapping[str, str]) -> bytes:
    return json.dumps(dict(context), sort_keys=True, separators=(",", ":")).encode()
