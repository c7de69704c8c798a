"""Just enough DER (X.690) to read X.509 certificates and PKCS#8 RSA keys: the fake checks
client assertions against uploaded certificates without any third-party module."""

import base64
import datetime

SEQUENCE = 0x30
INTEGER = 0x02
BIT_STRING = 0x03
OCTET_STRING = 0x04
UTC_TIME = 0x17
GENERALIZED_TIME = 0x18


def pem_to_der(pem, label):
    text = pem.decode("ascii") if isinstance(pem, bytes) else pem
    begin = "-----BEGIN %s-----" % label
    end = "-----END %s-----" % label
    start = text.find(begin)
    stop = text.find(end, start)
    if start < 0 or stop < 0:
        raise ValueError("no PEM block %s" % label)
    return base64.b64decode("".join(text[start + len(begin):stop].split()))


def read(data, offset=0):
    """(tag, value bytes, offset after the element) of the element at offset."""
    tag = data[offset]
    length = data[offset + 1]
    offset += 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4:
            raise ValueError("unsupported DER length")
        length = int.from_bytes(data[offset:offset + count], "big")
        offset += count
    if offset + length > len(data):
        raise ValueError("truncated DER")
    return tag, data[offset:offset + length], offset + length


def children(value):
    """The elements inside a constructed value."""
    items = []
    offset = 0
    while offset < len(value):
        tag, inner, offset = read(value, offset)
        items.append((tag, inner))
    return items


def integer(value):
    return int.from_bytes(value, "big", signed=False)


def _time(tag, value):
    text = value.decode("ascii")
    if tag == UTC_TIME:
        stamp = datetime.datetime.strptime(text, "%y%m%d%H%M%SZ")
    else:
        stamp = datetime.datetime.strptime(text, "%Y%m%d%H%M%SZ")
    return stamp.replace(tzinfo=datetime.timezone.utc)


def certificate(der_bytes):
    """{'n', 'e', 'not_before', 'not_after'} of an RSA X.509 certificate."""
    tag, cert, _ = read(der_bytes)
    if tag != SEQUENCE:
        raise ValueError("not a certificate")
    tbs = children(children(cert)[0][1])
    if tbs[0][0] == 0xA0:  # [0] version
        tbs = tbs[1:]
    # serial, signature algorithm, issuer, validity, subject, subjectPublicKeyInfo
    validity = children(tbs[3][1])
    spki = children(tbs[5][1])
    if spki[1][0] != BIT_STRING:
        raise ValueError("no public key")
    key = children(read(spki[1][1][1:])[1])  # skip the unused-bits byte
    return {
        "n": integer(key[0][1]),
        "e": integer(key[1][1]),
        "not_before": _time(*validity[0]),
        "not_after": _time(*validity[1]),
    }


def rsa_private_key(der_bytes):
    """(n, e, d) of a PKCS#8 (or PKCS#1) RSA private key."""
    tag, outer, _ = read(der_bytes)
    items = children(outer)
    if len(items) == 3 and items[2][0] == OCTET_STRING:  # PKCS#8 PrivateKeyInfo
        items = children(read(items[2][1])[1])
    return integer(items[1][1]), integer(items[2][1]), integer(items[3][1])
