#!/usr/bin/env python3
# Fills translations/mailkeep_en.ts: English needs a file only for its plural forms
# (lupdate -pluralonly); every other text is shown as written in the source.
import sys
import xml.etree.ElementTree as ET

PLURALS = {
    "%n message(s)": ("%n message", "%n messages"),
    "%n message(s) so far": ("%n message so far", "%n messages so far"),
    "%n message(s) found": ("%n message found", "%n messages found"),
    "Export %n message(s) as:": ("Export %n message as:", "Export %n messages as:"),
    "Delete %n message(s) from the archive for good? The reason is written to the audit log:":
        ("Delete %n message from the archive for good? The reason is written to the audit log:",
         "Delete %n messages from the archive for good? The reason is written to the audit log:"),
    "<b>%1</b> messages in %n archive store(s): <b>%2</b> of mail take <b>%3</b> on disk.":
        ("<b>%1</b> messages in %n archive store: <b>%2</b> of mail take <b>%3</b> on disk.",
         "<b>%1</b> messages in %n archive stores: <b>%2</b> of mail take <b>%3</b> on disk."),
}

path = sys.argv[1] if len(sys.argv) > 1 else 'translations/mailkeep_en.ts'
tree = ET.parse(path)
missing = []
for message in tree.getroot().iter('message'):
    source = message.find('source').text
    translation = message.find('translation')
    if source not in PLURALS:
        missing.append(source)
        continue
    translation.attrib.pop('type', None)
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    for form in PLURALS[source]:
        ET.SubElement(translation, 'numerusform').text = form
tree.write(path, encoding='utf-8', xml_declaration=False)
with open(path, encoding='utf-8') as written:
    body = written.read()
with open(path, 'w', encoding='utf-8') as final:
    final.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n')
if missing:
    print('plural forms missing:', *missing, sep='\n  ')
    sys.exit(1)
