"""Compact JWS (RFC 7515): splitting, base64url, and the fake's own RS256 tokens."""

import base64
import json

from rsa import sign_rs256, verify_rs256


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def split(token):
    """(header, claims, signing input, signature); ValueError when it is not a JWS."""
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("not a compact JWS")
    header = json.loads(unb64url(parts[0]))
    claims = json.loads(unb64url(parts[1]))
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise ValueError("header and claims must be JSON objects")
    return header, claims, (parts[0] + "." + parts[1]).encode("ascii"), unb64url(parts[2])


def mint(key, claims, kid):
    n, _, d = key
    header = {"typ": "JWT", "alg": "RS256", "kid": kid}
    signing_input = (b64url(json.dumps(header).encode()) + "." +
                     b64url(json.dumps(claims).encode())).encode("ascii")
    return signing_input.decode("ascii") + "." + b64url(sign_rs256(n, d, signing_input))


def verify_own(key, token):
    """The claims of a token this fake minted, or None."""
    n, e, _ = key
    try:
        header, claims, signing_input, signature = split(token)
    except (ValueError, json.JSONDecodeError, UnicodeDecodeError):
        return None
    if header.get("alg") != "RS256" or not verify_rs256(n, e, signing_input, signature):
        return None
    return claims
