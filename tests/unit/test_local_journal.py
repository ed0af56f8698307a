"""The local stack's journal files (local_stack/journal.py): what a crash can leave, and what is
read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from local_stack.durable import classify
from local_stack.journal import DataDirInUse, DirectoryLock, Journal, Record, read_records

S3 = {"HTTP_AUTHORIZATION": "AWS4-HMAC-SHA256 Credential=local/20261205/us-east-1/s3/aws4_request"}


def _journal(path: Path, count: int) -> None:
    journal = Journal(path)
    for n in range(count):
        journal.sync(journal.append(Record({"n": n}, bytes([n]) * 100)))
    journal.close()


def test_a_record_torn_by_a_crash_is_dropped_and_cut_off_and_the_rest_is_kept(tmp_path: Path) -> None:
    # Given three synced records and the beginning of a fourth (the process died while writing it)
    path = tmp_path / "journal-0.bin"
    _journal(path, 4)
    whole = path.stat().st_size
    with path.open("r+b") as file:
        file.truncate(whole - 30)
    # When it is read back for replay
    records = list(read_records(path, repair=True))
    # Then the three whole records come back, and the torn one is cut off the file
    assert [r.header["n"] for r in records] == [0, 1, 2]
    assert records[2].body == bytes([2]) * 100
    assert path.stat().st_size == whole * 3 // 4
    # And appending after it starts a clean record
    journal = Journal(path)
    journal.sync(journal.append(Record({"n": 9})))
    journal.close()
    assert [r.header["n"] for r in read_records(path)] == [0, 1, 2, 9]


def test_a_damaged_record_ends_the_replay_there(tmp_path: Path) -> None:
    path = tmp_path / "journal-0.bin"
    _journal(path, 3)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # a flipped byte in the second record
    path.write_bytes(bytes(data))
    assert [r.header["n"] for r in read_records(path)] == [0]


def test_one_stack_per_data_directory(tmp_path: Path) -> None:
    held = DirectoryLock(tmp_path)
    with pytest.raises(DataDirInUse):
        DirectoryLock(tmp_path)
    held.release()
    DirectoryLock(tmp_path).release()


@pytest.mark.parametrize(
    ("environ", "body", "expected"),
    [
        ({"HTTP_X_AMZ_TARGET": "DynamoDB_20120810.PutItem"}, b"{}", ("dynamodb", False)),
        ({"HTTP_X_AMZ_TARGET": "DynamoDB_20120810.CreateTable"}, b"{}", ("dynamodb", True)),
        ({"HTTP_X_AMZ_TARGET": "DynamoDB_20120810.Query"}, b"{}", None),
        (
            {"HTTP_X_AMZ_TARGET": "DynamoDB_20120810.ExecuteStatement"},
            b'{"Statement": " select * from t"}',
            None,
        ),
        (
            {"HTTP_X_AMZ_TARGET": "DynamoDB_20120810.ExecuteStatement"},
            b'{"Statement": "INSERT INTO t VALUE {}"}',
            ("dynamodb", False),
        ),
        (S3, b"", None),
        ({**S3, "REQUEST_METHOD": "PUT", "PATH_INFO": "/bucket/a/key"}, b"x", ("s3", False)),
        (
            {**S3, "REQUEST_METHOD": "PUT", "PATH_INFO": "/bucket", "QUERY_STRING": "cors"},
            b"x",
            ("s3", True),
        ),
        (
            {**S3, "REQUEST_METHOD": "POST", "PATH_INFO": "/bucket", "QUERY_STRING": "delete"},
            b"x",
            ("s3", False),
        ),
        ({**S3, "REQUEST_METHOD": "GET", "PATH_INFO": "/bucket/a/key"}, b"", None),
        ({"HTTP_X_AMZ_TARGET": "AWSStepFunctions.StartExecution"}, b"{}", None),
    ],
)
def test_only_writes_to_dynamodb_and_s3_are_journaled(
    environ: dict[str, str], body: bytes, expected: tuple[str, bool] | None
) -> None:
    assert classify(environ, body) == expected
