#!/usr/bin/python3
"""A scripted Sportradar API for the provider tests: REST summary/pbp, the
push subscribe (302 + Location) and the NDJSON stream, with one scenario
per run.  Every request is logged to LOGFILE as one line:

    METHOD PATH key=<yes|no> apikeyquery=<yes|no> resume=<id or -> session=<id or ->

usage: sportradar_fake_server.py PORT SCENARIO LOGFILE
scenarios: ok, 401, 403, 404, 503, html, nosummary, live, live-open,
           nosession, stall, noloc, sub403
"""
import copy
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

PORT, SCENARIO, LOGFILE = int(sys.argv[1]), sys.argv[2], sys.argv[3]
KEY = "test-key-123"
GID = "26e0906a-a222-4013-a9c8-dea6a8fe1f4f"
HOME = {"name": "Knicks", "alias": "NYK", "market": "New York",
        "id": "583ec70e-fb46-11e1-82cb-f4ce4684ea4c"}
AWAY = {"name": "Bulls", "alias": "CHI", "market": "Chicago",
        "id": "583ec5fd-fb46-11e1-82cb-f4ce4684ea4c"}
H1 = {"full_name": "Noah Vonleh", "jersey_number": "32", "reference": "203943",
      "id": "84215e01-6108-4fd0-9a11-19e9518ab378"}
H2 = {"full_name": "Frank Ntilikina", "jersey_number": "11", "reference": "1628373",
      "id": "3a6c2262-7f48-4f0e-996e-3e774e822783"}
A1 = {"full_name": "Zach LaVine", "jersey_number": "8", "reference": "203897",
      "id": "db72e294-1c54-454a-96b9-0b4fd2f38112"}
A2 = {"full_name": "Wendell Carter Jr.", "jersey_number": "34", "reference": "1628976"}

# the provider's own count, the same in REST headers and push messages
TIMEOUTS = 2

lock = threading.Lock()
state = {"over": False, "subscribes": 0, "sessions": 0, "rest": 0}


def log(line):
    with lock:
        with open(LOGFILE, "a") as f:
            f.write(line + "\n")


def team(t):
    return {k: t[k] for k in ("name", "market", "id")}


def stat(typ, t, p=None, **kw):
    d = {"type": typ}
    d.update(kw)
    d["team"] = team(t)
    if p is not None:
        d["player"] = dict(p)
    return d


def event(eid, etype, number, seq, clock, t, stats, period=(1, 1, "quarter"), desc=""):
    e = {"id": eid, "event_type": etype, "number": number, "sequence": seq,
         "clock": clock, "clock_decimal": clock, "description": desc or etype,
         "wall_clock": "2024-01-01T00:00:00Z"}
    if t is not None:
        e["attribution"] = dict(team(t), team_basket="left")
    if stats is not None:
        e["statistics"] = stats
    e["_period"] = period
    return e


E0 = event("e0", "opentip", 1, 1000, "12:00", None, None)
E1 = [event("e1", "twopointmade", 2, 2000, "11:40", HOME,
            [stat("fieldgoal", HOME, made=True, points=2)]),
      event("e1", "twopointmade", 2, 2000, "11:40", HOME,
            [stat("fieldgoal", HOME, H1, made=True, points=2)]),
      event("e1", "twopointmade", 2, 2000, "11:40", HOME,
            [stat("fieldgoal", HOME, H1, made=True, points=2), stat("assist", HOME, H2)])]
E2 = event("e2", "threepointmade", 3, 3000, "11:20", AWAY,
           [stat("fieldgoal", AWAY, A1, made=True, three_point_shot=True, points=3)])
E3 = event("e3", "freethrowmade", 4, 4000, "11:00", AWAY,
           [stat("freethrow", AWAY, A2, made=True, points=1)])
E5 = event("e5", "rebound", 5, 5000, "10:50", HOME,
           [stat("rebound", HOME, rebound_type="defensive")])
E4 = event("e4", "endperiod", 6, 9000, "00:00", None, None, period=(4, 4, "quarter"))


def push(e, op="update", hp=2, ap=1):
    ev = copy.deepcopy(e)
    per = ev.pop("_period")
    if op == "delete":
        ev = {"id": ev["id"], "event_type": ev["event_type"], "deleted": "2024-01-01T00:00:01Z"}
    else:
        ev["period"] = {"id": "p%d" % per[1], "number": per[0], "sequence": per[1], "type": per[2]}
    game = {"id": GID, "status": "inprogress", "coverage": "full",
            "home": dict(team(HOME), points=hp, remaining_timeouts=TIMEOUTS),
            "away": dict(team(AWAY), points=ap, remaining_timeouts=TIMEOUTS)}
    md = {"league": "NBA", "match": "sd:match:" + GID, "status": "inprogress",
          "players": "sd:player:,sd:player:" + H1["id"], "event_type": e["event_type"],
          "event_category": "", "locale": "en", "operation": op, "version": "v8"}
    return json.dumps({"payload": {"game": game, "event": ev}, "locale": "en",
                       "metadata": md}, separators=(",", ":"))


def pbp(events, status, deleted=()):
    periods = {}
    for e in events:
        ev = copy.deepcopy(e)
        per = ev.pop("_period")
        periods.setdefault(per, []).append(ev)
    plist = [{"type": p[2], "id": "p%d" % p[1], "number": p[0], "sequence": p[1],
              "events": evs} for p, evs in sorted(periods.items(), key=lambda kv: kv[0][1])]
    return {"id": GID, "status": status, "coverage": "full", "quarter": 4,
            "home": dict(HOME, points=0, remaining_timeouts=TIMEOUTS),
            "away": dict(AWAY, points=0, remaining_timeouts=TIMEOUTS),
            "periods": plist, "deleted_events": [{"id": d} for d in deleted]}


