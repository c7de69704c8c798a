#!/usr/bin/env python3
"""A local, faithful fake of Microsoft 365 for Mailkeep's tests (see the protocol notes,
section 7): Entra ID's token endpoint with certificate assertions, and a control API through
which a test loads a tenant scenario, moves the clock, injects faults and reads the log.

Every listener binds 127.0.0.1 with TLS. One listener per cloud (global, china), each serving
the login and the Graph paths. Python's standard library only; never needed by the product.

    fake_m365.py --tls-cert C --tls-key K --signing-key S [--clouds global,china]

prints one JSON line with the ports, e.g. {"global": 41233, "china": 41234}, then serves until
stdin closes or it is killed.
"""

import argparse
import base64
import http.server
import json
import re
import socket
import ssl
import sys
import threading
import time
import urllib.parse

import der
import ews
import graph
import imap
import login
import mailboxes

TOKEN_PATH = re.compile(r"^/([^/]+)/oauth2(?:/v2\.0)?/token$")


class State:
    """What every listener shares, behind one lock."""

    def __init__(self, signing_key):
        self.lock = threading.RLock()
        self.scenario = {}
        self.clock_offset = 0.0
        self.log = []
        self.faults = []
        self.assertions = []
        self.signing_key = signing_key
        self.key_id = "mailkeep-fake-1"
        self.throttle = graph.Throttle()
        self.delta_tokens = mailboxes.DeltaTokens()
        self.mailboxes = {}
        self.imap = imap.Store()

    def load(self, scenario):
        self.scenario = scenario
        self.mailboxes = {}
        self.imap = imap.Store()
        self.throttle = graph.Throttle()

    def mailbox(self, tenant, user):
        """The user's mailbox, built from the scenario when first asked for."""
        with self.lock:
            key = (tenant["id"], user["id"])
            if key not in self.mailboxes:
                self.mailboxes[key] = mailboxes.Mailbox(
                    user["id"], user.get("mailbox", {}).get("folders", []))
            return self.mailboxes[key]

    def special_mailbox(self, tenant, key, folders):
        """An archive mailbox or the public folders, built when first asked for."""
        with self.lock:
            full = (tenant["id"], key)
            if full not in self.mailboxes:
                self.mailboxes[full] = mailboxes.Mailbox(key, folders)
            return self.mailboxes[full]

    def take_ews_busy(self):
        """The next ErrorServerBusy the scenario asks for ({style, backOffMilliseconds}), or
        None: the scenario's ewsServerBusy list is used up one request at a time."""
        with self.lock:
            busy = self.scenario.get("ewsServerBusy", [])
            return busy.pop(0) if busy else None

    def mailbox_of(self, name):
        """The mailbox of the user with this id or principal name, or None."""
        tenant, user = self.find_user(name)
        return self.mailbox(tenant, user) if user else None

    def find_user(self, name):
        for tenant in self.scenario.get("tenants", []):
            for user in tenant.get("users", []):
                if name.lower() in (user["id"].lower(),
                                    user.get("userPrincipalName", "").lower()):
                    return tenant, user
        return None, None

    def now(self):
        return time.time() + self.clock_offset

    def record_assertion(self, claims):
        with self.lock:
            self.assertions.append(claims)

    def take_fault(self, method, path):
        """The first matching fault with uses left, counted down; or None."""
        with self.lock:
            for fault in self.faults:
                if fault["count"] == 0:
                    continue
                if fault.get("method", method) != method:
                    continue
                if not re.search(fault["path"], path):
                    continue
                if fault.get("skip", 0) > 0:  # the first matches pass untouched
                    fault["skip"] -= 1
                    continue
                if fault["count"] > 0:
                    fault["count"] -= 1
                return dict(fault)
        return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-IIS/10.0"

    def log_message(self, *args):  # the log is /_control/log, not stderr
        pass

    @property
    def state(self):
        return self.server.state

    def own_url(self):
        return "https://%s" % (self.headers.get("Host") or "127.0.0.1:%d" % self.server.port)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send_bytes(self, status, data, content_type, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.logged(status)

    def send_json(self, status, payload, headers=None):
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.logged(status)

    def logged(self, status):
        with self.state.lock:
            self.state.log.append({"method": self.command, "path": self.path, "status": status,
                                   "at": self.state.now(), "cloud": self.server.cloud})

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def do_PATCH(self):
        self.dispatch("PATCH")

    def dispatch(self, method):
        path = urllib.parse.urlsplit(self.path).path
        body = self.body()
        if path.startswith("/_control/"):
            return self.control(method, path, body)
        fault = self.state.take_fault(method, path)
        if fault:
            headers = {}
            if "retryAfter" in fault:
                headers["Retry-After"] = str(fault["retryAfter"])
            return self.send_json(fault.get("status", 503), fault.get("body", {}), headers)
        match = TOKEN_PATH.match(path)
        if match and method == "POST":
            return self.token(urllib.parse.unquote(match.group(1)), body)
        if path.startswith("/v1.0/"):
            return self.graph(method, body)
        if path.lower() == "/ews/exchange.asmx" and method == "POST":
            return self.ews(body)
        return self.send_json(404, {"error": {"code": "ResourceNotFound",
                                              "message": "Resource not found for the segment "
                                                         "'%s'." % path}})

    def graph(self, method, body):
        service = graph.Graph(self.state, self.server.cloud)
        try:
            status, headers, payload = service.handle(method, self.path, self.headers,
                                                      self.own_url(), body)
        except graph.GraphError as error:
            return self.send_json(error.status, error.body(), error.headers)
        if isinstance(payload, (bytes, bytearray)):
            content_type = headers.pop("Content-Type", "application/octet-stream")
            return self.send_bytes(status, bytes(payload), content_type, headers)
        return self.send_json(status, payload, headers)

    def ews(self, body):
        service = ews.Ews(self.state, self.server.cloud)
        try:
            status, headers, payload = service.handle(self.headers, body)
        except ews.EwsAnswer as answer:
            status, headers, payload = answer.status, answer.headers, answer.body
        content_type = headers.pop("Content-Type", "text/xml; charset=utf-8")
        return self.send_bytes(status, payload, content_type, headers)

    def token(self, tenant, body):
        issuer = login.Login(self.state, self.server.cloud)
        try:
            with self.state.lock:
                answer = issuer.token(tenant, login.parse_form(body), self.own_url())
        except login.TokenError as error:
            return self.send_json(error.status, error.body())
        return self.send_json(200, answer)

    def control(self, method, path, body):
        state = self.state
        try:
            payload = json.loads(body) if body else {}
        except json.JSONDecodeError as error:
            return self.send_json(400, {"error": "bad JSON: %s" % error})
        with state.lock:
            if path == "/_control/scenario" and method == "POST":
                state.load(payload)
                return self.send_json(200, {"ok": True})
            if path == "/_control/message" and method == "POST":
                box = state.mailbox_of(payload.get("user", ""))
                if box is None:
                    return self.send_json(404, {"error": "no such user"})
                with box.lock:
                    folder = box.folder_by_path(payload.get("folder", ""))
                    if folder is None:
                        return self.send_json(404, {"error": "no such folder"})
                    message = mailboxes.Message(folder, payload, len(folder.messages))
                    if "lastModifiedDateTime" not in payload:  # new mail: changed just now
                        message.last_modified = time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                              time.gmtime(state.now()))
                    folder.add(message)
                return self.send_json(200, {"id": message.id})
            if path == "/_control/expire-delta" and method == "POST":
                box = state.mailbox_of(payload.get("user", ""))
                if box is None:
                    return self.send_json(404, {"error": "no such user"})
                with box.lock:
                    box.evicted_before = box.sequence + 1
                return self.send_json(200, {"ok": True})
            if path == "/_control/throttle" and method == "GET":
                return self.send_json(200, state.throttle.report())
            if path == "/_control/imap" and method == "POST":
                return self.send_json(200, state.imap.report(payload.get("user", "")))
            if path == "/_control/mailboxes-at-once" and method == "GET":
                return self.send_json(200, state.throttle.most_mailboxes_at_once)
            if path == "/_control/mailbox" and method == "POST":
                box = state.mailbox_of(payload.get("user", ""))
                if box is None:
                    return self.send_json(404, {"error": "no such user"})
                with box.lock:
                    live = {f.id: [m.id for m in f.messages if not m.deleted]
                            for f in box.folders.values()}
                    by_path = {f.path(): [{"raw": base64.b64encode(m.raw).decode(),
                                           "isRead": m.is_read,
                                           "isDraft": getattr(m, "is_draft", False)}
                                          for m in f.messages if not m.deleted]
                               for f in box.folders.values()}
                return self.send_json(200, {"folders": live, "byPath": by_path})
            if path == "/_control/clock" and method == "POST":
                state.clock_offset = float(payload.get("offsetSeconds", 0))
                return self.send_json(200, {"ok": True})
            if path == "/_control/fault" and method == "POST":
                payload.setdefault("count", 1)
                state.faults.append(payload)
                return self.send_json(200, {"ok": True})
            if path == "/_control/log" and method == "GET":
                return self.send_json(200, {"requests": state.log,
                                            "assertions": state.assertions})
            if path == "/_control/reset" and method == "POST":
                state.log.clear()
                state.assertions.clear()
                state.faults.clear()
                return self.send_json(200, {"ok": True})
        return self.send_json(404, {"error": "no control endpoint %s %s" % (method, path)})


