"""RSA signatures as JWS uses them (RFC 7518): RS256 (PKCS#1 v1.5) and PS256 (PSS, MGF1-SHA-256,
a salt as long as the digest), checked with Python's integers and hashlib only."""

import hashlib
import hmac

_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _octets(n):
    return (n.bit_length() + 7) // 8


def sign_rs256(n, d, message):
    k = _octets(n)
    digest = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    padded = b"\x00\x01" + b"\xff" * (k - len(digest) - 3) + b"\x00" + digest
    return pow(int.from_bytes(padded, "big"), d, n).to_bytes(k, "big")


def verify_rs256(n, e, message, signature):
    k = _octets(n)
    if len(signature) != k:
        return False
    padded = pow(int.from_bytes(signature, "big"), e, n).to_bytes(k, "big")
    digest = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    expected = b"\x00\x01" + b"\xff" * (k - len(digest) - 3) + b"\x00" + digest
    return hmac.compare_digest(padded, expected)


def _mgf1(seed, length):
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return out[:length]


def verify_ps256(n, e, message, signature, salt_length=32):
    """EMSA-PSS-VERIFY of RFC 8017 9.1.2."""
    k = _octets(n)
    if len(signature) != k:
        return False
    em_bits = n.bit_length() - 1
    em_len = (em_bits + 7) // 8
    m = pow(int.from_bytes(signature, "big"), e, n)
    if m.bit_length() > em_bits:
        return False
    em = m.to_bytes(em_len, "big")
    h_len = 32
    if em_len < h_len + salt_length + 2 or em[-1] != 0xBC:
        return False
    masked_db = em[:em_len - h_len - 1]
    h = em[em_len - h_len - 1:-1]
    unused = 8 * em_len - em_bits  # leading bits of the encoding that must be zero
    if unused and masked_db[0] >> (8 - unused):
        return False
    db = bytearray(a ^ b for a, b in zip(masked_db, _mgf1(h, len(masked_db))))
    if unused:
        db[0] &= 0xFF >> unused
    padding = em_len - h_len - salt_length - 2
    if any(db[:padding]) or db[padding] != 0x01:
        return False
    salt = bytes(db[padding + 1:])
    m_hash = hashlib.sha256(message).digest()
    return hmac.compare_digest(h, hashlib.sha256(b"\x00" * 8 + m_hash + salt).digest())
