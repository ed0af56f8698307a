"""The answers S3 gives a refused POST Object, as `<Error>` documents: the exception and its makers.

Codes, messages and extra elements as S3 words them (see `s3_post` for where each comes from); the
other `s3_post_*` modules raise these, and the middleware turns them into replies.
"""

from __future__ import annotations


class S3Error(Exception):
    """An answer S3 gives as an `<Error>` document; `details` are its extra elements, in order."""

    def __init__(self, status: int, code: str, message: str, *details: tuple[str, str]) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details


def invalid_argument(message: str, name: str, value: str = "", *more: tuple[str, str]) -> S3Error:
    return S3Error(400, "InvalidArgument", message, ("ArgumentName", name), ("ArgumentValue", value), *more)


def missing_field(name: str) -> S3Error:
    # Two spaces after the first period, as S3 writes it.
    message = (
        f"Bucket POST must contain a field named '{name}'.  "
        "If it is specified, please check the order of the fields."
    )
    return invalid_argument(message, name)


def access_denied(message: str = "Access Denied") -> S3Error:
    return S3Error(403, "AccessDenied", message)


def policy_refused(reason: str) -> S3Error:
    return access_denied(f"Invalid according to Policy: {reason}")


def invalid_policy(reason: str) -> S3Error:
    return S3Error(400, "InvalidPolicyDocument", f"Invalid Policy: {reason}")


def malformed_post() -> S3Error:
    return S3Error(
        400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data."
    )


def not_multipart() -> S3Error:
    return S3Error(
        412,
        "PreconditionFailed",
        "At least one of the pre-conditions you specified did not hold",
        ("Condition", "Bucket POST must be of the enclosure-type multipart/form-data"),
    )


def wrong_file_count(count: int) -> S3Error:
    return invalid_argument("POST requires exactly one file upload per request.", "file", str(count))


def too_large(size: int, limit: int) -> S3Error:
    return S3Error(
        400,
        "EntityTooLarge",
        "Your proposed upload exceeds the maximum allowed size",
        ("ProposedSize", str(size)),
        ("MaxSizeAllowed", str(limit)),
    )


def too_small(size: int, limit: int) -> S3Error:
    return S3Error(
        400,
        "EntityTooSmall",
        "Your proposed upload is smaller than the minimum allowed size",
        ("ProposedSize", str(size)),
        ("MinSizeAllowed", str(limit)),
    )
