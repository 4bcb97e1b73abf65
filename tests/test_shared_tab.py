"""The ``page`` fixture's tabs share one context per test process: nothing one test stores reaches the next."""

from __future__ import annotations

from playwright.sync_api import expect


def test_a_tab_starts_with_nothing_an_earlier_test_stored(warm_context):
    context, forget = warm_context
    earlier = context.new_page()
    earlier.goto("en/weeks/")
    earlier.locator("input.rr-task__box").first.check()
    earlier.evaluate("() => { localStorage.setItem('left-behind', '1'); document.cookie = 'left=behind; path=/'; }")
    earlier.close()
    forget()
    later = context.new_page()
    later.goto("en/weeks/")
    expect(later.locator("input.rr-task__box").first).not_to_be_checked()
    assert later.evaluate("() => [localStorage.getItem('left-behind'), document.cookie]") == [None, ""]
    later.close()
