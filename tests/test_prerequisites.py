"""The system prerequisites: found where they are, named with the command that installs them where not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import prerequisites


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A machine without Chromium or CJK fonts, where this user may not install anything."""
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(prerequisites, "FONT_DIRS", (tmp_path / "fonts",))
    monkeypatch.setattr(prerequisites, "_apt_prefix", lambda: None)
    return tmp_path


def test_each_missing_piece_is_one_line_naming_its_package_and_the_command(nothing_installed):
    lines = prerequisites.ensure(["chromium", "cjk-fonts"])
    assert len(lines) == 2
    assert lines[0].startswith("missing: Chromium") and "chromium" in lines[0] and "CHROMIUM_PATH" in lines[0]
    assert lines[1].startswith("missing: Noto CJK fonts") and "fonts-noto-cjk" in lines[1]
    assert all("sudo apt-get install chromium fonts-noto-cjk" in line for line in lines)


def test_the_command_fails_before_any_test_with_those_lines(nothing_installed, capsys):
    assert prerequisites.main(["chromium", "cjk-fonts"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in err] == ["missing", "missing"]


def test_fonts_are_found_whatever_fontconfig_shows(nothing_installed, monkeypatch):
    fonts = nothing_installed / "fonts"
    fonts.mkdir()
    (fonts / "NotoSansCJK-Regular.ttc").write_bytes(b"")
    monkeypatch.setenv("FONTCONFIG_FILE", "/nonexistent/fonts.conf")  # a caller's configuration that hides fonts
    prerequisites.fontconfig_file.cache_clear()
    assert prerequisites.ensure(["cjk-fonts"]) == []
    env = prerequisites.browser_env()
    conf = Path(env["FONTCONFIG_FILE"]).read_text(encoding="utf-8")
    assert f"<dir>{fonts}</dir>" in conf and "/etc/fonts/fonts.conf" in conf
    prerequisites.fontconfig_file.cache_clear()
