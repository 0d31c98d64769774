"""How ``newsgraph ... --help`` reads: in the style of git, uv and ruff.

Typer's own help tags every parameter with its Python type (``<bool>``, ``<str>``,
``<list[Path]>``), writes a required list of paths as ``{paths}...`` and leaves out most
defaults. Here each option shows the value it takes (``--port <PORT>``), its default and the
environment variable behind it (``[env: NEWSGRAPH_PORT] [default: 8000]``), arguments read
``<PATH>...``, and a group can end with the environment variables every command reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

# Typer (0.29, the version pyproject requires) carries its own copy of click, typer._click: its
# commands, parameters, contexts and formatters are that copy's classes, not the click package's.
from typer import _click as click
from typer.core import TyperCommand, TyperGroup

__all__ = ["Command", "EnvVar", "Group", "with_environment"]

# (variable, what it does, its default as text)
EnvVar = tuple[str, str, str]

_C = TypeVar("_C", "Command", "Group")


# Typer's parameters are click Parameters but not click Options or Arguments: tell them apart
# by their kind, and read what only options have with getattr.


def _is_option(param: click.Parameter) -> bool:
    return param.param_type_name == "option"


def _is_flag(param: click.Parameter) -> bool:
    return bool(getattr(param, "is_flag", False))


def _metavar(param: click.Parameter) -> str:
    return (param.metavar or param.name or "value").upper()


def _argument(param: click.Parameter) -> str:
    return f"<{_metavar(param)}>" + ("..." if param.nargs != 1 else "")


def _default(param: click.Parameter) -> str | None:
    shown = getattr(param, "show_default", None)
    if isinstance(shown, str):
        return shown
    if _is_flag(param):
        return None
    default = param.default
    if default is None or default == () or default == [] or callable(default):
        return None
    return str(default)


def _env(param: click.Parameter) -> str | None:
    envvar = param.envvar
    if not envvar:
        return None
    return envvar if isinstance(envvar, str) else ", ".join(envvar)


def _describe(help_text: str | None, env: str | None, default: str | None) -> str:
    parts = [" ".join((help_text or "").split())]
    if env:
        parts.append(f"[env: {env}]")
    if default is not None:
        parts.append(f"[default: {default}]")
    return " ".join(part for part in parts if part)


def _option_name(option: click.Parameter) -> str:
    short = [name for name in option.opts if not name.startswith("--")]
    long = [name for name in option.opts if name.startswith("--")]
    names = ", ".join(short + long)
    if not short:
        # Long-only options line up with the long names of those that have a short one.
        names = "    " + names
    if not _is_flag(option):
        names += f" <{_metavar(option)}>"
    return names


def _write_params(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter
) -> None:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        described = _describe(getattr(param, "help", None), _env(param), _default(param))
        if _is_option(param):
            options.append((_option_name(param), described))
        else:
            arguments.append((_argument(param), described))
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl(arguments)
    if options:
        with formatter.section("Options"):
            formatter.write_dl(options)


def _usage_pieces(command: click.Command, ctx: click.Context) -> list[str]:
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if not _is_option(param):
            pieces.append(_argument(param) if param.required else f"[{_argument(param)}]")
    return pieces


def _write_environment(
    environment: Sequence[EnvVar], formatter: click.HelpFormatter, title: str
) -> None:
    if not environment:
        return
    with formatter.section(title):
        formatter.write_dl(
            [(name, _describe(text, None, default)) for name, text, default in environment]
        )


class Command(TyperCommand):
    """A command whose help lists ``<ARGS>``, options with their defaults and env vars, and
    the environment variables it reads (``environment``)."""

    environment: Sequence[EnvVar] = ()

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_params(self, ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_environment(self.environment, formatter, "Environment")
        super().format_epilog(ctx, formatter)


class Group(TyperGroup):
    """A group of commands, with the same help style and the environment every command reads."""

    environment: Sequence[EnvVar] = ()

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_environment(self.environment, formatter, "Environment (every command)")
        super().format_epilog(ctx, formatter)


def with_environment(base: type[_C], *environment: EnvVar) -> type[_C]:
    """``base`` listing ``environment`` at the end of its help (typer builds commands from a
    class, so the list travels as a class attribute)."""
    return type(base.__name__, (base,), {"environment": environment})
