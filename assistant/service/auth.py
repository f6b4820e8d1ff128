"""The page's login for programs: HTTP Basic with the same user and password, on the API and MCP paths.

Public API: `BasicAuthMiddleware`.
"""

from __future__ import annotations

import base64
import binascii
import secrets

__all__ = ["BasicAuthMiddleware"]


class BasicAuthMiddleware:
    """ASGI middleware: requests under `prefixes` need `Authorization: Basic` with `credentials`
    (else 401); every other path passes through (the page has its own login form)."""

    def __init__(self, app, credentials: tuple[str, str], prefixes: tuple[str, ...] = ("/api", "/mcp")) -> None:
        self.app = app
        self.expected = f"{credentials[0]}:{credentials[1]}".encode()
        self.prefixes = prefixes

    def _allowed(self, scope) -> bool:
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                scheme, _, token = value.partition(b" ")
                if scheme.lower() != b"basic":
                    return False
                try:
                    given = base64.b64decode(token.strip(), validate=True)
                except (binascii.Error, ValueError):
                    return False
                return secrets.compare_digest(given, self.expected)
        return False

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "")
        guarded = scope["type"] == "http" and any(path == p or path.startswith(p + "/") for p in self.prefixes)
        if guarded and not self._allowed(scope):
            await send({"type": "http.response.start", "status": 401,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"www-authenticate", b'Basic realm="assistant"')]})
            await send({"type": "http.response.body", "body": b'{"detail":"login required: HTTP Basic with the '
                                                              b'user and password of the page"}'})
            return
        await self.app(scope, receive, send)
