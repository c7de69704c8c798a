"""JSON batching (POST /v1.0/$batch) as Graph does it: at most 20 requests with unique ids
and relative URLs, each dispatched through the same handlers and throttling as on its own
(so an inner request can be throttled with 429 while the batch itself answers 200), answers
in any order, binary bodies base64-encoded, and 424 for a request whose dependsOn failed."""

import base64
import json
import random
import urllib.parse

MOST_REQUESTS = 20


class BatchError(Exception):
    pass


def parse(body):
    try:
        document = json.loads(body or b"{}")
    except ValueError:
        raise BatchError("Invalid JSON in the batch request.")
    requests = document.get("requests") if isinstance(document, dict) else None
    if not isinstance(requests, list) or not requests:
        raise BatchError("A batch request needs a non-empty 'requests' array.")
    if len(requests) > MOST_REQUESTS:
        raise BatchError("Number of batch request steps exceeds the maximum of %d."
                         % MOST_REQUESTS)
    ids = set()
    for request in requests:
        if not isinstance(request, dict) or not all(k in request for k in ("id", "method",
                                                                               "url")):
            raise BatchError("Every batch step needs id, method and url.")
        if request["id"] in ids:
            raise BatchError("Batch request steps must have unique ids; '%s' repeats."
                             % request["id"])
        ids.add(request["id"])
        if not str(request["url"]).startswith("/"):
            raise BatchError("Batch step urls are relative to the version, e.g. '/me'.")
        if "body" in request and "Content-Type" not in request.get("headers", {}):
            raise BatchError("A batch step with a body needs a Content-Type header.")
    return requests


def run(graph, body, headers, own_url):
    import graph as graph_module  # here, not on top: graph imports this module
    try:
        requests = parse(body)
    except BatchError as error:
        raise graph_module.GraphError(400, "BadRequest", str(error))
    outcomes = {}
    answers = []
    for request in requests:
        depends = request.get("dependsOn", [])
        if any(outcomes.get(d, 599) >= 400 for d in depends):
            outcomes[request["id"]] = 424
            answers.append({"id": request["id"], "status": 424,
                            "body": {"error": {"code": "FailedDependency",
                                               "message": "A step it depends on failed."}}})
            continue
        inner = {"Authorization": headers.get("Authorization", "")}
        inner.update(request.get("headers", {}))
        payload = request.get("body")
        raw = json.dumps(payload).encode() if payload is not None else b""
        method = request["method"].upper()
        path = "/v1.0" + request["url"]
        # Injected faults hit a request inside a batch as they would on its own.
        fault = graph.state.take_fault(method, urllib.parse.urlsplit(path).path)
        try:
            if fault:
                answer_headers = {}
                if "retryAfter" in fault:
                    answer_headers["Retry-After"] = str(fault["retryAfter"])
                status, answer = fault.get("status", 503), fault.get("body", {})
            else:
                status, answer_headers, answer = graph.handle(method, path, inner, own_url, raw)
        except graph_module.GraphError as error:
            status, answer_headers, answer = error.status, dict(error.headers), error.body()
        answer_headers = dict(answer_headers)
        if isinstance(answer, (bytes, bytearray)):
            if answer:
                answer_headers.setdefault("Content-Type", "application/octet-stream")
                answer = base64.b64encode(bytes(answer)).decode()
            else:
                answer = None
        elif answer is not None:
            answer_headers.setdefault("Content-Type", "application/json")
        outcomes[request["id"]] = status
        entry = {"id": request["id"], "status": status, "headers": answer_headers}
        if answer is not None:
            entry["body"] = answer
        answers.append(entry)
        with graph.state.lock:
            graph.state.log.append({"method": method, "path": path, "status": status,
                                    "at": graph.state.now(), "cloud": graph.cloud,
                                    "inBatch": True})
    random.shuffle(answers)
    return 200, {}, {"responses": answers}
