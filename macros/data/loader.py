"""Load ``roadmap.yaml`` safely and turn every problem into one readable line.

Each problem is reported as ``file:line: field.path: message``, within seconds
whatever the file holds. YAML is read with the safe loader (libyaml's where
installed); anchors and aliases are refused before anything is built (so an
alias bomb cannot expand), and so are duplicate keys, merge keys (``<<``, which
would bring keys past the duplicate check), keys that are not plain scalars and
nesting deeper than :data:`MAX_DEPTH`. Dates stay strings in YAML: the model
parses them, so a bad date is a message with its line, not a crash.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from macros.caches import register
from macros.content import pages
from macros.data import glossary
from macros.data.model import (
    ID_PATTERN,
    ID_RULE,
    WEEK_TASK_ERROR,
    Location,
    Roadmap,
    cross_check,
    location_in_data,
)

DATA_ENV = "ROADMAP_DATA"
"""The environment variable naming the data file every command reads (``make … DATA=path`` sets it)."""
PROJECT = Path(__file__).resolve().parents[2]


def data_file() -> Path:
    """The data file of this run: ``$ROADMAP_DATA`` (relative to the project folder), else ``data/roadmap.yaml``.

    Relative to the working folder when that is the project's, so that messages name it as the reader wrote it.
    """
    path = PROJECT / (os.environ.get(DATA_ENV, "").strip() or "data/roadmap.yaml")
    return path.relative_to(PROJECT) if Path.cwd() == PROJECT and path.is_relative_to(PROJECT) else path


MAX_BYTES = 4_000_000
"""Larger files are refused before parsing, so that every file is checked within seconds: thirty times the real
roadmap (``bench/build.py`` raises it for its generated 10× and 100× data)."""
MAX_DEPTH = 40
"""Deepest nesting of lists and mappings a file may have (the roadmap's is under ten): building the model of a
deeper file would exhaust Python's stack."""
REPARSE_BYTES = 500_000
"""A syntax error is worded by PyYAML's pure-Python parser (clearer than libyaml's) only in files up to this size;
a larger file would take minutes to parse again, so libyaml's own words are given."""
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, in C where libyaml is installed, without YAML's implicit timestamps."""


YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class DataError:
    """One problem in the data file."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class RoadmapError(Exception):
    """The data file has problems; ``errors`` lists every one of them."""

    def __init__(self, errors: list[DataError]) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


def field_name(path: Location) -> str:
    """``("courses", 3, "url")`` → ``courses[3].url``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _line_of(root: yaml.Node, path: Location) -> int:
    """1-based line of the deepest node the path reaches."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                key = next((k for k, _ in node.value if k.value == part), None)
                return (key or node).start_mark.line + 1
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        return f"{error['input']!r} is not a valid id ({ID_RULE})"
    if kind == WEEK_TASK_ERROR:
        return f"{error['msg']} (got {error['input']!r})"
    if kind == "model_type":
        return f"must be a mapping of fields (got {error['input']!r})"
    if kind.startswith("date_"):
        return f"{error['input']!r} is not a date (YYYY-MM-DD)"
    message = error["msg"].removeprefix("Value error, ")
    if kind in ("value_error", "assertion_error"):
        return message
    return f"{message} (got {error['input']!r})" if not isinstance(error["input"], dict | list) else message


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """Line and wording of a syntax error.

    In PyYAML's words (libyaml's are terser) where the file is small enough to parse again in Python
    (:data:`REPARSE_BYTES`), else in libyaml's.
    """
    if len(text) <= REPARSE_BYTES:
        try:
            yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as python_exc:
            exc = python_exc
        except RecursionError:  # deeper than Python's parser goes: libyaml's words
            pass
    mark = exc.problem_mark or exc.context_mark
    return (mark.line + 1 if mark else 1), str(exc.problem or exc.context)


_MAY_HAVE_ANCHOR = re.compile(r"(?:^|[\s\[{,:])[&*]\S", re.MULTILINE)
"""Where an anchor (``&name``) or alias (``*name``) could start: after a line start, space or flow indicator.
Text without such a place has neither, and need not be parsed to find out."""


def _structural_problems(text: str) -> list[tuple[int, str]]:
    """Anchors and aliases, found without building anything."""
    if not _MAY_HAVE_ANCHOR.search(text):
        return []
    problems = []
    for event in yaml.parse(text, Loader=YamlLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            problems.append((event.start_mark.line + 1, "YAML anchors and aliases are not allowed"))
            break
    return problems


MERGE = "tag:yaml.org,2002:merge"


def _key_problem(key: yaml.Node) -> str | None:
    if not isinstance(key, yaml.ScalarNode):
        return "a key must be a plain word, not a list or mapping ('? ...' keys are not allowed)"
    if key.tag == MERGE:
        return "YAML merge keys ('<<') are not allowed: write each key out"
    return None


def _shape_problems(node: yaml.Node) -> list[tuple[int, str]]:
    """Keys that are not plain scalars, merge keys, duplicate keys and too deep nesting, found without recursion."""
    problems = []
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH and isinstance(current, yaml.CollectionNode):
            problems.append((current.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep"))
            continue
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                problem = _key_problem(key)
                if problem:
                    problems.append((key.start_mark.line + 1, problem))
                elif key.value in seen:
                    problems.append((key.start_mark.line + 1, f"duplicate key {key.value!r}"))
                else:
                    seen.add(key.value)
                stack.append((value, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return sorted(problems)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while the data is read.

    Reading builds a tree of many small objects (YAML nodes, then the model) and frees it by reference counting;
    the collector would scan the growing tree again and again without finding anything (nearly half of the time
    taken by a large file). It runs as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(raw: bytes, file: str) -> Roadmap:
    """Validate the bytes of a data file; raise :class:`RoadmapError` listing every problem."""
    with _collection_paused():
        return _parse(raw, file)


def _parse(raw: bytes, file: str) -> Roadmap:

    def fail(line: int, message: str, field: str = "") -> RoadmapError:
        return RoadmapError([DataError(file, line, field, message)])

    if len(raw) > MAX_BYTES:
        raise fail(1, f"file is larger than {MAX_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(line, f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    try:
        structural = _structural_problems(text)
        if structural:
            raise RoadmapError([DataError(file, line, "", msg) for line, msg in structural])
        loader = YamlLoader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                raise fail(1, "file is empty")
            shape = _shape_problems(root)
            if shape:
                raise RoadmapError([DataError(file, line, "", msg) for line, msg in shape])
            document = loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line, problem = _syntax_error(text, exc)
        raise fail(line, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise fail(1, f"YAML error: {exc}") from None
    if not isinstance(document, dict):
        raise fail(root.start_mark.line + 1, f"the file must be a mapping, not {type(document).__name__}")
    try:
        roadmap = Roadmap.model_validate(document)
    except ValidationError as exc:
        raise RoadmapError(sorted(
            (DataError(file, _line_of(root, loc), field_name(loc), _message(err))
             for err in exc.errors() for loc in [location_in_data(err["loc"])]),
            key=lambda e: e.line,
        )) from None
    problems = [*cross_check(roadmap), *glossary.problems(roadmap), *pages.id_problems(roadmap)]
    if problems:
        raise RoadmapError(sorted(
            (DataError(file, _line_of(root, p), field_name(p), msg) for p, msg in problems),
            key=lambda e: e.line,
        ))
    return roadmap


def read(path: Path) -> bytes:
    """The bytes of a data file: a regular file, read no further than :data:`MAX_BYTES` (``/dev/zero`` ends)."""

    def fail(message: str) -> RoadmapError:
        return RoadmapError([DataError(str(path), 1, "", message)])

    try:
        if not stat.S_ISREG(path.stat().st_mode):  # before opening: opening a pipe would wait for a writer
            raise fail("not a regular file")
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise fail(f"file is larger than {MAX_BYTES} bytes")
    return raw


def load(path: str | Path) -> Roadmap:
    """Read and validate a data file; raise :class:`RoadmapError` listing every problem."""
    path = Path(path)
    return parse(read(path), str(path))


_loaded: dict[str, tuple[tuple[int, int], Roadmap]] = register(
    {}, name="macros.data.loader._loaded", holds="the validated roadmap of each data file read",
    key="the file's resolved path, checked against its modification time and size",
    stale="once the file changes (checked on every use, and replaced then; emptying it after a data edit as well "
          "made make serve's rebuild 0.15 s slower, bench/README.md)", sources=("data/*",))


def load_once(path: str | Path) -> Roadmap:
    """:func:`load`, remembered while the file keeps its size and modification time.

    One process checks the data and builds both languages: the file is parsed and validated once
    (the model is immutable, so every build can share it), and again only after it changes.
    """
    try:
        stat = Path(path).stat()
    except OSError:
        return load(path)  # which reports the problem
    key, stamp = str(Path(path).resolve()), (stat.st_mtime_ns, stat.st_size)
    remembered = _loaded.get(key)
    if remembered and remembered[0] == stamp:
        return remembered[1]
    roadmap = load(path)
    _loaded[key] = (stamp, roadmap)
    return roadmap
