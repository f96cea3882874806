"""perfeval-tui: 专项资金绩效评价自评 in the terminal."""

__version__ = "0.1.0"
