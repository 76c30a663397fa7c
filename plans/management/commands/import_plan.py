"""Import a task-division document from the command line.

Shows what would be saved first (and, for a plan already saved, what would
be added, changed and removed); saves only when confirmed. Close and
ambiguous unit names are never accepted here: register an alias for them,
or use the review page, where a person chooses.
"""

import json
import sys
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from intake.errors import IntakeError
from orgs.models import Programme, Region
from plans.access import office_plans
from plans.importing import find_existing_plan, parse_upload
from plans.importing.diff import diff_plan
from plans.importing.matching import Status, match_units, printed_unit_names
from plans.importing.saving import CREATE, ImportSaveError, save_plan
from plans.models import Plan
from plans.services import proposal_note, proposed_state


class Command(BaseCommand):
    help = "导入任务分工方案文件（Word、PDF、Excel、文本或 Plan JSON）：先列出将保存的内容，确认后保存"
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", help="要导入的文件")
        parser.add_argument("--json", action="store_true", help="只输出解析得到的 Plan JSON，不保存")
        parser.add_argument("--scope", help="匹配单位的区划名称，如“鼓楼区”；新建单位也建在此区划下")
        parser.add_argument("--kind", help="协作类型（默认取 Plan JSON 中的 kind，否则为东西部协作）："
                            + "、".join(f"{v}（{label}）" for v, label in Programme.choices))
        parser.add_argument("--plan", type=int, help="更新这份已保存的方案（编号）；默认按文号或标题与年度查找")
        parser.add_argument("--yes", action="store_true", help="不询问，直接保存")
        parser.add_argument("--create-units", action="store_true", help="单位库中没有的单位按推测的类型新建")
        parser.add_argument("--state", choices=Plan.State.values,
                            help="保存为：" + "、".join(f"{v}（{label}）" for v, label in Plan.State.choices)
                            + "。默认：年度已结束的新文件为 reference（参考，不生成填报任务），其余为 active；更新已有方案时保持其状态")

    def handle(self, *args, **options):
        self.stdin = options.get("stdin", sys.stdin)
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"无法读取文件“{path}”：{error.strerror}") from None
        scope = self._scope(options["scope"])
        try:
            plan_json = parse_upload(data, path.name, scope)
        except IntakeError as error:
            raise CommandError(str(error)) from None

        for warning in plan_json.get("warnings") or []:
            self.stderr.write(self.style.WARNING(f"注意：{warning}"))
        if options["json"]:
            self.stdout.write(json.dumps(plan_json, ensure_ascii=False, indent=2))
            return

        plan_json["plan"]["kind"] = self._kind(options["kind"], plan_json["plan"].get("kind"))
        matches = match_units(printed_unit_names(plan_json), scope)
        existing = self._existing(options["plan"], plan_json)
        self._report(plan_json, matches, existing)
        state = self._state(options["state"], plan_json["plan"], existing)

        decisions = self._decisions(matches, options["create_units"], scope)
        if not self._confirmed(options["yes"]):
            return
        with path.open("rb") as handle:
            try:
                plan = save_plan(plan_json, decisions, user=None, scope=scope,
                                 source_file=File(handle, name=path.name), existing=existing, state=state)
            except ImportSaveError as error:
                raise CommandError(f"未保存：{error.message}") from None
        verb = "更新" if existing else "导入"
        self.stdout.write(self.style.SUCCESS(f"已{verb}方案《{plan.title}》（编号 {plan.pk}）：共 {plan.tasks.count()} 项任务。"))

    def _state(self, given: str | None, facts: dict, existing: Plan | None) -> str | None:
        """The state to save: as given; else an existing plan keeps its own (None), and a new one
        whose year has ended is proposed as reference, as on the review page."""
        if given:
            self.stdout.write(f"保存为：{Plan.State(given).label}")
            return given
        if existing is not None:
            self.stdout.write(f"状态：保持“{existing.get_state_display()}”")
            return None
        today = timezone.localdate()
        state = proposed_state(facts.get("year"), facts.get("end_year"), today=today)
        note = proposal_note(facts.get("year"), facts.get("end_year"), today=today)
        self.stdout.write(f"保存为：{Plan.State(state).label}"
                          + (f"（{note}；如需填报请加 --state active）" if note else ""))
        return state

    def _existing(self, plan_id: int | None, plan_json: dict) -> Plan | None:
        if plan_id is None:
            return find_existing_plan(plan_json, office_plans(None))  # the command's plans have no office
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"找不到编号为 {plan_id} 的方案。")
        return plan

    def _scope(self, name: str | None) -> Region | None:
        if not name:
            return None
        regions = list(Region.objects.filter(name=name))
        if not regions:
            raise CommandError(f"找不到区划“{name}”。")
        if len(regions) > 1:
            raise CommandError(f"区划“{name}”不止一个：" + "、".join(r.full_name for r in regions))
        return regions[0]

    def _kind(self, given: str | None, from_file: str | None) -> str:
        if not given:
            return from_file if from_file in Programme.values else Programme.EAST_WEST
        by_label = {str(label): value for value, label in Programme.choices}
        kind = by_label.get(given, given)
        if kind not in Programme.values:
            raise CommandError(f"协作类型“{given}”无效，可选：" + "、".join(by_label))
        return kind

    def _report(self, plan_json, matches, existing) -> None:
        facts, tasks = plan_json["plan"], plan_json["tasks"]
        write = self.stdout.write
        write(f"方案：{facts.get('title') or '（无标题）'}")
        for label, key in (("文号", "doc_number"), ("发文机关", "issuer"), ("成文日期", "issued_on"), ("年度", "year")):
            write(f"  {label}：{facts.get(key) or '—'}")
        write(f"  任务 {len(tasks)} 项，指标 {sum(len(t.get('targets') or []) for t in tasks)} 个")

        by_status = {status: [m for m in matches.values() if m.status == status] for status in Status.LABELS}
        resolved = len(by_status[Status.EXACT]) + len(by_status[Status.ALIAS])
        write(f"单位：共 {len(matches)} 个；已识别 {resolved} 个（按别名 {len(by_status[Status.ALIAS])} 个），"
              f"近似 {len(by_status[Status.CLOSE])} 个，对应多个单位 {len(by_status[Status.AMBIGUOUS])} 个，"
              f"未登记 {len(by_status[Status.UNKNOWN])} 个")
        for match in by_status[Status.CLOSE] + by_status[Status.AMBIGUOUS]:
            names = "、".join(f"{u.name}（{u.region.name}）" for u in match.candidates)
            write(f"  {match.status_label}：{match.printed} → 可能是 {names}")
        for match in by_status[Status.UNKNOWN]:
            write(f"  未登记：{match.printed} → 可新建“{match.proposed_name}”（{match.proposed_kind_label}）")

        if existing is None:
            write("将新建方案。")
            return
        diff = diff_plan(plan_json, existing)
        write(f"已有同一方案《{existing.title}》（编号 {existing.pk}），将按任务序号更新："
              f"新增 {len(diff.added)} 项，修改 {len(diff.changed)} 项，删除 {len(diff.removed)} 项，"
              f"不变 {diff.unchanged} 项")
        for change in diff.plan_changes:
            write(f"  方案{change.label}：{change.old} → {change.new}")
        for task in diff.added:
            write(f"  新增 {task.label}：{task.summary}")
        for task in diff.changed:
            for change in task.changes:
                write(f"  修改 {task.label} {change.label}：{_short(change.old)} → {_short(change.new)}")
        for task in diff.removed:
            write(f"  删除 {task.label}：{task.summary}")

    def _decisions(self, matches, create_units: bool, scope: Region | None) -> dict:
        undecided = [m for m in matches.values() if m.status in (Status.CLOSE, Status.AMBIGUOUS)]
        unknown = [m for m in matches.values() if m.status == Status.UNKNOWN]
        problems = []
        if undecided:
            problems.append("以下单位与单位库近似或对应多个单位，命令行不会自动选择，请在单位库中为其登记别名，"
                            "或在网页“导入文件”中核对：" + "、".join(m.printed for m in undecided))
        if unknown and not create_units:
            problems.append("以下单位在单位库中没有，加 --create-units 可按推测的类型新建：" + "、".join(m.printed for m in unknown))
        if unknown and create_units and scope is None:
            problems.append("新建单位须用 --scope 指定所在区划（如 --scope 鼓楼区）。")
        if problems:
            raise CommandError("未保存。" + "\n".join(problems))
        return {m.printed: {"action": CREATE, "name": m.proposed_name, "kind": m.proposed_kind} for m in unknown}

    def _confirmed(self, yes: bool) -> bool:
        if yes:
            return True
        if not (hasattr(self.stdin, "isatty") and self.stdin.isatty()):
            raise CommandError("未保存：非交互方式运行时须加 --yes 确认保存。")
        self.stdout.write("确认保存？[y/N] ", ending="")
        self.stdout.flush()
        answer = self.stdin.readline().strip().lower()
        if answer in ("y", "yes", "是"):
            return True
        self.stdout.write("已取消，未保存。")
        return False


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[:length] + "…"
