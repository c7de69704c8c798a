"""The fake's mailboxes: folder trees and messages (raw MIME bytes plus Graph metadata) built
from the scenario, a change log per folder for delta queries, and their tokens."""

import base64
import hashlib
import hmac
import json
import os
import threading

import jws


class Message:
    def __init__(self, folder, spec, number):
        self.folder = folder
        self.id = spec.get("id") or "AAMkAG%s" % hashlib.sha1(
            ("%s/%d" % (folder.id, number)).encode()).hexdigest()
        if "raw" in spec:
            self.raw = base64.b64decode(spec["raw"])
        else:
            with open(spec["file"], "rb") as file:
                self.raw = file.read()
        self.received = spec.get("receivedDateTime", "2026-03-01T10:00:00Z")
        # Bumped by moves and changes; what EWS archiving picks up changes by.
        self.last_modified = spec.get("lastModifiedDateTime", self.received)
        self.is_read = spec.get("isRead", False)
        self.internet_message_id = spec.get("internetMessageId", "<%s@fake>" % self.id)
        self.conversion_fails = spec.get("conversionFails", False)
        self.spec_ews_error = spec.get("ewsError")  # GetItem answers this ResponseCode
        self.deleted = False

    def json(self):
        return {"@odata.type": "#microsoft.graph.message", "id": self.id,
                "internetMessageId": self.internet_message_id,
                "receivedDateTime": self.received, "isRead": self.is_read,
                "parentFolderId": self.folder.id}


class Folder:
    def __init__(self, mailbox, spec, parent, number):
        self.mailbox = mailbox
        self.name = spec["displayName"]
        self.id = spec.get("id") or "AAMkFolder%s" % hashlib.sha1(
            ("%s/%s/%d" % (mailbox.user_id, self.name, number)).encode()).hexdigest()[:16]
        self.parent = parent
        self.hidden = spec.get("isHidden", False)
        # Folders EWS shows and Graph's mailFolders never lists (the conversion preflight).
        self.not_in_graph = spec.get("notInGraph", False)
        self.well_known = spec.get("wellKnownName")
        self.children = []
        self.messages = []
        self.changes = []  # (sequence, message, "created" | "deleted")
        for message in spec.get("messages", []):
            self.add(Message(self, message, len(self.messages)))

    def add(self, message):
        self.messages.append(message)
        self.changes.append((self.mailbox.next_sequence(), message, "created"))

    def remove(self, message):
        message.deleted = True
        self.changes.append((self.mailbox.next_sequence(), message, "deleted"))

    def path(self):
        return (self.parent.path() + "/" if self.parent else "") + self.name

    def json(self):
        live = [m for m in self.messages if not m.deleted]
        return {"id": self.id, "displayName": self.name,
                "parentFolderId": self.parent.id if self.parent else "msgfolderroot",
                "childFolderCount": len(self.children), "totalItemCount": len(live),
                "unreadItemCount": len([m for m in live if not m.is_read]),
                "isHidden": self.hidden}


class Mailbox:
    def __init__(self, user_id, folders):
        self.user_id = user_id
        self.sequence = 0
        self.lock = threading.RLock()
        self.folders = {}
        self.roots = [self._folder(spec, None) for spec in folders]
        self.evicted_before = 0  # delta tokens older than this sequence are gone (410)

    def next_sequence(self):
        self.sequence += 1
        return self.sequence

    def _folder(self, spec, parent):
        folder = Folder(self, spec, parent, len(self.folders))
        self.folders[folder.id] = folder
        for child in spec.get("childFolders", []):
            folder.children.append(self._folder(child, folder))
        return folder

    def by_well_known(self, name):
        for folder in self.folders.values():
            if folder.well_known == name:
                return folder
        return None

    def message(self, message_id):
        for folder in self.folders.values():
            for message in folder.messages:
                if message.id == message_id and not message.deleted:
                    return message
        return None

    def folder_by_path(self, path):
        level = self.roots
        found = None
        for name in path.split("/"):
            found = next((f for f in level if f.name == name), None)
            if found is None:
                return None
            level = found.children
        return found


class DeltaTokens:
    """Opaque, tamper-proof tokens: HMAC over (mailbox, folder, sequence, kind)."""

    def __init__(self):
        self.key = os.urandom(32)

    def make(self, user_id, folder_id, sequence, kind):
        body = json.dumps([user_id, folder_id, sequence, kind]).encode()
        tag = hmac.new(self.key, body, hashlib.sha256).digest()[:16]
        return jws.b64url(body + tag)

    def read(self, token):
        try:
            raw = jws.unb64url(token)
        except (ValueError, TypeError):
            return None
        body, tag = raw[:-16], raw[-16:]
        if not hmac.compare_digest(tag, hmac.new(self.key, body, hashlib.sha256).digest()[:16]):
            return None
        return json.loads(body)
