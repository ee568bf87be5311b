"""Complete 2019/2021 tables built from the spec's row and column lists, laid out like real pages.

Every cell gets a distinct value, so a test that reads the table back checks each
cell's key, not just the totals. `expected` maps key → value for what was written.
"""

from __future__ import annotations

APPLICANTS = (
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("public_welfare_org", "社会公益组织"),
    ("legal_service_org", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
# (block, group, item, key path); None = the label spans the columns to its right.
_RESULT_GROUPS_HEAD = (
    [
        ("（一）予以公开", None, "results.granted"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, "results.partially_granted"),
    ]
    + [
        ("（三）不予公开", item, f"results.withheld.{key}")
        for item, key in (
            ("1.属于国家秘密", "state_secret"),
            ("2.其他法律行政法规禁止公开", "prohibited_by_law"),
            ("3.危及“三安全一稳定”", "security_stability"),
            ("4.保护第三方合法权益", "third_party_rights"),
            ("5.属于三类内部事务信息", "internal_affairs"),
            ("6.属于四类过程性信息", "process_info"),
            ("7.属于行政执法案卷", "enforcement_files"),
            ("8.属于行政查询事项", "admin_query"),
        )
    ]
    + [
        ("（四）无法提供", item, f"results.unavailable.{key}")
        for item, key in (
            ("1.本机关不掌握相关政府信息", "not_held"),
            ("2.没有现成信息需要另行制作", "needs_creation"),
            ("3.补正后申请内容仍不明确", "still_unclear"),
        )
    ]
    + [
        ("（五）不予处理", item, f"results.not_processed.{key}")
        for item, key in (
            ("1.信访举报投诉类申请", "petition_complaint"),
            ("2.重复申请", "duplicate"),
            ("3.要求提供公开出版物", "publication"),
            ("4.无正当理由大量反复申请", "excessive"),
            ("5.要求行政机关确认或重新出具已获取信息", "confirm_or_reissue"),
        )
    ]
)
_OTHER_2019 = [("（六）其他处理", None, "results.other_handling.total")]
_OTHER_2021 = [
    (
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "results.other_handling.no_correction",
    ),
    (
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "results.other_handling.fee_unpaid",
    ),
    ("（六）其他处理", "3.其他", "results.other_handling.other"),
]


def application_rows(era: str) -> list[tuple[str, str | None, str | None, str]]:
    results = _RESULT_GROUPS_HEAD + (_OTHER_2021 if era == "v2021" else _OTHER_2019)
    results += [("（七）总计", None, "results.total")]
    return (
        [
            ("一、本年新收政府信息公开申请数量", None, None, "new_received"),
            ("二、上年结转政府信息公开申请数量", None, None, "carried_over"),
        ]
        + [("三、本年度办理结果", group, item, key) for group, item, key in results]
        + [("四、结转下年度继续办理", None, None, "carried_forward")]
    )


def _td(text: object, rowspan: int = 1, colspan: int = 1) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<td{attrs}>{text}</td>"


def applications_html(
    era: str, base: int = 1000, rows: slice = slice(None), header: bool = True
) -> tuple[str, dict]:
    """Table 三 as a page prints it: 3 header rows, rowspans on 三、 and the groups, colspans on the rest."""
    all_rows = application_rows(era)
    selected = all_rows[rows]
    html = ["<table border='1'>"]
    if header:
        html.append(
            "<tr>"
            + _td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3)
            + _td("申请人情况", 1, 7)
            + "</tr>"
        )
        html.append("<tr>" + _td("自然人", 2) + _td("法人或其他组织", 1, 5) + _td("总计", 2) + "</tr>")
        html.append(
            "<tr>" + "".join(_td(name.replace("企业", "<br>企业")) for _, name in APPLICANTS[1:6]) + "</tr>"
        )
    expected: dict[str, int] = {}
    block_rows = sum(1 for row in selected if row[0] == "三、本年度办理结果")
    seen_block = False
    seen_groups: set[str] = set()
    for block, group, item, key in selected:
        r = all_rows.index((block, group, item, key))
        cells = ""
        if group is None:
            cells += _td(block, 1, 3)
        else:
            if not seen_block:
                cells += _td("三、<br>本<br>年<br>度<br>办<br>理<br>结<br>果", block_rows)
                seen_block = True
            if item is None:
                cells += _td(group, 1, 2)
            else:
                if group not in seen_groups:
                    span = sum(1 for row in selected if row[1] == group)
                    cells += _td(group, span)
                    seen_groups.add(group)
                cells += _td(item)
        for c, (applicant, _) in enumerate(APPLICANTS):
            value = base + r * 7 + c
            expected[f"applications.{key}.{applicant}"] = value
            cells += _td(value)
        html.append(f"<tr>{cells}</tr>")
    html.append("</table>")
    return "\n".join(html), expected


_REVIEW_OUTCOMES = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)


