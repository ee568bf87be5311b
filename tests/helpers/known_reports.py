"""A small store of known reports across eras and years, for the views and canned queries."""

from __future__ import annotations

from pathlib import Path

from crawler.store import Store

# (report_key, agency, region, year, era, tampered, text)
REPORTS = (
    ("zc2017", "诸城市人民政府", "诸城市", 2017, "legacy", 0, "本年度主动公开政府信息一千条。行政复议两件。"),
    ("zc2019", "诸城市人民政府", "诸城市", 2019, "v2019", 0, "全年主动公开政府信息。依申请公开办理及时。"),
    ("zc2021", "诸城市人民政府", "诸城市", 2021, "v2021", 0, "主动公开工作稳步推进。"),
    ("fs2021", "抚顺市人民政府", "抚顺市", 2021, "v2021", 1, "抚顺市主动公开情况良好。"),
)

# (report_key, scope, key, value)
STATS = (
    ("zc2017", "own_body", "legacy.applications.received_total", 88),
    ("zc2017", "own_body", "legacy.applications.reply_granted", 21),
    ("zc2017", "own_body", "legacy.applications.reply_refused_total", 3),
    ("zc2017", "own_body", "legacy.applications.reply_not_this_agency", 19),
    ("zc2017", "own_body", "legacy.applications.reply_not_exist", 25),
    ("zc2017", "own_body", "legacy.applications.reply_amend_requested", 2),
    ("zc2017", "own_body", "legacy.admin_review.total", 2),
    ("zc2017", "region_total", "legacy.applications.received_total", 500),
    # v2019: subtotals not printed, only their parts.
    ("zc2019", "own_body", "applications.new_received.total", 100),
    ("zc2019", "own_body", "applications.results.granted.total", 60),
    ("zc2019", "own_body", "applications.results.withheld.state_secret.total", 1),
    ("zc2019", "own_body", "applications.results.withheld.third_party_rights.total", 4),
    ("zc2019", "own_body", "applications.results.withheld.state_secret.natural_person", 1),
    ("zc2019", "own_body", "review_litigation.litigation_direct.total", 2),
    ("zc2019", "own_body", "review_litigation.litigation_after_review.total", 3),
    # v2021: the withheld subtotal derived by the validator wins over the parts.
    ("zc2021", "own_body", "applications.new_received.total", 150),
    ("zc2021", "own_body", "applications.results.withheld.subtotal.total", 7),
    ("zc2021", "own_body", "applications.results.withheld.state_secret.total", 2),
    ("zc2021", "own_body", "review_litigation.admin_review.total", 4),
    ("zc2021", "own_body", "review_litigation.admin_review.upheld", 3),
    ("fs2021", "region_total", "applications.new_received.total", 40),
)

# (report_key, rule, severity)
VALIDATION = (("zc2017", "L-RECV", "hard"), ("zc2019", "L-INTERNAL", "soft"))


def build_store(path: Path) -> Store:
    store = Store(path)
    store.db["reports"].insert_all(
        {
            "report_key": key,
            "title": f"{agency}{year}年政府信息公开工作年度报告",
            "agency": agency,
            "region": region,
            "year": year,
            "era": era,
            "tampered": tampered,
            "text": text,
            "url": f"http://gov.example/{key}.html",
        }
        for key, agency, region, year, era, tampered, text in REPORTS
    )
    store.db["stats"].insert_all(
        {"report_key": key, "scope": scope, "key": name, "value": value, "status": "ok"}
        for key, scope, name, value in STATS
    )
    store.db["validation_findings"].insert_all(
        {"report_key": key, "rule": rule, "scope": "own_body", "severity": severity, "expected": 1}
        for key, rule, severity in VALIDATION
    )
    store.db["pages"].insert_all(
        [
            {"url": "http://gov.example/fs2021.html", "report_key": "fs2021", "tampered": 1, "is_report": 1},
            {"url": "http://gov.example/zc2021.html", "report_key": "zc2021", "tampered": 0, "is_report": 1},
        ]
    )
    store.db["spam_findings"].insert_all(
        [
            {
                "url": "http://gov.example/fs2021.html",
                "position": 0,
                "report_key": "fs2021",
                "kind": "link_farm",
                "evidence": "<a href=casino>娱乐</a>",
                "action": "removed",
                "score": 1,
            },
            {
                "url": "http://gov.example/fs2021.html",
                "position": 1,
                "report_key": "fs2021",
                "kind": "brand_swap",
                "evidence": "美高梅",
                "action": "flagged",
                "score": 1,
            },
        ]
    )
    return store
