"""moto's server made cheaper per request where the local stack pays for it on every workflow.

With the Lambda handlers in worker processes (workers.py), the stack's own process is left with
moto and its Step Functions interpreter, and that process (one GIL) is what bounds throughput.
Measured on a 2-core machine with py-spy during 100 concurrent TEXT workflows, of the stack
process's busy samples: 37% parsing the state machine's ASL (ANTLR, in Python), 12% creating a
boto3 client, and about 13% of each moto request listing moto's package directory. None of it
changes what moto answers:

- **The ASL is parsed once per definition.** moto 5.2.5 parses the definition again for every
  execution (about 55 ms of CPU for ours); here the parsed program is kept per definition text
  and each execution gets a copy of its own, so no execution shares a component another is
  evaluating: unpickled from the program pickled once (about 2 ms, where a deep copy took 5 on
  an idle machine and 20 times that on a loaded one; the parser's classes define no copy or
  pickle hooks of their own, so both make the same objects).
- **One Lambda client per endpoint.** The interpreter creates a new boto3 client for every Task
  (about 3 ms each, six Tasks a workflow); here one client per (service, region, port) serves
  them all (botocore clients are thread-safe), with moto's own settings (no retries, its
  timeouts) and a connection pool large enough for every invocation waiting on a worker.
- **moto's module list is read once.** The dispatcher lists moto's package directory (an
  `os.listdir` and an `isdir` per entry) for every request to find a backend by name; the
  directory does not change while the stack runs.
- **DynamoDB's item answers are written as JSON directly.** moto 5.2.5 serialises every answer
  by walking botocore's output shape (a fifth of the stack process's busy samples under the
  100-workflow load, py-spy --gil); for GetItem, PutItem, UpdateItem, Query and ExecuteStatement
  its result already is the wire document (DynamoDB JSON), so it is dumped as it is, without its
  None members. Compared answer by answer over workflows, keys, settings and listings: the same
  documents (DeleteItem and table operations differ, and keep moto's serialiser).
- **An item's size is summed once as it is built.** moto 5.2.5 checks the 400 KB limit at every
  attribute it sets, summing the sizes of all the attributes set so far each time (quadratic in
  the attributes: a workflow record's 20 cost 210 size walks). Building an item (PutItem, every
  Put of a TransactWriteItems, a PartiQL INSERT) keeps a running total instead and refuses at the
  same attribute (the same sum, the same `ItemSizeTooLarge`): TransactWriteItems of a POST
  (ADR 0025, addendum) cost about a third less. Later single sets are moto's as before.
"""

from __future__ import annotations

import copy
import json
import pickle
import threading
from collections.abc import Iterable
from typing import Any

MAX_CONNECTIONS = 256
_installed = False
_lock = threading.Lock()


def install() -> None:
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    _parse_once_per_definition()
    _one_lambda_client_per_endpoint()
    _read_module_list_once()
    _dynamodb_items_as_json()
    _item_sizes_summed_once()


def _parse_once_per_definition() -> None:
    from moto.stepfunctions.parser.asl.parse.asl_parser import AmazonStateLanguageParser
    from moto.stepfunctions.parser.backend.execution_worker import ExecutionWorker

    # definition -> the parsed program, pickled (or the program itself, if it would not pickle)
    programs: dict[str, bytes | Any] = {}
    lock = threading.Lock()

    def entrypoint(self: Any) -> Any:
        definition: str = self._evaluation_details.state_machine_details.definition
        with lock:
            program = programs.get(definition)
        if program is None:
            parsed = AmazonStateLanguageParser.parse(definition)[0]
            try:
                program = pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL)
            except (pickle.PicklingError, TypeError, AttributeError):
                program = parsed
            with lock:
                programs[definition] = program
        return pickle.loads(program) if isinstance(program, bytes) else copy.deepcopy(program)

    ExecutionWorker._get_evaluation_entrypoint = entrypoint  # type: ignore[method-assign]