def summary():
    def pl(p, starter):
        d = dict(p)
        d["starter"] = starter
        d["position"] = "G"
        return d
    return {"id": GID, "status": "inprogress",
            "home": dict(HOME, players=[pl(H1, True), pl(H2, False)]),
            "away": dict(AWAY, players=[pl(A1, True), pl(A2, True)])}


HEARTBEAT = '{"heartbeat":{"interval":5000}}'
CATCHUP = pbp([E0], "inprogress")
FINAL = pbp([E0, E1[2], E3, E5, E4], "closed", deleted=["e2"])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def reply(self, code, body, ctype="application/json", headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-request-id", "req-%d" % code)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def chunk(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def do_GET(self):
        url = urlsplit(self.path)
        q = parse_qs(url.query)
        key = self.headers.get("x-api-key")
        log("GET %s key=%s apikeyquery=%s resume=%s session=%s" % (
            url.path, "yes" if key == KEY else ("wrong" if key else "no"),
            "yes" if "api_key" in q else "no",
            q.get("resumeSessionId", ["-"])[0], q.get("sessionId", ["-"])[0]))
        parts = url.path.strip("/").split("/")
        if parts[:2] == ["nba", "trial"] and len(parts) == 7 and parts[2] == "v8":
            return self.rest(parts[5], parts[6], key)
        if parts[:2] == ["nba", "trial"] and parts[2:] == ["stream", "en", "events", "subscribe"]:
            return self.subscribe(q, key)
        if parts == ["stream", "nba", "trial"]:
            return self.stream(q)
        self.reply(404, '{"message":"Not found"}')

    def rest(self, gid, doc, key):
        with lock:
            state["rest"] += 1
        if SCENARIO == "401" or key != KEY:
            return self.reply(401, '{"message":"Invalid API key"}')
        if SCENARIO == "403":
            return self.reply(403, '{"message":"Not Authorized"}')
        if SCENARIO == "503":
            return self.reply(503, "<html>busy</html>", "text/html")
        if SCENARIO == "html" and doc == "pbp.json":
            return self.reply(200, "<html><body>Sorry</body></html>", "text/html")
        if gid != GID or SCENARIO == "404":
            return self.reply(404, '{"message":"Game not found"}')
        if doc == "summary.json":
            if SCENARIO == "nosummary":
                return self.reply(404, '{"message":"Not found"}')
            return self.reply(200, json.dumps(summary()))
        if doc == "pbp.json":
            if SCENARIO in ("ok", "nosummary"):
                return self.reply(200, json.dumps(FINAL))
            with lock:
                over = state["over"]
            return self.reply(200, json.dumps(FINAL if over and SCENARIO == "live" else CATCHUP))
        self.reply(404, '{"message":"Not found"}')

    def subscribe(self, q, key):
        with lock:
            state["subscribes"] += 1
            n = state["subscribes"]
        if key != KEY:
            return self.reply(401, '{"message":"Invalid API key"}')
        if SCENARIO == "sub403":
            return self.reply(403, '{"message":"Push feeds are not included"}')
        if SCENARIO == "live-open" and n == 1:
            return self.reply(503, '{"message":"try again"}', headers=[("Retry-After", "1")])
        if SCENARIO == "noloc":
            return self.reply(302, "")
        with lock:
            state["sessions"] += 1
            sid = "S%d" % state["sessions"]
        if SCENARIO == "nosession":
            # nothing to resume with: the client must catch up from pbp.json
            loc = "http://127.0.0.1:%d/stream/nba/trial?token=tok%s" % (PORT, sid)
        else:
            loc = "http://127.0.0.1:%d/stream/nba/trial?sessionId=%s&token=tok%s" % (
                PORT, sid, sid)
        self.reply(302, "", headers=[("Location", loc)])

    def stream(self, q):
        sid = q.get("sessionId", [q.get("token", ["tok-"])[0][3:]])[0]
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            if sid == "S1":
                self.first_connection()
            else:
                self.later_connection()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def drop(self):
        # an abrupt end: no final chunk
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True

    def first_connection(self):
        self.chunk(HEARTBEAT + "\n\n")
        l1 = push(E1[0]) + "\r\n"
        # one line in three chunks, the middle one ending inside a "\r\n"
        self.chunk(l1[:100])
        self.chunk(l1[100:-1])
        self.chunk(l1[-1:] + "\n" + push(E2) + "\n")
        self.chunk("this is not json\n")
        self.chunk(push(E1[1]) + "\n" + push(E5) + "\n")
        if SCENARIO == "stall":
            time.sleep(30)
            return
        time.sleep(0.3)
        self.chunk(push(E3)[:50])   # cut short by the drop
        self.drop()

    def later_connection(self):
        self.chunk(HEARTBEAT + "\n")
        for line in (push(E3), push(E1[2]), push(E2, op="delete"), push(E2, op="delete")):
            self.chunk(line + "\n")
        if SCENARIO == "live":
            self.chunk(push(E4, hp=2, ap=1) + "\n")
            with lock:
                state["over"] = True
        # then only heartbeats, as the real stream does
        for _ in range(120):
            time.sleep(0.5)
            self.chunk(HEARTBEAT + "\n")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", PORT), Handler).serve_forever()
