"""The collection as a service: one `Service` behind the browser page, the HTTP API and the MCP tools.

`core` (the service: search, check, documents, passage, source view, original file, citations,
upload, input checks), `citations` (plain, Markdown, BibTeX and RIS; the viewer's address),
`schemas` (the HTTP API's request and response models), `http` (the `/api/` routes), `mcp_tools`
(the MCP tools), `auth` (HTTP Basic for programs, with the page's login).
"""

from __future__ import annotations

from assistant.service.core import (
    MAX_CONTEXT,
    MAX_K,
    MAX_UPLOAD_BYTES,
    UPLOAD_TYPES,
    Service,
    ServiceError,
    safe_filename,
)

__all__ = ["MAX_CONTEXT", "MAX_K", "MAX_UPLOAD_BYTES", "UPLOAD_TYPES", "Service", "ServiceError", "safe_filename"]
