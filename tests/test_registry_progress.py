"""Progress of a registry crawl: one live line on a terminal (a pseudo-terminal here), plain
periodic log lines when the output is captured. Twelve generated loopback sites, four at a time."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

from crawler.demo.registry_sites import served_sites

from .helpers.crawl import run_registry_crawl
from .helpers.paths import REPO

SITES = 12
SETTINGS = {"NIANBAO_ACTIVE_SITES": "4", "NIANBAO_PROGRESS_SECONDS": "0.5", "NIANBAO_DOWNLOAD_DELAY": "0"}
LAST = f"sites {SITES} done, 0 active, 0 waiting"


def write_registry(folder, listed):
    registry = folder / "sites.csv"
    registry.write_text("name,url\n" + "".join(f"s{i},{site['url']}\n" for i, site in enumerate(listed)))
    return registry


def crawl_on_a_terminal(registry, db) -> str:
    """The crawl with stdout and stderr on a pseudo-terminal 200 columns wide; what it showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 200, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "crawl", "--registry", str(registry), "--db", str(db)],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=REPO,
        env={**os.environ, **SETTINGS, "TERM": "xterm"},
    )
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    child.wait(timeout=300)
    os.close(leader)
    return shown.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("progress")
    with served_sites(SITES, "--delay", "0.05") as listed:
        registry = write_registry(folder, listed)
        captured = run_registry_crawl(registry, folder / "captured.db", **SETTINGS)
        terminal = crawl_on_a_terminal(registry, folder / "terminal.db")
    return {"captured": captured, "terminal": terminal, "served": sum(site["reports"] for site in listed)}


def progress_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if " progress: " in line]


def test_captured_output_has_periodic_progress_lines(outputs):
    assert len(progress_lines(outputs["captured"].stderr)) >= 2, outputs["captured"].stderr[-2000:]


def test_the_last_progress_line_says_every_site_is_done(outputs):
    assert LAST in progress_lines(outputs["captured"].stderr)[-1]


def test_the_last_progress_line_counts_every_report(outputs):
    assert f"| reports {outputs['served']} |" in progress_lines(outputs["captured"].stderr)[-1]


def test_captured_output_has_no_terminal_control_codes(outputs):
    assert "\x1b[" not in outputs["captured"].stderr


def test_a_terminal_shows_one_line_redrawn_in_place(outputs):
    # Each redraw returns to the start of the line and erases it (rich's Live), then writes it again.
    assert outputs["terminal"].count("\r\x1b[2K") >= 2, outputs["terminal"][-2000:]


def test_the_live_line_ends_with_every_site_done(outputs):
    assert LAST in outputs["terminal"]


def test_a_terminal_gets_no_log_lines(outputs):
    assert progress_lines(outputs["terminal"]) == []
