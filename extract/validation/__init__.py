"""Arithmetic invariants of spec §7 over canonical-key Stats, in strict and lenient mode.

The checks only see Stats keyed by canonical indicators, so they hold however a table
was read (HTML grid, flattened text, attachment) and also for figures read from prose.
Findings are reported, never corrected. `validate_report` is the stage the pipeline calls.
"""

from .report import ReportValidation, validate_report

__all__ = ["ReportValidation", "validate_report"]
