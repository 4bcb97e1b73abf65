"""Topic tags: a topic within a broader one, and each course's tags with the page they come from."""

from __future__ import annotations

from macros.content.index import RoadmapIndex
from macros.data.loader import load as load_file
from tests.conftest import ROOT
from tests.test_model_rules import MINIMAL, errors, load

TOPICS = """\
topics:
  - id: nlp
    label: {zh: 自然语言处理, en: NLP}
  - id: post-training
    label: {zh: 后训练, en: Post-training}
  - id: rlhf
    label: {zh: RLHF, en: RLHF}
    within: post-training
"""

SOURCED = """\
    topics: [nlp, rlhf]
    topic_sources:
      - url: https://example.org/cs224n/schedule
        label: {zh: 课表, en: the schedule}
        topics: [nlp, rlhf]
        checked: 2026-12-02
"""


def with_topics(topics: str = TOPICS, course: str = SOURCED) -> str:
    head, tail = MINIMAL.split("topics:\n  - id: nlp\n    label: {zh: 自然语言处理, en: NLP}\n")
    return (head + topics + tail).replace("    topics: [nlp]\n", course)


def test_a_topic_within_another_gives_its_records_the_broader_topic_too():
    index = RoadmapIndex(load(with_topics()))
    course = index.roadmap.courses[0]
    assert index.with_broader(course.topics) == ["nlp", "rlhf", "post-training"]
    assert index.by_topic["post-training"] == [course]
    assert index.narrower == {"nlp": [], "post-training": ["rlhf"], "rlhf": []}


def test_within_names_a_known_topic_one_level_deep():
    unknown = with_topics(TOPICS.replace("within: post-training", "within: training"))
    assert any("topics[2].within: unknown topic 'training'" in e for e in errors(unknown)), errors(unknown)
    deep = TOPICS.replace("    label: {zh: 后训练, en: Post-training}\n",
                          "    label: {zh: 后训练, en: Post-training}\n    within: nlp\n")
    assert any("one level only" in e for e in errors(with_topics(deep)))
    itself = with_topics(TOPICS.replace("within: post-training", "within: rlhf"))
    assert any("one level only" in e for e in errors(itself))


def test_each_tag_of_a_course_with_topic_sources_is_shown_by_one():
    unsourced = with_topics(course=SOURCED.replace("        topics: [nlp, rlhf]\n", "        topics: [nlp]\n"))
    assert any("courses[0].topics[1]: topic 'rlhf': no page of topic_sources shows it" in e
               for e in errors(unsourced)), errors(unsourced)
    extra = with_topics(course=SOURCED.replace("    topics: [nlp, rlhf]\n", "    topics: [nlp]\n", 1))
    assert any("topic_sources[0].topics[1]: 'rlhf' is not among the course's topics" in e for e in errors(extra))


def test_every_course_of_the_data_has_its_topics_from_a_checked_page():
    """The live data: no course carries a tag that no page of its topic sources shows (the data check enforces
    it for a course that has sources; this says every course has them)."""
    roadmap = load_file(ROOT / "data" / "roadmap.yaml")
    unsourced = [course.id for course in roadmap.courses if course.topics and not course.topic_sources]
    assert not unsourced, f"courses whose topics name no page (topic_sources): {unsourced}"
