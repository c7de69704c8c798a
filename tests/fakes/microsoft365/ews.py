"""The fake Exchange Web Services (SOAP 1.1, POST /EWS/Exchange.asmx) as Exchange Online answers
an application: a bearer token for Exchange with full_access_as_app, ExchangeImpersonation with
a matching X-AnchorMailbox, FindFolder (primary mailbox, archive mailbox, public folders),
FindItem with IndexedPageItemView and partial pages (EWSFindCountLimit), GetItem with the MIME
content and per-item errors, ErrorServerBusy (as an HTTP 500 fault or inside a 200 answer, with
BackOffMilliseconds), ErrorExceededConnectionCount above 27 requests at once, and the
retirement switch: a tenant with "ewsBlocked" answers every call with 403."""

import base64
import threading
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import jws
import mailboxes

SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
E = "http://schemas.microsoft.com/exchange/services/2006/errors"
NS = {"soap": SOAP, "t": T, "m": M}

EXCHANGE_RESOURCE = {"global": "https://outlook.office365.com",
                     "china": "https://partner.outlook.cn"}
MOST_CONNECTIONS = 27
DEFAULT_FIND_LIMIT = 1000


class EwsAnswer(Exception):
    """A whole answer other than a normal response: HTTP status, headers, body."""

    def __init__(self, status, body=b"", headers=None):
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def envelope(body):
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<s:Envelope xmlns:s="%s"><s:Header><h:ServerVersionInfo '
            'xmlns:h="%s" MajorVersion="15" MinorVersion="20" Version="V2018_01_08"/>'
            '</s:Header><s:Body>%s</s:Body></s:Envelope>' % (SOAP, T, body)).encode()


def fault(code, message, back_off_ms=None):
    detail = '<e:ResponseCode xmlns:e="%s">%s</e:ResponseCode><e:Message xmlns:e="%s">%s' \
             '</e:Message>' % (E, code, E, escape(message))
    if back_off_ms is not None:
        detail += '<t:MessageXml xmlns:t="%s"><t:Value Name="BackOffMilliseconds">%d</t:Value>' \
                  '</t:MessageXml>' % (T, back_off_ms)
    body = ('<s:Fault><faultcode xmlns:a="%s">a:%s</faultcode><faultstring xml:lang="en-US">%s'
            '</faultstring><detail>%s</detail></s:Fault>' % (T, code, escape(message), detail))
    return EwsAnswer(500, envelope(body), {"Content-Type": "text/xml; charset=utf-8"})


def response_message(operation, code, message, back_off_ms=None):
    extra = ""
    if back_off_ms is not None:
        extra = '<m:MessageXml><t:Value Name="BackOffMilliseconds">%d</t:Value></m:MessageXml>' \
                % back_off_ms
    return ('<m:%sResponseMessage ResponseClass="Error"><m:MessageText>%s</m:MessageText>'
            '<m:ResponseCode>%s</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>'
            '%s</m:%sResponseMessage>' % (operation, escape(message), code, extra, operation))


def wrap(operation, messages):
    return envelope('<m:%sResponse xmlns:m="%s" xmlns:t="%s"><m:ResponseMessages>%s'
                    '</m:ResponseMessages></m:%sResponse>' % (operation, M, T, messages,
                                                             operation))


def ews_mime(raw):
    """What EWS hands out as MimeContent: the same message, but not the same bytes as Graph's
    $value (Exchange writes the header block anew; here: LF line ends become CRLF and an
    Exchange header is added), so only a normalised comparison finds it archived already."""
    head, separator, body = raw.partition(b"\r\n\r\n")
    if not separator:
        head, separator, body = raw.partition(b"\n\n")
    head = head.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return head + b"\r\nX-MS-Exchange-Organization-SCL: -1\r\n\r\n" + body


