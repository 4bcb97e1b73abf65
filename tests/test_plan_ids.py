"""plan.js keeps only stored ids the model allows: the pattern comes from the model (ID_PATTERN), not the script."""

from __future__ import annotations

import json
import re

import pytest
from plan_support import KEY, box, stored

from macros.data.model import ID_PATTERN


@pytest.mark.parametrize("path", ["en/weeks/", "stages/stage-foundations/"])
def test_the_page_hands_the_script_the_models_id_pattern(read_page, path: str):
    """The one test of where the pattern comes from: the built pages carry the model's (macros/content/views.py
    writes it, tests/test_views.py checks the rest of the script's configuration); the browser test below uses it."""
    config = json.loads(read_page(path).css_first("#plan-config").text())
    assert config["idPattern"] == ID_PATTERN


def test_stored_ids_the_model_would_refuse_are_dropped(page):
    bad = ["cs.224n", "W01", "a--b", "-a", "a-"]
    assert not [i for i in bad if re.fullmatch(ID_PATTERN, i)]
    page.goto("en/weeks/")
    done = {i: True for i in [*bad, "w01-dl-basics"]}
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, json.dumps({"version": 1, "done": done})])
    page.reload()
    box(page, "w02-cs224n-l3-4").check()
    assert stored(page)["done"] == {"w01-dl-basics": True, "w02-cs224n-l3-4": True}
