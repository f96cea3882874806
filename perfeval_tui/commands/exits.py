"""Exit codes and the one-line error every command ends with (no traceback ever)."""

from __future__ import annotations

import sys

EXIT_OK, EXIT_WARNINGS, EXIT_BAD_INPUT = 0, 1, 2


def fail(message: str) -> int:
    """Print a one-line Chinese error to stderr and return the bad-input exit code (2)."""
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT
