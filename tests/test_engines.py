"""bench/engines.py: the byte-for-byte comparison of two builds, and the lock it installs ProperDocs with."""

from __future__ import annotations

from pathlib import Path

from bench.engines import compare, lock_without_mkdocs, report

PAGE = b'<head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2"><title>T</title></head>\n'


def _site(top: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_bytes(content)
    return top


def test_identical_builds_are_the_same(tmp_path: Path):
    files = {"index.html": PAGE, "en/index.html": PAGE, "assets/x.png": bytes(range(256))}
    result = compare(_site(tmp_path / "a", files), _site(tmp_path / "b", files))
    assert result.same and not result.generator_only and result.files == 3
    assert "every byte is the same" in report(result, {"MkDocs": 1.0}, {"MkDocs": "1.6.1"})


def test_a_generator_line_alone_counts_as_the_same_and_is_listed(tmp_path: Path):
    other = PAGE.replace(b"mkdocs-1.6.1", b"mkdocs-ProperDocs 1.6.7")
    result = compare(_site(tmp_path / "a", {"index.html": PAGE}), _site(tmp_path / "b", {"index.html": other}))
    assert result.same and result.generator_only == ["index.html"]


def test_any_other_difference_and_a_file_of_one_build_only_fail(tmp_path: Path):
    left = _site(tmp_path / "a", {"index.html": PAGE, "sitemap.xml": b"<urlset/>\n"})
    right = _site(tmp_path / "b", {"index.html": PAGE.replace(b"<title>T", b"<title>U"), "extra.txt": b"x"})
    result = compare(left, right)
    assert not result.same
    assert result.only_in == {"mkdocs": ["sitemap.xml"], "properdocs": ["extra.txt"]}
    assert "+<head>" in result.different["index.html"] and "<title>U" in result.different["index.html"]
    text = report(result, {"MkDocs": 1.0}, {"MkDocs": "1.6.1"})
    assert "`sitemap.xml`" in text and "`extra.txt`" in text and "`index.html`" in text


def test_the_properdocs_lock_is_the_project_lock_less_mkdocs():
    lock = (Path(__file__).resolve().parent.parent / "requirements.txt").read_text(encoding="utf-8")
    without = lock_without_mkdocs()
    assert "\nmkdocs==" in lock and "\nmkdocs==" not in without
    assert "\nmkdocs-material==" in without and "\nmkdocs-macros-plugin==" in without
    assert without.count("--hash=sha256:") < lock.count("--hash=sha256:")