def review_html(base: int = 500) -> tuple[str, dict]:
    """Table 四: 行政复议 colspan 5 over rowspan-2 outcomes, 行政诉讼 colspan 10 over two groups."""
    head1 = _td("行政复议", 1, 5) + _td("行政诉讼", 1, 10)
    head2 = (
        "".join(_td(name, 2) for _, name in _REVIEW_OUTCOMES)
        + _td("未经复议直接起诉", 1, 5)
        + _td("复议后起诉", 1, 5)
    )
    head3 = "".join(_td(name) for _, name in _REVIEW_OUTCOMES) * 2
    expected = {}
    values = ""
    for i, proceeding in enumerate(("admin_review", "litigation_direct", "litigation_after_review")):
        for j, (outcome, _) in enumerate(_REVIEW_OUTCOMES):
            value = base + i * 5 + j
            expected[f"review_litigation.{proceeding}.{outcome}"] = value
            values += _td(value)
    html = f"<table><tr>{head1}</tr><tr>{head2}</tr><tr>{head3}</tr><tr>{values}</tr></table>"
    return html, expected


def proactive_html(era: str) -> tuple[str, dict]:
    """Table 二 with its 第二十条 captions across the table and per-block header rows."""
    if era == "v2021":
        blocks = [
            (
                "第二十条第（一）项",
                ["本年制发件数", "本年废止件数", "现行有效件数"],
                ["issued", "repealed", "in_force"],
                [("规章", "regulations"), ("行政规范性文件", "normative_docs")],
            ),
            ("第二十条第（五）项", ["本年处理决定数量"], ["decisions"], [("行政许可", "licensing")]),
            (
                "第二十条第（六）项",
                ["本年处理决定数量"],
                ["decisions"],
                [("行政处罚", "penalty"), ("行政强制", "coercion")],
            ),
            (
                "第二十条第（八）项",
                ["本年收费金额（单位：万元）"],
                ["amount"],
                [("行政事业性收费", "admin_fees")],
            ),
        ]
    else:
        blocks = [
            (
                "第二十条第（一）项",
                ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                ["new_made", "new_published", "published_total"],
                [("规章", "regulations"), ("规范性文件", "normative_docs")],
            ),
            (
                "第二十条第（五）项",
                ["上一年项目数量", "本年增/减", "处理决定数量"],
                ["prev_year_items", "change", "decisions"],
                [("行政许可", "licensing"), ("其他对外管理服务事项", "other_admin_services")],
            ),
            (
                "第二十条第（六）项",
                ["上一年项目数量", "本年增/减", "处理决定数量"],
                ["prev_year_items", "change", "decisions"],
                [("行政处罚", "penalty"), ("行政强制", "coercion")],
            ),
            (
                "第二十条第（八）项",
                ["上一年项目数量", "本年增/减"],
                ["prev_year_items", "change"],
                [("行政事业性收费", "admin_fees")],
            ),
            (
                "第二十条第（九）项",
                ["采购项目数量", "采购总金额"],
                ["projects", "amount"],
                [("政府集中采购", "central_procurement")],
            ),
        ]
    html = ["<table>"]
    expected: dict[str, object] = {}
    n = 0
    for caption, headers, measures, items in blocks:
        html.append("<tr>" + _td(caption, 1, 4) + "</tr>")
        spans = [1] * len(headers)
        spans[-1] = 4 - len(headers)
        header_cells = "".join(_td(h, 1, s) for h, s in zip(headers, spans, strict=True))
        html.append("<tr>" + _td("信息内容") + header_cells + "</tr>")
        for label, item in items:
            cells = _td(label)
            for measure, span in zip(measures, spans, strict=True):
                n += 1
                value: object = 20 + n
                printed = str(value)
                if measure == "change":
                    value, printed = -value if n % 2 else value, f"{'-' if n % 2 else '+'}{value}"
                if measure == "amount" and era == "v2021":
                    value, printed = 12.5 + n, f"{12.5 + n}"
                expected[f"proactive.{item}.{measure}"] = value
                cells += _td(printed, 1, span)
            html.append(f"<tr>{cells}</tr>")
    html.append("</table>")
    return "\n".join(html), expected


def report_page(title: str, *tables: str) -> bytes:
    body = "\n".join(
        f"<p>{heading}</p>{table}"
        for heading, table in zip(
            (
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
            ),
            tables,
            strict=False,
        )
    )
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<h1>{title}</h1><p>一、总体情况</p><p>本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。</p>"
        "<p>本年度，我县坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，"
        "进一步规范依申请公开办理流程，加强政府信息管理和平台建设，强化监督保障，"
        "政府信息公开工作取得新的进展，群众满意度进一步提升。</p>"
        f"{body}<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>"
        "</body></html>"
    ).encode()


def transpose_html(table_html: str) -> str:
    """The same table printed on its side: cell (r, c) moves to (c, r), rowspan and colspan swap."""
    from lxml import html as lxml_html

    table = lxml_html.fragment_fromstring(table_html)
    taken: set[tuple[int, int]] = set()
    origins: dict[tuple[int, int], tuple[str, int, int]] = {}
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for cell in tr.iter("td", "th"):
            while (r, c) in taken:
                c += 1
            rowspan, colspan = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            inner = (cell.text or "") + "".join(
                lxml_html.tostring(child, encoding="unicode") for child in cell
            )
            origins[(c, r)] = (inner, colspan, rowspan)  # transposed position and spans
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            c += colspan
    height = max(row for row, _ in origins) + 1
    rows = []
    for row in range(height):
        cells = [origins[(row, col)] for col in sorted(col for r, col in origins if r == row)]
        rows.append("<tr>" + "".join(_td(text, rs, cs) for text, rs, cs in cells) + "</tr>")
    return "<table border='1'>\n" + "\n".join(rows) + "\n</table>"