class Ews:
    connections = {}  # app id -> requests in flight
    connections_lock = threading.Lock()

    def __init__(self, state, cloud):
        self.state = state
        self.cloud = cloud

    def handle(self, headers, body):
        """(status, headers, body bytes) for one SOAP request."""
        claims = self.caller(headers)
        tenant = self.tenant(claims)
        if tenant.get("ewsBlocked"):
            raise EwsAnswer(403, b"", {"x-ms-diagnostics": "2000010;reason=\"EWS is disabled "
                                       "for this tenant, mailbox or application (EWSEnabled, "
                                       "EWSAllowedAppIDs).\";error_category=\"invalid_tenant\""})
        app = claims.get("appid", "")
        with Ews.connections_lock:
            if Ews.connections.get(app, 0) >= MOST_CONNECTIONS:
                raise fault("ErrorExceededConnectionCount",
                            "You have exceeded the available concurrent connections for your "
                            "account. Try again once your other requests have completed.")
            Ews.connections[app] = Ews.connections.get(app, 0) + 1
        try:
            return self.answer(tenant, headers, body)
        finally:
            with Ews.connections_lock:
                Ews.connections[app] -= 1

    # --- who is asking, for whom ------------------------------------------------------------
    def caller(self, headers):
        auth = headers.get("Authorization", "")
        claims = jws.verify_own(self.state.signing_key, auth[len("Bearer "):]) \
            if auth.startswith("Bearer ") else None
        if claims is None or claims.get("aud") != EXCHANGE_RESOURCE[self.cloud] or \
                self.state.now() >= claims.get("exp", 0):
            raise EwsAnswer(401, b"", {
                "x-ms-diagnostics": "2000003;reason=\"The token is invalid or has expired.\";"
                                    "error_category=\"invalid_token\"",
                "WWW-Authenticate": "Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", "
                                    "token_types=\"app_asserted_user_v1 service_asserted_app_v1\""
                                    ", error=\"invalid_token\""})
        if "full_access_as_app" not in claims.get("roles", []):
            raise EwsAnswer(401, b"", {
                "x-ms-diagnostics": "2000008;reason=\"The token contains no permissions, or "
                                    "permissions can not be understood.\";"
                                    "error_category=\"invalid_grant\""})
        return claims

    def tenant(self, claims):
        for tenant in self.state.scenario.get("tenants", []):
            if tenant["id"] == claims.get("tid"):
                return tenant
        raise EwsAnswer(401, b"")

    def impersonated(self, tenant, header, headers):
        sid = header.find("t:ExchangeImpersonation/t:ConnectingSID", NS) \
            if header is not None else None
        if sid is None or len(sid) == 0 or not (sid[0].text or "").strip():
            raise fault("ErrorInvalidExchangeImpersonationHeaderData",
                        "An application must impersonate a mailbox (ExchangeImpersonation).")
        address = sid[0].text.strip().lower()
        anchor = headers.get("X-AnchorMailbox", "").strip().lower()
        if anchor != address:
            raise fault("ErrorInvalidExchangeImpersonationHeaderData",
                        "X-AnchorMailbox must name the impersonated mailbox (%s)." % address)
        for user in tenant.get("users", []):
            if address in (user.get("mail", "").lower(),
                           user.get("userPrincipalName", "").lower()):
                if user.get("noMailbox"):
                    break
                return user
        raise fault("ErrorNonExistentMailbox",
                    "The SMTP address has no mailbox associated with it.")

    # --- operations -------------------------------------------------------------------------
    def answer(self, tenant, headers, body):
        try:
            document = ET.fromstring(body)
        except ET.ParseError:
            raise EwsAnswer(400, b"The request is not well-formed XML.")
        header = document.find("soap:Header", NS)
        request = document.find("soap:Body", NS)
        if request is None or len(request) == 0:
            raise EwsAnswer(400, b"The request has no SOAP body.")
        operation = request[0]
        name = operation.tag.split("}")[-1]
        user = self.impersonated(tenant, header, headers)
        busy = self.state.take_ews_busy()
        if busy is not None:
            if busy.get("style") == "message":
                return 200, {"Content-Type": "text/xml; charset=utf-8"}, wrap(
                    name, response_message(name, "ErrorServerBusy", "The server cannot service "
                                           "this request right now. Try again later.",
                                           int(busy.get("backOffMilliseconds", 100))))
            raise fault("ErrorServerBusy",
                        "The server cannot service this request right now. Try again later.",
                        int(busy.get("backOffMilliseconds", 100)))
        if name == "FindFolder":
            xml = self.find_folder(tenant, user, operation, headers)
        elif name == "FindItem":
            xml = self.find_item(tenant, user, operation)
        elif name == "GetItem":
            xml = self.get_item(tenant, user, operation)
        elif name == "GetFolder":
            xml = self.get_folder(tenant, user, operation, headers)
        elif name == "DeleteItem":
            xml = self.delete_item(tenant, user, operation)
        elif name == "CreateFolder":
            xml = self.create_folder(tenant, user, operation, headers)
        elif name == "CreateItem":
            xml = self.create_item(tenant, user, operation)
        else:
            raise fault("ErrorInvalidRequest", "The fake does not know the operation %s." % name)
        return 200, {"Content-Type": "text/xml; charset=utf-8"}, xml

    def mailbox_for(self, tenant, user, distinguished, headers):
        """The mailbox a distinguished folder id lives in: primary, archive or public."""
        if distinguished.startswith("archive"):
            if not user.get("archive"):
                raise fault("ErrorFolderNotFound", "The mailbox has no archive.")
            return self.state.special_mailbox(tenant, user["id"] + "/archive",
                                              user["archive"].get("folders", []))
        if distinguished == "publicfoldersroot":
            public = tenant.get("publicFolders")
            if not public:
                raise fault("ErrorFolderNotFound", "The organization has no public folders.")
            if not headers.get("X-PublicFolderMailbox"):
                raise fault("ErrorInvalidRequest", "Public folder requests need the "
                            "X-PublicFolderMailbox header (Autodiscover).")
            return self.state.special_mailbox(tenant, "public", public.get("folders", []))
        return self.state.mailbox(tenant, user)

    def folder_by_id(self, tenant, user, folder_id):
        candidates = [self.state.mailbox(tenant, user)]
        if user.get("archive"):
            candidates.append(self.state.special_mailbox(tenant, user["id"] + "/archive",
                                                         user["archive"].get("folders", [])))
        if tenant.get("publicFolders"):
            candidates.append(self.state.special_mailbox(tenant, "public",
                                                         tenant["publicFolders"].get("folders",
                                                                                     [])))
        for mailbox in candidates:
            if folder_id in mailbox.folders:
                return mailbox, mailbox.folders[folder_id]
        raise fault("ErrorItemNotFound", "The specified object was not found in the store.")

    def find_folder(self, tenant, user, operation, headers):
        deep = operation.get("Traversal", "Shallow") == "Deep"
        parent = operation.find("m:ParentFolderIds", NS)
        target = parent[0] if parent is not None and len(parent) else None
        if target is None:
            raise fault("ErrorInvalidRequest", "FindFolder needs ParentFolderIds.")
        if target.tag.endswith("DistinguishedFolderId"):
            mailbox = self.mailbox_for(tenant, user, target.get("Id", ""), headers)
            level = mailbox.roots
            parent_id = target.get("Id")
        else:
            mailbox, folder = self.folder_by_id(tenant, user, target.get("Id", ""))
            level = folder.children
            parent_id = folder.id
        found = []

        def walk(folders, parent_of):
            for folder in folders:
                found.append((folder, parent_of))
                if deep:
                    walk(folder.children, folder.id)
        walk(level, parent_id)
        items = "".join(
            '<t:Folder><t:FolderId Id="%s" ChangeKey="AQAAAA=="/><t:ParentFolderId Id="%s"/>'
            '<t:FolderClass>IPF.Note</t:FolderClass><t:DisplayName>%s</t:DisplayName>'
            '<t:TotalCount>%d</t:TotalCount><t:ChildFolderCount>%d</t:ChildFolderCount>'
            '</t:Folder>' % (f.id, p, escape(f.name), len([m for m in f.messages
                                                          if not m.deleted]),
                             len(f.children)) for f, p in found)
        return wrap("FindFolder", '<m:FindFolderResponseMessage ResponseClass="Success">'
                    '<m:ResponseCode>NoError</m:ResponseCode><m:RootFolder '
                    'TotalItemsInView="%d" IncludesLastItemInRange="true"><t:Folders>%s'
                    '</t:Folders></m:RootFolder></m:FindFolderResponseMessage>'
                    % (len(found), items))

    def get_folder(self, tenant, user, operation, headers):
        """Distinguished folders (inbox, deleteditems, junkemail, drafts, sentitems, ...): one
        answer each, ErrorFolderNotFound for those the mailbox lacks."""
        answers = []
        ids = operation.find("m:FolderIds", NS)
        for wanted in (ids if ids is not None else []):
            name = wanted.get("Id", "")
            mailbox = self.mailbox_for(tenant, user, "archive" if name.startswith("archive")
                                       else "", headers)
            folder = mailbox.by_well_known(name)
            if folder is None:
                answers.append(response_message("GetFolder", "ErrorFolderNotFound",
                                                "The specified folder could not be found in "
                                                "the store."))
                continue
            answers.append('<m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>'
                           'NoError</m:ResponseCode><m:Folders><t:Folder><t:FolderId Id="%s" '
                           'ChangeKey="AQAAAA=="/><t:DisplayName>%s</t:DisplayName></t:Folder>'
                           '</m:Folders></m:GetFolderResponseMessage>'
                           % (folder.id, escape(folder.name)))
        return wrap("GetFolder", "".join(answers))

    def create_folder(self, tenant, user, operation, headers):
        """Mail folders below a distinguished folder or a folder; ErrorFolderExists for a name
        the parent has already (names ignore case)."""
        parent = operation.find("m:ParentFolderId", NS)
        target = parent[0] if parent is not None and len(parent) else None
        if target is None:
            raise fault("ErrorInvalidRequest", "CreateFolder needs ParentFolderId.")
        if target.tag.endswith("DistinguishedFolderId"):
            mailbox = self.mailbox_for(tenant, user, target.get("Id", ""), headers)
            container, parent_folder = mailbox.roots, None
        else:
            mailbox, parent_folder = self.folder_by_id(tenant, user, target.get("Id", ""))
            container = parent_folder.children
        answers = []
        for spec in operation.findall("m:Folders/t:Folder", NS):
            name = (spec.findtext("t:DisplayName", "", NS) or "").strip()
            if any(f.name.lower() == name.lower() for f in container):
                answers.append(response_message("CreateFolder", "ErrorFolderExists",
                                                "A folder with the specified name already "
                                                "exists."))
                continue
            with mailbox.lock:
                folder = mailboxes.Folder(mailbox, {"displayName": name}, parent_folder,
                                          len(mailbox.folders))
                mailbox.folders[folder.id] = folder
                container.append(folder)
            answers.append('<m:CreateFolderResponseMessage ResponseClass="Success">'
                           '<m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:Folder>'
                           '<t:FolderId Id="%s" ChangeKey="AQAAAA=="/></t:Folder></m:Folders>'
                           '</m:CreateFolderResponseMessage>' % folder.id)
        return wrap("CreateFolder", "".join(answers))

    def create_item(self, tenant, user, operation):
        """A message from MIME content into a folder (what EWS exports do); the message flags
        (PidTagMessageFlags, 0x0E07) decide whether it is read or a draft."""
        saved = operation.find("m:SavedItemFolderId", NS)
        if saved is None or not len(saved):
            raise fault("ErrorInvalidRequest", "CreateItem needs SavedItemFolderId.")
        _, folder = self.folder_by_id(tenant, user, saved[0].get("Id", ""))
        answers = []
        for item in operation.findall("m:Items/t:Message", NS):
            mime = item.findtext("t:MimeContent", "", NS)
            flags = 0
            for prop in item.findall("t:ExtendedProperty", NS):
                uri = prop.find("t:ExtendedFieldURI", NS)
                if uri is not None and uri.get("PropertyTag", "").lower() in ("0x0e07", "3591"):
                    flags = int(prop.findtext("t:Value", "0", NS) or 0)
            message = mailboxes.Message(folder, {"raw": mime}, len(folder.messages))
            message.is_read = bool(flags & 1)
            message.is_draft = not flags or bool(flags & 8)
            with folder.mailbox.lock:
                folder.add(message)
            answers.append('<m:CreateItemResponseMessage ResponseClass="Success">'
                           '<m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message>'
                           '<t:ItemId Id="%s" ChangeKey="CQAAAA=="/></t:Message></m:Items>'
                           '</m:CreateItemResponseMessage>' % message.id)
        return wrap("CreateItem", "".join(answers))

    def delete_item(self, tenant, user, operation):
        """DeleteType MoveToDeletedItems (or HardDelete): the item leaves its folder."""
        answers = []
        ids = operation.find("m:ItemIds", NS)
        for item_id in (ids if ids is not None else []):
            message = self.find_message(tenant, user, item_id.get("Id", ""))
            if message is None:
                answers.append(response_message("DeleteItem", "ErrorItemNotFound",
                                                "The specified object was not found in the "
                                                "store."))
                continue
            message.folder.remove(message)
            answers.append('<m:DeleteItemResponseMessage ResponseClass="Success">'
                           '<m:ResponseCode>NoError</m:ResponseCode>'
                           '</m:DeleteItemResponseMessage>')
        return wrap("DeleteItem", "".join(answers))

    def find_item(self, tenant, user, operation):
        parent = operation.find("m:ParentFolderIds", NS)
        if parent is None or not len(parent):
            raise fault("ErrorInvalidRequest", "FindItem needs ParentFolderIds.")
        _, folder = self.folder_by_id(tenant, user, parent[0].get("Id", ""))
        view = operation.find("m:IndexedPageItemView", NS)
        offset = int(view.get("Offset", "0")) if view is not None else 0
        wanted = int(view.get("MaxEntriesReturned", "1000")) if view is not None else 1000
        # EWSFindCountLimit: the server may hand out less than asked for.
        limit = int(tenant.get("ewsFindCountLimit", DEFAULT_FIND_LIMIT))
        live = [m for m in folder.messages if not m.deleted]
        page = live[offset:offset + min(wanted, limit)]
        last = offset + len(page) >= len(live)
        items = "".join(
            '<t:Message><t:ItemId Id="%s" ChangeKey="CQAAAA=="/><t:DateTimeReceived>%s'
            '</t:DateTimeReceived><t:Size>%d</t:Size><t:IsRead>%s</t:IsRead>'
            '<t:LastModifiedTime>%s</t:LastModifiedTime></t:Message>'
            % (m.id, m.received, len(m.raw), "true" if m.is_read else "false", m.last_modified)
            for m in page)
        return wrap("FindItem", '<m:FindItemResponseMessage ResponseClass="Success">'
                    '<m:ResponseCode>NoError</m:ResponseCode><m:RootFolder '
                    'IndexedPagingOffset="%d" TotalItemsInView="%d" '
                    'IncludesLastItemInRange="%s"><t:Items>%s</t:Items></m:RootFolder>'
                    '</m:FindItemResponseMessage>'
                    % (offset + len(page), len(live), "true" if last else "false", items))

    def get_item(self, tenant, user, operation):
        ids = operation.find("m:ItemIds", NS)
        answers = []
        for item_id in (ids if ids is not None else []):
            message = self.find_message(tenant, user, item_id.get("Id", ""))
            if message is None:
                answers.append(response_message("GetItem", "ErrorItemNotFound",
                                                "The specified object was not found in the "
                                                "store."))
                continue
            error = message.spec_ews_error
            if error:
                answers.append(response_message("GetItem", error, {
                    "ErrorVirusDetected": "A virus was detected in the item.",
                    "ErrorMimeContentConversionFailed": "For a GetItem operation, the MIME "
                    "content could not be generated.",
                    "ErrorItemCorrupt": "The item is corrupt."}.get(error, error)))
                continue
            answers.append('<m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>'
                           'NoError</m:ResponseCode><m:Items><t:Message><t:MimeContent '
                           'CharacterSet="UTF-8">%s</t:MimeContent><t:ItemId Id="%s" '
                           'ChangeKey="CQAAAA=="/></t:Message></m:Items>'
                           '</m:GetItemResponseMessage>'
                           % (base64.b64encode(ews_mime(message.raw)).decode(), message.id))
        return wrap("GetItem", "".join(answers))

    def find_message(self, tenant, user, message_id):
        mailboxes = [self.state.mailbox(tenant, user)]
        if user.get("archive"):
            mailboxes.append(self.state.special_mailbox(tenant, user["id"] + "/archive",
                                                        user["archive"].get("folders", [])))
        if tenant.get("publicFolders"):
            mailboxes.append(self.state.special_mailbox(
                tenant, "public", tenant["publicFolders"].get("folders", [])))
        for mailbox in mailboxes:
            found = mailbox.message(message_id)
            if found is not None:
                return found
        return None
