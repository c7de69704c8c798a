# What fill_de.py and fill_en.py share: setting a translation and writing the .ts back.
import xml.etree.ElementTree as ET


def set_translation(message, text):
    """Sets a message's translation; a plural message takes a (singular, plural) pair."""
    translation = message.find('translation')
    translation.attrib.pop('type', None)
    if message.get('numerus') == 'yes':
        forms = text if isinstance(text, tuple) else (text, text)
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, 'numerusform').text = form
    else:
        translation.text = text


def write_ts(tree, path):
    """Writes the file with the declaration and doctype Qt's tools expect."""
    tree.write(path, encoding='utf-8', xml_declaration=False)
    with open(path, encoding='utf-8') as written:
        body = written.read()
    with open(path, 'w', encoding='utf-8') as final:
        final.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n')
