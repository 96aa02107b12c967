#!/usr/bin/env python3
"""Renders the adversarial graph (tests/fixtures/adversarial) every way relgraph can and checks that
the output is safe to embed in a wiki page:

- every SVG is well-formed XML and passes MediaWiki's SVG upload rules (no script or style
  elements, no on* attributes, no processing instructions but the XML declaration, only http(s)
  or # links, no javascript: anywhere);
- every hostile name shows up literally as text;
- headless Chromium opens each SVG directly and a generated HTML page that inlines it, and no
  script runs and no handler fires (a control page with a real script proves the check can fail);
- the wiki section is written, its links resolve, and writing it again changes no file.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.dom.minidom

ROOT = pathlib.Path(__file__).resolve().parents[2]
GRAPH = ROOT / "tests" / "fixtures" / "adversarial"
# The payloads in the adversarial names set this attribute; their text contains the name too, so
# only the attribute as the DOM serializes it counts.
MARKER = "data-pwned"
FIRED = 'data-pwned="1"'
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def relgraph(binary, *args):
    proc = subprocess.run([binary, *args, "--graph", str(GRAPH)], capture_output=True, timeout=300)
    if proc.returncode != 0:
        fail(f"relgraph {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    return proc


def walk(node):
    yield node
    for child in node.childNodes:
        yield from walk(child)


def check_svg(path, names):
    text = path.read_text(encoding="utf-8")
    try:
        dom = xml.dom.minidom.parseString(text.encode("utf-8"))
    except Exception as e:  # noqa: BLE001 - any parse error is a failure
        fail(f"{path.name}: not well-formed XML: {e}")
        return
    texts = []
    for node in walk(dom):
        if node.nodeType == node.PROCESSING_INSTRUCTION_NODE:
            fail(f"{path.name}: processing instruction <?{node.target}")
        if node.nodeType == node.TEXT_NODE:
            texts.append(node.data)
        if node.nodeType != node.ELEMENT_NODE:
            continue
        if node.tagName.lower() in ("script", "style", "foreignobject", "iframe", "object", "embed"):
            fail(f"{path.name}: <{node.tagName}> element")
        for i in range(node.attributes.length):
            attr = node.attributes.item(i)
            if attr.name.lower().startswith("on"):
                fail(f"{path.name}: event handler attribute {attr.name}")
            if attr.name in ("href", "xlink:href") and not re.match(r"^(https?://|#)", attr.value):
                fail(f"{path.name}: link to {attr.value!r}")
            if attr.name in ("href", "xlink:href", "style", "src", "values", "from", "to") and \
                    "javascript:" in attr.value.lower():
                fail(f"{path.name}: javascript: in {attr.name}")
    all_text = "\n".join(texts)
    for name in names:
        if name not in all_text:
            fail(f"{path.name}: the name {name[:40]!r} is not shown literally")


def chromium_dom(chromium, url, profile):
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom", url],
                          capture_output=True, timeout=120)
    return proc.stdout.decode("utf-8", errors="replace")


def check_browser(chromium, svgs, work):
    profile = work / "profile"
    control = work / "control.html"
    control.write_text(f"<html><body><script>document.documentElement.setAttribute('{MARKER}','1')</script></body></html>")
    if FIRED not in chromium_dom(chromium, control.as_uri(), profile):
        fail("browser check cannot see scripts run (control page): the check would prove nothing")
        return
    for svg in svgs:
        page = work / (svg.stem + ".html")
        page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>"
                        + svg.read_text(encoding="utf-8").split("?>", 1)[1].split("]>", 1)[-1]
                        + f"<img src='{svg.as_uri()}'></body></html>", encoding="utf-8")
        for url in (svg.as_uri(), page.as_uri()):
            dom = chromium_dom(chromium, url, profile)
            if not dom.strip():
                fail(f"chromium produced no DOM for {url}")
            elif FIRED in dom:
                fail(f"a script ran or a handler fired in {url}")


def check_wiki(binary, out):
    relgraph(binary, "wiki", "--out", str(out), "--link-template", "https://wiki.example.org/wiki/{name}")
    pages = sorted(out.glob("*.md"))
    if len(pages) < 10:
        fail(f"wiki wrote only {len(pages)} pages")
    for page in pages:
        for target in re.findall(r"(?<!\\)\]\(([^)]+)\)", page.read_text(encoding="utf-8")):
            if not (out / target).exists():
                fail(f"{page.name}: link to missing {target}")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = relgraph(binary, "wiki", "--out", str(out), "--link-template", "https://wiki.example.org/wiki/{name}")
    if b" 0 written" not in again.stdout:
        fail(f"writing the wiki again wrote files: {again.stdout.decode()}")
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    if before != after:
        fail("writing the wiki again changed files")
    return sorted(out.glob("images/*.svg"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relgraph", required=True)
    parser.add_argument("--chromium", required=True)
    args = parser.parse_args()
    graph = json.loads((GRAPH / "graph.json").read_text(encoding="utf-8"))
    names = [e["name"] for e in graph["entities"]]
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        svgs = []
        jobs = {
            "all.svg": ["render", "--all", "--include-attribution", "--link-template", "https://w.example/{name}?k={kind}&i={id}"],
            "focus.svg": ["render", "--focus", "script", "--depth", "2"],
            "who.svg": ["render", "--who-reported", "script"],
            "conflicts.svg": ["render", "--conflicts"],
            "path.svg": ["render", "--path", "script", "long", "--context"],
            "clusters.svg": ["render", "--all", "--cluster", "kind", "--engine", "fdp"],
        }
        for name, command in jobs.items():
            relgraph(args.relgraph, *command, "-o", str(work / name))
            svgs.append(work / name)
        for svg in svgs:
            check_svg(svg, names if svg.name in ("all.svg", "clusters.svg") else [])
        wiki_svgs = check_wiki(args.relgraph, work / "wiki")
        for svg in wiki_svgs:
            check_svg(svg, [])
        check_browser(args.chromium, svgs, work)
    checked = len(svgs) + len(wiki_svgs)
    print(f"check_rendering: {checked} SVGs, {len(failures)} problems")
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
