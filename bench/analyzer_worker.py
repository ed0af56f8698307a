"""One analyzer in its own interpreter, timed text by text for `bench/analyzer.py --against REV`.

Reads JSON lines `{"text": ...}` on stdin and answers each with the milliseconds `analyze_text`
took, measured inside this process so the pipe is not timed. Which analyzer it runs is whichever
`chalicelib` comes first on `PYTHONPATH`: the checkout's, or an earlier revision's extracted tree.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    from chalicelib.analysis import analyze_text

    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        text = json.loads(line)["text"]
        started = time.perf_counter()
        analyze_text(text)
        print(json.dumps({"ms": (time.perf_counter() - started) * 1000}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
