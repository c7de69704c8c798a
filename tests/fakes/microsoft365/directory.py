"""The fake directory (Directory.Read.All): /users, /groups and group members as Graph answers
them. Only the fields asked for with $select come back (without it, Graph's small default set,
which lacks accountEnabled, proxyAddresses and assignedPlans); pages follow $top (default 100,
at most 999) with an opaque, tamper-proof $skiptoken; the $filter subset the notes list, with
the advanced ones refused unless ConsistencyLevel: eventual and $count=true come along."""

import re
import urllib.parse

DEFAULT_USER_FIELDS = ["businessPhones", "displayName", "givenName", "jobTitle", "mail",
                       "mobilePhone", "officeLocation", "preferredLanguage", "surname",
                       "userPrincipalName", "id"]
USER_FIELDS = DEFAULT_USER_FIELDS + ["accountEnabled", "userType", "proxyAddresses",
                                     "assignedLicenses", "assignedPlans", "provisionedPlans",
                                     "onPremisesSyncEnabled"]
GROUP_FIELDS = ["id", "displayName", "description", "mail", "mailEnabled", "mailNickname",
                "securityEnabled", "groupTypes", "proxyAddresses"]

GROUP_PATH = re.compile(r"^/v1\.0/groups/([^/]+)/(members|transitiveMembers)"
                        r"(/microsoft\.graph\.user)?$")


class DirectoryError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def user_defaults(user):
    """A scenario user as the directory holds it (Graph's values where the scenario is silent)."""
    full = {"businessPhones": [], "givenName": None, "jobTitle": None, "mobilePhone": None,
            "officeLocation": None, "preferredLanguage": None, "surname": None,
            "accountEnabled": True, "userType": "Member", "proxyAddresses": [],
            "assignedLicenses": [], "assignedPlans": [], "provisionedPlans": [],
            "onPremisesSyncEnabled": None, "displayName": user.get("userPrincipalName"),
            "mail": None}
    full.update({k: v for k, v in user.items() if k in USER_FIELDS})
    return full


def group_defaults(group):
    full = {"description": None, "mail": None, "mailEnabled": False, "mailNickname": "",
            "securityEnabled": False, "groupTypes": [], "proxyAddresses": []}
    full.update({k: v for k, v in group.items() if k in GROUP_FIELDS})
    return full


def selected(item, query, default_fields, known_fields, odata_type=None):
    fields = default_fields
    if "$select" in query:
        fields = [f.strip() for f in query["$select"].split(",") if f.strip()]
        unknown = [f for f in fields if f not in known_fields]
        if unknown:
            raise DirectoryError(400, "Request_BadRequest",
                                 "Could not find a property named '%s' on type "
                                 "'microsoft.graph.%s'." % (unknown[0], odata_type or "user"))
    answer = {f: item.get(f) for f in fields}
    if odata_type:
        answer = dict({"@odata.type": "#microsoft.graph." + odata_type}, **answer)
    return answer


# --- $filter ---------------------------------------------------------------------------------
SIMPLE_FILTERS = {
    "accountEnabled eq true": lambda u: u["accountEnabled"] is True,
    "accountEnabled eq false": lambda u: u["accountEnabled"] is False,
    "userType eq 'Member'": lambda u: u["userType"] == "Member",
    "userType eq 'Guest'": lambda u: u["userType"] == "Guest",
    "securityEnabled eq true": lambda g: g["securityEnabled"] is True,
    "mailEnabled eq true": lambda g: g["mailEnabled"] is True,
    "groupTypes/any(c:c eq 'Unified')": lambda g: "Unified" in g["groupTypes"],
}
ADVANCED_FILTERS = {
    "assignedLicenses/$count ne 0": lambda u: len(u["assignedLicenses"]) > 0,
}


