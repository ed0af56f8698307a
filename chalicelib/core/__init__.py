"""The domain: what the product does, written against the ports in `ports.py`; no boto3, no HTTP."""
