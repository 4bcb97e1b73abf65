"""One process, two language builds: the data is parsed once and each template compiled once."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from test_model_rules import MINIMAL

from macros.data import loader
from macros.data.loader import load_once
from macros.render.jinja_cache import MemoryBytecodeCache
from macros.render.render import Renderer


def test_the_data_is_parsed_once_while_unchanged(tmp_path: Path, monkeypatch):
    data = tmp_path / "roadmap.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    parsed = []
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda path: parsed.append(path) or real(path))
    first = load_once(data)
    assert load_once(data) is first and load_once(str(data)) is first
    assert len(parsed) == 1
    data.write_text(MINIMAL.replace("en: Title", "en: New title"), encoding="utf-8")
    os.utime(data, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    assert load_once(data).meta.title.en == "New title"
    assert len(parsed) == 2


def test_the_yaml_is_read_by_libyaml_where_installed():
    if getattr(yaml, "__with_libyaml__", False):
        assert issubclass(loader.YamlLoader, yaml.CSafeLoader)


def test_a_second_renderer_loads_compiled_templates(monkeypatch):
    cache, compiled = MemoryBytecodeCache(), []
    dump = cache.dump_bytecode
    monkeypatch.setattr(cache, "dump_bytecode", lambda bucket: compiled.append(bucket.key) or dump(bucket))
    monkeypatch.setattr("macros.render.render.SHARED", cache)
    roadmap = loader.parse(MINIMAL.encode("utf-8"), "r.yaml")
    Renderer(roadmap, "zh").render("weeks", "weeks/")
    assert len(compiled) >= 3  # weeks.md.j2 and the two it imports
    first = list(compiled)
    Renderer(roadmap, "en").render("weeks", "weeks/")
    assert compiled == first  # nothing compiled again
