#!/usr/bin/python3
"""A TLS front for courtside-sim (courtside's certificate tests).

    tls_proxy.py CERT KEY BACKEND_PORT PORTFILE [LIFETIME_S]

Listens on a free loopback port (written to PORTFILE), does the TLS
handshake with CERT/KEY, then relays bytes both ways to 127.0.0.1:
BACKEND_PORT, until LIFETIME_S (default 120) have passed.  Prints one line
per connection: "handshake ok N" or "handshake failed N: REASON" (a client
that refused the certificate).
"""
import os
import selectors
import socket
import ssl
import sys
import threading
import time


def relay(tls, backend, end):
    sel = selectors.DefaultSelector()
    sel.register(tls, selectors.EVENT_READ, backend)
    sel.register(backend, selectors.EVENT_READ, tls)
    try:
        while time.monotonic() < end:
            for key, _ in sel.select(timeout=0.5):
                # a TLS socket may hold decrypted bytes select() cannot see
                while True:
                    try:
                        data = key.fileobj.recv(65536)
                    except ssl.SSLWantReadError:
                        break
                    if not data:
                        return
                    key.data.sendall(data)
                    if not (key.fileobj is tls and tls.pending()):
                        break
    except OSError:
        pass
    finally:
        tls.close()
        backend.close()


def serve(conn, n, ctx, backend_port, end):
    conn.settimeout(10)
    try:
        tls = ctx.wrap_socket(conn, server_side=True)
    except (ssl.SSLError, OSError) as e:
        print("handshake failed %d: %s" % (n, e), flush=True)
        conn.close()
        return
    print("handshake ok %d" % n, flush=True)
    tls.settimeout(None)
    backend = socket.create_connection(("127.0.0.1", backend_port))
    relay(tls, backend, end)


def main():
    cert, key, backend_port, portfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    lifetime = float(sys.argv[5]) if len(sys.argv) > 5 else 120.0
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", 0))
    ls.listen(16)
    ls.settimeout(0.5)
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % ls.getsockname()[1])
    os.rename(portfile + ".tmp", portfile)
    end = time.monotonic() + lifetime
    n = 0
    while time.monotonic() < end:
        try:
            conn, _ = ls.accept()
        except socket.timeout:
            continue
        n += 1
        threading.Thread(target=serve, args=(conn, n, ctx, backend_port, end),
                         daemon=True).start()


main()
