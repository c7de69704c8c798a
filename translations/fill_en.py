#!/usr/bin/env python3
# Fills translations/mailkeep_en.ts: English needs a file only for its plural forms
# (lupdate -pluralonly); every other text is shown as written in the source.
import sys
import xml.etree.ElementTree as ET

from ts_tools import set_translation, write_ts

PLURALS = {
    "%n profile(s)": ("%n profile", "%n profiles"),
    "The certificate expires in %n day(s).": ("The certificate expires in %n day.", "The certificate expires in %n days."),
    "%n mailbox(es) could not be read through both EWS and Microsoft Graph: see the note, fix it and run the report again.":
        ("%n mailbox could not be read through both EWS and Microsoft Graph: see the note, fix it and run the report again.",
         "%n mailboxes could not be read through both EWS and Microsoft Graph: see the notes, fix them and run the report again."),
    "about %n minute(s)": ("about %n minute", "about %n minutes"),
    "about %n hour(s)": ("about %n hour", "about %n hours"),
    "Microsoft switches EWS off on %1, in %n day(s); tenants have been blocking it since 1 October 2026 unless they allowed it again.":
        ("Microsoft switches EWS off on %1, in %n day; tenants have been blocking it since 1 October 2026 unless they allowed it again.",
         "Microsoft switches EWS off on %1, in %n days; tenants have been blocking it since 1 October 2026 unless they allowed it again."),
    "%n profile(s) still use EWS and can be converted: test them, then convert.":
        ("%n profile still uses EWS and can be converted: test it, then convert it.",
         "%n profiles still use EWS and can be converted: test them, then convert them."),
    "%n profile(s) archive archive mailboxes or public folders, which Microsoft Graph cannot reach: they stop working when EWS ends.":
        ("%n profile archives archive mailboxes or public folders, which Microsoft Graph cannot reach: it stops working when EWS ends.",
         "%n profiles archive archive mailboxes or public folders, which Microsoft Graph cannot reach: they stop working when EWS ends."),
    "%n profile(s) already use Microsoft Graph or IMAP.":
        ("%n profile already uses Microsoft Graph or IMAP.", "%n profiles already use Microsoft Graph or IMAP."),
    "%1 now uses %2 (%n folder(s) handed over).":
        ("%1 now uses %2 (%n folder handed over).", "%1 now uses %2 (%n folders handed over)."),
    "%n folder(s) are not reached by Microsoft Graph.":
        ("%n folder is not reached by Microsoft Graph.", "%n folders are not reached by Microsoft Graph."),
    "%n message(s)": ("%n message", "%n messages"),
    "The certificate of the Microsoft 365 credential \"%1\" expires in %n day(s): create a new certificate and upload it to Entra ID.":
        ("The certificate of the Microsoft 365 credential \"%1\" expires in %n day: create a new certificate and upload it to Entra ID.",
         "The certificate of the Microsoft 365 credential \"%1\" expires in %n days: create a new certificate and upload it to Entra ID."),
    "%n message(s) so far": ("%n message so far", "%n messages so far"),
    "%n Microsoft 365 profile(s) still use EWS, which Microsoft switches off in %1 days: convert them to Microsoft Graph with the Microsoft 365 profile conversion tool.":
        ("%n Microsoft 365 profile still uses EWS, which Microsoft switches off in %1 days: convert it to Microsoft Graph with the Microsoft 365 profile conversion tool.",
         "%n Microsoft 365 profiles still use EWS, which Microsoft switches off in %1 days: convert them to Microsoft Graph with the Microsoft 365 profile conversion tool."),
    "%n Microsoft 365 profile(s) archive archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so they stop working when EWS ends (in %1 days, or sooner where the tenant blocks EWS).":
        ("%n Microsoft 365 profile archives archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so it stops working when EWS ends (in %1 days, or sooner where the tenant blocks EWS).",
         "%n Microsoft 365 profiles archive archive mailboxes or public folders over EWS; Microsoft Graph cannot reach them, so they stop working when EWS ends (in %1 days, or sooner where the tenant blocks EWS)."),
    "%n message(s) found": ("%n message found", "%n messages found"),
    "Export %n message(s) as:": ("Export %n message as:", "Export %n messages as:"),
    "Delete %n message(s) from the archive for good? The reason is written to the audit log:":
        ("Delete %n message from the archive for good? The reason is written to the audit log:",
         "Delete %n messages from the archive for good? The reason is written to the audit log:"),
    "<b>%1</b> messages in %n archive store(s): <b>%2</b> of mail take <b>%3</b> on disk.":
        ("<b>%1</b> messages in %n archive store: <b>%2</b> of mail take <b>%3</b> on disk.",
         "<b>%1</b> messages in %n archive stores: <b>%2</b> of mail take <b>%3</b> on disk."),
    "Move %n message(s) into this folder:":
        ("Move %n message into this folder:", "Move %n messages into this folder:"),
    "%n message(s) stayed where they were: the folder holds them already.":
        ("%n message stayed where it was: the folder holds it already.",
         "%n messages stayed where they were: the folder holds them already."),
}


path = sys.argv[1] if len(sys.argv) > 1 else 'translations/mailkeep_en.ts'
tree = ET.parse(path)
missing = []
for message in tree.getroot().iter('message'):
    source = message.find('source').text
    if source not in PLURALS:
        missing.append(source)
        continue
    set_translation(message, PLURALS[source])
write_ts(tree, path)
if missing:
    print('plural forms missing:', *missing, sep='\n  ')
    sys.exit(1)
