#!/usr/bin/python3
"""A scripted ShotTracker server for tests/test_shottracker_provider.sh.

    shottracker_fake_server.py DATA_DIR LOG_FILE USER:SECRET [seeds]

Serves the signed REST documents of tests/data/shottracker (verifying the
HMAC signature against the Host header it receives) and a Live Data V2
socket that walks the client through every recovery path, one connection
at a time:

  1. no last_seq: seq 1-3, seq 3 again, then the TCP connection drops;
  2. last_seq=3: seq 5, 6 and then silence (4 is missing: the client must
     refetch from 3 on its own);
  3. last_seq=3: seq 4-7 (5 and 6 again), then close code 4001;
  4. a new token: the upgrade is refused with HTTP 401 all the same;
  5. a third token, last_seq=7: seq 8, then close code 4002;
  6. after a second catch-up, no last_seq: seq 1-12, then GAME_END.

Every stream seq is a new two-point make by home player 7269.  The log
gets one line per request, which the test reads.  Prints "port N" once
listening.

With "seeds" (DATA_DIR = tests/data/seeds, for tests/test_seeds.sh) it
serves the vendor's example payloads instead, byte for byte as the pages
print them, each with the status it is printed under (SEED_ROUTES).

With "ws403" every WebSocket upgrade is refused with HTTP 403 (a credential
without the live-data privilege), whatever the token.
"""
import asyncio
import base64
import hashlib
import hmac
import http
import json
import os
import sys
import urllib.parse

import websockets

T0 = 1700001000000  # Q2 starts here in game.json
DATA, LOG, AUTH = sys.argv[1], sys.argv[2], sys.argv[3]
SEEDS = len(sys.argv) > 4 and sys.argv[4] == "seeds"
WS403 = len(sys.argv) > 4 and sys.argv[4] == "ws403"   # every upgrade: HTTP 403
USER, SECRET = AUTH.split(":", 1)
GAME = "062a3726-3b0f-11eb-86c4-02420043683b"
state = {"conn": 0, "tokens": 0, "catchups": 0, "refused_once": False}


def log(line):
    with open(LOG, "a") as f:
        f.write(line + "\n")


def load(name):
    with open(os.path.join(DATA, name)) as f:
        return json.load(f)


