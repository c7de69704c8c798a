"""The fake Exchange Online IMAP service (TLS) for exports to Microsoft 365: the greeting,
capabilities, ID and NAMESPACE as Exchange sends them; AUTHENTICATE XOAUTH2 (SASL-IR or the
continuation form) with tokens of the fake login service for Exchange carrying
IMAP.AccessAsApp, and a plain "NO AUTHENTICATE failed." otherwise; basic authentication
refused; a mailbox the application has no FullAccess on authenticates, then fails every
command with "User is authenticated but not connected."; LIST, CREATE (intermediate levels,
names case-insensitive, "Files" reserved), SELECT/EXAMINE, STATUS and APPEND (LITERAL+ and
synchronising literals, flags, date-time, APPENDUID, TRYCREATE) keeping the bytes exactly;
Exchange's failures: the size limit (NO), long lines (BAD ... 11), throttling (BAD ...
Backoff Time, then the connection closes), and BYE after ten errors."""

import base64
import re
import socketserver
import ssl
import threading

import jws

EXCHANGE_RESOURCE = {"global": "https://outlook.office365.com",
                     "china": "https://partner.outlook.cn"}
CAPABILITIES = ("IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS MOVE ID UNSELECT "
                "CHILDREN IDLE NAMESPACE LITERAL+")
AFTER_LOGIN = CAPABILITIES.replace(" AUTH=PLAIN AUTH=XOAUTH2 SASL-IR", "") + \
    " CLIENTACCESSRULES CLIENTNETWORKPRESENCELOCATION BACKENDAUTHENTICATE"
LONGEST_LINE = 10500
MOST_ERRORS = 10
DEFAULT_MAX_RECEIVE = 36 * 1024 * 1024
LITERAL = re.compile(rb"\{(\d+)(\+?)\}$")


class Store:
    """Every mailbox's IMAP folders: name -> {"uidvalidity", "next", "messages": [...]}."""

    def __init__(self):
        self.lock = threading.Lock()
        self.mailboxes = {}
        self.appends = {}  # mailbox -> APPEND count, for the throttling switch

    def folders(self, mailbox):
        with self.lock:
            return self.mailboxes.setdefault(mailbox.lower(), {
                "INBOX": {"uidvalidity": 1, "next": 1, "messages": []}})

    def report(self, mailbox):
        """What the control API hands a test: folders with their messages."""
        with self.lock:
            box = self.mailboxes.get(mailbox.lower(), {})
            return {name: [{"uid": m["uid"], "flags": m["flags"], "date": m["date"],
                            "raw": base64.b64encode(m["raw"]).decode()}
                           for m in folder["messages"]] for name, folder in box.items()}


def quoted_or_atom(data, position):
    """(string, next position) of an IMAP astring at data[position:]."""
    while position < len(data) and data[position:position + 1] == b" ":
        position += 1
    if data[position:position + 1] == b'"':
        out = bytearray()
        position += 1
        while position < len(data) and data[position:position + 1] != b'"':
            if data[position:position + 1] == b"\\":
                position += 1
            out += data[position:position + 1]
            position += 1
        return out.decode("utf-8", "replace"), position + 1
    end = position
    while end < len(data) and data[end:end + 1] not in (b" ", b")"):
        end += 1
    return data[position:end].decode("utf-8", "replace"), end


