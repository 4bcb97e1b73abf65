"""View functions (macros/content/views.py): what templates show, computed from a small roadmap."""

from __future__ import annotations

import re

import pytest
from test_model_rules import MINIMAL, load

from macros.content.i18n import strings
from macros.content.index import RoadmapIndex
from macros.content.views import (
    Option,
    author_names,
    breakable,
    finder_options,
    finder_text,
    item_label,
    other_languages,
    plan_config,
    separators,
    timeline_side,
    topic_items,
    week_range,
    week_title,
)
from macros.data.model import ID_PATTERN, Level

SECOND_COURSE = """\
  - id: mit-6861
    code: "6.861"
    title: {zh: 量化, en: Quantitative NLP}
    institution: {zh: 麻省理工学院（CSAIL）, en: MIT (CSAIL)}
    offering: {zh: 2024 秋, en: Fall 2024}
    url: https://example.org/6861/
    videos: {access: login}
    description: {zh: 描述, en: Description}
    level: advanced
    sources: [{url: https://example.org/6861/}]
    checked: 2026-11-30
"""


@pytest.fixture(scope="module")
def index() -> RoadmapIndex:
    text = MINIMAL.replace("self_study: []", SECOND_COURSE + "self_study: []")
    read = "        text: {zh: 读, en: Read}\n"
    text = text.replace(read, read + "        links: [cs224n]\n")
    return RoadmapIndex(load(text))


def test_separators_come_from_the_interface_strings():
    assert separators("zh").list == "、" and separators("en").list == ", "
    assert separators("zh").label == "：" and separators("en").label == ": "
    assert {key.removeprefix("sep.") for key in strings() if key.startswith("sep.")} == set(
        separators("en").__dataclass_fields__)


def test_author_lists_end_as_each_language_shortens_them():
    assert author_names(["Long Ouyang", "Jeff Wu", "et al."], "zh") == "Long Ouyang、Jeff Wu 等"
    assert author_names(["Long Ouyang", "Jeff Wu", "et al."], "en") == "Long Ouyang, Jeff Wu, et al."
    assert author_names(["Ada Lovelace"], "zh") == "Ada Lovelace"


def test_week_range_and_titles(index: RoadmapIndex):
    period = index.roadmap.periods[0]
    assert week_range(period.weeks, "en") == "Weeks 1–2"
    assert week_range(period.weeks, "en", open_end=True) == "Week 1 onwards"
    assert week_range(index.roadmap.stages[0].weeks, "zh") == "第 1–2 周"
    assert week_title(index.roadmap.weeks[1], "en") == "Week 2 · Go on"
    assert item_label(index.items["cs224n"], "en") == "CS224N · NLP with deep learning"


def test_finder_options_list_only_what_courses_have_in_the_datas_order(index: RoadmapIndex):
    options = finder_options(index, "en")
    assert options.institutions == [Option("stanford", "Stanford"), Option("mit", "MIT (CSAIL)")]
    assert options.topics == [Option("nlp", "NLP")]
    assert options.stages == [Option("stage-one", "Stage one · Weeks 1–2")]
    assert [o.value for o in options.levels] == ["intro", "advanced"]
    assert [o.value for o in options.levels] == [lv.value for lv in Level if lv.value in ("intro", "advanced")]
    assert finder_options(index, "zh").levels[0].label == "入门"


def test_plan_config_carries_the_strings_the_id_rule_and_the_weeks(index: RoadmapIndex):
    config = plan_config(index, "en")
    assert config["idPattern"] == ID_PATTERN and re.fullmatch(config["idPattern"], "w2-write")
    assert config["strings"]["this-week"] == "This week"
    assert set(config["strings"]) == {k.removeprefix("plan-js.") for k in strings() if k.startswith("plan-js.")}
    assert "weeks" not in config
    weeks = plan_config(index, "en", with_weeks=True)["weeks"]
    assert [w["week"] for w in weeks] == [1, 2]
    assert weeks[0] == {"week": 1, "title": "Week 1 · Start", "summary": "Week 1 · ≈ 1 h · Start", "hours": 1,
                        "over": False, "tasks": [
        {"id": "s1-read", "text": "Read", "hours": 1,
         "step": {"label": "CS224N · NLP with deep learning", "url": "https://example.org/cs224n/", "video": None,
                  "videoList": False},
         "links": [{"label": "CS224N · NLP with deep learning", "url": "https://example.org/cs224n/"}]},
    ]}


def test_finder_text_holds_every_spelling_in_every_language(index: RoadmapIndex):
    text = finder_text(index.items["cs224n"], index)
    assert text.split(" | ") == ["CS224N", "自然语言处理", "NLP with deep learning", "斯坦福", "Stanford", "nlp",
                                 "自然语言处理", "NLP"]


def test_topic_items_split_courses_from_resources_and_other_languages(index: RoadmapIndex):
    courses, resources = topic_items(index, "nlp")
    assert [c.id for c in courses] == ["cs224n"] and resources == []
    assert other_languages("zh") == ["en"] and other_languages("en") == ["zh"]


def test_a_timeline_title_goes_on_the_side_with_more_weeks():
    from macros.data.model import Weeks

    assert timeline_side(Weeks(start=1, end=3), 24) == "after"
    assert timeline_side(Weeks(start=14, end=17), 24) == "before"  # 13 weeks before, 7 after
    assert timeline_side(Weeks(start=18, end=24), 24) == "before"


def test_addresses_in_text_may_wrap_after_their_slashes_and_stay_escaped():
    text = breakable("see people.eecs.berkeley.edu/~keutzer/classes/ & <b>, not GPT-2/BERT")
    assert text == ("see people.eecs.berkeley.edu/<wbr>~keutzer/<wbr>classes/<wbr> &amp; &lt;b&gt;, "
                    "not GPT-2/BERT")
    assert breakable("https://web.stanford.edu/class/cs25/").count("<wbr>") == 4


def test_the_home_page_gets_each_weeks_counted_task_ids():
    from plan_support import INDEX

    weeks = plan_config(INDEX, "en", with_task_ids=True)["taskWeeks"]
    assert len(weeks) == len(INDEX.roadmap.weeks)
    checks = {t.id for w in INDEX.roadmap.weeks for t in INDEX.week_tasks(w) if t.self_check}
    assert not checks & {task_id for ids in weeks for task_id in ids}
    assert sum(map(len, weeks)) == sum(len(INDEX.week_tasks(w)) for w in INDEX.roadmap.weeks) - len(checks)
    assert "taskWeeks" not in plan_config(INDEX, "en")
