"""The adapters: the ports of `core/ports.py` on AWS (and clamd). The only package, with
`wiring.py`, that imports boto3 or botocore."""
