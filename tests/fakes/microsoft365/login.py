"""The fake Entra ID token endpoint: the client-credentials grant with a certificate assertion,
checked in the order and answered with the errors of the protocol notes (section 1.4, 7.2)."""

import datetime
import hashlib
import json
import time
import urllib.parse
import uuid

import der
import jws
from rsa import verify_ps256, verify_rs256

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

# The resources of each cloud: their .default scope prefix, and which permission set they use.
RESOURCES = {
    "global": {"https://graph.microsoft.com": "graph", "https://outlook.office365.com": "exchange"},
    "china": {"https://microsoftgraph.chinacloudapi.cn": "graph",
              "https://partner.outlook.cn": "exchange"},
}


class TokenError(Exception):
    def __init__(self, status, error, code, description):
        super().__init__(description)
        self.status = status
        self.error = error
        self.code = code
        self.description = description

    def body(self):
        trace = str(uuid.uuid4())
        correlation = str(uuid.uuid4())
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
        return {
            "error": self.error,
            "error_description": "AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\n"
                                 "Timestamp: %s" % (self.code, self.description, trace,
                                                    correlation, stamp),
            "error_codes": [self.code],
            "timestamp": stamp,
            "trace_id": trace,
            "correlation_id": correlation,
            "error_uri": "https://login.microsoftonline.com/error?code=%d" % self.code,
        }


def _certificates(app):
    """(sha1, sha256, parsed) of each certificate uploaded to the app."""
    found = []
    for pem in app.get("certificates", []):
        body = der.pem_to_der(pem, "CERTIFICATE")
        found.append((hashlib.sha1(body).digest(), hashlib.sha256(body).digest(),
                      der.certificate(body)))
    return found


