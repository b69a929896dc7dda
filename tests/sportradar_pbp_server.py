#!/usr/bin/python3
"""Serves courtside-sim's Sportradar REST documents again, pbp.json in the
way a test asks: the tests of pbp.json read as it arrives
(test_sportradar_pbp_chunks.sh).  Loopback only.  Every request is logged
to LOGFILE as "GET PATH", and chunked answers as "pbp.json: N chunks".

usage: sportradar_pbp_server.py PORT SIM_BASE GAME_ID KEY MODE LOGFILE
modes:
  whole        Content-Length, one write
  chunks       chunked transfer encoding, 97-byte chunks, each sent alone
  cut-close    no length: half of it, then the connection closes (a body
               HTTP cannot tell is short: the parser must)
  cut-length   Content-Length of the whole, half of it, then close
  cut-chunked  chunked, half of it, then close without the last chunk
"""
import socket
import sys
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, SIM, GID, KEY, MODE, LOGFILE = (int(sys.argv[1]), sys.argv[2], sys.argv[3],
                                      sys.argv[4], sys.argv[5], sys.argv[6])
DOCS = {}
for doc in ("summary.json", "pbp.json"):
    req = urllib.request.Request("%s/nba/trial/v8/en/games/%s/%s" % (SIM, GID, doc),
                                 headers={"x-api-key": KEY})
    with urllib.request.urlopen(req, timeout=60) as r:
        DOCS[doc] = r.read()


def log(line):
    with open(LOGFILE, "a") as f:
        f.write(line + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        log("GET " + self.path)
        doc = self.path.rsplit("/", 1)[-1].split("?")[0]
        if self.headers.get("x-api-key") != KEY or doc not in DOCS:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = DOCS[doc]
        mode = MODE if doc == "pbp.json" else "whole"
        half = body[:len(body) // 2]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if mode == "whole":
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif mode in ("chunks", "cut-chunked"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            data = body if mode == "chunks" else half
            for i in range(0, len(data), 97):
                piece = data[i:i + 97]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.wfile.flush()
            log("%s: %d chunks" % (doc, (len(data) + 96) // 97))
            if mode == "chunks":
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.close_connection = True
        elif mode == "cut-close":
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(half)
            self.close_connection = True
        elif mode == "cut-length":
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(half)
            self.close_connection = True
        self.wfile.flush()
        if self.close_connection:
            self.connection.shutdown(socket.SHUT_RDWR)


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
