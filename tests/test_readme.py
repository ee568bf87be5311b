import re
import tomllib

from click.testing import CliRunner

from crawler.cli import main

from .helpers.paths import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_demo_and_the_test_command():
    first_block = README.split("```")[1]
    assert "nianbao demo" in first_block and "pytest" in first_block


def test_readme_lists_every_command():
    missing = [name for name in main.commands if f"`nianbao {name}" not in README]
    assert missing == []


def test_readme_lists_every_option_of_every_command():
    missing = []
    for name, command in main.commands.items():
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if (
                    opt.startswith("--")
                    and opt != "--help"
                    and not re.search(rf"`nianbao {name}[^`]*{opt}", README)
                ):
                    missing.append(f"{name} {opt}")
    assert missing == []


def test_every_command_has_help_text():
    result = CliRunner().invoke(main, ["--help"])
    assert all(main.commands[name].help for name in main.commands) and result.exit_code == 0


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install" in ci and "-e '.[test]'" in ci and "pytest" in ci


def test_readme_lists_every_marker():
    with (REPO / "pyproject.toml").open("rb") as handle:
        markers = tomllib.load(handle)["tool"]["pytest"]["ini_options"]["markers"]
    missing = [name for name in (line.split(":")[0] for line in markers) if f"- `{name}`:" not in README]
    assert missing == []
