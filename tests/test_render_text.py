"""Data text rendered as element content: escaped, its dates kept whole on one line."""

from __future__ import annotations

from markupsafe import Markup

from macros.render.render import whole_dates


def test_a_date_in_a_text_is_kept_on_one_line_and_everything_else_is_escaped():
    out = whole_dates('<script>"x"</script> announced (2019-02-14), not 12019-02-145 or 2019-02-14-b')
    assert str(out) == ('&lt;script&gt;&#34;x&#34;&lt;/script&gt; announced (<span class="rr-nowrap">2019-02-14'
                        '</span>), not 12019-02-145 or 2019-02-14-b')


def test_html_made_before_stays_as_it_is():
    assert str(whole_dates(Markup("a/<wbr>b 2026-12-02"))) == 'a/<wbr>b <span class="rr-nowrap">2026-12-02</span>'
