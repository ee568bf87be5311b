"""A Latin name every sentence writes after the same particle (在bet9集中发布, 在bet9建立):
the particle is the sentence's, and stays; the name alone is cut."""

import pytest

from extract.spam.phrases import find_phrases

from .helpers.pages import lines_report

SENTENCES = (
    "根据动态调整情况及时更新清单信息并在bet9集中发布，开设反馈意见箱。",
    "除依法应当保密的外，在bet9、政务微博微信设立专门栏目，公开在线监测情况。",
    "在bet9建立政府和社会资本合作项目专栏，全面公开相关法律法规、政策文件。",
)


def test_the_particle_before_every_occurrence_is_not_the_name():
    assert find_phrases("\n".join(SENTENCES)) == ["bet9"]


@pytest.fixture(scope="module")
def report():
    return lines_report(
        "示例市政府信息公开工作年度报告", SENTENCES, "http://www.example.gov.cn/xxgk/ndbg/t1.html"
    )


def test_the_particle_stays_in_the_text(report):
    assert "并在集中发布" in report.text
