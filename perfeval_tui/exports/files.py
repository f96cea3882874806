"""Writing the export files: both or neither, atomically, never over a file without ``force``.

:func:`export_project` is the one entry point for every surface (command line, wizard, plain
mode); failures raise :class:`ExportError` with a one-line Chinese message.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..project.storage import fsync_dir
from ..scoring.checks import check_project
from ..scoring.engine import collection_paused, score_project
from ..scoring.model import Project
from .naming import docx_name, markdown_name, xlsx_name


class ExportError(Exception):
    """An export that could not be written; ``str()`` is the Chinese message."""


class ExistingFileError(ExportError):
    """An output file exists and ``force`` was not given; ``paths`` lists them."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        names = "、".join(f"「{p}」" for p in paths)
        super().__init__(f"{names}已存在，没有覆盖")


_REASONS = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.ENOTDIR: "路径中有一段是文件而不是目录",
    errno.ENOENT: "路径不存在",
    errno.ENAMETOOLONG: "文件名太长",
}


def os_reason(exc: OSError) -> str:
    """An OS error in Chinese (the system's own text is often English)."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _file_mode() -> int:
    # Temp files are created 0600; the exports are meant to be shared like any new file.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def export_paths(
    project: Project, out_dir: Path, *, xlsx: bool = True, md: bool = True, docx: bool = False
) -> list[Path]:
    """Where :func:`export_project` would write, in that order."""
    names = [
        name
        for wanted, name in (
            (xlsx, xlsx_name(project)),
            (md, markdown_name(project)),
            (docx, docx_name(project)),
        )
        if wanted
    ]
    return [Path(out_dir) / name for name in names]


def _prepare_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(
            f"无法写入目录「{out_dir}」：这是一个文件，不是目录。请用 -o 指定一个目录"
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            f"无法创建目录「{out_dir}」：{os_reason(exc)}。请用 -o 指定一个可写的目录"
        ) from None


def _temp_in(folder: Path, name: str) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(tmp)


def _write_temp(folder: Path, target: Path, write: Callable[[Path], None]) -> Path:
    tmp = _temp_in(folder, target.name)
    try:
        write(tmp)
        os.chmod(tmp, _file_mode())
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def export_project(
    project: Project,
    out_dir: str | os.PathLike[str],
    *,
    xlsx: bool = True,
    md: bool = True,
    docx: bool = False,
    force: bool = False,
) -> list[Path]:
    """Write the appendix workbook and/or the report (Markdown, Word) into ``out_dir``.

    Both files are first written to temporary files in ``out_dir`` and only then renamed into
    place, so a failure leaves neither a half-written file nor a stray temporary file.
    """
    folder = Path(out_dir)
    targets = export_paths(project, folder, xlsx=xlsx, md=md, docx=docx)
    if not targets:
        raise ExportError("没有要导出的内容：--xlsx、--md 和 --docx 至少选一个")
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise ExistingFileError(existing)
    for path in existing:
        if path.is_dir():
            raise ExportError(f"「{path}」是一个目录，无法用文件覆盖。请换一个输出目录")
    _prepare_dir(folder)

    result = score_project(project)
    warnings = check_project(project)
    writers: list[Callable[[Path], None]] = []
    from .workbook import appendix_tables

    tables = appendix_tables(project, result)  # once, for the workbook and the report
    if xlsx:
        from .workbook import write_xlsx

        writers.append(lambda tmp: write_xlsx(project, tmp, result, warnings, tables))
    if md or docx:
        from .national_layout import is_national
        from .report import build_report

        national = is_national(project)
        report = build_report(project, result, warnings, tables)
    if md:
        if national:  # the national form's own report layout
            from .national_report import national_markdown

            text = national_markdown(project, result, warnings)
        else:
            from .report_md import render_markdown

            text = render_markdown(report)
        writers.append(lambda tmp: _write_text(tmp, text))
    if docx:
        from .report_docx import write_docx  # python-docx is loaded only here

        writers.append(lambda tmp: write_docx(report, tmp))

    temps: list[Path] = []
    try:
        with collection_paused():  # a workbook is tens of thousands of objects that live on
            for target, write in zip(targets, writers, strict=True):
                temps.append(_write_temp(folder, target, write))
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(
            f"无法写入目录「{folder}」：{os_reason(exc)}。请检查目录权限和磁盘空间，"
            "或用 -o 指定其他目录"
        ) from None
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    fsync_dir(folder)
    return targets
