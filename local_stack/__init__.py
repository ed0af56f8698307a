"""The whole system on one machine, with no AWS account and no network.

- `aws.py`: moto in server mode (DynamoDB, S3, Step Functions with its real ASL interpreter)
  behind one port that also answers Lambda's Invoke API with the Chalice phase handlers.
- `workers.py`: the Lambda invocations in warm worker processes (`make run`), as Lambda runs
  containers; `lambda_runtime.py`: what Lambda answers, wherever the handler ran.
- `api_process.py`: the HTTP API in a process of its own (`make run`).
- `provision.py`: the table, bucket and state machine, made from the same files that deploy.
- `stack.py`: all of it plus the HTTP API (Chalice's local gateway), started and stopped together.

This package is never deployed: only `app.py` and `chalicelib/` go to Lambda.
"""
