"""The page scripts run with Streamlit's magic off (.streamlit/config.toml): magic parses each script with ast.parse,
which CPython 3.11 does not make thread-safe, so sessions opening pages at once could fail. No page may rely on it."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]


def test_magic_is_off_in_the_server_config():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_page_writes_a_bare_expression(script: Path):
    """A bare value on its own line would be shown only by magic: with magic off it would silently show nothing."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    docstrings = {id(body.body[0]) for body in ast.walk(tree)
                  if isinstance(body, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and body.body}
    bare = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Expr) and id(node) not in docstrings
            and not isinstance(node.value, ast.Call | ast.Await | ast.Yield | ast.YieldFrom)]
    assert bare == []
