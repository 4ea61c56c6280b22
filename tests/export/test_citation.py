"""Citations and quoted passages as civil servants write them (GB/T 15834 quotation marks)."""

from __future__ import annotations

from reader.citation import citation, quoted


def test_a_quote_inside_a_quote_takes_single_marks() -> None:
    assert quoted("全面推行“证照分离”改革") == "“全面推行‘证照分离’改革”"
    assert citation("关于印发实施方案的通知", "钦政发〔2019〕18号", "推行“证照\n分离”") == (
        "《关于印发实施方案的通知》（钦政发〔2019〕18号）：“推行‘证照分离’”"
    )
    assert citation("某通知", None, "  ") == "《某通知》"
