"""One combined score decides whether a page is tampered; each signal is kept as evidence."""

import pytest

from extract.model import SpamFinding
from extract.spam.verdict import judge

URL = "http://www.zhucheng.gov.cn/xxgk/ndbg/201803/t20180330_9.html"
TAG_LINE = SpamFinding("garbage_tag", '<wbr id="cxndz"></wbr>', "removed", 1.0)
TITLE_WORD = SpamFinding("brand_swap", "title: 某某 (平台)", "flagged", 1.0)
PHRASE = SpamFinding("phrase_swap", "vwin德胜体育 ×3 inside sentences", "removed", 2.0)


def _judged(*findings):
    return judge(list(findings), URL, "正文", True, "正文", {})


def test_a_lone_weak_signal_is_below_the_threshold():
    assert _judged(TAG_LINE).tampered is False


def test_a_lone_weak_signal_is_kept_as_evidence():
    assert _judged(TAG_LINE).findings == (TAG_LINE,)


def test_two_weak_signals_together_cross_the_threshold():
    assert _judged(TAG_LINE, TITLE_WORD).tampered is True


def test_one_strong_signal_crosses_the_threshold():
    assert _judged(PHRASE).tampered is True


@pytest.mark.parametrize("findings", [(TAG_LINE,), (TAG_LINE, TITLE_WORD), (PHRASE,)])
def test_the_score_is_the_sum_of_the_signals(findings):
    assert _judged(*findings).score == pytest.approx(sum(f.score for f in findings))
