"""Entry point: ``python -m reader`` (and the ``gongbao`` script).

With a command (``parse``, ``import``, ``list``, ``show`` …) it runs the CLI; without one it
starts the desktop app. The GUI is imported only when needed so CLI commands start fast and
run on machines without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from reader.cli import COMMANDS

    wants_cli = any(a in COMMANDS for a in args if not a.startswith("-")) or any(
        a in ("-h", "--help", "--version") for a in args
    )
    if wants_cli:
        from reader.cli import main as cli_main

        return cli_main(args)
    from reader.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
