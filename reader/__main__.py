"""Entry point: ``python -m reader`` (and the ``gongbao`` script).

With a command (``parse``, ``import``, ``list``, ``show`` …) it runs the CLI; without one it
starts the desktop app. Any other bare word goes to the CLI too, which rejects it with a usage
error instead of silently starting a window. The GUI is imported only when needed so CLI
commands start fast and run on machines without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _positional(args: list[str]) -> list[str]:
    """The words of a command line that are no option or option value (from the CLI's parser)."""
    from reader.cli import options_with_value

    takes_value = options_with_value()
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in takes_value:
            skip = True
        elif not a.startswith("-"):
            out.append(a)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # PDF workers are spawned processes, also when frozen
    args = list(sys.argv[1:] if argv is None else argv)
    if "--selftest" in args:  # headless: import, index, search, annotate, export in a temp library
        from reader.console import attach_parent_console
        from reader.selftest import main as selftest

        attach_parent_console()
        return selftest()
    words = _positional(args)
    links = [w for w in words if w.startswith("gongbao://")]  # a link from exported notes: the app
    if (words and not links) or any(a in ("-h", "--help") for a in args):
        from reader.cli import main as cli_main
        from reader.console import attach_parent_console

        attach_parent_console()
        return cli_main(args)
    from reader.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
