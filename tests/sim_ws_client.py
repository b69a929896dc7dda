#!/usr/bin/python3
"""A third-party WebSocket client for courtside-sim's tests (python3-websockets).

    sim_ws_client.py URL [--max N] [--timeout S] [--idle S] [--ping]
                         [--out FILE] [--ping-interval S] [--gap S]
                         [--until-gaps N] [--until-pong]

Connects, collects text frames until the server closes, N frames arrived,
N gaps were seen (--until-gaps), the pong came (--until-pong), S seconds
passed, or nothing came for --idle seconds, then prints one JSON summary
line on stdout:

    {"frames": N, "json": N, "invalid": N, "pongs": N, "seqs": [...],
     "increasing": true, "duplicates": N, "inversions": N, "sources": {...},
     "envelope_bad": N, "close": CODE|null, "refused": STATUS|null,
     "ended": "closed"|"max"|"gaps"|"pong"|"idle"|"timeout"|...,
     "gaps": [[t, seconds], ...],
     "first_frame_s": S, "pong_s": S}

"seqs" lists the seq of each sequenced frame in arrival order; a frame
identical to the valid frame before it is counted in "duplicates" only;
"inversions" counts a seq not above the one before it.

--ping sends a text "ping" right after connecting; the "pong" reply is
counted in "pongs".  "first_frame_s" and "pong_s" count from before the
connection is opened, so that they are never less than a delay the server
starts once the socket is up (a stall), however slow the handshake.  --out writes every frame, one per line.  "gaps" lists
the silences longer than --gap seconds (default 1) as [start, length].
"""
import asyncio
import json
import sys
import time

import websockets


def parse_args(argv):
    opts = {"max": 0, "timeout": 10.0, "idle": 0.0, "ping": False,
            "out": None, "ping_interval": None, "gap": 1.0,
            "until_gaps": 0, "until_pong": False}
    url = None
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "--max":
            opts["max"] = int(argv[i + 1]); i += 1
        elif a == "--timeout":
            opts["timeout"] = float(argv[i + 1]); i += 1
        elif a == "--idle":
            opts["idle"] = float(argv[i + 1]); i += 1
        elif a == "--gap":
            opts["gap"] = float(argv[i + 1]); i += 1
        elif a == "--ping":
            opts["ping"] = True
        elif a == "--until-gaps":
            opts["until_gaps"] = int(argv[i + 1]); i += 1
        elif a == "--until-pong":
            opts["until_pong"] = True
        elif a == "--out":
            opts["out"] = argv[i + 1]; i += 1
        elif a == "--ping-interval":
            opts["ping_interval"] = float(argv[i + 1]); i += 1
        else:
            url = a
        i += 1
    if url is None:
        sys.exit("usage: sim_ws_client.py URL [options]")
    return url, opts


SEQUENCED = ("details", "shots", "marker", "possessions")


def envelope_ok(obj):
    """The Live Data V2 envelope (shottracker-wire.md section 4)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("source"), str):
        return False
    if "data" not in obj or not isinstance(obj.get("timestamp"), int):
        return False
    has_seq = isinstance(obj.get("seq"), int) and obj["seq"] > 0
    return has_seq == (obj["source"] in SEQUENCED)


async def run(url, opts):
    res = {"frames": 0, "json": 0, "invalid": 0, "pongs": 0, "seqs": [],
           "increasing": True, "duplicates": 0, "sources": {}, "close": None,
           "refused": None, "ended": None, "gaps": [], "inversions": 0,
           "envelope_bad": 0, "first_frame_s": None, "pong_s": None}
    frames = []
    deadline = time.monotonic() + opts["timeout"]
    opened = time.monotonic()
    try:
        # max_queue=None: the closing handshake must not stall behind
        # frames nobody reads any more
        async with websockets.connect(url, ping_interval=opts["ping_interval"],
                                      max_size=16 * 1024 * 1024,
                                      max_queue=None, close_timeout=2,
                                      open_timeout=60) as ws:
            if opts["ping"]:
                await ws.send("ping")
            last = time.monotonic()
            start = last
            prev_valid = None
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    res["ended"] = "timeout"
                    break
                wait = left
                if opts["idle"] > 0:
                    wait = min(wait, opts["idle"])
                try:
                    msg = await asyncio.wait_for(ws.recv(), wait)
                except asyncio.TimeoutError:
                    res["ended"] = "idle" if opts["idle"] > 0 and \
                        time.monotonic() < deadline else "timeout"
                    break
                now = time.monotonic()
                if now - last > opts["gap"]:
                    res["gaps"].append([round(last - start, 2),
                                        round(now - last, 2)])
                last = now
                if opts["until_gaps"] and len(res["gaps"]) >= opts["until_gaps"]:
                    res["ended"] = "gaps"
                    break
                if res["first_frame_s"] is None:
                    res["first_frame_s"] = round(now - opened, 3)
                if isinstance(msg, bytes):
                    msg = msg.decode("utf-8", "replace")
                frames.append(msg)
                res["frames"] += 1
                if msg == "pong":
                    res["pongs"] += 1
                    if res["pong_s"] is None:
                        res["pong_s"] = round(now - opened, 3)
                    if opts["until_pong"]:
                        res["ended"] = "pong"
                        break
                else:
                    try:
                        obj = json.loads(msg)
                        res["json"] += 1
                        if msg == prev_valid:
                            res["duplicates"] += 1
                            continue
                        prev_valid = msg
                        src = obj.get("source", "?")
                        res["sources"][src] = res["sources"].get(src, 0) + 1
                        seq = obj.get("seq")
                        if not envelope_ok(obj):
                            res["envelope_bad"] += 1
                        if isinstance(seq, int) and seq > 0:
                            if res["seqs"] and seq <= res["seqs"][-1]:
                                res["increasing"] = False
                                res["inversions"] += 1
                            res["seqs"].append(seq)
                    except ValueError:
                        res["invalid"] += 1
                if opts["max"] and res["frames"] >= opts["max"]:
                    res["ended"] = "max"
                    break
    except websockets.exceptions.InvalidStatusCode as e:
        res["refused"] = e.status_code
        res["ended"] = "refused"
    except websockets.exceptions.ConnectionClosed as e:
        res["close"] = e.code
        res["ended"] = "closed"
    except (OSError, asyncio.TimeoutError) as e:
        res["ended"] = "error: %s" % e
    if opts["out"]:
        with open(opts["out"], "w") as f:
            for m in frames:
                f.write(m + "\n")
    return res


def main():
    url, opts = parse_args(sys.argv)
    res = asyncio.run(run(url, opts))
    print(json.dumps(res))


if __name__ == "__main__":
    main()
