"""Another git revision of this checkout, exported into a folder, for benches that compare with it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..helpers.paths import REPO


def export_revision(rev: str, folder: Path) -> Path:
    """The files of revision `rev` (as `git archive` gives them) in `folder`, created here."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=REPO, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder
