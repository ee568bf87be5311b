"""Vocabulary of the canonical indicator keys (format spec §5) that several stages share."""

from __future__ import annotations

# Section 三's applicant columns in printed order; `total` (总计) closes every row.
APPLICANT_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_welfare_org",
    "legal_service_org",
    "other_org",
)
TOTAL_COLUMN = "total"