class Listener(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, cloud, state, context):
        super().__init__(("127.0.0.1", 0), Handler)
        self.cloud = cloud
        self.state = state
        self.port = self.server_address[1]
        self.context = context

    def get_request(self):
        # The TLS handshake happens in the request's own thread (on its first read), so one
        # slow client does not hold up the others.
        raw, address = self.socket.accept()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and the
        # client's delayed ACK hold every answer back by tens of milliseconds.
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self.context.wrap_socket(raw, server_side=True,
                                        do_handshake_on_connect=False), address


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tls-cert", required=True)
    parser.add_argument("--tls-key", required=True)
    parser.add_argument("--signing-key", required=True, help="PKCS#8 RSA key for tokens")
    parser.add_argument("--clouds", default="global,china")
    args = parser.parse_args()

    with open(args.signing_key, "rb") as file:
        key = der.rsa_private_key(der.pem_to_der(file.read(), "PRIVATE KEY"))
    state = State(key)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.tls_cert, args.tls_key)
    ports = {}
    for cloud in args.clouds.split(","):
        listener = Listener(cloud, state, context)
        ports[cloud] = listener.port
        threading.Thread(target=listener.serve_forever, daemon=True).start()
        # Exchange Online's IMAP service of that cloud, for exports.
        mail = imap.Listener(cloud, state, context)
        ports["imap" if cloud == "global" else "imap-" + cloud] = mail.port
        threading.Thread(target=mail.serve_forever, daemon=True).start()
    print(json.dumps(ports), flush=True)
    # Ends with the test: when the harness closes stdin (or is gone).
    sys.stdin.read()


if __name__ == "__main__":
    main()
