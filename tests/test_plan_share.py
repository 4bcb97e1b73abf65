"""Progress that travels: a link carrying the ticks in its fragment (never sent to a server), opened in another
browser, which offers to merge or replace its own ticks after a summary."""

from __future__ import annotations

import pytest
from plan_support import KEY, ROADMAP, all_task_ids, box, checked_ids, stored, t
from playwright.sync_api import expect

from macros.data.languages import PREFIX as LANGS
from macros.data.model import share_code, task_ids

pytestmark = pytest.mark.browser

FIRST, SECOND, THIRD, FOURTH = all_task_ids()[:2] + all_task_ids()[-2:]


def made_link(page, lang: str, ticks: list[str]) -> str:
    page.goto(f"{LANGS[lang]}weeks/")
    for task_id in ticks:
        box(page, task_id).check()
    page.get_by_role("button", name=t("plan-tools.share", lang)).click()
    link = page.locator("#plan-share-link").input_value()
    expect(page.locator("#plan-message")).not_to_be_empty()
    return link


@pytest.mark.parametrize(("sender", "receiver"), [("en", "zh"), ("zh", "en")])
def test_a_progress_link_merges_into_another_browser(open_page, sender: str, receiver: str):
    one, other = open_page(), open_page()
    link = made_link(one, sender, [FIRST, THIRD])
    fragment = link.split("#", 1)[1]
    assert fragment.startswith("progress=1.") and len(fragment) == len("progress=1.") + 4 * 2  # 4 characters a tick
    assert FIRST not in link and KEY not in link
    requests: list[str] = []
    other.on("request", lambda request: requests.append(request.url))
    other.goto(f"{LANGS[receiver]}weeks/")
    box(other, SECOND).check()
    other.goto(f"{LANGS[receiver]}weeks/#{fragment}")
    panel = other.locator("#plan-incoming")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(t("plan-js.incoming", receiver).format(n=2, added=2, only=1))
    assert checked_ids(other) == {SECOND}  # nothing changes before the reader chooses
    other.get_by_role("button", name=t("plan-tools.merge", receiver)).click()
    assert checked_ids(other) == {FIRST, SECOND, THIRD}
    assert set(stored(other)["done"]) == {FIRST, SECOND, THIRD}
    expect(panel).to_be_hidden()
    assert "#" not in other.url
    assert not any(fragment in url for url in requests)  # the fragment never reaches a server


def test_replace_and_unknown_ticks(open_page):
    one, other = open_page(), open_page()
    link = made_link(one, "en", [SECOND, FOURTH])
    other.goto("weeks/")
    box(other, FIRST).check()
    other.goto("weeks/#" + link.split("#", 1)[1] + "AAAAzzzz")  # two ticks of tasks this page does not have
    expect(other.locator("#plan-incoming")).to_contain_text(t("plan-js.incoming", "zh").format(n=2, added=2, only=1))
    other.get_by_role("button", name=t("plan-tools.replace", "zh")).click()
    assert checked_ids(other) == {SECOND, FOURTH}
    expect(other.locator("#plan-message")).to_have_text(t("plan-js.replaced", "zh", n=2))


def test_ignoring_a_link_keeps_the_ticks_here(open_page):
    one, other = open_page(), open_page()
    link = made_link(one, "zh", [THIRD])
    other.goto("en/weeks/")
    box(other, FIRST).check()
    other.goto("en/weeks/#" + link.split("#", 1)[1])
    other.get_by_role("button", name=t("plan-tools.ignore", "en")).click()
    assert checked_ids(other) == {FIRST}


def test_every_task_has_its_own_code_in_a_progress_link(open_page):
    ids = [task_id for _, task_id in task_ids(ROADMAP)]
    assert len({share_code(task_id) for task_id in ids}) == len(ids)  # no two tasks share one
    page = open_page()
    link = made_link(page, "en", [ids[0]])
    assert link.endswith("#progress=1." + share_code(ids[0]))  # the browser's code is the model's
