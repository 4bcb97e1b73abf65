"""Delivery checks: the GitHub workflows, Dependabot, the dependency lock and the CI entry point.

The workflows are validated against GitHub's published schema (check-jsonschema ships it) and
then checked for what a schema cannot see: least-privilege permissions, actions pinned to a
commit, job references, untrusted input in scripts, and every ``run:`` script through ShellCheck.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
ALLOWED_WRITES = {("ci.yml", "deploy"): {"pages", "id-token"}}
"""(workflow, job) → the only scopes that job may write."""
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<rest>.*)$")


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _using(workflow: dict, action: str) -> list[dict]:
    return [step for step in _steps(workflow) if step.get("uses", "").split("@")[0] == action]


def _runs(workflow: dict) -> list[str]:
    return [step["run"] for step in _steps(workflow) if "run" in step]


def _schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )


@pytest.fixture(scope="module")
def workflows() -> dict[str, dict]:
    return {path.name: _load(path) for path in WORKFLOWS}


def test_the_workflows_exist():
    assert {path.name for path in WORKFLOWS} == {"ci.yml", "engines.yml", "links.yml"}


def test_workflows_and_dependabot_match_githubs_schemas():
    result = _schema_check("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    result = _schema_check("vendor.dependabot", ROOT / ".github/dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps:\n      - run: true\n    runs_on: ubuntu-24.04\n")
    result = _schema_check("vendor.github-workflows", broken)
    assert result.returncode != 0


def test_every_action_is_pinned_to_a_commit_with_its_version_noted():
    for path in [*WORKFLOWS]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = USES.match(line)
            if not match:
                continue
            where = f"{path.name}:{number}"
            assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"{where}: pin {match['action']} to a commit SHA"
            assert re.fullmatch(r"\s+# v\d+(\.\d+)*", match["rest"]), f"{where}: note the version, `# vX.Y.Z`"


def test_permissions_are_least_privilege(workflows):
    for name, workflow in workflows.items():
        assert workflow.get("permissions") == {"contents": "read"}, f"{name}: top-level permissions: contents: read"
        for job_id, job in workflow["jobs"].items():
            permissions = job.get("permissions", {})
            assert isinstance(permissions, dict), f"{name}/{job_id}: list scopes, never read-all/write-all"
            writes = {scope for scope, level in permissions.items() if level == "write"}
            assert writes <= ALLOWED_WRITES.get((name, job_id), set()), f"{name}/{job_id} writes {writes}"


def test_jobs_reference_existing_jobs_and_have_timeouts(workflows):
    for name, workflow in workflows.items():
        for job_id, job in workflow["jobs"].items():
            needs = job.get("needs", [])
            for need in [needs] if isinstance(needs, str) else needs:
                assert need in workflow["jobs"], f"{name}/{job_id} needs unknown job {need}"
            assert job.get("timeout-minutes"), f"{name}/{job_id}: set timeout-minutes"
            assert not str(job["runs-on"]).endswith("-latest"), f"{name}/{job_id}: name the runner image"


def test_no_expression_is_expanded_inside_a_script(workflows):
    # ${{ }} in `run:` is pasted into the shell before it runs (script injection); pass values via env
    for name, workflow in workflows.items():
        for script in _runs(workflow):
            assert "${{" not in script, f"{name}: move the expression into `env:`\n{script}"


def test_every_script_passes_shellcheck(workflows, tmp_path: Path):
    scripts = [ROOT / ".ci/run"]
    for name, workflow in workflows.items():
        for index, script in enumerate(_runs(workflow)):
            file = tmp_path / f"{Path(name).stem}-{index}.sh"
            # GitHub runs each script with `bash -e {0}`
            file.write_text(f"#!/usr/bin/env bash\nset -e\n{script}", encoding="utf-8")
            scripts.append(file)
    result = subprocess.run([str(BIN / "shellcheck"), "--severity=style", *map(str, scripts)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_every_check_and_keeps_the_site(workflows):
    """CI runs what ``make test`` runs (data check, ruff, every test), spread over jobs that check one build."""
    ci = workflows["ci.yml"]
    assert {"push", "pull_request"} <= set(ci["on"])
    scripts = "\n".join(_runs(ci))
    for command in ("make install", "make check lint", "make system", "playwright install --with-deps chromium",
                    "-m macros.engine.site build --out site", '-m "not browser"', "-m browser --shard",
                    "make markup SITE=site", ".github/linkcheck/check.py site", "make audit", "pip-audit"):
        assert command in scripts, command
    assert "ruff" not in scripts, "ruff runs once, inside make lint"
    assert ci["env"]["RUFF_OUTPUT_FORMAT"] == "github"
    assert "vars.SITE_URL" in ci["env"]["SITE_URL"]
    assert "site/" in [step["with"]["path"] for step in _using(ci, "actions/upload-artifact")]
    shards = ci["jobs"]["browser"]["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and f"/{len(shards)}" in scripts, "every shard runs"
    pythons = _using(ci, "actions/setup-python")
    assert pythons and all(step["with"]["cache"] == "pip" for step in pythons)
    assert all(step["with"]["cache-dependency-path"] == "requirements.txt" for step in pythons)


def test_every_job_checks_the_one_build_and_pages_deploys_it(workflows):
    """One job builds; the others download that build; the deploy takes it only from main, after every gate."""
    ci = workflows["ci.yml"]
    jobs = ci["jobs"]
    main_push = "${{ github.ref == 'refs/heads/main' && github.event_name == 'push' }}"
    for job_id in ("unit", "browser", "markup", "links", "pages"):
        downloads = [step for step in jobs[job_id]["steps"] if step.get("uses", "").startswith(
            "actions/download-artifact@")]
        assert [step["with"]["name"] for step in downloads] == ["site"], job_id
        assert "build" in jobs[job_id]["needs"], job_id
    for job_id in ("unit", "browser"):
        runs = [step for step in jobs[job_id]["steps"] if "-m pytest" in step.get("run", "")]
        assert runs and all(step["env"]["TEST_SITE"] == "site" for step in runs), job_id
    handed = _using({"jobs": {"pages": jobs["pages"]}}, "actions/upload-pages-artifact")
    assert [step["with"]["path"] for step in handed] == ["site"]
    assert set(jobs["pages"]["needs"]) == set(jobs) - {"pages", "deploy"}, "the build is handed on after every gate"
    assert jobs["pages"]["if"] == main_push
    deploy = jobs["deploy"]
    assert set(deploy["needs"]) == set(jobs) - {"deploy"}, "deploy waits for every other job"
    assert deploy["if"] == main_push and deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert jobs["lighthouse"]["if"] == "${{ github.ref == 'refs/heads/main' && github.event_name != 'pull_request' }}"
    assert "schedule" in ci["on"], "Lighthouse also runs nightly"


def test_links_workflow_checks_external_addresses_weekly_and_on_demand(workflows):
    links = workflows["links.yml"]
    assert "workflow_dispatch" in links["on"]
    cron = links["on"]["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2:4] == ["*", "*"] and cron[4] != "*", "once a week"
    scripts = "\n".join(_runs(links))
    assert ".github/linkcheck/check.py site --extern --report link-report.md" in scripts
    assert [step["with"]["path"].split() for step in _using(links, "actions/upload-artifact")] == [
        ["link-report.md", "stale-facts.md"]]
    assert "-m macros.data.staleness --markdown" in scripts, "the weekly report lists facts checked over 12 months ago"


def test_engines_workflow_compares_the_properdocs_build_with_the_mkdocs_build(workflows):
    engines = workflows["engines.yml"]
    assert {"push", "pull_request"} <= set(engines["on"])
    scripts = _runs(engines)
    assert "make install" in scripts, "the project's own lock, as everywhere else"
    assert ".venv/bin/python bench/engines.py" in scripts, "the comparison lives in bench/engines.py"
    pythons = _using(engines, "actions/setup-python")
    assert pythons and all(step["with"]["cache"] == "pip" for step in pythons)
    assert all(set(step["with"]["cache-dependency-path"].split()) == {"requirements.txt", "bench/properdocs.txt"}
               for step in pythons)


def test_dependabot_keeps_the_lock_and_the_actions_current():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {entry["package-ecosystem"]: entry for entry in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions"}
    assert all(entry["directory"] == "/" for entry in ecosystems.values())


def _lock() -> dict[str, tuple[str, list[str]]]:
    """requirements.txt as name → (pinned version, hashes)."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    pins: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1] if text.startswith("#") else text):
        block = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith("#"))
        if not block.strip():
            continue
        head = block.split("\\")[0].strip()
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+)", head)
        assert match, f"requirements.txt: not an exact pin: {head!r} (edit requirements.in, then `make lock`)"
        pins[canonicalize_name(match[1])] = (match[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return pins


def test_the_lock_pins_every_package_with_hashes():
    pins = _lock()
    assert len(pins) > 20
    unhashed = [name for name, (_, hashes) in pins.items() if not hashes]
    assert not unhashed, f"pins without hashes: {unhashed}"


def test_the_lock_satisfies_requirements_in():
    pins = _lock()
    for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is in requirements.in but not locked: run `make lock`"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), (
            f"{requirement.name}=={pins[name][0]} is outside {requirement.specifier}: run `make lock`"
        )


def test_make_installs_the_lock_with_required_hashes_and_ci_uses_make():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = re.search(r"^\$\(STAMP\):.*?(?=^\S)", makefile, re.S | re.M)
    assert install, "the install rule"
    assert "--require-hashes -r requirements.txt" in install[0]
    assert re.search(r"^install: \$\(STAMP\)", makefile, re.M)
    assert re.search(r"^lock:", makefile, re.M)
    run = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", run, re.M)
    # make test checks the data and lints first, then installs the system packages the browser tests need
    test = re.search(r"^test: (.*?) ##", makefile, re.M)
    assert test and test[1].split() == ["check", "lint", "system"]
    system = re.search(r"^system:.*\n\t(.*)$", makefile, re.M)
    assert system and "tests.prerequisites chromium cjk-fonts" in system[1]
