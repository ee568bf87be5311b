"""One number per report saying how far its figures can be trusted.

    quality = (hard checks held / hard checks applicable, strict mode)
              − 0.05 × soft findings (strict mode, PROSE-TABLE included)
              − 0.02 × findings that appear only in lenient mode
    clamped to [0, 1], rounded to 3 places; None when no hard check was applicable
    (a report with no figures, or figures no invariant connects).

Hard checks carry the score because they hold by definition; soft ones and blank
cells (lenient-only findings) lower it a little each, since they have honest causes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ValidationFinding
from .checks import HARD, SOFT, Outcome

SOFT_PENALTY = 0.05
LENIENT_PENALTY = 0.02


def quality_score(strict: Sequence[Outcome], lenient_only: Sequence[ValidationFinding]) -> float | None:
    hard = [outcome for outcome in strict if outcome.severity == HARD]
    if not hard:
        return None
    held = sum(outcome.held for outcome in hard) / len(hard)
    soft_failed = sum(1 for outcome in strict if outcome.severity == SOFT and not outcome.held)
    score = held - SOFT_PENALTY * soft_failed - LENIENT_PENALTY * len(lenient_only)
    return round(min(1.0, max(0.0, score)), 3)