class Session(socketserver.StreamRequestHandler):
    def setup(self):
        super().setup()
        self.mailbox = None
        self.connected = False  # FullAccess on the mailbox
        self.selected = None
        self.errors = 0

    @property
    def state(self):
        return self.server.state

    def send(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.send("* OK The Microsoft Exchange IMAP4 service is ready. [RkFLRS1FWE8=]")
        while True:
            line = self.rfile.readline(LONGEST_LINE + 3)
            if not line:
                return
            if len(line) > LONGEST_LINE and not line.endswith(b"\n"):
                self.rfile.readline()
                if not self.fail("* BAD Command Argument Error. 11"):
                    return
                continue
            line = line.rstrip(b"\r\n")
            parts = line.split(b" ", 2)
            if len(parts) < 2:
                if not self.fail("* BAD Command Error. 10"):
                    return
                continue
            tag = parts[0].decode("latin-1")
            command = parts[1].decode("latin-1").upper()
            rest = parts[2] if len(parts) > 2 else b""
            try:
                goes_on = self.command(tag, command, rest)
            except (ssl.SSLError, OSError):
                return
            if goes_on is False:
                return

    def fail(self, line):
        """Sends a failure; after ten, Exchange gives up on the session."""
        self.send(line)
        self.errors += 1
        if self.errors >= MOST_ERRORS:
            self.send("* BYE Connection closed.")
            return False
        return True

    def tenant_user(self, address):
        for tenant in self.state.scenario.get("tenants", []):
            for user in tenant.get("users", []):
                if address.lower() in (user.get("mail", "").lower(),
                                       user.get("userPrincipalName", "").lower()):
                    return tenant, user
        return None, None

    def command(self, tag, command, rest):
        if command == "CAPABILITY":
            self.send("* CAPABILITY " + (AFTER_LOGIN if self.mailbox else CAPABILITIES))
            self.send(tag + " OK CAPABILITY completed.")
        elif command == "NOOP":
            self.send(tag + " OK NOOP completed.")
        elif command == "LOGOUT":
            self.send("* BYE Microsoft Exchange Server IMAP4 server signing off.")
            self.send(tag + " OK LOGOUT completed.")
            return False
        elif command == "ID":
            self.send('* ID ("name" "Microsoft.Exchange.Imap4.Imap4Server" "version" "15.20")')
            self.send(tag + " OK ID completed.")
        elif command == "LOGIN" or (command == "AUTHENTICATE" and
                                    rest.upper().startswith(b"PLAIN")):
            return self.fail(tag + " NO LOGIN failed.")
        elif command == "AUTHENTICATE":
            return self.authenticate(tag, rest)
        elif not self.mailbox:
            return self.fail(tag + " BAD Command received in Invalid state.")
        elif not self.connected:
            return self.fail(tag + " NO User is authenticated but not connected.")
        elif command == "NAMESPACE":
            self.send('* NAMESPACE (("" "/")) NIL NIL')
            self.send(tag + " OK NAMESPACE completed.")
        elif command in ("LIST", "LSUB"):
            self.list(tag, command, rest)
        elif command == "CREATE":
            return self.create(tag, rest)
        elif command in ("SELECT", "EXAMINE", "STATUS"):
            return self.select(tag, command, rest)
        elif command == "APPEND":
            return self.append(tag, rest)
        elif command in ("UNSELECT", "CLOSE", "SUBSCRIBE"):
            self.send("%s OK %s completed." % (tag, command))
        else:
            return self.fail(tag + " BAD Command Error. 10")
        return True

    def authenticate(self, tag, rest):
        words = rest.split(b" ")
        if words[0].upper() != b"XOAUTH2":
            return self.fail(tag + " NO AUTHENTICATE failed.")
        if len(words) > 1 and words[1]:
            response = words[1]
        else:  # no initial response: ask for it
            self.send("+ ")
            response = self.rfile.readline().strip()
        try:
            fields = base64.b64decode(response, validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return self.fail(tag + " NO AUTHENTICATE failed.")
        match = re.fullmatch(r"user=([^\x01]+)\x01auth=Bearer ([^\x01]+)\x01\x01", fields)
        if not match:
            return self.fail(tag + " NO AUTHENTICATE failed.")
        address, token = match.group(1), match.group(2)
        claims = jws.verify_own(self.state.signing_key, token)
        tenant, user = self.tenant_user(address)
        if claims is None or claims.get("aud") != EXCHANGE_RESOURCE[self.server.cloud] or \
                self.state.now() >= claims.get("exp", 0) or \
                "IMAP.AccessAsApp" not in claims.get("roles", []) or tenant is None or \
                tenant["id"] != claims.get("tid") or user.get("noMailbox") or \
                not tenant.get("imapServicePrincipal", True):
            return self.fail(tag + " NO AUTHENTICATE failed.")
        self.mailbox = address.lower()
        self.connected = user.get("imapFullAccess", True)
        self.user = user
        self.send(tag + " OK AUTHENTICATE completed.")
        return True

    def list(self, tag, command, rest):
        reference, position = quoted_or_atom(rest, 0)
        pattern, _ = quoted_or_atom(rest, position)
        if pattern == "":  # the hierarchy delimiter only
            self.send('* %s (\\Noselect) "/" ""' % command)
            self.send("%s OK %s completed." % (tag, command))
            return
        # "*" matches across levels, "%" within one; names are case-insensitive.
        wanted = re.compile("^" + re.escape(reference + pattern).replace(r"\*", ".*")
                            .replace("%", "[^/]*") + "$", re.IGNORECASE)
        folders = self.state.imap.folders(self.mailbox)
        names = sorted(folders)
        for name in [n for n in names if wanted.match(n)]:
            children = any(other.lower().startswith(name.lower() + "/") for other in names)
            self.send('* %s (%s) "/" "%s"' % (command, "\\HasChildren" if children
                                              else "\\HasNoChildren", name))
        self.send("%s OK %s completed." % (tag, command))

    def find(self, folders, name):
        for existing in folders:
            if existing.lower() == name.lower():
                return existing
        return None

    def create(self, tag, rest):
        name, _ = quoted_or_atom(rest, 0)
        name = name.rstrip("/")
        folders = self.state.imap.folders(self.mailbox)
        with self.state.imap.lock:
            if name.split("/")[-1].lower() == "files":
                return self.fail(tag + " NO Folder name is reserved.")
            if self.find(folders, name):
                return self.fail(tag + " NO Mailbox already exists.")
            levels = name.split("/")
            for depth in range(1, len(levels) + 1):  # intermediate levels too
                path = "/".join(levels[:depth])
                if not self.find(folders, path):
                    folders[path] = {"uidvalidity": len(folders) + 1, "next": 1, "messages": []}
        self.send(tag + " OK CREATE completed.")
        return True

    def select(self, tag, command, rest):
        name, _ = quoted_or_atom(rest, 0)
        folders = self.state.imap.folders(self.mailbox)
        found = self.find(folders, name)
        if not found:
            return self.fail(tag + " NO Mailbox does not exist, or must be subscribed to.")
        folder = folders[found]
        if command == "STATUS":
            self.send('* STATUS "%s" (MESSAGES %d UIDNEXT %d UIDVALIDITY %d)'
                      % (found, len(folder["messages"]), folder["next"], folder["uidvalidity"]))
        else:
            self.selected = found
            self.send("* %d EXISTS" % len(folder["messages"]))
            self.send("* OK [UIDVALIDITY %d] UIDVALIDITY value" % folder["uidvalidity"])
            self.send("* OK [UIDNEXT %d] The next unique identifier value" % folder["next"])
        self.send("%s OK %s completed." % (tag, command))
        return True

    def append(self, tag, rest):
        name, position = quoted_or_atom(rest, 0)
        rest = rest[position:].strip()
        flags = []
        if rest.startswith(b"("):
            end = rest.index(b")")
            flags = rest[1:end].decode().split()
            rest = rest[end + 1:].strip()
        date = None
        if rest.startswith(b'"'):
            end = rest.index(b'"', 1)
            date = rest[1:end].decode()
            rest = rest[end + 1:].strip()
        literal = LITERAL.search(rest)
        if not literal:
            return self.fail(tag + " BAD Command Argument Error. 11")
        size = int(literal.group(1))
        limit = int(self.user.get("maxReceiveSize", DEFAULT_MAX_RECEIVE))
        if size > limit:
            if not literal.group(2):  # synchronising: refused before the bytes come
                return self.fail(tag + " NO Maximum size of appendable message has been "
                                 "exceeded.")
            self.rfile.read(size)
            self.rfile.readline()
            return self.fail(tag + " NO Maximum size of appendable message has been exceeded.")
        if not literal.group(2):
            self.send("+ Ready for additional command text.")
        raw = self.rfile.read(size)
        self.rfile.readline()  # the CRLF that ends the command
        throttle = self.state.scenario.get("imapThrottleAfterAppends")
        with self.state.imap.lock:
            count = self.state.imap.appends.get(self.mailbox, 0) + 1
            self.state.imap.appends[self.mailbox] = count
        if throttle and count > int(throttle):
            with self.state.imap.lock:
                self.state.imap.appends[self.mailbox] = 0  # the budget refills after the pause
            self.send(tag + " BAD Request is throttled. Suggested Backoff Time: %d milliseconds"
                      % int(self.state.scenario.get("imapBackoffMs", 2000)))
            return False
        folders = self.state.imap.folders(self.mailbox)
        with self.state.imap.lock:
            found = self.find(folders, name)
            if not found:
                self.send(tag + " NO [TRYCREATE] Folder does not exist.")
                return True
            folder = folders[found]
            uid = folder["next"]
            folder["next"] += 1
            folder["messages"].append({"uid": uid, "flags": flags, "date": date, "raw": raw})
        self.send("%s OK [APPENDUID %d %d] APPEND completed." % (tag, folder["uidvalidity"],
                                                                 uid))
        return True


class Listener(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, cloud, state, context):
        super().__init__(("127.0.0.1", 0), Session)
        self.cloud = cloud
        self.state = state
        self.context = context
        self.port = self.server_address[1]

    def get_request(self):
        raw, address = self.socket.accept()
        return self.context.wrap_socket(raw, server_side=True), address
