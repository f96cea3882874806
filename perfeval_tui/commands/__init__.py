"""One module per ``perfeval`` subcommand; see :mod:`perfeval_tui.cli`."""