def filtered(items, query, headers):
    text = query.get("$filter")
    if text is None:
        return items
    text = text.strip()
    if text in SIMPLE_FILTERS:
        return [i for i in items if SIMPLE_FILTERS[text](i)]
    if text in ADVANCED_FILTERS:
        if headers.get("ConsistencyLevel", "").lower() != "eventual" or \
                query.get("$count", "").lower() != "true":
            raise DirectoryError(400, "Request_UnsupportedQuery",
                                 "Unsupported Query. This query needs the header "
                                 "ConsistencyLevel: eventual and $count=true.")
        return [i for i in items if ADVANCED_FILTERS[text](i)]
    raise DirectoryError(400, "Request_UnsupportedQuery", "Unsupported Query.")


class Directory:
    """Answers the directory requests of one tenant. tokens makes and reads skip tokens."""

    def __init__(self, tenant, tokens):
        self.tenant = tenant
        self.tokens = tokens

    def users(self):
        return [user_defaults(u) for u in self.tenant.get("users", [])]

    def groups(self):
        return [group_defaults(g) for g in self.tenant.get("groups", [])]

    def handle(self, path, query, headers, own_url):
        if path == "/v1.0/users":
            items = filtered(self.users(), query, headers)
            items = [selected(u, query, DEFAULT_USER_FIELDS, USER_FIELDS) for u in items]
        elif path == "/v1.0/groups":
            items = filtered(self.groups(), query, headers)
            items = [selected(g, query, GROUP_FIELDS, GROUP_FIELDS, "group") for g in items]
        else:
            match = GROUP_PATH.match(path)
            if not match:
                return None
            items = self.members(urllib.parse.unquote(match.group(1)),
                                 match.group(2) == "transitiveMembers", bool(match.group(3)),
                                 query)
        answer = self.page(items, path, query, own_url)
        if query.get("$count", "").lower() == "true":
            answer["@odata.count"] = len(items)
        return answer

    def members(self, group_id, transitive, users_only, query):
        groups = {g["id"]: g for g in self.tenant.get("groups", [])}
        if group_id not in groups:
            raise DirectoryError(404, "Request_ResourceNotFound",
                                 "Resource '%s' does not exist or one of its queried "
                                 "reference-property objects are not present." % group_id)
        users = {u["id"]: u for u in self.tenant.get("users", [])}
        found, seen, todo = [], set(), [group_id]
        while todo:
            for member in groups[todo.pop(0)].get("members", []):
                if member in seen:
                    continue
                seen.add(member)
                if member in users:
                    found.append(selected(user_defaults(users[member]), query,
                                          DEFAULT_USER_FIELDS, USER_FIELDS, "user"))
                elif member in groups:
                    if transitive:
                        todo.append(member)
                    if not users_only:
                        found.append(selected(group_defaults(groups[member]), query,
                                              GROUP_FIELDS, GROUP_FIELDS, "group"))
        return found

    def page(self, items, path, query, own_url):
        top_text = query.get("$top", "100")
        try:
            top = int(top_text)
        except ValueError:
            raise DirectoryError(400, "Request_BadRequest", "Invalid $top '%s'." % top_text)
        if top < 1 or top > 999:
            raise DirectoryError(400, "Request_BadRequest",
                                 "Invalid page size specified: '%d'. Must be between 1 and "
                                 "999 inclusive." % top)
        # Graph may serve smaller pages than asked for; a scenario can make it do so.
        top = min(top, int(self.tenant.get("directoryPageSize", top)))
        start = 0
        if "$skiptoken" in query:
            cursor = self.tokens.read(query["$skiptoken"])
            if not cursor or cursor[0] != self.tenant["id"] or cursor[1] != path or \
                    cursor[3] != "page":
                raise DirectoryError(400, "Directory_InvalidSkipToken",
                                     "The specified page token value has expired or is "
                                     "invalid.")
            start = cursor[2]
        answer = {"value": items[start:start + top]}
        if start + top < len(items):
            rest = {k: v for k, v in query.items() if k != "$skiptoken"}
            rest["$skiptoken"] = self.tokens.make(self.tenant["id"], path, start + top, "page")
            answer["@odata.nextLink"] = own_url + path + "?" + urllib.parse.urlencode(rest)
        return answer
