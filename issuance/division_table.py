"""The 任务分工表 of a snapshot: one row per task, the columns its content needs.

One table for the 通知's 附件 (.docx) and the .xlsx, so what a unit reads in Word and in Excel
is the same. Columns follow plans/plan_template.py's 任务分工表 (清单 when there are several, 序号, 分类, 任务, 工作措施,
牵头单位, 配合单位, 完成时限, 分值, 考核要求) with the targets in one 目标任务 column; a column
no task fills is left out. Each column has a preferred width in mm, which decides whether the
附件 needs a landscape page.
"""

from dataclasses import dataclass

from issuance.snapshot import quantity_text, target_owner, unit_name

# (name, preferred width in mm, whether it is always shown)
COLUMNS = [("清单", 18, False), ("序号", 14, True), ("类别", 22, False), ("任务内容", 62, True), ("工作措施", 52, False),
           ("牵头单位", 28, True), ("配合单位", 32, False), ("目标任务", 44, False), ("完成时限", 24, True),
           ("分值", 12, False), ("考核要求", 40, False)]


@dataclass
class DivisionTable:
    header: list[str]
    widths_mm: list[float]
    rows: list[list[str]]

    @property
    def preferred_width_mm(self) -> float:
        return sum(self.widths_mm)

    @property
    def labelled_rows(self) -> list[list[tuple[str, str]]]:
        """Each cell with its column's name: a phone shows a row as a card of labelled lines."""
        return [list(zip(self.header, row)) for row in self.rows]

    def fitted(self, width_mm: float) -> list[float]:
        """The widths scaled to fill `width_mm` exactly."""
        scale = width_mm / self.preferred_width_mm
        return [round(w * scale, 1) for w in self.widths_mm[:-1]] + [
            round(width_mm - sum(round(w * scale, 1) for w in self.widths_mm[:-1]), 1)]


def targets_text(snapshot: dict, task: dict) -> str:
    """One line per target: “社会帮扶资金：合计100万元”, “社会帮扶资金：鼓东街道33.3万元”."""
    return "\n".join(f"{t['metric']}：{target_owner(snapshot, t)}{quantity_text(t)}" for t in task["targets"])


def _cells(snapshot: dict, task: dict, several_lists: bool) -> dict[str, str]:
    text, measures = task["text"], task["measures"]
    return {
        "清单": task["list_name"] if several_lists else "",  # one list (附件1) for all: said by the title
        "序号": task["ref"],
        "类别": task["category"],
        "任务内容": text or measures,
        "工作措施": measures if text else "",
        "牵头单位": "、".join(unit_name(snapshot, pk) for pk in task["lead"]),
        "配合单位": "、".join(unit_name(snapshot, pk) for pk in task["partner"]),
        "目标任务": targets_text(snapshot, task),
        "完成时限": task["deadline_text"] or (task["deadline"] or ""),
        "分值": task["score"] or "",
        "考核要求": task["evidence_required"],
    }


def division_table(snapshot: dict) -> DivisionTable:
    several_lists = len({task["list_name"] for task in snapshot["tasks"]}) > 1
    cells = [_cells(snapshot, task, several_lists) for task in snapshot["tasks"]]
    chosen = [(name, width) for name, width, always in COLUMNS if always or any(row[name] for row in cells)]
    return DivisionTable(header=[name for name, _ in chosen], widths_mm=[width for _, width in chosen],
                         rows=[[row[name] for name, _ in chosen] for row in cells])
