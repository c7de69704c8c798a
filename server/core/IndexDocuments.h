#pragma once

#include "core/SearchIndex.h"
#include "mime/ParsedMessage.h"

namespace Mailkeep::Core {

// What the index holds of a parsed message: the terms of its subject, addresses (names and
// addresses), body text, attachment names and the text of text/* attachments; its date, size
// and whether it has attachments. Folder paths and the message id are added when it is stored.
IndexDocument indexDocumentFor(const Mime::ParsedMessage &message);

// The folder and every folder above it ("alice", "alice/Inbox", "alice/Inbox/2026").
QStringList folderAndAncestors(const QString &path);

} // namespace Mailkeep::Core