class Login:
    def __init__(self, state, cloud):
        self.state = state  # shared with the Graph side: scenario, clock, log, signing key
        self.cloud = cloud

    def find_tenant(self, name):
        for tenant in self.state.scenario.get("tenants", []):
            if name.lower() in [tenant["id"].lower()] + [d.lower() for d in
                                                         tenant.get("domains", [])]:
                return tenant
        return None

    def token(self, tenant_name, form, own_url):
        """The token response for a POST to /{tenant}/oauth2/v2.0/token, or TokenError."""
        now = self.state.now()
        grant = form.get("grant_type", "")
        if tenant_name.lower() in ("common", "consumers"):
            raise TokenError(400, "invalid_request", 9001023,
                             "The grant type isn't supported over the /common or /consumers "
                             "endpoints. Please use the /organizations or tenant-specific "
                             "endpoint.")
        tenant = self.find_tenant(tenant_name)
        if tenant is None:
            raise TokenError(400, "invalid_request", 90002,
                             "Tenant '%s' not found. Check to make sure you have the correct "
                             "tenant ID and are signing into the correct cloud." % tenant_name)
        if tenant.get("cloud", "global") != self.cloud:
            raise TokenError(400, "invalid_request", 90038,
                             "Tenant '%s' is not in this cloud (NationalCloudTenantRedirection)."
                             % tenant_name)
        if grant != "client_credentials":
            raise TokenError(400, "unsupported_grant_type", 70003,
                             "The app requested an unsupported grant type '%s'." % grant)
        client_id = form.get("client_id", "")
        app = next((a for a in tenant.get("apps", []) if a["appId"].lower() == client_id.lower()),
                   None)
        if app is None:
            raise TokenError(400, "unauthorized_client", 700016,
                             "Application with identifier '%s' was not found in the directory "
                             "'%s'. This can happen if the application has not been installed "
                             "by the administrator of the tenant or consented to by any user in "
                             "the tenant." % (client_id, tenant_name))
        assertion = form.get("client_assertion")
        if not assertion and not form.get("client_secret"):
            raise TokenError(400, "invalid_client", 7000218,
                             "The request body must contain the following parameter: "
                             "'client_assertion' or 'client_secret'.")
        if form.get("client_assertion_type") != ASSERTION_TYPE:
            raise TokenError(400, "invalid_request", 900144,
                             "The request body must contain the following parameter: "
                             "'client_assertion_type'.")
        claims = self._check_assertion(assertion, app, tenant, own_url, now)
        resource, permissions = self._resource(form.get("scope", ""))
        lifetime = int(self.state.scenario.get("tokenLifetimeSeconds", 3600))
        issued = int(now)
        token_claims = {
            "aud": resource,
            "iss": "https://sts.windows.net/%s/" % tenant["id"],
            "iat": issued, "nbf": issued, "exp": issued + lifetime,
            "appid": app["appId"], "tid": tenant["id"], "oid": app.get("objectId", app["appId"]),
            "idtyp": "app", "ver": "1.0", "jti": str(uuid.uuid4()),
        }
        roles = app.get("roles", {}).get(permissions, [])
        if roles:  # without consent the token comes anyway, without roles
            token_claims["roles"] = roles
        self.state.record_assertion(claims)
        return {
            "token_type": "Bearer",
            "expires_in": lifetime,
            "ext_expires_in": lifetime,
            "access_token": jws.mint(self.state.signing_key, token_claims, self.state.key_id),
        }

    def _check_assertion(self, assertion, app, tenant, own_url, now):
        try:
            header, claims, signing_input, signature = jws.split(assertion)
        except (ValueError, json.JSONDecodeError, UnicodeDecodeError):
            raise TokenError(400, "invalid_client", 50027,
                             "JWT token is invalid or malformed.")
        algorithm = header.get("alg")
        if algorithm not in ("RS256", "PS256"):
            raise TokenError(400, "invalid_client", 5002738,
                             "Invalid JWT token. '%s' is not a supported signature algorithm."
                             % algorithm)
        wanted = None
        if "x5t#S256" in header:
            wanted = ("sha256", jws.unb64url(header["x5t#S256"]))
        elif "x5t" in header:
            wanted = ("sha1", jws.unb64url(header["x5t"]))
        match = None
        for sha1, sha256, parsed in _certificates(app):
            if wanted and ((wanted[0] == "sha1" and wanted[1] == sha1) or
                           (wanted[0] == "sha256" and wanted[1] == sha256)):
                match = (sha1, parsed)
        if match is None:
            used = wanted[1].hex().upper() if wanted else ""
            raise TokenError(401, "invalid_client", 700027,
                             "Client assertion contains an invalid signature. [Reason - The key "
                             "was not found., Thumbprint of key used by client: '%s', Please "
                             "visit the Azure Portal, Graph Explorer or directly use MS Graph "
                             "to see configured keys for app Id '%s'.]" % (used, app["appId"]))
        sha1, parsed = match
        verify = verify_ps256 if algorithm == "PS256" else verify_rs256
        if not verify(parsed["n"], parsed["e"], signing_input, signature):
            raise TokenError(401, "invalid_client", 700027,
                             "Client assertion contains an invalid signature. [Reason - Key was "
                             "found, but use of the key to verify the signature failed., "
                             "Thumbprint of key used by client: '%s']" % sha1.hex().upper())
        moment = datetime.datetime.fromtimestamp(now, datetime.timezone.utc)
        if not parsed["not_before"] <= moment <= parsed["not_after"]:
            raise TokenError(401, "invalid_client", 700027,
                             "Client assertion contains an invalid signature. [Reason - The "
                             "certificate has expired or is not yet valid., Thumbprint of key "
                             "used by client: '%s']" % sha1.hex().upper())
        audiences = set()
        for name in [tenant["id"]] + tenant.get("domains", []):
            audiences.add("%s/%s/oauth2/v2.0/token" % (own_url, name))
            audiences.add("%s/%s/oauth2/token" % (own_url, name))
        if claims.get("aud") not in audiences:
            raise TokenError(400, "invalid_client", 50027,
                             "Invalid JWT token. Token has an invalid audience '%s'."
                             % claims.get("aud"))
        if claims.get("iss") != app["appId"] or claims.get("sub") != claims.get("iss"):
            raise TokenError(400, "invalid_client", 50048,
                             "Subject mismatches Issuer claim in the client assertion.")
        skew = 300
        nbf = claims.get("nbf", 0)
        exp = claims.get("exp", 0)
        if not isinstance(nbf, (int, float)) or not isinstance(exp, (int, float)) or \
                not nbf - skew <= now <= exp:
            raise TokenError(400, "invalid_client", 700024,
                             "Client assertion is not within its valid time range. Current "
                             "time: %s, assertion valid from %s, expiry time of assertion %s."
                             % (_iso(now), _iso(nbf), _iso(exp)))
        if not claims.get("jti"):
            raise TokenError(400, "invalid_client", 50027, "Invalid JWT token. No jti claim.")
        return {"header": header, "claims": claims}

    def _resource(self, scope):
        scopes = scope.split()
        if not scopes:
            raise TokenError(400, "invalid_scope", 70011, "The provided value for the input "
                             "parameter 'scope' is not valid.")
        resources = set()
        for item in scopes:
            if not item.endswith("/.default"):
                raise TokenError(400, "invalid_scope", 1002012,
                                 "The provided value for scope %s is not valid. Client "
                                 "credential flows must have a scope value with /.default "
                                 "suffixed to the resource identifier (application ID URI)."
                                 % item)
            resources.add(item[:-len("/.default")])
        if len(resources) > 1:
            raise TokenError(400, "invalid_scope", 700022,
                             "The provided value for the input parameter scope is not valid "
                             "because it contains more than one resource.")
        resource = resources.pop()
        permissions = RESOURCES[self.cloud].get(resource)
        if permissions is None:
            raise TokenError(400, "invalid_resource", 500011,
                             "The resource principal named %s was not found in the tenant."
                             % resource)
        return resource, permissions


def _iso(seconds):
    try:
        return datetime.datetime.fromtimestamp(float(seconds), datetime.timezone.utc) \
            .strftime("%m/%d/%Y %H:%M:%S")
    except (TypeError, ValueError, OverflowError):
        return str(seconds)


def parse_form(body):
    return {k: v[0] for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace"),
                                                      keep_blank_values=True).items()}
