"""Run `nianbao` in a subprocess, as a user does, and check how its user errors read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import REPO


def nianbao(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def assert_one_line_error(result: subprocess.CompletedProcess, words: str) -> None:
    """A user error is one line on stderr holding `words`, exit status 2, never a traceback."""
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def nianbao_as_extractor(
    version: int, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`nianbao ARGS` in a process whose extractor says it is `version` (extract/version.py), as a
    later release of extract/ would: the constant is set before the command runs."""
    code = (
        f"import extract.version as v; v.EXTRACTOR_VERSION = {version}; from crawler.cli import main; main()"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300, cwd=REPO, env=env
    )


def nianbao_with_calendar(calendar: str, work: Path, *args: str) -> subprocess.CompletedProcess:
    """`nianbao ARGS` from a copy of the `crawler` package whose shipped calendar.csv is `calendar`,
    as a user who edited the installed file runs it (`extract` is still this checkout's)."""
    copy = work / "edited"
    shutil.copytree(REPO / "crawler", copy / "crawler", ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "crawler" / "schedule" / "calendar.csv").write_text(calendar, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(copy), str(REPO)])}
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=copy,
        env=env,
    )
