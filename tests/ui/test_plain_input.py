"""Plain mode input: bad answers re-asked, EOF and Ctrl-C keep what was committed, going back re-scores."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from decimal import Decimal

from builders import WUXI
from plain_driver import perfeval, run_lines, run_questionary, seed_answers, typed

from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project


def test_bad_answer_is_reasked_with_the_chinese_message(tmp_path):
    path = tmp_path / "new.json"
    keys = typed(["测试专项", "2O20", "2020", "测试单位", "", "", "", "", "", "否"])
    keys += typed(["2", "1", "专项A", "45o", "450"])
    run = run_questionary(path, keys, new=True)
    assert "输入有误：「年度」「2O20」不是有效数字。请输入非负整数" in run.out
    assert "输入有误：「预算安排数」「45o」不是有效数字。请输入以万元为单位的非负金额" in run.out
    assert run.screen.count("预算安排数（万元）") >= 2  # asked again after the bad answer
    project = load_project(path)
    assert project.basics.year == 2020
    assert project.funds[0].budget == Decimal("450")
    assert run.code == 3  # input ended before the project was complete


def test_a_bad_menu_number_is_reasked(tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copyfile(WUXI, path)
    run = run_lines(path, ["9", "7"])
    assert "输入有误：「下一步做什么？」请输入 1 到 7 之间的序号" in run.out
    assert run.code == 0


def test_eof_midway_loses_no_committed_answer(tmp_path):
    path = tmp_path / "new.json"
    answers = seed_answers()
    cut = answers.index("无锡市2020年度宜居住区老旧小区技防改造专项（项目）") + 4  # name, 450, 0, 0
    run = run_questionary(path, typed(answers[:cut]), new=True)
    assert run.code == 3
    assert "输入已结束。已录入的内容都已保存。" in run.out
    project = load_project(path)
    assert project.basics.department == "无锡市公安局"
    row = project.funds[0]
    assert (row.name, row.budget, row.increase, row.decrease) == (
        "无锡市2020年度宜居住区老旧小区技防改造专项（项目）",
        Decimal("450"),
        Decimal("0"),
        Decimal("0"),
    )
    assert row.actual_spend == Decimal("0")  # the question EOF cut off
    assert "附表1" in run.out and "项目尚未填写完整" in run.out


def test_eof_on_a_complete_project_exits_0(tmp_path):
    path = tmp_path / "new.json"
    run = run_questionary(path, typed(seed_answers()[:-1]), new=True)  # all but the final 退出
    assert run.code == 0
    assert score_project(load_project(path)).total == Decimal("99.60")


def test_eof_through_the_command_exits_3_without_a_traceback(tmp_path):
    path = tmp_path / "new.json"
    answers = seed_answers()
    cut = answers.index("梁溪区") + 2
    done = perfeval("new", str(path), "--plain", stdin="\n".join(answers[:cut]).encode())
    assert done.returncode == 3
    assert b"Traceback" not in done.stderr + done.stdout
    project = load_project(path)
    assert [d.name for d in project.districts] == ["梁溪区"]
    assert project.districts[0].allocated == Decimal("400")
    assert project.funds[0].actual_spend == Decimal("450")


def test_going_back_to_a_step_and_changing_a_value_rescores(tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copyfile(WUXI, path)
    # Step 2 (附表1): edit row 1, 实际支出数 450 -> 400; every other field kept with Enter.
    keys = typed(["2", "2", "", "", "", "", "", "400", "", "", "", "4"])
    # Step 4: edit indicator 19 (社会满意度), 完成值 96 -> 100; then leave.
    keys += typed(["4", "2", "19", "", "", "", "", "", "100", "否", "5", "7"])
    run = run_questionary(path, keys)
    assert run.code == 0
    # 400 / 450 = 88.89% -> 4 - 0.5 x 6.11 = 0.94 (the brief's worked check).
    assert "预算执行率（%） 4.00 → 0.94；总分 96.54（优）" in run.out
    assert "—— 本步完成。总分 96.54（优），本步 -3.06" in run.out
    assert "社会满意度（％） 9.60 → 10.00；总分 96.94（优）" in run.out
    result = score_project(load_project(path))
    assert result.total == Decimal("96.94")
    assert result.by_id("budget_execution_rate").score == Decimal("0.94")


def test_ctrl_c_asks_whether_to_save_and_quit(tmp_path):
    path = tmp_path / "new.json"
    # Ctrl-C at 年度 before the file exists: "no", and 年度 is asked again.
    keys = "测试专项\r" + "\x03" + "否\r" + "2020\r" + "测试单位\r"
    # Ctrl-C at 主管部门: Enter accepts 保存并退出.
    keys += "\x03" + "\r"
    run = run_questionary(path, keys, new=True)
    assert "项目文件尚未创建。退出" in run.screen
    assert "已录入的内容都已保存。保存并退出" in run.screen
    assert "已保存，退出。" in run.out
    assert run.code == 3
    project = load_project(path)
    assert (project.basics.name, project.basics.year, project.basics.unit) == (
        "测试专项",
        2020,
        "测试单位",
    )


def test_new_refuses_an_existing_file(tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copyfile(WUXI, path)
    before = path.read_bytes()
    done = perfeval("new", str(path), "--plain", stdin=b"")
    assert done.returncode == 2
    assert "已存在" in done.stderr.decode()
    assert path.read_bytes() == before


def test_a_broken_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"basics": {"name": ""}}', "utf-8")
    before = path.read_bytes()
    done = perfeval(str(path), "--plain", stdin=b"7\n")
    assert done.returncode == 2
    assert "错误：" in done.stderr.decode() and b"Traceback" not in done.stderr
    assert path.read_bytes() == before


def test_welcome_menu_opens_the_demo_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    run = run_lines(None, ["3", "7"])
    assert run.code == 0
    assert "总分 99.60（优）" in run.out
    assert (tmp_path / "perfeval" / "demo-wuxi-2020.json").exists()


def test_export_step_writes_the_files_and_asks_before_overwriting(tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copyfile(WUXI, path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    # Export twice into the same folder (Enter: the Word report too); the second time asks,
    # and 是 overwrites.
    run = run_lines(path, ["6", str(out_dir), "", "6", str(out_dir), "", "是", "7"])
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == [
        "无锡市2020年度宜居住区技防改造专项-2020-绩效评价报告.docx",
        "无锡市2020年度宜居住区技防改造专项-2020-绩效评价报告.md",
        "无锡市2020年度宜居住区技防改造专项-2020-附表.xlsx",
    ]
    assert "同时导出 Word 报告（docx）（是/否） [是]" in run.out
    assert run.out.count("已导出：") == 6
    assert "已存在，没有覆盖" in run.out and "覆盖这些文件（是/否） [否]：是" in run.out
    assert run.code == 0


def test_export_step_makes_a_folder_that_does_not_exist_and_refuses_a_file(tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copyfile(WUXI, path)
    (tmp_path / "a-file").write_text("x", "utf-8")
    out_dir = tmp_path / "新目录" / "导出"
    run = run_lines(path, ["6", str(tmp_path / "a-file"), str(out_dir), "否", "7"])
    assert "是一个文件，请输入目录（不存在时会新建）" in run.out
    assert sorted(p.suffix for p in out_dir.iterdir()) == [".md", ".xlsx"]
    assert run.code == 0


def lock_file(path, pid):
    holder = {
        "user": "张三",
        "host": socket.gethostname(),
        "pid": pid,
        "since": "2024-05-23 09:30:00",
    }
    lock = path.with_name(path.name + ".lock")
    lock.write_text(json.dumps(holder, ensure_ascii=False), "utf-8")
    return lock


def test_a_file_another_window_is_editing_is_left_alone(tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copyfile(WUXI, path)
    before = path.read_bytes()
    holder = subprocess.Popen(["sleep", "60"])
    try:
        lock = lock_file(path, holder.pid)
        run = run_lines(path, ["2", "2", "", "", "", "", "", "400"])
        assert run.code == 2
        assert f"正由 张三@{socket.gethostname()}（进程 {holder.pid}" in run.out
        assert "总分 99.60（优）" in run.out
        assert path.read_bytes() == before
        assert lock.exists()  # the other window's lock is not ours to remove
    finally:
        holder.kill()
        holder.wait()


def test_the_edit_lock_is_taken_over_when_stale_and_released_on_exit(tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copyfile(WUXI, path)
    gone = subprocess.Popen(["true"])
    gone.wait()
    lock = lock_file(path, gone.pid)
    run = run_lines(path, ["7"])
    assert "已不在运行，已接管编辑锁" in run.out
    assert run.code == 0
    assert not lock.exists()


def test_a_new_national_indicator_is_asked_by_the_forms_own_levels(tmp_path):
    # The national form has 一级 / 二级 / 三级: plain mode asked Wuxi's 指标类别 / 一级 / 二级 as
    # well and made a four-level row; its rule list showed the rules' ids.
    from perfeval_tui.project.factory import new_project
    from perfeval_tui.project.storage import save_project

    path = tmp_path / "national.json"
    save_project(new_project("农村公路养护", 2024, "某县交通运输局", "national-2020"), path)
    run = run_lines(path, ["4", "否", "3", "2", "1", "路面修补面积", "", "20", "7"])
    assert "指标类别" not in run.out
    assert "一级指标\n" in run.out and "二级指标（序号或新名称）" in run.out
    assert "  1) 产出指标\n" in run.out and "（output）" not in run.out
    added = [i for i in load_project(path).indicators if i.name == "路面修补面积"]
    assert [i.levels for i in added] == [["产出指标", "数量指标", "路面修补面积"]]
