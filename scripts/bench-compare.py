#!/usr/bin/env python3
"""Two `make bench` runs side by side, from their bench.jsonl files.

    scripts/bench-compare.py OLD.jsonl NEW.jsonl

One row per figure: both values, NEW/OLD, and whether NEW is better or
worse by more than --noise percent (default 10), in the figure's own sense
("higher" or "lower" is better); then each figure's ratio to its limit
(>= 1 meets it).  Exits 1 when a figure got worse beyond the noise.
"""
import argparse
import json
import sys


def load(path):
    figures = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                fig = json.loads(line)
                figures[(fig["bench"], fig["name"])] = fig
            except (ValueError, KeyError) as e:
                sys.exit(f"{path}:{n}: not a bench figure ({e})")
    return figures


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--noise", type=float, default=10.0,
                    help="percent within which a change is noise (default 10)")
    a = ap.parse_args()
    old, new = load(a.old), load(a.new)
    worse = 0
    print(f"{'figure':52} {'old':>11} {'new':>11} {'new/old':>8}  verdict  limit")
    for key in sorted(set(old) | set(new)):
        o, n = old.get(key), new.get(key)
        name = f"{key[0]}.{key[1]}"
        if o is None or n is None:
            print(f"{name:52} {'-' if o is None else o['value']:>11} "
                  f"{'-' if n is None else n['value']:>11}")
            continue
        ratio = n["value"] / o["value"] if o["value"] else float("inf")
        better_high = n["better"] == "higher"
        gain = ratio if better_high else (1 / ratio if ratio else float("inf"))
        verdict = "same"
        if gain > 1 + a.noise / 100:
            verdict = "better"
        elif gain < 1 - a.noise / 100:
            verdict = "WORSE"
            worse += 1
        lim = "" if n["ratio"] is None else f"{n['ratio']:.2f}x of {n['limit']:g} {n['unit']}"
        print(f"{name:52} {o['value']:>11.4g} {n['value']:>11.4g} {ratio:>8.2f}  "
              f"{verdict:7}  {lim}")
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
