"""drf-spectacular post-processing: every operation documents the error answers it can really give, in
the one error format of esep.api.errors, so that a client (and schemathesis in .ci/run) can rely on the
schema: 400 for bad parameters or body, 403 without the right to the resource, 404 for an address naming
nothing, 413 for a body over the limit, 429 when a throttle refuses (every endpoint is throttled)."""

from __future__ import annotations

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            },
        }
    },
}
DESCRIPTIONS = {
    "400": "Bad parameters or body; error.fields names each one.",
    "403": "Not signed in, or no right to this resource.",
    "404": "Nothing at this address, or it is outside the caller's area.",
    "413": "The request body is larger than the endpoint reads.",
    "429": "Too many requests from this client; see Retry-After.",
}


# Lists that answer 404 for a filter naming nothing the caller may see; creating a meeting for a police body
# outside the caller's area is 404 too (its existence is not revealed).
EXTRA = {"/api/v1/messages/": ["404"], "/api/v1/meetings/": ["404"]}


def _statuses(method: str, path: str, operation: dict) -> list[str]:
    statuses = ["429", *EXTRA.get(path, [])]
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.append("400")
    if operation.get("security") != [{}] or "{" in path:
        statuses.append("403")
    if "{" in path:
        statuses.append("404")
    if operation.get("requestBody"):
        statuses.append("413")
    return statuses


def _is_bare_object(response: dict) -> bool:
    schemas = [media.get("schema") for media in response.get("content", {}).values()]
    return bool(schemas) and all(
        isinstance(schema, dict) and schema.get("type") == "object" and not schema.get("properties")
        for schema in schemas
    )


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for path, methods in result.get("paths", {}).items():
        for method, operation in methods.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            body = operation.get("requestBody")
            if body and any(media.get("schema", {}).get("required") for media in body.get("content", {}).values()):
                body["required"] = True  # a body with required fields cannot be left out (the API says 400)
            for status in _statuses(method, path, operation):
                operation["responses"].setdefault(
                    status, {"description": DESCRIPTIONS[status], "content": {"application/json": {"schema": ref}}}
                )
            for status, response in operation["responses"].items():
                # A view that declared its errors as a bare object answers in the one error format all the same.
                if status.startswith("4") and _is_bare_object(response):
                    response["content"] = {"application/json": {"schema": ref}}
    return result
