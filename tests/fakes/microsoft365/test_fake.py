"""Checks of the fake Microsoft 365 itself: its RSA verification against signatures made by the
openssl command line, certificate reading, tamper-proof delta tokens, delta paging and the
throttling rules, directory paging, filters and members, batches, EWS and IMAP. Run by ctest (fake_microsoft365)."""

import base64
import imaplib
import json
import os
import ssl
import subprocess
import tempfile
import threading
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import batch
import der
import ews
import fake_m365
import imap
import directory
import graph
import jws
import mailboxes
import rsa


def openssl(*args, data=None):
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout


class CryptoTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        key = os.path.join(cls.folder.name, "key.pem")
        cert = os.path.join(cls.folder.name, "cert.pem")
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                "-days", "2", "-subj", "/CN=fake test")
        cls.key_path = key
        with open(cert, "rb") as file:
            cls.certificate = der.certificate(der.pem_to_der(file.read(), "CERTIFICATE"))
        with open(key, "rb") as file:
            cls.key = der.rsa_private_key(der.pem_to_der(file.read(), "PRIVATE KEY"))

    def sign(self, data, *options):
        return openssl("dgst", "-sha256", "-sign", self.key_path, *options, data=data)

    def test_pkcs1_signatures_of_openssl_verify(self):
        data = b"header.claims"
        signature = self.sign(data)
        c = self.certificate
        self.assertTrue(rsa.verify_rs256(c["n"], c["e"], data, signature))
        self.assertFalse(rsa.verify_rs256(c["n"], c["e"], data + b"x", signature))
        self.assertFalse(rsa.verify_ps256(c["n"], c["e"], data, signature))

    def test_pss_signatures_of_openssl_verify(self):
        data = b"header.claims"
        signature = self.sign(data, "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                              "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256")
        c = self.certificate
        self.assertTrue(rsa.verify_ps256(c["n"], c["e"], data, signature))
        self.assertFalse(rsa.verify_ps256(c["n"], c["e"], b"other", signature))
        self.assertFalse(rsa.verify_rs256(c["n"], c["e"], data, signature))
        # Another salt length is not PS256 as JWS defines it.
        other_salt = self.sign(data, "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                               "rsa_pss_saltlen:20")
        self.assertFalse(rsa.verify_ps256(c["n"], c["e"], data, other_salt))

    def test_own_tokens_and_their_tampering(self):
        token = jws.mint(self.key, {"aud": "https://graph.microsoft.com", "roles": []}, "k")
        self.assertEqual(jws.verify_own(self.key, token)["aud"], "https://graph.microsoft.com")
        header, claims, signature = token.split(".")
        forged = jws.b64url(b'{"aud":"https://graph.microsoft.com","roles":["Mail.ReadWrite"]}')
        self.assertIsNone(jws.verify_own(self.key, ".".join([header, forged, signature])))
        self.assertIsNone(jws.verify_own(self.key, "not a token"))

    def test_certificate_validity_is_read(self):
        span = self.certificate["not_after"] - self.certificate["not_before"]
        self.assertEqual(span.days, 2)


class MailboxTest(unittest.TestCase):
    def mailbox(self, count):
        messages = [{"raw": base64.b64encode(b"Subject: %d\r\n\r\nbody" % i).decode()}
                    for i in range(count)]
        return mailboxes.Mailbox("u1", [{"displayName": "Inbox", "messages": messages}])

    def test_delta_tokens_cannot_be_forged(self):
        tokens = mailboxes.DeltaTokens()
        token = tokens.make("u1", "f1", 7, "delta")
        self.assertEqual(tokens.read(token), ["u1", "f1", 7, "delta"])
        raw = bytearray(jws.unb64url(token))
        raw[5] ^= 1
        self.assertIsNone(tokens.read(jws.b64url(bytes(raw))))

    def test_delta_pages_then_only_changes(self):
        class State:
            delta_tokens = mailboxes.DeltaTokens()
        service = graph.Graph(State(), "global")
        box = self.mailbox(25)
        folder = box.roots[0]
        seen = []
        query = {}
        while True:
            _, _, page = service.delta(box, folder, query, {"Prefer": "odata.maxpagesize=10"},
                                       "https://fake/v1.0/users/u1")
            seen += [item["id"] for item in page["value"]]
            link = page.get("@odata.nextLink") or page["@odata.deltaLink"]
            query = dict(p.split("=", 1) for p in link.split("?", 1)[1].split("&"))
            if "@odata.deltaLink" in page:
                break
        self.assertEqual(len(seen), 25)
        self.assertEqual(len(set(seen)), 25)
        folder.add(mailboxes.Message(folder, {"raw": base64.b64encode(b"new").decode()}, 99))
        folder.remove(folder.messages[0])
        _, _, page = service.delta(box, folder, query, {}, "https://fake/v1.0/users/u1")
        self.assertEqual(len(page["value"]), 2)
        self.assertEqual(len([i for i in page["value"] if "@removed" in i]), 1)
        box.evicted_before = box.sequence + 1
        with self.assertRaises(graph.GraphError) as gone:
            service.delta(box, folder, query, {}, "https://fake/v1.0/users/u1")
        self.assertEqual(gone.exception.status, 410)


class ThrottleTest(unittest.TestCase):
    def test_a_fifth_request_at_once_is_refused(self):
        throttle = graph.Throttle()
        for _ in range(4):
            throttle.enter(("app", "u1"), {}, 0.0)
        with self.assertRaises(graph.GraphError) as refused:
            throttle.enter(("app", "u1"), {}, 0.0)
        self.assertEqual(refused.exception.status, 429)
        self.assertEqual(refused.exception.code, "ApplicationThrottled")
        throttle.enter(("app", "u2"), {}, 0.0)  # another mailbox is not affected
        throttle.leave(("app", "u1"))
        throttle.enter(("app", "u1"), {}, 0.0)
        report = throttle.report()["app/u1"]
        self.assertEqual(report["maxInFlight"], 4)
        self.assertEqual(report["refusedForConcurrency"], 1)

    def test_the_budget_answers_with_the_wait(self):
        throttle = graph.Throttle()
        limits = {"requestsPerWindow": 3, "windowSeconds": 10}
        for moment in (0.0, 1.0, 2.0):
            throttle.enter(("app", "u1"), limits, moment)
            throttle.leave(("app", "u1"))
        with self.assertRaises(graph.GraphError) as refused:
            throttle.enter(("app", "u1"), limits, 5.0)
        self.assertEqual(refused.exception.headers["Retry-After"], "5.000")
        throttle.enter(("app", "u1"), limits, 10.5)  # the first one has left the window
        # Retry-After may be missing altogether.
        silent = graph.Throttle()
        quiet = {"requestsPerWindow": 1, "windowSeconds": 10, "retryAfter": None}
        silent.enter(("app", "u1"), quiet, 0.0)
        silent.leave(("app", "u1"))
        with self.assertRaises(graph.GraphError) as refused:
            silent.enter(("app", "u1"), quiet, 1.0)
        self.assertNotIn("Retry-After", refused.exception.headers)

if __name__ == "__main__":
    unittest.main()


class DirectoryTest(unittest.TestCase):
    def setUp(self):
        users = [{"id": "u%d" % i, "userPrincipalName": "user%d@contoso.example" % i,
                  "accountEnabled": i % 2 == 0, "assignedLicenses": [{"skuId": "x"}] if i < 3
                  else []} for i in range(5)]
        groups = [{"id": "g1", "displayName": "Staff", "securityEnabled": True,
                   "members": ["u0", "g2"]},
                  {"id": "g2", "displayName": "Team", "groupTypes": ["Unified"],
                   "mail": "team@contoso.example", "members": ["u3"]}]
        self.directory = directory.Directory({"id": "t", "users": users, "groups": groups},
                                             mailboxes.DeltaTokens())

    def get(self, path, query, headers=None):
        return self.directory.handle(path, query, headers or {}, "https://fake")

    def test_pages_follow_top_and_skip_tokens_cannot_be_forged(self):
        first = self.get("/v1.0/users", {"$top": "2", "$select": "id,accountEnabled"})
        self.assertEqual([u["id"] for u in first["value"]], ["u0", "u1"])
        self.assertEqual(set(first["value"][0]), {"id", "accountEnabled"})
        link = urllib.parse.urlsplit(first["@odata.nextLink"])
        query = {k: v[0] for k, v in urllib.parse.parse_qs(link.query).items()}
        second = self.get(link.path, query)
        self.assertEqual([u["id"] for u in second["value"]], ["u2", "u3"])
        query["$skiptoken"] = query["$skiptoken"][:-2] + "AA"
        with self.assertRaises(directory.DirectoryError) as refused:
            self.get(link.path, query)
        self.assertEqual(refused.exception.status, 400)
        with self.assertRaises(directory.DirectoryError):
            self.get("/v1.0/users", {"$top": "1000"})

    def test_default_fields_lack_what_a_sync_needs_without_select(self):
        user = self.get("/v1.0/users", {})["value"][0]
        self.assertIn("userPrincipalName", user)
        self.assertNotIn("accountEnabled", user)
        self.assertNotIn("proxyAddresses", user)

    def test_advanced_filters_need_consistency_level(self):
        query = {"$filter": "assignedLicenses/$count ne 0", "$count": "true"}
        with self.assertRaises(directory.DirectoryError) as refused:
            self.get("/v1.0/users", query)
        self.assertEqual(refused.exception.code, "Request_UnsupportedQuery")
        licensed = self.get("/v1.0/users", query, {"ConsistencyLevel": "eventual"})
        self.assertEqual(licensed["@odata.count"], 3)
        enabled = self.get("/v1.0/users", {"$filter": "accountEnabled eq true"})
        self.assertEqual([u["id"] for u in enabled["value"]], ["u0", "u2", "u4"])

    def test_members_direct_and_transitive(self):
        direct = self.get("/v1.0/groups/g1/members", {"$select": "id"})["value"]
        self.assertEqual([(m["@odata.type"], m["id"]) for m in direct],
                         [("#microsoft.graph.user", "u0"), ("#microsoft.graph.group", "g2")])
        users = self.get("/v1.0/groups/g1/transitiveMembers/microsoft.graph.user",
                         {"$select": "id"})["value"]
        self.assertEqual([m["id"] for m in users], ["u0", "u3"])
        unified = self.get("/v1.0/groups", {"$filter": "groupTypes/any(c:c eq 'Unified')"})
        self.assertEqual([g["mail"] for g in unified["value"]], ["team@contoso.example"])
        with self.assertRaises(directory.DirectoryError) as missing:
            self.get("/v1.0/groups/nope/members", {})
        self.assertEqual(missing.exception.status, 404)


class BatchTest(unittest.TestCase):
    def test_batch_rules(self):
        def body(requests):
            return json.dumps({"requests": requests}).encode()

        step = {"id": "1", "method": "GET", "url": "/users"}
        self.assertEqual(len(batch.parse(body([step]))), 1)
        many = [dict(step, id=str(i)) for i in range(21)]
        for bad in (body(many), body([step, step]), body([dict(step, url="https://x/users")]),
                    body([dict(step, method="POST", body={"a": 1})]), b"[1]", b"{"):
            with self.assertRaises(batch.BatchError):
                batch.parse(bad)


class EwsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        key = os.path.join(cls.folder.name, "key.pem")
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key)
        with open(key, "rb") as file:
            cls.key = der.rsa_private_key(der.pem_to_der(file.read(), "PRIVATE KEY"))

    def setUp(self):
        raw = base64.b64encode(b"Subject: hi\nMessage-ID: <a@b>\n\nbody\n").decode()
        self.state = fake_m365.State(self.key)
        inbox = {"displayName": "Inbox", "messages": [{"raw": raw}, {"raw": raw}, {"raw": raw}],
                 "childFolders": [{"displayName": "Sub", "messages": [{"raw": raw}]}]}
        self.tenant = {"id": "t", "ewsFindCountLimit": 2, "users": [
            {"id": "u1", "mail": "ada@contoso.example", "mailbox": {"folders": [inbox]},
             "archive": {"folders": [{"displayName": "Old", "messages": [{"raw": raw}]}]}}]}
        self.state.load({"tenants": [self.tenant]})
        token = jws.mint(self.key, {"aud": "https://outlook.office365.com", "tid": "t",
                                    "appid": "a", "roles": ["full_access_as_app"],
                                    "exp": self.state.now() + 3600}, "k")
        self.headers = {"Authorization": "Bearer " + token,
                        "X-AnchorMailbox": "ada@contoso.example"}

    def call(self, operation, headers=None, mailbox="ada@contoso.example"):
        body = ('<s:Envelope xmlns:s="%s" xmlns:t="%s" xmlns:m="%s"><s:Header>'
                '<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>%s'
                '</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></s:Header>'
                '<s:Body>%s</s:Body></s:Envelope>' % (ews.SOAP, ews.T, ews.M, mailbox,
                                                      operation))
        try:
            status, _, payload = ews.Ews(self.state, "global").handle(
                headers if headers is not None else self.headers, body.encode())
        except ews.EwsAnswer as answer:
            return answer.status, answer.body
        return status, payload

    def test_folders_partial_pages_and_mime(self):
        status, body = self.call('<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>'
                                 'Default</t:BaseShape></m:FolderShape><m:ParentFolderIds>'
                                 '<t:DistinguishedFolderId Id="msgfolderroot"/>'
                                 '</m:ParentFolderIds></m:FindFolder>')
        self.assertEqual(status, 200)
        folders = ET.fromstring(body).findall(".//t:Folder", ews.NS)
        self.assertEqual([f.find("t:DisplayName", ews.NS).text for f in folders],
                         ["Inbox", "Sub"])
        inbox = folders[0].find("t:FolderId", ews.NS).get("Id")
        status, body = self.call('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>'
                                 'IdOnly</t:BaseShape></m:ItemShape><m:IndexedPageItemView '
                                 'MaxEntriesReturned="10" Offset="0" BasePoint="Beginning"/>'
                                 '<m:ParentFolderIds><t:FolderId Id="%s"/></m:ParentFolderIds>'
                                 '</m:FindItem>' % inbox)
        root = ET.fromstring(body).find(".//m:RootFolder", ews.NS)
        self.assertEqual(root.get("IncludesLastItemInRange"), "false", "a partial page")
        self.assertEqual(root.get("IndexedPagingOffset"), "2")
        item = root.find(".//t:ItemId", ews.NS).get("Id")
        status, body = self.call('<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>'
                                 '<t:IncludeMimeContent>true</t:IncludeMimeContent>'
                                 '</m:ItemShape><m:ItemIds><t:ItemId Id="%s"/><t:ItemId '
                                 'Id="gone"/></m:ItemIds></m:GetItem>' % item)
        answers = ET.fromstring(body).findall(".//m:GetItemResponseMessage", ews.NS)
        self.assertEqual([a.get("ResponseClass") for a in answers], ["Success", "Error"])
        mime = base64.b64decode(answers[0].find(".//t:MimeContent", ews.NS).text)
        self.assertNotEqual(mime, b"Subject: hi\nMessage-ID: <a@b>\n\nbody\n")
        self.assertTrue(mime.startswith(b"Subject: hi\r\nMessage-ID: <a@b>\r\n"))
        status, body = self.call('<m:FindFolder Traversal="Deep"><m:ParentFolderIds>'
                                 '<t:DistinguishedFolderId Id="archivemsgfolderroot"/>'
                                 '</m:ParentFolderIds></m:FindFolder>')
        self.assertIn(b"<t:DisplayName>Old</t:DisplayName>", body)

    def test_impersonation_permissions_and_the_block(self):
        headers = dict(self.headers)
        del headers["X-AnchorMailbox"]
        status, body = self.call("<m:FindFolder/>", headers)
        self.assertEqual(status, 500)
        self.assertIn(b"ErrorInvalidExchangeImpersonationHeaderData", body)
        status, body = self.call("<m:FindFolder/>", dict(self.headers, **{
            "X-AnchorMailbox": "nobody@contoso.example"}), "nobody@contoso.example")
        self.assertIn(b"ErrorNonExistentMailbox", body)
        self.state.scenario["ewsServerBusy"] = [{"backOffMilliseconds": 250}]
        status, body = self.call("<m:FindFolder/>")
        self.assertEqual(status, 500)
        self.assertIn(b'<t:Value Name="BackOffMilliseconds">250</t:Value>', body)
        self.tenant["ewsBlocked"] = True
        status, _ = self.call("<m:FindFolder/>")
        self.assertEqual(status, 403)


class ImapTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        key = os.path.join(cls.folder.name, "key.pem")
        cert = os.path.join(cls.folder.name, "cert.pem")
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                "-days", "2", "-subj", "/CN=127.0.0.1")
        with open(key, "rb") as file:
            cls.key = der.rsa_private_key(der.pem_to_der(file.read(), "PRIVATE KEY"))
        cls.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        cls.context.load_cert_chain(cert, key)

    def setUp(self):
        self.state = fake_m365.State(self.key)
        self.state.load({"tenants": [{"id": "t", "users": [
            {"id": "u1", "mail": "ada@contoso.example"},
            {"id": "u2", "mail": "bob@contoso.example", "imapFullAccess": False}]}]})
        self.listener = imap.Listener("global", self.state, self.context)
        threading.Thread(target=self.listener.serve_forever, daemon=True).start()

    def tearDown(self):
        self.listener.shutdown()
        self.listener.server_close()

    def connect(self, user, roles=("IMAP.AccessAsApp",)):
        client_context = ssl.create_default_context()
        client_context.check_hostname = False
        client_context.verify_mode = ssl.CERT_NONE
        client = imaplib.IMAP4_SSL("127.0.0.1", self.listener.port, ssl_context=client_context)
        token = jws.mint(self.key, {"aud": "https://outlook.office365.com", "tid": "t",
                                    "roles": list(roles), "exp": self.state.now() + 600}, "k")
        sasl = "user=%s\x01auth=Bearer %s\x01\x01" % (user, token)
        return client, sasl

    def test_xoauth2_append_and_refusals(self):
        client, sasl = self.connect("ada@contoso.example")
        self.assertIn("AUTH=XOAUTH2", client.capabilities)
        with self.assertRaises(imaplib.IMAP4.error):
            client.login("ada@contoso.example", "secret")
        client.authenticate("XOAUTH2", lambda challenge: sasl.encode())  # continuation form
        raw = b"Subject: kept\r\n\r\nexact bytes\r\n"
        status, answer = client.append('"Mailkeep Export/Inbox"', r"(\Seen)",
                                       '"04-Jul-2019 02:44:25 +0200"', raw)
        self.assertEqual(status, "NO")
        self.assertIn(b"TRYCREATE", answer[0])
        self.assertEqual(client.create('"Mailkeep Export/Inbox"')[0], "OK")
        self.assertEqual(client.create('"mailkeep export"')[0], "NO", "names ignore case")
        status, answer = client.append('"Mailkeep Export/Inbox"', r"(\Seen)",
                                       '"04-Jul-2019 02:44:25 +0200"', raw)
        self.assertEqual(status, "OK")
        self.assertIn(b"APPENDUID", answer[0])
        stored = self.state.imap.report("ada@contoso.example")["Mailkeep Export/Inbox"][0]
        self.assertEqual(base64.b64decode(stored["raw"]), raw)
        self.assertEqual(stored["flags"], ["\\Seen"])
        self.assertEqual(stored["date"], "04-Jul-2019 02:44:25 +0200")
        self.assertIn("Mailkeep Export", self.state.imap.report("ada@contoso.example"))
        client.logout()

        client, sasl = self.connect("ada@contoso.example", roles=())
        with self.assertRaises(imaplib.IMAP4.error) as refused:
            client.authenticate("XOAUTH2", lambda challenge: sasl.encode())
        self.assertIn("AUTHENTICATE failed", str(refused.exception))
        client.shutdown()
        client, sasl = self.connect("bob@contoso.example")
        client.authenticate("XOAUTH2", lambda challenge: sasl.encode())
        status, answer = client.list()
        self.assertEqual(status, "NO")
        self.assertIn(b"not connected", answer[0])
        client.logout()
