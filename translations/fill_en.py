#!/usr/bin/env python3
# Fills translations/mailkeep_en.ts: English needs a file only for its plural forms
# (lupdate -pluralonly); every other text is shown as written in the source.
import sys
import xml.etree.ElementTree as ET

from ts_tools import set_translation, write_ts

PLURALS = {
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
