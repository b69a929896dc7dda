#!/usr/bin/python3
"""A TCP listener on 127.0.0.1 that accepts every connection and never
answers (courtside's watchdog tests).

    silent_server.py PORTFILE [LIFETIME_S]

Binds a free loopback port, writes it to PORTFILE, then accepts and holds
connections (reading and discarding what they send) until LIFETIME_S
(default 120) have passed.  Prints one line per accepted connection.
"""
import selectors
import socket
import sys
import time


def main():
    portfile = sys.argv[1]
    lifetime = float(sys.argv[2]) if len(sys.argv) > 2 else 120.0
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", 0))
    ls.listen(64)
    ls.setblocking(False)
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % ls.getsockname()[1])
    import os
    os.rename(portfile + ".tmp", portfile)
    sel = selectors.DefaultSelector()
    sel.register(ls, selectors.EVENT_READ)
    end = time.monotonic() + lifetime
    held = 0
    while time.monotonic() < end:
        for key, _ in sel.select(timeout=0.5):
            if key.fileobj is ls:
                c, _ = ls.accept()
                c.setblocking(False)
                sel.register(c, selectors.EVENT_READ)
                held += 1
                print("accepted %d" % held, flush=True)
            else:
                try:
                    data = key.fileobj.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(key.fileobj)
                    key.fileobj.close()


if __name__ == "__main__":
    main()
