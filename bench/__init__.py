"""Benchmarks and the evaluation corpus tools; each script runs as `python bench/<name>.py`."""
