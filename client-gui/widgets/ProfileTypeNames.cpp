#include "widgets/ProfileTypeNames.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

// What each profile type is called in the lists.
QString profileTypeName(const QString &type)
{
    static const QHash<QString, const char *> names{
        {u"emlFolder"_s, QT_TRANSLATE_NOOP("ProfileTypes", "EML files in a folder")},
        {u"mboxFile"_s, QT_TRANSLATE_NOOP("ProfileTypes", "MBOX file")},
        {u"bulkImport"_s, QT_TRANSLATE_NOOP("ProfileTypes", "Bulk import (a folder per user)")},
        {u"imapMailbox"_s, QT_TRANSLATE_NOOP("ProfileTypes", "IMAP mailbox")},
        {u"imapMultiple"_s, QT_TRANSLATE_NOOP("ProfileTypes", "IMAP, several mailboxes")},
        {u"imapJournal"_s, QT_TRANSLATE_NOOP("ProfileTypes", "IMAP journal mailbox")},
        {u"microsoft365Mailbox"_s, QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365 mailbox")},
        {u"microsoft365Multiple"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365, several mailboxes")},
        {u"microsoft365EwsMailbox"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365 mailbox (EWS)")},
        {u"microsoft365EwsMultiple"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365, several mailboxes (EWS)")},
        {u"microsoft365EwsArchiveMailbox"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365 archive mailbox (EWS)")},
        {u"microsoft365EwsMultipleArchive"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365, several archive mailboxes (EWS)")},
        {u"microsoft365EwsPublicFolders"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365 public folders (EWS)")},
        {u"exportDirectory"_s, QT_TRANSLATE_NOOP("ProfileTypes", "EML files in a folder")},
        {u"exportMbox"_s, QT_TRANSLATE_NOOP("ProfileTypes", "MBOX file")},
        {u"exportImap"_s, QT_TRANSLATE_NOOP("ProfileTypes", "IMAP mailbox")},
        {u"microsoft365Export"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365 mailbox (IMAP)")},
        {u"microsoft365EwsExport"_s,
         QT_TRANSLATE_NOOP("ProfileTypes", "Microsoft 365 mailbox (EWS)")},
    };
    const char *name = names.value(type);
    return name ? QCoreApplication::translate("ProfileTypes", name) : type;
}

} // namespace Mailkeep::ClientWidgets
