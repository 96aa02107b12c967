#!/usr/bin/env python3
"""Golden CLI tests for relgraph.

A .test file holds cases separated by lines of four dashes. Each case:

    case: what it checks
    before: ARGS...              (any number; run first, in the same {tmp}, and must exit 0)
    run: ARGS...                 (shell-quoted; {fixtures}, {broken}, {tmp} and {ESC} are substituted)
    env: NAME=VALUE              (any number; set for this case only)
    exit: N
    stdout contains: TEXT        (any number; each must occur in stdout)
    stdout lacks: TEXT           (any number; none may occur in stdout)
    stderr contains: TEXT        (any number; each must occur in stderr)
    file contains: PATH TEXT     (PATH under {tmp}; TEXT must occur in that file)
    stdout:                      (optional, last: the exact expected stdout follows)
    ...

--rewrite replaces each case's exit code and exact stdout block with what relgraph prints now
(only for cases that already have a stdout block). --broken DIR checks that validating each
DIR/X.json together with the fixture schema exits 2 and prints every line of DIR/X.expected.
--readme FILE checks that every ```console block of FILE that starts with
"$ build/bin/relgraph ARGS" shows exactly what relgraph prints for ARGS.
"""
import argparse
import os
import pathlib
import shlex
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEPARATOR = "----"


def parse_cases(text):
    cases = []
    for block in text.split("\n" + SEPARATOR + "\n"):
        lines = block.strip("\n").split("\n")
        case = {"contains": [], "lacks": [], "stderr": [], "files": [], "stdout": None, "env": {}, "before": []}
        for i, line in enumerate(lines):
            if line.startswith("#") or not line.strip():
                continue
            key, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if key == "stdout":
                case["stdout"] = "\n".join(lines[i + 1:]) + "\n"
                break
            if key == "case":
                case["name"] = value
            elif key == "before":
                case["before"].append(value)
            elif key == "run":
                case["run"] = value
            elif key == "env":
                name, _, setting = value.partition("=")
                case["env"][name] = setting
            elif key == "exit":
                case["exit"] = int(value)
            elif key == "stdout contains":
                case["contains"].append(value)
            elif key == "stdout lacks":
                case["lacks"].append(value)
            elif key == "stderr contains":
                case["stderr"].append(value)
            elif key == "file contains":
                path, _, needle = value.partition(" ")
                case["files"].append((path, needle))
            else:
                raise SystemExit(f"unknown line in test file: {line!r}")
        if "run" in case:
            cases.append(case)
    return cases


def run(relgraph, args, tmp, extra_env=None):
    # Paths relative to the repository root, where relgraph runs, so output does not depend on
    # where the checkout is.
    substituted = args.replace("{fixtures}", "tests/fixtures").replace("{broken}", "tests/broken") \
                      .replace("{tmp}", tmp)
    env = dict(os.environ, COLUMNS="200", LC_ALL="C.UTF-8", **(extra_env or {}))
    argv = [a.replace("{ESC}", "\x1b") for a in shlex.split(substituted)]
    proc = subprocess.run([relgraph] + argv, capture_output=True, env=env, timeout=120, cwd=ROOT)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def check_file(relgraph, path, rewrite):
    text = path.read_text(encoding="utf-8")
    cases = parse_cases(text)
    failures = 0
    rewritten = []
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            problems = []
            for before in case["before"]:
                before_code, _, before_err = run(relgraph, before, tmp, case["env"])
                if before_code != 0:
                    problems.append(f"'{before}' exited {before_code}: {before_err.strip()}")
            code, out, err = run(relgraph, case["run"], tmp, case["env"])
            if code != case.get("exit", 0):
                problems.append(f"exit code {code}, expected {case.get('exit', 0)}")
            for needle in case["contains"]:
                if needle not in out:
                    problems.append(f"stdout lacks {needle!r}")
            for needle in case["lacks"]:
                if needle in out:
                    problems.append(f"stdout has {needle!r}")
            for needle in case["stderr"]:
                if needle not in err:
                    problems.append(f"stderr lacks {needle!r}")
            for rel, needle in case["files"]:
                target = pathlib.Path(tmp) / rel
                if not target.exists():
                    problems.append(f"file {rel} was not written")
                elif needle not in target.read_text(encoding="utf-8", errors="replace"):
                    problems.append(f"file {rel} lacks {needle!r}")
            if case["stdout"] is not None and out != case["stdout"] and not rewrite:
                problems.append("stdout differs:\n--- expected\n" + case["stdout"] + "--- actual\n" + out)
        rewritten.append((case, code, out))
        if problems and not rewrite:
            failures += 1
            print(f"FAIL {path.name}: {case.get('name', case['run'])}\n  relgraph {case['run']}")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
            if err:
                print("  stderr: " + err.strip().replace("\n", "\n          "))
    if rewrite:
        blocks = text.split("\n" + SEPARATOR + "\n")
        out_blocks = []
        index = 0
        for block in blocks:
            if "run:" not in block:
                out_blocks.append(block)
                continue
            case, code, out = rewritten[index]
            index += 1
            lines = block.strip("\n").split("\n")
            new = []
            for line in lines:
                if line.startswith("stdout:") and not line.startswith("stdout contains"):
                    break
                new.append(f"exit: {code}" if line.startswith("exit:") else line)
            if case["stdout"] is not None:
                new.append("stdout:")
                new.append(out.rstrip("\n"))
            out_blocks.append("\n".join(new))
        path.write_text(("\n" + SEPARATOR + "\n").join(out_blocks).rstrip("\n") + "\n", encoding="utf-8")
    print(f"{path.name}: {len(cases) - failures} passed, {failures} failed")
    return failures