def _one_lambda_client_per_endpoint() -> None:
    from moto.stepfunctions.parser.asl.component.state.exec.state_task import lambda_eval_utils
    from moto.stepfunctions.parser.asl.utils import boto_client

    create = boto_client.boto_client_for
    clients: dict[tuple[str, str, str], Any] = {}
    lock = threading.Lock()

    def cached(region: str, service: str, state_credentials: Any = None) -> Any:
        from moto.core.models import botocore_stubber
        from moto.settings import moto_server_port

        # (moto's own function ignores the state's credentials: so does this one)
        if botocore_stubber.enabled:
            return create(region, service, state_credentials)
        key = (service, region, str(moto_server_port()))
        with lock:
            client = clients.get(key)
            if client is None:
                client = clients[key] = _client(service, region, key[2])
        return client

    lambda_eval_utils.boto_client_for = cached  # type: ignore[attr-defined]


def _client(service: str, region: str, port: str) -> Any:
    """moto's own client settings (boto_client.boto_client_for), with a connection pool as large
    as the number of invocations that may wait on a worker at once."""
    import boto3
    from botocore.config import Config
    from moto.stepfunctions.parser.asl.component.common.timeouts.timeout import TimeoutSeconds

    return boto3.session.Session().client(
        service,
        region_name=region,
        endpoint_url=f"http://localhost:{port}",
        aws_access_key_id="ak",
        aws_secret_access_key="sk",
        config=Config(
            parameter_validation=False,
            retries={"max_attempts": 0, "total_max_attempts": 1},
            connect_timeout=TimeoutSeconds.DEFAULT_TIMEOUT_SECONDS,
            read_timeout=TimeoutSeconds.DEFAULT_TIMEOUT_SECONDS,
            max_pool_connections=MAX_CONNECTIONS,
        ),
    )


def _read_module_list_once() -> None:
    from moto import backends

    modules = tuple(backends.list_of_moto_modules())

    def listed() -> Iterable[str]:
        return modules

    backends.list_of_moto_modules = listed


# The operations whose result moto builds as the wire document itself (see the module docstring).
JSON_AS_IS = frozenset({"GetItem", "PutItem", "UpdateItem", "Query", "ExecuteStatement"})
JSON_HEADERS = {"Content-Type": "application/x-amz-json-1.0"}


def _dynamodb_items_as_json() -> None:
    from moto.dynamodb.responses import DynamoResult

    serialise = DynamoResult.execute_result

    def execute_result(self: Any, context: Any) -> Any:
        if context.operation_model.name not in JSON_AS_IS:
            return serialise(self, context)
        try:
            body = json.dumps(_without_none(self.result))
        except (TypeError, ValueError):  # something that is not JSON already: moto's way
            return serialise(self, context)
        return 200, dict(JSON_HEADERS), body

    DynamoResult.execute_result = execute_result  # type: ignore[method-assign]


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_none(member) for key, member in value.items() if member is not None}
    if isinstance(value, list):
        return [_without_none(member) for member in value]
    return value


ITEM_SIZE_LIMIT = 405000  # moto's LimitedSizeDict: between the 409 and 410 KB measured on AWS
MOTO_ITEM_INIT: Any = None  # moto's own, kept for the same-answer test


def _item_sizes_summed_once() -> None:
    global MOTO_ITEM_INIT
    from moto.dynamodb.exceptions import ItemSizeTooLarge
    from moto.dynamodb.models.dynamo_type import DynamoType, Item, LimitedSizeDict
    from moto.dynamodb.models.utilities import bytesize

    MOTO_ITEM_INIT = Item.__init__

    def __init__(self: Any, hash_key: Any, range_key: Any, attrs: dict[str, Any]) -> None:
        self.hash_key = hash_key
        self.range_key = range_key
        self.attrs = sized = LimitedSizeDict()
        total = 0
        for key, value in attrs.items():
            typed = DynamoType(value)
            # moto's check at each set: (the sizes of the keys and values set so far) + this
            # key's and value's > the limit; the keys are distinct, so that sum is this total.
            total += bytesize(key) + typed.size()
            if total > ITEM_SIZE_LIMIT:
                raise ItemSizeTooLarge
            dict.__setitem__(sized, key, typed)

    Item.__init__ = __init__  # type: ignore[method-assign]
