"""The whole system on one machine, with no AWS account and no network.

- `aws.py`: moto in server mode (DynamoDB, S3, Step Functions with its real ASL interpreter)
  behind one port that also answers Lambda's Invoke API with the Chalice phase handlers.
- `provision.py`: the table, bucket and state machine, made from the same files that deploy.
- `stack.py`: all of it plus the HTTP API (Chalice's local gateway), started and stopped together.

This package is never deployed: only `app.py` and `chalicelib/` go to Lambda.
"""
