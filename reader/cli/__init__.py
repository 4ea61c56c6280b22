"""Command line: ``python -m reader <command>``. A product surface: its JSON shapes are a contract.

Each command lives beside its arguments in the module for what it works on (``documents``,
``repairs``, ``notes``, ``searching``, ``relations``, ``duties``, ``maintenance``);
:mod:`reader.cli.core` builds the parser from them.
Exit codes: 0 success; 1 the command ran but something failed (some files not imported, a
document not found, the library unusable); 2 usage errors.
"""

from reader.cli import documents, duties, maintenance, notes, relations, repairs, scans, searching  # noqa: F401  (each registers its commands)
from reader.cli.core import COMMANDS, build_parser, main, options_with_value
from reader.cli.core import _utf8_output as utf8_output

__all__ = ["COMMANDS", "build_parser", "main", "options_with_value", "utf8_output"]
