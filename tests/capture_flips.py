#!/usr/bin/env python3
"""Seeded random byte flips of a capture, each replayed by the real program.

  capture_flips.py COURTSIDE CAPTURE GOOD_EXPORT WORKDIR COUNT SEED

Each damaged copy changes one byte (XOR with a random non-zero value) and
goes through `courtside --replay FILE --once --export OUT`.  A flip passes
when it is refused out loud (exit 1, exactly one line on stderr, no export
written) or when the export is byte for byte the undamaged one.  Anything
else -- a different export with exit 0, a crash, a silent failure -- is a
violation.  Prints one JSON line of counts; exits 1 on any violation.
"""
import json
import os
import random
import subprocess
import sys


def main():
    cs, cap, good, work, count, seed = sys.argv[1:7]
    data = open(cap, "rb").read()
    want = open(good, "rb").read()
    rng = random.Random(int(seed))
    flip = os.path.join(work, "flip.cap")
    out = os.path.join(work, "flip.json")
    log = os.path.join(work, "flip.log")
    counts = {"refused": 0, "same": 0, "violations": 0, "header": 0}
    for n in range(int(count)):
        pos = rng.randrange(len(data))
        damaged = bytearray(data)
        damaged[pos] ^= rng.randrange(1, 256)
        with open(flip, "wb") as f:
            f.write(damaged)
        if os.path.exists(out):
            os.unlink(out)
        if pos < data.index(b"\n"):
            counts["header"] += 1
        try:
            p = subprocess.run([cs, "--replay", flip, "--once", "--export", out,
                                "--log", log], capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            print("# flip %d at byte %d: no exit within 120 s" % (n, pos))
            counts["violations"] += 1
            continue
        lines = p.stderr.decode("utf-8", "replace").splitlines()
        if p.returncode == 0:
            if os.path.exists(out) and open(out, "rb").read() == want:
                counts["same"] += 1
                continue
            why = "exit 0 with a different export"
        elif p.returncode == 1 and len(lines) == 1 and not os.path.exists(out):
            counts["refused"] += 1
            continue
        else:
            why = "exit %d, %d stderr lines, export %s" % (
                p.returncode, len(lines),
                "written" if os.path.exists(out) else "not written")
        counts["violations"] += 1
        print("# flip %d at byte %d: %s" % (n, pos, why))
        for line in lines[:3]:
            print("#   " + line)
    print(json.dumps(counts))
    sys.exit(1 if counts["violations"] else 0)


main()
