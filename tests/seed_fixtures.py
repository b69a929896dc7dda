#!/usr/bin/python3
"""The vendor's example payloads (../shared/seeds/*.txt) and our fixtures.

    seed_fixtures.py check SEEDS_DIR DATA_DIR     "ok NAME" / "fail NAME" lines
    seed_fixtures.py extract SEEDS_DIR DATA_DIR   (re)write the fixtures
    seed_fixtures.py fields FILE                  "path=value", every leaf

DATA_DIR/MANIFEST names, in page order, one fixture per example:
"PAGE FILE" with PAGE the seed's number (000 ... 004).  An example is
either a block printed under a response code, from a line "    {" to the
next line "    }" (a fixture holds it less the page's 4-space list indent,
plus a final newline), or an inline request body "example request body
{...}" (held as printed, plus a final newline).  `check` says, per
fixture, whether it is byte for byte what the page prints, and whether
every example of every page has its fixture.

`fields` prints what tests/seeds_client prints from the structs, computed
here from the JSON alone: one line per leaf, named by its path, clocks in
tenths, booleans true/false, floats with 17 digits; nulls print nothing.
"""
import glob
import json
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


CLOCKS = ("start_game_clock", "end_game_clock", "game_clock", "shot_clock")


def tenths(clock):
    minutes, _, seconds = clock.rpartition(":")
    whole, _, frac = seconds.partition(".")
    return (int(minutes or 0) * 60 + int(whole)) * 10 + int((frac + "0")[0])


def leaves(path, v, out):
    if isinstance(v, dict):
        for k, x in v.items():
            leaves("%s.%s" % (path, k) if path else k, x, out)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            leaves("%s[%d]" % (path, i), x, out)
    elif v is None:
        pass
    elif isinstance(v, bool):
        out.append("%s=%s" % (path, "true" if v else "false"))
    elif isinstance(v, float):
        out.append("%s=%.17g" % (path, v))
    elif path.rsplit(".", 1)[-1] in CLOCKS:
        out.append("%s=%d" % (path, tenths(v)))
    else:
        out.append("%s=%s" % (path, v))


def fields(path):
    with open(path, encoding="utf-8") as f:
        out = ["skipped=0"]
        leaves("", json.load(f), out)
    print("\n".join(out))
    return 0


def main():
    if sys.argv[1] == "fields":
        return fields(sys.argv[2])
    mode, seeds, data = sys.argv[1:4]
    got = pages(seeds)
    rows = manifest(data)
    failed = 0

    def result(good, name):
        nonlocal failed
        failed += 0 if good else 1
        print("%s %s" % ("ok" if good else "fail", name))

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