def play(seq):
    ts = T0 + 100000 + seq * 1000
    return {"type": "ACTUAL", "timestamp": ts, "teamId": "552", "period": "Q2",
            "gameClock": "%d:%02d.0" % (10 - seq // 60, 59 - seq % 60),
            "stats": {"FGA": 1, "FG": 1, "PTS": 2}, "corrected": False,
            "playerX": 0, "playerY": -11000, "classification": "TWO_POINT_MAKE",
            "description": "Jo Ray makes a jumper (%d)" % seq, "baseStats": "FG",
            "key": {"actorId": "7269", "timestamp": ts}, "act": "PLAYER", "pid": "7269"}


def frame(seq):
    return json.dumps({"source": "details", "seq": seq,
                       "timestamp": T0 + 100000 + seq * 1000, "data": play(seq)})


def game_end(seq):
    return json.dumps({"source": "marker", "seq": seq, "timestamp": T0 + 200000,
                       "data": {"marker": "GAME_END", "period": "Q2"}})


def signed(path, headers):
    auth = headers.get("Authorization", "")
    date = headers.get("Date", "")
    host = headers.get("Host", "")
    want = base64.b64encode(hmac.new(
        SECRET.encode(), ("date: %s\nhost: %s\nGET %s HTTP/1.1" % (date, host, path)).encode(),
        hashlib.sha1).digest()).decode()
    return ('username="%s"' % USER) in auth and ('signature="%s"' % want) in auth


def answer(status, doc):
    body = json.dumps(doc).encode()
    return (http.HTTPStatus(status), [("Content-Type", "application/json"),
                     ("Content-Length", str(len(body))),
                     ("X-Request-Id", "req-%d" % status)], body)


SEED_GAME = "cf3ba789-06c4-11e8-bb65-0242286dfad2"   # the id in page 000
SEED_ROUND = "cf56d0aa-06c4-11e8-bb65-0242286dfad2"  # its first GAME_ROUND
SEED_ROUTES = {
    "/v1/data/games/" + SEED_GAME: (200, "st_game_event.json"),
    "/v1/data/games/missing-game": (404, "st_game_event_404.json"),
    "/v1/data/games/broken-game": (500, "st_game_event_500.json"),
    "/v1/data/stats/%s/possessions" % SEED_ROUND: (200, "st_stats_possessions.json"),
    "/v1/data/stats/forbidden/possessions": (403, "st_stats_possessions_403.json"),
    "/v1/data/stats/broken/possessions": (500, "st_stats_possessions_500.json"),
    "/v1/data/stats/games/%s/videos" % SEED_GAME: (200, "st_game_videos.json"),
    "/v1/data/stats/games/forbidden/videos": (403, "st_game_videos_403.json"),
    "/v1/data/stats/games/broken/videos": (500, "st_game_videos_500.json"),
}


def raw(status, name):
    with open(os.path.join(DATA, name), "rb") as f:
        body = f.read()
    return (http.HTTPStatus(status), [("Content-Type", "application/json"),
                                      ("Content-Length", str(len(body)))], body)


def catchup_resources(path, game):
    """The resources a catch-up GET names (any comma list of stats, details,
    shots, possessions, as the API takes them), or None."""
    prefix = "/v1/data/stats/games/%s/" % game
    if not path.startswith(prefix):
        return None
    wanted = path[len(prefix):].split(",")
    if not all(w in ("stats", "details", "shots", "possessions") for w in wanted):
        return None
    return wanted


def seeds_rest(path):
    if path in SEED_ROUTES:
        return raw(*SEED_ROUTES[path])
    wanted = catchup_resources(path, SEED_GAME)
    if wanted:
        # no page prints a catch-up: the game's, with nothing in it
        return answer(200, {k: [] for k in wanted})
    # rosters, lineups, any other id: the page 002 "Invalid id" body
    return raw(404, "st_stats_possessions_404.json")


def rest(path, query, headers):
    if not signed(path, headers):
        log("REST %s 401" % path)
        return answer(401, {"message": "HMAC signature does not match"})
    log("REST %s" % path)
    if SEEDS:
        return seeds_rest(path)
    if path == "/v1/data/games/" + GAME:
        return answer(200, load("game.json"))
    if path == "/v1/data/teams/552,SHOTTRACKER":
        return answer(200, load("roster_552.json"))
    if path == "/v1/data/teams/526,SHOTTRACKER":
        return answer(200, load("roster_526.json"))
    if path == "/v1/data/games/%s/lineups" % GAME:
        return answer(200, load("lineups.json"))
    wanted = catchup_resources(path, GAME)
    if wanted:
        full = load("catchup.json")
        if "details" in wanted:
            state["catchups"] += 1
            if state["catchups"] > 1:   # the truth as of now: plays 1-8 are in
                full["details"] += [play(s) for s in range(1, 9)]
        doc = {k: full[k] for k in wanted if k in full}
        if "gameTotals" in full:
            doc["gameTotals"] = full["gameTotals"]
        return answer(200, doc)
    if path == "/v1/data/schedule/games/%s/_subscribe" % GAME:
        state["tokens"] += 1
        return answer(200, {"token": "tok/%d+=" % state["tokens"], "expires_at": 0})
    return answer(404, {"status": 404, "message": "Invalid id",
                        "shottrackerRequestId": "0f0f0f0f-1111-2222-3333-444444444444"})


def process_request(path, headers):
    url = urllib.parse.urlsplit(path)
    query = urllib.parse.parse_qs(url.query)
    if url.path != "/live/v2/games":
        return rest(url.path, query, headers)
    token = query.get("token", [""])[0]
    last = query.get("last_seq", ["none"])[0]
    if WS403:
        log("WS refused 403 token=%s" % token)
        return answer(403, {"status": 403, "message": "Access denied to resource",
                            "shottrackerRequestId": "403-ws"})
    if token != "tok/%d+=" % state["tokens"]:
        log("WS refused token=%s" % token)
        return answer(401, {"message": "Unauthorized"})
    if state["conn"] == 3 and not state["refused_once"]:
        state["refused_once"] = True
        log("WS refused-once last_seq=%s" % last)
        return answer(401, {"message": "token expired"})
    return None


async def stream(ws, path):
    state["conn"] += 1
    n = state["conn"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    last = query.get("last_seq", ["none"])[0]
    log("WS conn=%d last_seq=%s" % (n, last))
    try:
        if n == 1:
            for s in (1, 2, 3, 3):
                await ws.send(frame(s))
            await asyncio.sleep(0.2)
            ws.transport.abort()
        elif n == 2:
            for s in (5, 6):
                await ws.send(frame(s))
            await ws.wait_closed()
        elif n == 3:
            for s in (4, 5, 6, 7):
                await ws.send(frame(s))
            await asyncio.sleep(0.2)
            await ws.close(code=4001, reason="token expired")
        elif n == 4:
            await ws.send(frame(8))
            await asyncio.sleep(0.2)
            await ws.close(code=4002, reason="cannot resume")
        else:
            for s in range(1, 13):
                await ws.send(frame(s))
            await ws.send(game_end(13))
            await ws.wait_closed()
    except websockets.ConnectionClosed:
        pass
    log("WS conn=%d closed" % n)


async def main():
    async with websockets.serve(stream, "127.0.0.1", 0, process_request=process_request,
                                ping_interval=None) as server:
        port = server.sockets[0].getsockname()[1]
        print("port %d" % port, flush=True)
        await asyncio.Future()


asyncio.run(main())
