"""``checker serve``: a local page where an editor pastes or uploads a draft, picks a record, sees the review.

Takes the record folders to offer and where to listen; gives a small HTTP
server (standard library ``http.server``: one page and one form post, so a
framework would add dependencies without adding safety). The review is the
same as ``checker review`` (``checker.review``) drawn by
``checker.report.html_format``.

Safety, since drafts are unpublished text:
- binds 127.0.0.1 unless told otherwise, and answers only requests whose
  ``Host`` is this machine (a page elsewhere cannot rebind a name to it);
- refuses bodies over ``max_upload`` bytes (413) before reading them;
- the record is chosen from the folders given on the command line, by
  number, never by a path the browser sends;
- every piece of report text is escaped, and the page forbids scripts and
  every fetch by Content-Security-Policy.
"""

from __future__ import annotations

import sys
from email.parser import BytesParser
from email.policy import HTTP
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

from ..errors import CheckerError
from ..report.html_format import CSS, render_body
from ..review import read_draft, review_report

_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_FORM_OVERHEAD = 16_384  # multipart boundaries and the other fields, beyond the draft itself
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _form(records: list[str], chosen: int = 0, draft: str = "", published: str = "") -> str:
    options = "".join(f'<option value="{n}"{" selected" if n == chosen else ""}>{escape(r)}</option>'
                      for n, r in enumerate(records))
    return (
        '<form method="post" action="/review" enctype="multipart/form-data" class="ask">'
        '<label>Draft <textarea name="draft" rows="10" cols="90" placeholder="Paste the draft here">'
        f"{escape(draft)}</textarea></label>"
        '<label>or upload <input type="file" name="upload" accept=".md,.txt,.html,.htm,.json"></label>'
        f'<label>Record <select name="record">{options}</select></label>'
        f'<label>Published <input type="date" name="published" value="{escape(published)}"></label>'
        '<button type="submit">Review</button></form>'
    )


_FORM_CSS = """
form.ask { display: grid; gap: .6rem; padding: 1rem 2rem; font: 14px system-ui, sans-serif; max-width: 60rem; }
form.ask textarea { width: 100%; font: 14px/1.4 Georgia, serif; display: block; }
form.ask button { justify-self: start; padding: .4rem 1.2rem; }
.problem { color: #c62828; padding: 0 2rem; font: 15px system-ui, sans-serif; }
"""


def page(body: str, title: str = "checker review") -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}{_FORM_CSS}</style></head><body>{body}</body></html>\n"
    ).encode()


def _fields(content_type: str, body: bytes) -> dict[str, tuple[str, str | None]]:
    """Form fields as name -> (text, uploaded file name); urlencoded or multipart."""
    if content_type.startswith("application/x-www-form-urlencoded"):
        return {k: (v[0], None) for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
    if not content_type.startswith("multipart/form-data"):
        raise CheckerError("usage", f"unsupported form encoding {content_type!r}")
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode() + body)
    out: dict[str, tuple[str, str | None]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True) or b""
        try:
            text = payload.decode("utf-8")  # type: ignore[union-attr]
        except UnicodeDecodeError:
            raise CheckerError("encoding", "the uploaded draft is not UTF-8 text", part.get_filename()) from None
        out[name] = (text, part.get_filename())
    return out


class ReviewHandler(BaseHTTPRequestHandler):
    """GET / shows the form; POST /review shows the review of the posted draft under the form."""

    # set per server by make_server (a subclass each), read-only afterwards
    records: ClassVar[list[str]] = []
    max_upload: ClassVar[int] = 1_000_000
    server_version = "checker"
    sys_version = ""

    def _send(self, status: HTTPStatus, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in _SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _problem(self, status: HTTPStatus, message: str, form: str = "") -> None:
        self._send(status, page(f'<p class="problem">{escape(message)}</p>{form or _form(self.records)}'))

    def _host_ok(self) -> bool:
        host = urlsplit("//" + (self.headers.get("Host") or "")).hostname or ""
        bound = self.server.server_address
        if host in _LOCAL_HOSTS or (isinstance(bound, tuple) and host == str(bound[0])):
            return True
        self._problem(HTTPStatus.FORBIDDEN, "this page answers only to this machine's own address")
        return False

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        if self.path.split("?")[0] != "/":
            self._problem(HTTPStatus.NOT_FOUND, "no such page")
            return
        self._send(HTTPStatus.OK, page("<header><h1>Review a draft against the record</h1></header>"
                                       + _form(self.records)))

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        if self.path != "/review":
            self._problem(HTTPStatus.NOT_FOUND, "no such page")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._problem(HTTPStatus.LENGTH_REQUIRED, "the request gives no length")
            return
        if length > self.max_upload + _FORM_OVERHEAD:
            self.close_connection = True  # the unread body must not be taken for the next request
            self._problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                          f"the draft is too large: the limit is {self.max_upload:,} bytes")
            return
        body = self.rfile.read(length)
        try:
            fields = _fields(self.headers.get("Content-Type", ""), body)
            self._review(fields)
        except CheckerError as exc:
            self._problem(HTTPStatus.BAD_REQUEST, str(exc))

    def _review(self, fields: dict[str, tuple[str, str | None]]) -> None:
        upload, filename = fields.get("upload", ("", None))
        pasted = fields.get("draft", ("", None))[0]
        text, name = (upload, filename or "upload.md") if upload.strip() else (pasted, "draft.md")
        published = fields.get("published", ("", None))[0].strip() or None
        try:
            chosen = int(fields.get("record", ("0", None))[0])
            record = self.records[chosen]
        except (ValueError, IndexError):
            self._problem(HTTPStatus.BAD_REQUEST, "pick one of the records offered")
            return
        form = _form(self.records, chosen, pasted, published or "")
        if len(text.encode("utf-8")) > self.max_upload:
            self._problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                          f"the draft is too large: the limit is {self.max_upload:,} bytes", form)
            return
        if not text.strip():
            self._problem(HTTPStatus.BAD_REQUEST, "paste a draft or choose a file", form)
            return
        draft = read_draft(text=text, name=name, published=published)
        review = review_report(draft, record)
        self._send(HTTPStatus.OK, page(render_body(review) + form, f"Review: {draft.meta.title or draft.meta.id}"))

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"checker serve: {self.address_string()} {format % args}\n")


def make_server(records: list[str], host: str = "127.0.0.1", port: int = 8765,
                max_upload: int = 1_000_000) -> ThreadingHTTPServer:
    """A server ready to ``serve_forever()``; port 0 picks a free port (tests)."""
    handler = type("Handler", (ReviewHandler,), {"records": list(records), "max_upload": max_upload})
    return ThreadingHTTPServer((host, port), handler)


def serve(records: list[str], host: str = "127.0.0.1", port: int = 8765, max_upload: int = 1_000_000) -> int:
    """Serve until interrupted; the exit code for the CLI."""
    try:
        server = make_server(records, host, port, max_upload)
    except OSError as exc:
        print(f"checker serve: error [listen]: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
    print(f"checker serve: open http://{bound_host}:{bound_port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
