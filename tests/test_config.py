"""One place per setting: one MkDocs config for every language; what differs follows from the language table."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from macros.content.i18n import translate
from macros.data.languages import CODES, LANGUAGES, alternate_links
from macros.data.model import Synonyms, Text
from macros.engine.mkdocs_adapter import language_config
from macros.pipeline import settings

LANGUAGE_KEYS = {"site_name", "site_description", "site_url"}
"""Settings that differ by language: ``macros/pipeline.py`` gives them to each build."""


class _Loader(yaml.SafeLoader):
    """Reads MkDocs' ``!ENV`` tags as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def test_one_config_serves_every_language():
    assert sorted(path.name for path in ROOT.glob("mkdocs*.yml")) == ["mkdocs.yml"]
    own = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert not LANGUAGE_KEYS & set(own)
    assert "language" not in own["theme"]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_engine_is_told_what_follows_from_the_language(language, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SITE_URL", "https://roadmap.example/")
    config = language_config(settings(language.code))
    assert config.site_name == translate("site.name", language.code)
    assert config.site_description == translate("site.description", language.code)
    assert config.site_url == "https://roadmap.example/" + language.prefix
    assert config.theme["language"] == language.code
    assert config.extra["not_found"]["title"] == translate("not-found.title", language.code)
    assert config.plugins["material/search"].config.lang == [language.code]
    assert config.extra["alternate"] == alternate_links(language.code)
    names = [option["toggle"]["name"] for option in config.theme["palette"]]
    assert names == [translate(f"palette.toggle.{o['scheme']}", language.code) for o in config.theme["palette"]]


def test_language_links_lead_from_each_home_to_every_home():
    assert alternate_links("zh") == [{"name": "中文", "link": "./", "lang": "zh"},
                                     {"name": "English", "link": "./en/", "lang": "en"}]
    assert alternate_links("en") == [{"name": "中文", "link": "../", "lang": "zh"},
                                     {"name": "English", "link": "./", "lang": "en"}]


def test_the_data_has_a_text_field_for_each_language_of_the_table():
    """Every bilingual record of the data is a ``Text`` (and the synonym groups a list per language): adding a
    language to the table without its field there fails here, not in a half-translated build."""
    assert set(Text.model_fields) == set(CODES)
    assert set(CODES) <= set(Synonyms.model_fields)
