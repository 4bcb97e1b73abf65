"""One place per setting: each language's MkDocs config repeats only what differs; the rest follows the language."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT
from mkdocs.config import load_config

from macros.i18n import translate
from macros.languages import LANGUAGES, alternate_links

ROOT_LANGUAGE = LANGUAGES[0]
OWN_KEYS = {"INHERIT", "site_name", "site_description", "site_url", "site_dir", "theme"}


class _Loader(yaml.SafeLoader):
    """Reads MkDocs' ``!ENV`` tags as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


@pytest.mark.parametrize("language", LANGUAGES[1:], ids=lambda language: language.code)
def test_a_language_config_keeps_only_what_differs(language):
    own = yaml.load((ROOT / language.config).read_text(encoding="utf-8"), Loader=_Loader)
    assert own["INHERIT"] == ROOT_LANGUAGE.config
    assert set(own) <= OWN_KEYS
    assert own["theme"] == {"language": language.code}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_hook_sets_what_follows_from_the_language(language, monkeypatch):
    monkeypatch.chdir(ROOT)
    config = load_config(str(ROOT / language.config))
    assert config.plugins["macros"].config["module_name"] == "macros"  # the plugins merged, not replaced
    assert config.plugins["material/search"].config.separator
    config = config.plugins.on_config(config)
    assert config.theme["language"] == language.code
    assert config.plugins["material/search"].config.lang == [language.code]
    assert config.extra["alternate"] == alternate_links(language.code)
    names = [option["toggle"]["name"] for option in config.theme["palette"]]
    assert names == [translate(f"palette.toggle.{o['scheme']}", language.code) for o in config.theme["palette"]]


def test_language_links_lead_from_each_home_to_every_home():
    assert alternate_links("zh") == [{"name": "中文", "link": "./", "lang": "zh"},
                                     {"name": "English", "link": "./en/", "lang": "en"}]
    assert alternate_links("en") == [{"name": "中文", "link": "../", "lang": "zh"},
                                     {"name": "English", "link": "./", "lang": "en"}]
