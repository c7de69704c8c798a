"""The fake Microsoft Graph (v1.0): bearer tokens checked like Graph does, users, mail folders
(hidden ones on request), per-folder message delta with paging, delta tokens and their
expiry, raw MIME through $value, deletion, and Outlook's throttling per app and mailbox: at
most 4 requests at once and a request budget per window, answered with 429 and Retry-After."""

import re
import time
import urllib.parse

import batch
import directory
import jws

GRAPH_RESOURCE = {"global": "https://graph.microsoft.com",
                  "china": "https://microsoftgraph.chinacloudapi.cn"}


class GraphError(Exception):
    def __init__(self, status, code, message, headers=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def body(self):
        return {"error": {"code": self.code, "message": self.message,
                          "innerError": {"date": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                         "request-id": "00000000-0000-0000-0000-000000000000"}}}


class Throttle:
    """Per (app, mailbox): requests in flight and a sliding window of request times."""

    def __init__(self):
        self.in_flight = {}
        self.max_in_flight = {}
        self.refused_concurrency = {}
        self.refused_budget = {}
        self.window = {}
        self.most_mailboxes_at_once = {}  # per app: mailboxes with requests in flight at once

    def enter(self, key, limits, now):
        concurrent = int(limits.get("concurrent", 4))
        budget = int(limits.get("requestsPerWindow", 10000))
        seconds = float(limits.get("windowSeconds", 600))
        retry_after = limits.get("retryAfter", "1")
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        if self.in_flight.get(key, 0) >= concurrent:
            self.refused_concurrency[key] = self.refused_concurrency.get(key, 0) + 1
            raise GraphError(429, "ApplicationThrottled",
                             "Application is over its MailboxConcurrency limit.", headers)
        times = [t for t in self.window.get(key, []) if t > now - seconds]
        if len(times) >= budget:
            self.refused_budget[key] = self.refused_budget.get(key, 0) + 1
            self.window[key] = times
            wait = max(0.0, times[0] + seconds - now)
            headers = {"Retry-After": "%.3f" % wait} if retry_after is not None else {}
            raise GraphError(429, "TooManyRequests", "Please retry again later.", headers)
        times.append(now)
        self.window[key] = times
        self.in_flight[key] = self.in_flight.get(key, 0) + 1
        self.max_in_flight[key] = max(self.max_in_flight.get(key, 0), self.in_flight[key])
        busy = sum(1 for k, n in self.in_flight.items() if k[0] == key[0] and n > 0)
        self.most_mailboxes_at_once[key[0]] = max(self.most_mailboxes_at_once.get(key[0], 0),
                                                  busy)

    def leave(self, key):
        self.in_flight[key] = self.in_flight.get(key, 1) - 1

    def report(self):
        keys = set(self.max_in_flight) | set(self.refused_concurrency) | set(self.refused_budget)
        return {"/".join(k): {"maxInFlight": self.max_in_flight.get(k, 0),
                              "refusedForConcurrency": self.refused_concurrency.get(k, 0),
                              "refusedForBudget": self.refused_budget.get(k, 0)} for k in keys}


USER_PATH = re.compile(r"^/v1\.0/users/([^/]+)(/.*)?$")


class Graph:
    def __init__(self, state, cloud):
        self.state = state
        self.cloud = cloud

    # --- authentication -------------------------------------------------------------------
    def caller(self, headers):
        auth = headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or len(auth) <= len("Bearer "):
            raise GraphError(401, "InvalidAuthenticationToken", "Access token is empty.")
        claims = jws.verify_own(self.state.signing_key, auth[len("Bearer "):])
        if claims is None:
            raise GraphError(401, "InvalidAuthenticationToken",
                             "IDX14100: JWT is not well formed.")
        if claims.get("aud") != GRAPH_RESOURCE[self.cloud]:
            raise GraphError(401, "InvalidAuthenticationToken", "Invalid audience.")
        if self.state.now() >= claims.get("exp", 0):
            raise GraphError(401, "InvalidAuthenticationToken",
                             "Lifetime validation failed, the token is expired.")
        return claims

    def tenant(self, claims):
        for tenant in self.state.scenario.get("tenants", []):
            if tenant["id"] == claims.get("tid"):
                return tenant
        raise GraphError(401, "InvalidAuthenticationToken", "Unknown tenant.")

    def user(self, tenant, key):
        key = urllib.parse.unquote(key).lower()
        for user in tenant.get("users", []):
            if key in (user["id"].lower(), user.get("userPrincipalName", "").lower()):
                return user
        raise GraphError(404, "ResourceNotFound",
                         "Resource '%s' does not exist or one of its queried reference-property "
                         "objects are not present." % key)

    # --- dispatch ---------------------------------------------------------------------------
    def handle(self, method, url, headers, own_url, body=b""):
        """(status, headers, body bytes or JSON object) for a Graph request."""
        parts = urllib.parse.urlsplit(url)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query,
                                                            keep_blank_values=True).items()}
        claims = self.caller(headers)
        tenant = self.tenant(claims)
        if urllib.parse.unquote(parts.path) == "/v1.0/$batch" and method == "POST":
            return batch.run(self, body, headers, own_url)
        match = USER_PATH.match(parts.path)
        if method == "GET" and (parts.path == "/v1.0/users" or
                                parts.path.startswith("/v1.0/groups")):
            self.need(claims, "Directory.Read.All", "Authorization_RequestDenied",
                      "Insufficient privileges to complete the operation.")
            try:
                answer = directory.Directory(tenant, self.state.delta_tokens).handle(
                    parts.path, query, headers, own_url)
            except directory.DirectoryError as error:
                raise GraphError(error.status, error.code, error.message)
            if answer is None:
                raise GraphError(400, "BadRequest", "Resource not found for the segment '%s'."
                                 % parts.path)
            return 200, {}, answer
        if not match:
            raise GraphError(400, "BadRequest", "Resource not found for the segment '%s'."
                             % parts.path)
        user = self.user(tenant, match.group(1))
        rest = match.group(2) or ""
        if rest == "" and method == "GET":
            return 200, {}, self.user_json(user)
        self.need(claims, "Mail.ReadWrite", "ErrorAccessDenied",
                  "Access is denied. Check credentials and try again.")
        if user.get("noMailbox"):
            raise GraphError(404, "MailboxNotEnabledForRESTAPI",
                             "REST API is not yet supported for this mailbox.")
        mailbox = self.state.mailbox(tenant, user)
        key = (claims.get("appid", ""), user["id"])
        limits = self.state.scenario.get("throttling", {})
        with self.state.lock:
            self.state.throttle.enter(key, limits, self.state.now())
        try:
            latency = float(self.state.scenario.get("latencyMs", 0)) / 1000.0
            if latency:
                time.sleep(latency)
            with mailbox.lock:
                return self.mail(mailbox, method, rest, query, headers, own_url, user)
        finally:
            with self.state.lock:
                self.state.throttle.leave(key)

    def need(self, claims, role, code, message):
        if role not in claims.get("roles", []):
            raise GraphError(403, code, message)

    def user_json(self, user):
        fields = ["id", "userPrincipalName", "mail", "displayName", "accountEnabled", "userType",
                  "proxyAddresses", "assignedLicenses", "assignedPlans"]
        return {k: user[k] for k in fields if k in user}

    def paged(self, items, query, base, default, maximum):
        top = int(query.get("$top", default))
        if top < 1 or top > maximum:
            raise GraphError(400, "BadRequest", "Invalid page size %d." % top)
        start = int(query.get("$skiptoken", "0") or 0)
        page = {"value": items[start:start + top]}
        if start + top < len(items):
            page["@odata.nextLink"] = "%s?$top=%d&$skiptoken=%d" % (base, top, start + top)
        return 200, {}, page

    # --- mail -----------------------------------------------------------------------------
    def mail(self, mailbox, method, rest, query, headers, own_url, user):
        base = "%s/v1.0/users/%s" % (own_url, user["id"])
        hidden = query.get("includeHiddenFolders", "false").lower() == "true"
        if rest == "/mailFolders" and method == "GET":
            folders = [f.json() for f in mailbox.roots
                       if (hidden or not f.hidden) and not f.not_in_graph]
            return self.paged(folders, query, base + "/mailFolders", 10, 1000)
        match = re.match(r"^/mailFolders/([^/]+)(/.*)?$", rest)
        if match:
            folder = mailbox.folders.get(match.group(1)) or mailbox.by_well_known(match.group(1))
            if folder is None:
                raise GraphError(404, "ErrorItemNotFound",
                                 "The specified object was not found in the store.")
            tail = match.group(2) or ""
            if tail == "" and method == "GET":
                return 200, {}, folder.json()
            if tail == "/childFolders" and method == "GET":
                children = [f.json() for f in folder.children
                            if (hidden or not f.hidden) and not f.not_in_graph]
                return self.paged(children, query, "%s/mailFolders/%s/childFolders"
                                  % (base, folder.id), 10, 1000)
            if tail == "/messages/delta" and method == "GET":
                return self.delta(mailbox, folder, query, headers, base)
        match = re.match(r"^/messages/([^/]+)(/\$value)?$", rest)
        if match:
            message = mailbox.message(urllib.parse.unquote(match.group(1)))
            if message is None:
                raise GraphError(404, "ErrorItemNotFound",
                                 "The specified object was not found in the store.")
            if match.group(2) and method == "GET":
                if message.conversion_fails:
                    raise GraphError(500, "ErrorMimeContentConversionFailed",
                                     "MIME content conversion failed.")
                return 200, {"Content-Type": "text/plain"}, message.raw
            if not match.group(2) and method == "DELETE":
                message.folder.remove(message)
                return 204, {}, b""
        raise GraphError(400, "BadRequest", "Unsupported request %s %s" % (method, rest))

    def delta(self, mailbox, folder, query, headers, base):
        tokens = self.state.delta_tokens
        page_size = 10
        prefer = headers.get("Prefer", "")
        match = re.search(r"odata\.maxpagesize=(\d+)", prefer)
        if match:
            page_size = max(1, min(1000, int(match.group(1))))
        if "$deltatoken" in query:
            token = tokens.read(query["$deltatoken"])
            if token is None or token[1] != folder.id or token[3] != "delta":
                raise GraphError(400, "BadRequest", "Invalid delta token.")
            since, upto, offset = token[2], mailbox.sequence, 0
        elif "$skiptoken" in query:
            token = tokens.read(query["$skiptoken"])
            if token is None or token[1] != folder.id or token[3][0] != "skip":
                raise GraphError(400, "BadRequest", "Invalid skip token.")
            since, (_, upto, offset) = token[2], token[3]
        else:
            since, upto, offset = 0, mailbox.sequence, 0
        if since and since < mailbox.evicted_before:
            raise GraphError(410, "SyncStateNotFound",
                             "The sync state generation is not found.")
        items = []
        for sequence, message, change in folder.changes:
            if not since < sequence <= upto:
                continue
            if change == "created" and (since == 0 and message.deleted):
                continue
            if change == "deleted":
                if since:
                    items.append({"@odata.type": "#microsoft.graph.message", "id": message.id,
                                  "@removed": {"reason": "deleted"}})
            else:
                items.append(message.json())
        page = {"value": items[offset:offset + page_size]}
        link = "%s/mailFolders/%s/messages/delta?" % (base, folder.id)
        if offset + page_size < len(items):
            page["@odata.nextLink"] = link + "$skiptoken=" + tokens.make(
                mailbox.user_id, folder.id, since, ["skip", upto, offset + page_size])
        else:
            page["@odata.deltaLink"] = link + "$deltatoken=" + tokens.make(
                mailbox.user_id, folder.id, upto, "delta")
        return 200, {}, page
