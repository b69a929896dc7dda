#!/usr/bin/python3
"""The vendor's example payloads (../shared/seeds/*.txt) and our fixtures.

    seed_fixtures.py check SEEDS_DIR DATA_DIR     TAP lines, no plan
    seed_fixtures.py extract SEEDS_DIR DATA_DIR   (re)write the fixtures

DATA_DIR/MANIFEST names, in page order, one fixture per example:
"PAGE FILE" with PAGE the seed's number (000 ... 004).  An example is
either a block printed under a response code, from a line "    {" to the
next line "    }" (a fixture holds it less the page's 4-space list indent,
plus a final newline), or an inline request body "example request body
{...}" (held as printed, plus a final newline).  `check` says, per
fixture, whether it is byte for byte what the page prints, and whether
every example of every page has its fixture.
"""
import glob
import os
import re
import sys

INDENT = "    "
INLINE = re.compile(r"example request body (\{[^}]*\})")


def examples(text):
    """The examples of one page, in order: (offset, fixture bytes)."""
    found = []
    lines = text.split("\n")
    pos = 0
    start = None
    for line in lines:
        if start is None and line == INDENT + "{":
            start, block = pos, []
        if start is not None:
            block.append(line[len(INDENT):] if line.startswith(INDENT) else line)
            if line == INDENT + "}":
                found.append((start, "\n".join(block) + "\n"))
                start = None
        else:
            for m in INLINE.finditer(line):
                found.append((pos + m.start(1), m.group(1) + "\n"))
        pos += len(line) + 1
    if start is not None:
        found.append((start, None))   # an example that never closes
    return [text for _, text in sorted(found)]


def pages(seeds):
    out = {}
    for path in sorted(glob.glob(os.path.join(seeds, "[0-9][0-9][0-9]_*.txt"))):
        with open(path, encoding="utf-8", newline="") as f:
            out[os.path.basename(path)[:3]] = f.read()
    return out


def manifest(data):
    rows = []
    with open(os.path.join(data, "MANIFEST"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                rows.append((line[0], line[1]))
    return rows


def main():
    mode, seeds, data = sys.argv[1:4]
    got = pages(seeds)
    rows = manifest(data)
    n = 0
    failed = 0

    def result(good, name):
        nonlocal n, failed
        n += 1
        failed += 0 if good else 1
        print("%s %d - %s" % ("ok" if good else "not ok", n, name))

    result(len(got) == 5, "five seed pages in %s" % seeds)
    for page in sorted(got):
        want = examples(got[page])
        mine = [f for p, f in rows if p == page]
        result(len(want) == len(mine),
               "page %s: %d examples, %d fixtures" % (page, len(want), len(mine)))
        for text, name in zip(want, mine):
            path = os.path.join(data, name)
            if mode == "extract":
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    have = f.read()
            except OSError:
                have = None
            result(text is not None and have == text,
                   "page %s: %s is the example as printed" % (page, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
