"""Writing the export files: names, no silent overwrite, both-or-neither, unwritable folders, the CLI."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from builders import COUNTY, WUXI

from perfeval_tui.cli import main
from perfeval_tui.exports import ExistingFileError, ExportError, export_paths, export_project
from perfeval_tui.exports.naming import safe_stem
from perfeval_tui.project.storage import load_project

XLSX_NAME = "无锡市2020年度宜居住区技防改造专项-2020-附表.xlsx"
MD_NAME = "无锡市2020年度宜居住区技防改造专项-2020-绩效评价报告.md"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_file_names_follow_the_project(tmp_path):
    project = load_project(WUXI)
    assert [p.name for p in export_paths(project, tmp_path)] == [XLSX_NAME, MD_NAME]


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("  专项 . ", "专项"),
        ("...", "专项"),
        ("CON", "_CON"),
        ("行\t政\n区", "行_政_区"),
    ],
)
def test_names_are_safe_for_every_file_system(name, stem):
    assert safe_stem(name) == stem


def test_a_very_long_name_is_cut_to_fit(tmp_path):
    project = load_project(COUNTY)
    project.basics.name = "很长的专项名称" * 40
    paths = export_project(project, tmp_path)
    assert all(len(p.name.encode("utf-8")) < 255 for p in paths)
    assert listing(tmp_path) == sorted(p.name for p in paths)


def test_cli_writes_both_files_by_default(tmp_path, capsys):
    code, out, _ = run(capsys, "export", str(WUXI), "-o", str(tmp_path / "new" / "dir"))
    assert code == 0
    assert listing(tmp_path / "new" / "dir") == sorted([XLSX_NAME, MD_NAME])
    assert out.count("已导出：") == 2


@pytest.mark.parametrize(("switch", "names"), [("--xlsx", [XLSX_NAME]), ("--md", [MD_NAME])])
def test_cli_switches_pick_one_file(tmp_path, capsys, switch, names):
    code, _, _ = run(capsys, "export", str(WUXI), "-o", str(tmp_path), switch)
    assert code == 0
    assert listing(tmp_path) == names


def test_existing_files_are_not_overwritten_without_force(tmp_path, capsys):
    (tmp_path / MD_NAME).write_text("我的修改", encoding="utf-8")
    code, _, err = run(capsys, "export", str(WUXI), "-o", str(tmp_path))
    assert code == 2
    assert "已存在" in err and "--force" in err
    assert (tmp_path / MD_NAME).read_text(encoding="utf-8") == "我的修改"
    assert listing(tmp_path) == [MD_NAME]  # neither file written when one exists
    with pytest.raises(ExistingFileError) as caught:
        export_project(load_project(WUXI), tmp_path)
    assert caught.value.paths == [tmp_path / MD_NAME]
    code, _, _ = run(capsys, "export", str(WUXI), "-o", str(tmp_path), "--force")
    assert code == 0
    assert (tmp_path / MD_NAME).read_text(encoding="utf-8").startswith("# 无锡市")


def test_exported_files_get_ordinary_permissions(tmp_path):
    for path in export_project(load_project(WUXI), tmp_path):
        assert path.stat().st_mode & 0o044 == 0o044 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    from perfeval_tui.exports import workbook

    (tmp_path / MD_NAME).write_text("旧报告", encoding="utf-8")

    def broken(project, path, result=None, warnings=None, tables=None):
        Path(path).write_bytes(b"PK\x03\x04 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workbook, "write_xlsx", broken)
    with pytest.raises(ExportError) as caught:
        export_project(load_project(WUXI), tmp_path, force=True)
    assert "磁盘空间不足" in str(caught.value)
    assert listing(tmp_path) == [MD_NAME]  # no temp file, no half workbook
    assert (tmp_path / MD_NAME).read_text(encoding="utf-8") == "旧报告"  # the old report kept


def test_output_below_a_regular_file_gives_exit_2_and_no_stray_file(tmp_path, capsys):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "export", str(WUXI), "-o", str(blocker / "out"))
    assert code == 2 and out == ""
    assert err.startswith("错误：无法创建目录") and "Traceback" not in err
    assert listing(tmp_path) == ["not-a-dir"]
    assert blocker.read_text(encoding="utf-8") == "x"
    code, _, err = run(capsys, "export", str(WUXI), "-o", str(blocker))
    assert code == 2 and "不是目录" in err


def _make_unwritable(folder: Path) -> str | None:
    """Make ``folder`` unwritable even for root; return why that is impossible, or None."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return None
    # Permission bits do not stop root; the immutable attribute does, where the file system
    # and the container allow setting it.
    chattr = shutil.which("chattr")
    if chattr is None:
        return "running as root without chattr: no way to make a folder unwritable"
    done = subprocess.run([chattr, "+i", str(folder)], capture_output=True)
    probe = folder / "probe"
    try:
        probe.touch()
    except OSError:
        return None
    probe.unlink()
    if done.returncode == 0:
        subprocess.run([chattr, "-i", str(folder)], capture_output=True)
    return "running as root where chattr +i is not permitted: no way to make a folder unwritable"


def _restore(folder: Path) -> None:
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_read_only_directory_gives_exit_2_and_no_stray_file(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    reason = _make_unwritable(folder)
    if reason is not None:
        _restore(folder)
        pytest.skip(reason)
    try:
        code, out, err = run(capsys, "export", str(WUXI), "-o", str(folder))
        assert code == 2 and out == ""
        assert err.startswith("错误：无法写入目录") and "权限" in err
        assert listing(folder) == []
    finally:
        _restore(folder)


def test_a_bad_project_file_is_reported_not_exported(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "export", str(bad), "-o", str(tmp_path / "out"))
    assert code == 2 and "JSON 格式错误" in err
    assert not (tmp_path / "out").exists()


def test_an_export_builds_each_table_once_for_the_workbook_and_the_report(tmp_path, monkeypatch):
    from perfeval_tui.exports import report, workbook

    built: list[str] = []
    for module in (report, workbook):
        for name in ("budget_sheet", "indicator_sheet", "district_sheet"):
            real = getattr(module, name)

            def counted(project, result, _real=real, _name=name):
                built.append(_name)
                return _real(project, result)

            monkeypatch.setattr(module, name, counted)
    paths = export_project(load_project(WUXI), tmp_path, xlsx=True, md=True, docx=True)
    assert len(paths) == 3
    assert sorted(built) == ["budget_sheet", "district_sheet", "indicator_sheet"]
    assert "附件2附表2" in (tmp_path / MD_NAME).read_text(encoding="utf-8")
