"""A Latin name every sentence writes after the same particle (在bet9集中发布, 在bet9建立):
the particle is the sentence's, and stays; the name alone is cut."""

import pytest

from extract.pipeline import process
from extract.spam.phrases import find_phrases

SENTENCES = (
    "根据动态调整情况及时更新清单信息并在bet9集中发布，开设反馈意见箱。",
    "除依法应当保密的外，在bet9、政务微博微信设立专门栏目，公开在线监测情况。",
    "在bet9建立政府和社会资本合作项目专栏，全面公开相关法律法规、政策文件。",
)


def test_the_particle_before_every_occurrence_is_not_the_name():
    assert find_phrases("\n".join(SENTENCES)) == ["bet9"]


@pytest.fixture(scope="module")
def report():
    body = "".join(f"<p>{line}</p>" for line in SENTENCES)
    markup = f"<html><head><meta charset='utf-8'><title>示例市政府信息公开工作年度报告</title></head><body>{body}</body></html>"
    return process(markup.encode("utf-8"), "http://www.example.gov.cn/xxgk/ndbg/t1.html")


def test_the_particle_stays_in_the_text(report):
    assert "并在集中发布" in report.text
