"""A command whose module cannot be imported says so, instead of a traceback."""

from click.testing import CliRunner

import communique.cli as cli_module
import communique.cli.eval as eval_module
from communique.cli import cli


def test_unavailable_command_reports_why(monkeypatch):
    monkeypatch.setitem(cli_module.COMMANDS, "broken", "communique.no_such_module:command")
    r = CliRunner().invoke(cli, ["broken"])
    assert r.exit_code == 1
    assert "'broken' command is not available" in r.output and "no_such_module" in r.output


def test_unavailable_eval_subcommand_reports_why(monkeypatch):
    monkeypatch.setitem(eval_module.SUBCOMMANDS, "broken", "communique.no_such_module:command")
    r = CliRunner().invoke(cli, ["eval", "broken"])
    assert r.exit_code == 1
    assert "'eval broken' is not available" in r.output and "no_such_module" in r.output
