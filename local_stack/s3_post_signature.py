"""The signature of an S3 POST Object form: SigV4 (or SigV2) over the policy text, as S3 checks it.

The error texts (credential scope, algorithm, date, mismatch with the string to sign in hex) are the
ones S3 answers; see `s3_post` for the sources.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from local_stack.s3_post_errors import S3Error, access_denied, invalid_argument, missing_field
from local_stack.s3_post_form import PostForm

SecretKeyFor = Callable[[str], str | None]

V4_FIELDS = (
    ("x-amz-algorithm", "X-Amz-Algorithm"),
    ("x-amz-credential", "X-Amz-Credential"),
    ("x-amz-date", "X-Amz-Date"),
    ("x-amz-signature", "X-Amz-Signature"),
)
V2_FIELDS = (("awsaccesskeyid", "AWSAccessKeyId"), ("signature", "Signature"))
# Fields a policy need not mention (besides x-ignore-*), per signature version.
EXEMPT_V4 = frozenset({"file", "policy", "x-amz-signature"})
EXEMPT_V2 = frozenset({"file", "policy", "awsaccesskeyid", "signature"})


@dataclass(frozen=True)
class Signer:
    access_key: str
    exempt: frozenset[str]  # the signature fields the policy need not cover


class PostSignatureCheck:
    """Which access key signed a form's policy; refuses a form that is unsigned or signed wrongly."""

    def __init__(self, secret_key_for: SecretKeyFor, region: str) -> None:
        self._secret_key_for = secret_key_for
        self._region = region

    def authenticate(self, form: PostForm) -> Signer:
        if any(form.get(name) is not None for name, _ in V4_FIELDS):
            self._require(form, V4_FIELDS)
            return Signer(self._check_v4(form), EXEMPT_V4)
        if any(form.get(name) is not None for name, _ in V2_FIELDS):
            self._require(form, V2_FIELDS)
            return Signer(self._check_v2(form), EXEMPT_V2)
        # No signature fields: the request is anonymous, which only a public bucket allows.
        raise access_denied()

    @staticmethod
    def _require(form: PostForm, names: tuple[tuple[str, str], ...]) -> None:
        for name, canonical in names:
            if not form.get(name):
                raise missing_field(canonical)
        if not form.get("policy"):
            raise missing_field("policy")

    def _check_v4(self, form: PostForm) -> str:
        algorithm = form.get("x-amz-algorithm") or ""
        if algorithm != "AWS4-HMAC-SHA256":
            raise invalid_argument(
                'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"', "X-Amz-Algorithm", algorithm
            )
        credential = form.get("x-amz-credential") or ""
        access_key, day = self._credential_scope(credential)
        amz_date = form.get("x-amz-date") or ""
        if not re.fullmatch(r"\d{8}T\d{6}Z", amz_date):
            raise invalid_argument(
                "X-Amz-Date must be formated via ISO8601 Long format", "X-Amz-Date", amz_date
            )
        secret = self._secret(access_key)
        policy, provided = form.get("policy") or "", form.get("x-amz-signature") or ""
        expected = hmac.new(
            _signing_key(secret, day, self._region), policy.encode(), hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(expected, provided):
            raise _signature_mismatch(access_key, policy, provided)
        return access_key

    def _credential_scope(self, credential: str) -> tuple[str, str]:
        parts = credential.split("/")
        if len(parts) != 5:
            expecting = '"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request"'
            raise _credential_error(f"the Credential is mal-formed; expecting {expecting}.", credential)
        access_key, day, region, service, terminal = parts
        if not access_key:
            raise _credential_error(
                "a non-empty Access Key (AKID) must be provided in the credential.", credential
            )
        if not _is_day(day):
            message = (
                f'incorrect date format "{day}". '
                'This date in the credential must be in the format "yyyyMMdd".'
            )
            raise _credential_error(message, credential)
        if region != self._region:
            message = f"the region '{region}' is wrong; expecting '{self._region}'"
            raise _credential_error(message, credential, ("Region", self._region))
        if service != "s3":
            raise _credential_error(
                f'incorrect service "{service}". This endpoint belongs to "s3".', credential
            )
        if terminal != "aws4_request":
            raise _credential_error(
                f'incorrect terminal "{terminal}". This endpoint uses "aws4_request".', credential
            )
        return access_key, day

    def _check_v2(self, form: PostForm) -> str:
        access_key = form.get("awsaccesskeyid") or ""
        secret = self._secret(access_key)
        policy, provided = form.get("policy") or "", form.get("signature") or ""
        digest = hmac.new(secret.encode(), policy.encode(), hashlib.sha1).digest()
        if not hmac.compare_digest(base64.b64encode(digest).decode(), provided):
            raise _signature_mismatch(access_key, policy, provided)
        return access_key

    def _secret(self, access_key: str) -> str:
        secret = self._secret_key_for(access_key)
        if secret is None:
            raise S3Error(
                403,
                "InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records.",
                ("AWSAccessKeyId", access_key),
            )
        return secret


def _signing_key(secret: str, day: str, region: str) -> bytes:
    key = f"AWS4{secret}".encode()
    for part in (day, region, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def _signature_mismatch(access_key: str, policy: str, provided: str) -> S3Error:
    # S3 signs the base64 policy text as sent, and shows it back with its bytes in hex.
    return S3Error(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. "
        "Check your key and signing method.",
        ("AWSAccessKeyId", access_key),
        ("StringToSign", policy),
        ("SignatureProvided", provided),
        ("StringToSignBytes", " ".join(f"{byte:02x}" for byte in policy.encode())),
    )


def _credential_error(message: str, credential: str, *more: tuple[str, str]) -> S3Error:
    return invalid_argument(message, "X-Amz-Credential", credential, *more)


def _is_day(day: str) -> bool:
    try:
        datetime.strptime(day, "%Y%m%d")
    except ValueError:
        return False
    return len(day) == 8
