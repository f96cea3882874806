"""Exports: the xlsx appendix workbook, the Markdown report draft, and reading a workbook back.

Nothing here imports textual or questionary; openpyxl is imported only when a workbook is
written or read.
"""

from __future__ import annotations

from .files import ExistingFileError, ExportError, export_paths, export_project

__all__ = ["ExistingFileError", "ExportError", "export_paths", "export_project"]
