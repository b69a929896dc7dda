#!/usr/bin/python3
"""Clients that hold courtside-sim's sockets without using them (loopback only).

    sim_idle_clients.py PORT N WS_TOKEN PUSH_PATH RESULT READY DRAIN

Opens N idle connections, in turn of four kinds: "silent" (connects, says
nothing), "partial" (half a REST request), "upgrade" (half a WebSocket
upgrade), "keepalive" (one whole request, its answer read, then nothing).
Then two live streams that start and then are never read, with a tiny
receive buffer, so that the server's writes back up: a Live Data V2 socket
(WS_TOKEN) and a Sportradar push stream (PUSH_PATH, the subscribe
redirect's path and query).  Touches
READY once all are open, then watches the idle ones until the server has
closed every one of them (60 s at most).  The streams are read only once
the file DRAIN exists (reading them would unstick them): each then must end
(EOF or reset) within 15 s.  Writes one JSON line to RESULT:

    {"opened": N, "closed": {kind: n}, "streams_started": n,
     "streams_closed": n, "all_idle_closed_s": S|null}
"""
import json
import os
import select
import socket
import sys
import time

KINDS = ["silent", "partial", "upgrade", "keepalive"]


def connect(port, rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(10)
    s.connect(("127.0.0.1", port))
    return s


def open_idle(port, kind):
    s = connect(port)
    if kind == "partial":
        s.sendall(b"GET /v1/data/games/x HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    elif kind == "upgrade":
        s.sendall(b"GET /live/v2/games?token=x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  b"Upgrade: websocket\r\nConnection: Upgrade\r\n")
    elif kind == "keepalive":
        s.sendall(b"GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        try:
            s.recv(65536)    # the 404, headers and body (small)
        except OSError:
            pass
    s.setblocking(False)
    return s


def open_stream(port, kind, arg):
    """A live stream that starts and is then never read; None if refused."""
    s = connect(port, rcvbuf=2048)
    if kind == "ws":
        s.sendall(("GET /live/v2/games?token=%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                   "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n" % (arg, port)).encode())
        want = b"HTTP/1.1 101"
    else:
        s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n"
                   % (arg, port)).encode())
        want = b"HTTP/1.1 200"
    head = b""
    while b"\r\n\r\n" not in head and len(head) < 4096:
        b = s.recv(1)
        if not b:
            return None
        head += b
    return s if head.startswith(want) else None


def ended(s):
    """True when the server has closed s (EOF or reset); drains what waits."""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                return True
    except BlockingIOError:
        return False
    except OSError:
        return True


def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    token, push, result, ready, drain = sys.argv[3:8]
    idle = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        try:
            idle.append((kind, open_idle(port, kind)))
        except OSError:
            idle.append((kind, None))   # refused at once counts as closed
    streams = [open_stream(port, "ws", token), open_stream(port, "push", push)]
    open(ready, "w").close()

    closed = {k: 0 for k in KINDS}
    live = [(k, s) for k, s in idle if s is not None]
    for k, s in idle:
        if s is None:
            closed[k] += 1
    t0, all_closed = time.time(), None
    while live and time.time() - t0 < 60:
        r, _, _ = select.select([s for _, s in live], [], [], 1.0)
        for k, s in [(k, s) for k, s in live if s in r]:
            if ended(s):
                closed[k] += 1
                s.close()
                live.remove((k, s))
    if not live:
        all_closed = round(time.time() - t0, 1)

    streams_closed = 0
    t1 = time.time()
    while not os.path.exists(drain) and time.time() - t1 < 90:
        time.sleep(0.2)
    for s in [s for s in streams if s is not None]:
        s.setblocking(False)
        t2 = time.time()
        while time.time() - t2 < 15:
            select.select([s], [], [], 1.0)
            if ended(s):
                streams_closed += 1
                break
        s.close()
    with open(result, "w") as f:
        f.write(json.dumps({"opened": n, "closed": closed,
                            "streams_started": sum(1 for s in streams if s),
                            "streams_closed": streams_closed,
                            "all_idle_closed_s": all_closed}) + "\n")


main()
