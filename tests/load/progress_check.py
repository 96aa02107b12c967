#!/usr/bin/env python3
"""relgraph load draws its progress bar on standard error only when that is a terminal.

    progress_check.py --relgraph BIN INPUT RECORDS_INPUT

Runs `relgraph load INPUT` three times: with standard error on a pseudo-terminal (the bar must be
drawn — share, rate, ETA, records — and the line cleared at the end), with standard error on a pipe,
and on a terminal with --quiet (no bar in either). Then loads RECORDS_INPUT (relgraph JSON, whose
records are counted only once validated) on a terminal: its bar shows no counts of zero records.
Prints 'N passed, M failed'.
"""
import argparse
import os
import pty
import re
import subprocess
import sys
import tempfile


def run_on_terminal(args):
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--relgraph", required=True)
    parser.add_argument("input")
    parser.add_argument("records_input")
    options = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "g.rgdb")
        code, err = run_on_terminal([options.relgraph, "load", options.input, "-o", out])
        if code != 0:
            failures.append(f"load on a terminal exited {code}: {err}")
        for needed in ("100%", "/s", "ETA", "entities", "relations", "\r\x1b[K"):
            if needed not in err:
                failures.append(f"the bar on a terminal lacks {needed!r}: {err!r}")
        piped = subprocess.run([options.relgraph, "load", options.input, "-o", out], capture_output=True, text=True)
        if piped.returncode != 0 or piped.stderr:
            failures.append(f"load with standard error on a pipe wrote to it: {piped.stderr!r}")
        code, err = run_on_terminal([options.relgraph, "load", options.input, "-o", out, "--quiet"])
        if code != 0 or err:
            failures.append(f"load --quiet on a terminal drew something: {err!r}")
        code, err = run_on_terminal([options.relgraph, "load", options.records_input, "-o", out])
        zero = re.search(r"(?<![0-9,])0 (entities|relations)", err)
        if code != 0 or zero or not re.search(r"100%.*[1-9][0-9,]* entities, [1-9][0-9,]* relations", err):
            failures.append(f"the bar of a relgraph JSON load shows zero records, or no bar: {err!r}")
    for failure in failures:
        print("FAIL", failure)
    print(f"{4 - min(len(failures), 4)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
