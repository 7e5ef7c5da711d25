"""Counts as people read them: thousands separated, on the home page and the pager."""
from types import SimpleNamespace

from zhibiao.web.pages import count, env, translate


def test_count_separates_thousands_and_leaves_the_rest():
    assert count(104310) == "104,310"
    assert count(1584888) == "1,584,888"
    assert count(999) == "999"
    assert count(0) == "0"
    assert count(None) is None and count("12") == "12" and count(True) is True


def test_pager_of_all_counties_reads_with_separators_in_both_languages():
    pager = SimpleNamespace(offset=1000, size=50, total=2862, url="/compare/regions?indicator=gdp_growth")
    en = env.get_template("_pager.html").render(pager=pager, t=lambda k: translate(k, "en"))
    zh = env.get_template("_pager.html").render(pager=pager, t=lambda k: translate(k, "zh"))
    assert "Regions 1,001–1,050 of 2,862" in en
    assert "第 1,001–1,050 个地区，共 2,862 个" in zh
    assert "offset=1050" in en and "offset=950" in en  # the links keep plain numbers


def test_home_page_counts_use_the_separator():
    html = env.get_template("home.html").render(
        t=lambda k: translate(k, "en"), n_documents=104310, n_targets=1584888, n_actuals=2345678, queue=12345,
        tree=[], recent=[], needing_review=[], q="", compact_tree=False)
    assert "104,310" in html and "1,584,888" in html and "2,345,678" in html and "12,345" in html
