"""A real `nianbao serve` on loopback over a database built by the real demo."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .crawl import run_demo
from .ports import free_port


def build_demo(db: Path) -> Path:
    demo = run_demo(db)
    assert demo.returncode == 0, demo.stderr[-2000:]
    return db


@contextmanager
def nianbao_serve(db: Path, *options: str) -> Iterator[str]:
    """Start `nianbao serve` on a free port; yields its base URL once it answers.

    It runs in an empty folder outside the checkout, as the installed command does for a user,
    so everything it shows (metadata, canned queries, dashboard) comes from the package."""
    port = free_port()
    # The request log goes to a file: a pipe nobody reads would fill up and stall the server.
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    elsewhere = tempfile.TemporaryDirectory(prefix="nianbao-serve-cwd-")
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port), *options],
        cwd=elsewhere.name,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"nianbao serve did not start: {log.read()[-2000:]}") from None
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        elsewhere.cleanup()


def get_json(url: str, **params: str):
    if params:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)
