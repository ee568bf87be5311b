"""Run a page's own scripts in QuickJS and record what they would write, open and request.

List pages of government CMSs write their pager with JavaScript (TRS `createPageHTML`, pagers
written by `document.write` loops, `__doPostBack` forms, `$.ajax` calls that fetch the list).
Rather than a regular expression per pager, the page's inline scripts and the same-host scripts
they load run in a fresh QuickJS context with a stand-in for the browser (browser.js): DOM
writes, location changes, form submits, XMLHttpRequest, fetch and jQuery's $.ajax are recorded,
never carried out. The `javascript:` links and onclick handlers of the page's anchors are then
run one by one, each labelled with its anchor text, so "下一页" stays attached to what it opens.

QuickJS (the `quickjs` package) over V8 (mini-racer): a small engine built into the wheel,
with a per-call time limit and a memory limit, and no network, file or module access unless
they are added (none are): the sandbox is the engine as shipped plus browser.js.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urljoin, urlsplit

import quickjs
from parsel import Selector

# Each script, handler and queued callback gets this long; the page as a whole gets TOTAL_SECONDS.
SCRIPT_SECONDS = 1.0
MEMORY_BYTES = 64 * 1024 * 1024
# Handlers of the page's anchors run at most this many times (a pager shows a few dozen).
MAX_HANDLERS = 60
MAX_QUEUED = 50
# Script types that are code (an absent type is code too).
CODE_TYPES = re.compile(
    r"^(?:|text/javascript|application/javascript|application/x-javascript|text/ecmascript)$"
)
# Old pages wrap their scripts in an HTML comment, which browsers skip.
_HTML_COMMENT_EDGES = re.compile(r"^\s*<!--.*?$|^\s*//\s*-->\s*$|^\s*-->\s*$", re.M)
# A library the stand-in replaces: jQuery itself (its plugins may still run).
LIBRARY = re.compile(r"(?:^|/)jquery(?:[-.][\d.]+)?(?:\.min)?\.js$", re.I)

_BROWSER = resources.files(__package__).joinpath("browser.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Script:
    """One <script> of the page: inline code, or the absolute URL it loads."""

    code: str = ""
    src: str = ""


@dataclass(frozen=True)
class PageScripts:
    """What the sandbox takes from a parsed page."""

    url: str
    title: str = ""
    scripts: tuple[Script, ...] = ()
    forms: tuple[dict, ...] = ()
    handlers: tuple[tuple[str, str], ...] = ()  # (code, anchor text)


@dataclass(frozen=True)
class Recorded:
    """Something a script did, with the text of the anchor whose handler did it ("" at load)."""

    value: str
    label: str = ""


@dataclass(frozen=True)
class ScriptRequest:
    url: str
    method: str = "GET"
    fields: tuple[tuple[str, str], ...] = ()
    label: str = ""


@dataclass(frozen=True)
class ScriptRun:
    written: tuple[Recorded, ...] = ()
    navigations: tuple[Recorded, ...] = ()
    requests: tuple[ScriptRequest, ...] = ()
    errors: tuple[str, ...] = ()
    stopped: str | None = None  # "time limit" or "memory limit" when a script was cut short
    ran: int = 0


def page_scripts(selector: Selector, url: str) -> PageScripts:
    """The scripts, forms and anchor handlers of a parsed page (comments hold none of them)."""
    scripts = []
    for node in selector.xpath("//script"):
        if not CODE_TYPES.match((node.attrib.get("type") or "").strip().lower()):
            continue
        src = (node.attrib.get("src") or "").strip()
        if src:
            scripts.append(Script(src=urljoin(url, src)))
        else:
            code = "".join(node.xpath("text()").getall())
            if code.strip():
                scripts.append(Script(code=code))
    forms = tuple(_form(node, url) for node in selector.xpath("//form"))
    handlers: dict[str, str] = {}
    for anchor in selector.xpath("//a[starts-with(normalize-space(@href), 'javascript:') or @onclick]"):
        href = (anchor.attrib.get("href") or "").strip()
        code = href[len("javascript:") :] if href.lower().startswith("javascript:") else ""
        code = code if code.strip(" ;") not in ("", "void(0)", "void 0") else ""
        code = anchor.attrib.get("onclick", "") + ";" + code if anchor.attrib.get("onclick") else code
        text = " ".join(t.strip() for t in anchor.xpath(".//text()").getall() if t.strip())
        if code.strip(" ;"):
            handlers.setdefault(code, text or anchor.attrib.get("title", ""))
    title = " ".join(selector.xpath("//title/text()").getall()).strip()
    return PageScripts(url, title, tuple(scripts), forms, tuple(handlers.items())[:MAX_HANDLERS])


def _form(node: Selector, url: str) -> dict:
    fields = []
    for field_node in node.xpath(".//input[@name] | .//select[@name] | .//textarea[@name]"):
        kind = (field_node.attrib.get("type") or "").lower()
        if kind in ("submit", "button", "image", "reset", "file"):
            continue  # a browser sends a button only when it was the one clicked
        if kind in ("checkbox", "radio") and "checked" not in field_node.attrib:
            continue
        value = field_node.attrib.get("value", "")
        if field_node.root.tag == "textarea":
            value = "".join(field_node.xpath("text()").getall())
        elif field_node.root.tag == "select":
            chosen = field_node.xpath(".//option[@selected]/@value").get()
            value = chosen if chosen is not None else (field_node.xpath(".//option/@value").get() or "")
        fields.append([field_node.attrib["name"], value, field_node.attrib.get("id", "")])
    return {
        "id": node.attrib.get("id", ""),
        "name": node.attrib.get("name", ""),
        "action": urljoin(url, node.attrib.get("action", "")),
        "method": (node.attrib.get("method") or "GET").upper(),
        "fields": fields,
    }


def same_host_sources(page: PageScripts) -> list[str]:
    """Scripts the page loads from its own host, in order: worth fetching for their functions."""
    host = urlsplit(page.url).netloc.lower()
    return [
        s.src
        for s in page.scripts
        if s.src and urlsplit(s.src).netloc.lower() == host and not LIBRARY.search(urlsplit(s.src).path)
    ]


def _location(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    return {
        "href": url,
        "protocol": parts.scheme + ":",
        "host": parts.netloc,
        "hostname": parts.hostname or "",
        "port": str(parts.port or ""),
        "pathname": parts.path or "/",
        "search": "?" + parts.query if parts.query else "",
        "hash": "#" + parts.fragment if parts.fragment else "",
        "origin": f"{parts.scheme}://{parts.netloc}",
    }


def _stopped(error: Exception) -> str | None:
    message = str(error)
    if "interrupted" in message:
        return "time limit"
    if "out of memory" in message or isinstance(error, MemoryError):
        return "memory limit"
    return None


class _Run:
    def __init__(self, page: PageScripts):
        self.context = quickjs.Context()
        self.context.set_time_limit(SCRIPT_SECONDS)
        self.context.set_memory_limit(MEMORY_BYTES)
        facts = {
            "url": page.url,
            "title": page.title,
            "forms": list(page.forms),
            "location": _location(page.url),
        }
        self.context.eval(f"var __page = {json.dumps(facts, ensure_ascii=False)};")
        self.context.eval(_BROWSER)
        self.errors: list[str] = []
        self.stopped: str | None = None
        self.ran = 0

    def eval(self, code: str) -> None:
        if self.stopped:
            return
        self.ran += 1
        try:
            self.context.eval(code)
        except (quickjs.JSException, MemoryError) as error:
            self.stopped = _stopped(error)
            self.errors.append(str(error).splitlines()[0][:200] if str(error) else type(error).__name__)

    def settle(self) -> None:
        """Run the promise callbacks the scripts left pending (bounded, like the queue)."""
        for _ in range(MAX_QUEUED):
            try:
                if self.stopped or not self.context.execute_pending_job():
                    return
            except (quickjs.JSException, MemoryError) as error:
                self.errors.append(str(error).splitlines()[0][:200] if str(error) else type(error).__name__)

    def record(self) -> dict:
        try:
            return json.loads(self.context.eval("JSON.stringify({rec: __rec, created: __createdLinks()})"))
        except (quickjs.JSException, MemoryError):
            return {"rec": {"written": [], "navigations": [], "requests": [], "errors": []}, "created": []}


def run_page_scripts(page: PageScripts, loaded: dict[str, str] | None = None) -> ScriptRun:
    """Run the page's scripts in order (a loaded script where `loaded` has its text), what they
    queued (ready, onload, timers), then each anchor handler; return what they did."""
    loaded = loaded or {}
    run = _Run(page)
    for script in page.scripts:
        code = loaded.get(script.src, "") if script.src else script.code
        if code:
            run.eval(_HTML_COMMENT_EDGES.sub("", code))
    run.eval(f"__runQueued({MAX_QUEUED});")
    run.settle()
    for code, label in page.handlers:
        run.eval(f"__label = {json.dumps(label, ensure_ascii=False)};")
        run.eval(code)
        run.eval(f"__runQueued({MAX_QUEUED});")
    data = run.record()
    rec = data["rec"]
    written = [Recorded(w["html"], w.get("label", "")) for w in rec["written"] + data["created"]]
    return ScriptRun(
        written=tuple(written),
        navigations=tuple(Recorded(n["url"], n.get("label", "")) for n in rec["navigations"] if n["url"]),
        requests=tuple(
            ScriptRequest(
                r["url"], r["method"] or "GET", tuple((k, v) for k, v in r["fields"]), r.get("label", "")
            )
            for r in rec["requests"]
            if r["url"]
        ),
        errors=tuple(run.errors + rec["errors"]),
        stopped=run.stopped,
        ran=run.ran,
    )