def check_broken(relgraph, folder):
    failures = 0
    inputs = sorted(pathlib.Path(folder).glob("*.json"))
    schema = ROOT / "tests" / "fixtures" / "tiny" / "schema.json"
    for path in inputs:
        expected = path.with_suffix(".expected")
        if not expected.exists():
            print(f"FAIL {path.name}: no {expected.name} beside it")
            failures += 1
            continue
        proc = subprocess.run([relgraph, "validate", str(schema.relative_to(ROOT)), str(path.resolve().relative_to(ROOT))],
                              capture_output=True, timeout=60, cwd=ROOT)
        err = proc.stderr.decode("utf-8", "replace")
        problems = [] if proc.returncode == 2 else [f"exit code {proc.returncode}, expected 2"]
        problems += [f"stderr lacks {line!r}" for line in expected.read_text(encoding="utf-8").splitlines()
                     if line.strip() and line not in err]
        if proc.stdout:
            problems.append("printed to stdout: " + proc.stdout.decode("utf-8", "replace"))
        if problems:
            failures += 1
            print(f"FAIL {path.name}\n  " + "\n  ".join(problems) + "\n  stderr: " + err)
    print(f"broken inputs: {len(inputs) - failures} passed, {failures} failed")
    return failures


def check_readme(relgraph, readme):
    text = pathlib.Path(readme).read_text(encoding="utf-8")
    prompt = "$ build/bin/relgraph "
    blocks = [b.split("```", 1)[0] for b in text.split("```console\n")[1:]]
    checked = failures = 0
    for block in blocks:
        lines = block.rstrip("\n").split("\n")
        if not lines[0].startswith(prompt):
            continue
        checked += 1
        code, out, err = run(relgraph, lines[0][len(prompt):], tempfile.gettempdir())
        expected = "\n".join(lines[1:]) + "\n"
        if code != 0 or out != expected:
            failures += 1
            print(f"FAIL {readme}: {lines[0]}\n--- shown\n{expected}--- printed (exit {code})\n{out}{err}")
    if checked == 0:
        print(f"FAIL {readme}: no console block to check")
        failures = 1
    print(f"{pathlib.Path(readme).name}: {checked - failures} passed, {failures} failed")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relgraph", required=True, type=lambda p: str(pathlib.Path(p).resolve()))
    parser.add_argument("--rewrite", action="store_true")
    parser.add_argument("--broken")
    parser.add_argument("--readme")
    parser.add_argument("files", nargs="*", type=pathlib.Path)
    args = parser.parse_args()
    failures = check_broken(args.relgraph, args.broken) if args.broken else 0
    failures += check_readme(args.relgraph, args.readme) if args.readme else 0
    for path in args.files:
        failures += check_file(args.relgraph, path, args.rewrite)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
