#!/usr/bin/python3
"""Throws malformed HTTP requests and WebSocket frames at courtside-sim.

    sim_fuzz.py PORT TOKEN EVENT_ID [ROUNDS]

Deterministic (seeded).  Prints "survived N" when the server still answers
a plain request after every round; exits 1 as soon as it does not.
"""
import base64
import os
import random
import socket
import struct
import sys

PORT = int(sys.argv[1])
TOKEN = sys.argv[2]
EVENT = sys.argv[3]
ROUNDS = int(sys.argv[4]) if len(sys.argv) > 4 else 200
rnd = random.Random(7)

PATHS = [
    "/v1/data/games/%s" % EVENT,
    "/v1/data/games/%s/lineups?timestamp=" % EVENT,
    "/v1/data/stats/games/%s/stats,,details" % EVENT,
    "/v1/data/teams/,SHOTTRACKER",
    "/v1/data/schedule/games/%s/_subscribe" % EVENT,
    "/nba/trial/v8/en/games//pbp.json",
    "/nba/trial/stream/en/events/subscribe?resumeSessionId=%00",
    "/stream/nba/trial?sessionId=&token=",
    "/live/v2/games?token=%s&last_seq=-1" % TOKEN,
    "/%2e%2e/%2e%2e/etc/passwd",
    "/" + "a/" * 40,
    "//v1//data//games//",
    "/v1/data/games/%ff%fe\x7f",
]

HEADERS = [
    b"Authorization: hmac\r\n",
    b'Authorization: hmac username="',
    b'Authorization: hmac username="U",signature="' + b"A" * 300 + b'"\r\n',
    b"Date: Tue, 99 Foo 2026 99:99:99 GMT\r\n",
    b"Date: \r\n",
    b"Host: \x1b[2J\r\n",
    b"x-api-key: \r\n",
    b"Content-Length: -1\r\n",
    b"Transfer-Encoding: chunked\r\n",
    b"Connection: Upgrade\r\nUpgrade: websocket\r\n",
    b"Sec-WebSocket-Version: 99\r\n",
]


def connect():
    s = socket.create_connection(("127.0.0.1", PORT), timeout=2)
    return s


def drain(s):
    try:
        while s.recv(65536):
            pass
    except OSError:
        pass


def http_garbage():
    s = connect()
    try:
        method = rnd.choice([b"GET", b"POST", b"HEAD", b"PUT", b"BREW", b"G\x00T"])
        path = rnd.choice(PATHS).encode("latin-1", "replace")
        req = method + b" " + path + b" HTTP/1." + rnd.choice([b"1", b"0", b"9"]) + b"\r\n"
        for _ in range(rnd.randint(0, 4)):
            req += rnd.choice(HEADERS)
        if rnd.random() < 0.3:
            req += bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 200)))
        req += b"\r\n"
        if rnd.random() < 0.5:
            req = req[:rnd.randint(1, len(req))]
        s.sendall(req)
        s.shutdown(socket.SHUT_WR)
        drain(s)
    except OSError:
        pass
    finally:
        s.close()


def ws_frame(opcode, payload, fin=True, mask=True, claim=None):
    b0 = (0x80 if fin else 0) | opcode
    n = len(payload) if claim is None else claim
    if n < 126:
        head = struct.pack("!BB", b0, (0x80 if mask else 0) | n)
    elif n < 65536:
        head = struct.pack("!BBH", b0, (0x80 if mask else 0) | 126, n)
    else:
        head = struct.pack("!BBQ", b0, (0x80 if mask else 0) | 127, n)
    if not mask:
        return head + payload
    key = os.urandom(4)
    return head + key + bytes(c ^ key[i % 4] for i, c in enumerate(payload))


def ws_garbage():
    s = connect()
    try:
        key = base64.b64encode(os.urandom(16)).decode()
        s.sendall(("GET /live/v2/games?token=%s&last_seq=999999999 HTTP/1.1\r\n"
                   "Host: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
                   % (TOKEN, key)).encode())
        s.recv(4096)
        frames = [
            ws_frame(1, b"ping"),
            ws_frame(1, b"\xff\xfe invalid utf-8"),
            ws_frame(2, os.urandom(rnd.randint(0, 300))),
            ws_frame(1, b"pi", fin=False) + ws_frame(0, b"ng"),
            ws_frame(9, os.urandom(rnd.randint(0, 125))),
            ws_frame(9, b"x" * 200),                    # control frame too long
            ws_frame(8, struct.pack("!H", 4999) + b"bye"),
            ws_frame(1, b"unmasked", mask=False),
            ws_frame(1, b"short", claim=1 << 40),       # absurd length
            ws_frame(3, b"reserved opcode"),
            os.urandom(rnd.randint(1, 64)),
        ]
        for _ in range(rnd.randint(1, 6)):
            s.sendall(rnd.choice(frames))
        s.shutdown(socket.SHUT_WR)
        drain(s)
    except OSError:
        pass
    finally:
        s.close()


def alive():
    s = connect()
    s.settimeout(60)   # a safety net: a busy machine may answer slowly
    try:
        s.sendall(b"GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        return s.recv(12).startswith(b"HTTP/1.1 404")
    except OSError:
        return False
    finally:
        s.close()


for i in range(ROUNDS):
    if rnd.random() < 0.5:
        http_garbage()
    else:
        ws_garbage()
    if i % 20 == 19 and not alive():
        print("died after round", i)
        sys.exit(1)
if not alive():
    print("died at the end")
    sys.exit(1)
print("survived", ROUNDS)
