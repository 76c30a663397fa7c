"""Sample progress reports for the sample plans (samples/plans.py), so the status
pages, dashboards, bulletin and ledger have months of true-to-life work to show.

The figures are made up but deterministic (hashlib, never Python's per-process
hash) and hang together: each unit's cumulative figure grows at a pace of its own
(some ahead of 时序进度, some behind, 安泰街道 and 台江区 far behind), a total
reported by one unit is the sum of its parts, 鼓楼区's figures in the city plan are
those it collects in its own, and no figure ever goes down.

Each report gets a timeline — saved, submitted, sometimes returned and corrected,
approved in a batch early the next month — and only the steps dated before `today`
are written. So the current month is partly in, a month's reviews show once their
day has passed, and a second run on the same day finds nothing left to write.

Only reports nobody has touched are filled (待填报, version 0, no text, figures,
evidence or history); anything else is someone's work and is left alone. So a
later day's run adds the months and steps that have come since to reports still
untouched, while a report written earlier stays as it was (已提交 until a person
reviews it).
"""

import datetime
import hashlib
import io
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import User
from intake.interpret.numbers import printed
from orgs.models import Unit
from plans.models import Plan, Target, Task
from reporting import evidence_actions, services
from reporting.models import (
    Evidence,
    Notification,
    ProgressReport,
    ReportedFigure,
    ReportEvent,
)
from samples.plans import DISTRICT_DOC, UPPER_DOC

Status = ProgressReport.Status
Action = ReportEvent.Action

SAMPLE_DOCS = (UPPER_DOC, DISTRICT_DOC)
# Who the history names: a unit's own sample reporter where it has one; otherwise the
# district office, entering the figures units send it (the city units have no accounts).
REPORTER, OFFICE, REVIEWER = "gudong_reporter", "gulou_office", "gulou_reviewer"


class SampleReportsError(ValueError):
    """The sample reports cannot be loaded; the message says why in Chinese."""


# -- how fast each unit gets there ---------------------------------------------------------------

@dataclass(frozen=True)
class Pace:
    """A cumulative figure that reaches `share` of the unit's quota (1.2 = 20% over) by the
    end of month `done`, growing from month `start` in lumps of varying size."""

    share: str = "1"
    start: int = 1
    done: int = 12


# Keyed (文号, list, ref), narrowed by unit name and then by metric; the rest get a default.
PACES = {
    # 选派专技人才: sent in batches, all before the 10月底 deadline: both tasks complete.
    (UPPER_DOC, "附件", "18"): Pace("1", 3, 10),
    (DISTRICT_DOC, "附件1", "2"): Pace("1", 3, 9),
    # 社会帮扶资金, due 10月底: most counties in time, 台江区 and 连江县 not (overdue).
    (UPPER_DOC, "附件", "23"): Pace("1", 2, 10),
    (UPPER_DOC, "附件", "23", "台江区"): Pace("0.55", 3, 12),
    (UPPER_DOC, "附件", "23", "连江县"): Pace("0.85", 2, 12),
    (UPPER_DOC, "附件", "8", "福清市"): Pace("1.2", 1, 12),
    (UPPER_DOC, "附件", "8", "连江县"): Pace("0.7", 2, 12),
    (UPPER_DOC, "附件", "8", "台江区"): Pace("0.4", 3, 12),
    # The district leaders' visit to 原州区, in April.
    (DISTRICT_DOC, "附件1", "1"): Pace("1", 4, 4),
    # Street funds: 鼓东 ahead, 洪山镇 (no shortfall to make up) done by August,
    # 五凤 behind, 安泰 (the largest shortfall) far behind.
    (DISTRICT_DOC, "附件1", "3", "鼓东街道"): Pace("1.08", 1, 11),
    (DISTRICT_DOC, "附件1", "3", "洪山镇"): Pace("1", 2, 8),
    (DISTRICT_DOC, "附件1", "3", "软件园"): Pace("1", 3, 6),
    (DISTRICT_DOC, "附件1", "3", "五凤街道"): Pace("0.72", 2, 12),
    (DISTRICT_DOC, "附件1", "3", "安泰街道"): Pace("0.3", 4, 12),
    (DISTRICT_DOC, "附件1", "4", "区商务局"): Pace("1.3", 1, 12),
    (DISTRICT_DOC, "附件1", "4", "区财政局"): Pace("1.5", 1, 12),
    (DISTRICT_DOC, "附件1", "4", "区总工会"): Pace("0.75", 2, 12),
    (DISTRICT_DOC, "附件1", "4", "水部街道"): Pace("0.4", 3, 12),
    (DISTRICT_DOC, "附件1", "5", "区人社局", "帮助原州区农村劳动力转移就业"): Pace("1.15", 2, 12),
    (DISTRICT_DOC, "附件1", "5", "区人社局", "劳务技能培训"): Pace("1", 5, 9),
    (DISTRICT_DOC, "附件1", "5", "区人社局", "培训人数"): Pace("0.85", 5, 12),
    (DISTRICT_DOC, "附件1", "7"): Pace("1.2", 2, 12),
    (DISTRICT_DOC, "附件1", "8"): Pace("0.45", 5, 12),
}
DEFAULT_SHARES = ("0.9", "0.95", "1", "1", "1.05", "1.1", "1.15")
MONEY_STEP = Decimal("0.01")  # 万元 to the hundred yuan, as offices report them; counts are whole

# Units that have not reported this month at all, and a month one of them missed entirely.
SILENT_THIS_MONTH = {"安泰街道", "水部街道", "台江区"}
MISSED = {("安泰街道", 8)}
LAGGARDS = {"安泰街道", "水部街道", "台江区", "五凤街道"}  # submit late more often

# This month's one returned report, and past reports first entered in 元 instead of 万元,
# returned, corrected and approved.
RETURNED_THIS_MONTH = (DISTRICT_DOC, "附件1", "3", "鼓东街道")
RETURN_REASON = "请补充本月到账资金的捐赠票据或银行回单作为佐证，并在进展情况中写明捐赠单位，补充后重新提交。"
ENTERED_IN_YUAN = {((DISTRICT_DOC, "附件1", "3", "鼓东街道"), 3), ((UPPER_DOC, "附件", "8", "连江县"), 6)}

# -- what they write -----------------------------------------------------------------------------

METRIC_PHRASES = {
    "社会帮扶资金": "累计筹集社会帮扶资金{v}万元",
    "消费帮扶销售额": "累计帮助销售宁夏农副产品{v}万元",
    "选派专技人才": "累计选派专业技术人才{v}人赴固原开展帮扶",
    "党政主要领导赴原州区对接": "区党政主要领导赴原州区开展工作对接{v}次",
    "帮助原州区农村劳动力转移就业": "累计帮助原州区农村劳动力转移就业{v}人",
    "劳务技能培训": "举办劳务技能培训班{v}期",
    "培训人数": "累计培训{v}人",
    "宣传报道": "累计在各级媒体刊发闽宁协作宣传报道{v}篇",
    "招商引资到资额": "引导区内企业赴原州区投资兴业，累计实际到资{v}万元",
}
DETAILS = {
    "社会帮扶资金": ["资金已全部缴入区慈善总会闽宁协作专户。", "新增资金主要来自辖区商户和爱心企业捐赠。",
                 "组织辖区企业开展“闽宁情”爱心捐赠活动。", "与捐赠企业签订捐赠协议，资金按协议分批到账。"],
    "消费帮扶销售额": ["通过商超专柜、电商平台和工会采购等渠道销售固原牛羊肉、枸杞、小杂粮等农特产品。",
                  "组织辖区单位工会集中采购宁夏农特产品。", "在社区举办闽宁协作消费帮扶产品展销活动。",
                  "销售数据均附有销售凭证和台账。"],
    "选派专技人才": ["选派人员均已到岗，开展教学、诊疗和技术指导。", "与原州区对接后续批次人员需求。",
                 "选派人员帮扶时限均在6个月以上。"],
    "党政主要领导赴原州区对接": ["双方签订年度帮扶协议，逐项落实帮扶措施。"],
    "帮助原州区农村劳动力转移就业": ["在榕务工人员主要在物流、餐饮、家政等行业就业。",
                        "落实就业补助政策，走访慰问在榕务工人员。"],
    "宣传报道": ["依托“家在鼓楼”公众号等平台宣传闽宁协作成效。", "部分报道在省、市媒体刊发。"],
    "招商引资到资额": ["跟进在谈项目，推动签约项目资金尽快到位。"],
}
# (存在问题, 下步计划) for a unit behind time progress.
BEHIND = {
    "社会帮扶资金": ("辖区企业经营压力较大，捐赠意愿不强，资金筹集进度滞后于时序进度。",
               "下月走访辖区重点企业和商户，动员认捐，力争年底前完成任务。"),
    "消费帮扶销售额": ("宁夏农特产品价格偏高、物流周期较长，单位集中采购积极性不高。",
                "下月组织辖区单位工会开展集中采购，并在商超增设专柜。"),
    "招商引资到资额": ("意向企业投资决策周期较长，部分项目尚在洽谈阶段，实际到资较少。",
                "加强与意向企业的沟通，推动已签约项目资金尽快到位。"),
    "培训人数": ("农村劳动力外出务工意愿季节性波动，参训人员组织难度较大。",
             "与原州区人社部门对接，结合农闲时节集中组织培训。"),
}
BEHIND_DEFAULT = ("进度滞后于时序进度。", "下月加快推进，确保按期完成任务。")
ROUTINE_NEXT_STEPS = ["继续按计划推进，按月报送工作进展。", "做好佐证材料的收集整理。", "配合做好年度考核迎检准备。"]

# What units without a figure of their own did, by (文号, list, ref[, unit]).
ACTIVITIES = {
    (UPPER_DOC, "附件", "1"): ["筹备闽宁协作第30次联席会议，起草会议材料。", "对接宁夏方面，商定市领导赴宁夏调研对接行程。",
                             "梳理联席会议议定事项，按月跟踪落实情况。", "市领导赴宁夏调研对接，与固原市共同研究年度协作重点。"],
    (UPPER_DOC, "附件", "23"): ["协调固原市做好社会帮扶资金项目的申报和安排。", "跟踪已到位社会帮扶资金的项目实施进度。",
                              "汇总各县（市、区）社会帮扶资金到位情况，报市乡村振兴局。"],
    (DISTRICT_DOC, "附件1", "1"): ["召开闽宁协作工作推进会，研究部署本月重点工作。", "配合做好区党政主要领导赴原州区对接的行程安排和材料准备。",
                                "督促各责任单位按月报送闽宁协作任务进展。", "召开专题会议研究闽宁协作资金项目安排。"],
    (DISTRICT_DOC, "附件1", "2", "区委组织部"): ["做好选派专业技术人才的选拔和派前谈话。", "走访慰问在固原帮扶的专业技术人才家属。",
                                         "与原州区对接选派人员的日常管理和考核。"],
    (DISTRICT_DOC, "附件1", "2", "区财政局"): ["按月发放选派专业技术人员生活补助。", "核拨选派人员交通、生活补助资金。"],
    (DISTRICT_DOC, "附件1", "3", "区民政局"): ["汇总各单位社会帮扶资金筹集情况，做好捐赠资金接收登记。", "会同区管委会核对捐赠资金到账情况。",
                                        "发动辖区爱心企业参与闽宁协作捐赠。"],
    (DISTRICT_DOC, "附件1", "3", "区管委会"): ["按捐赠协议拨付社会帮扶资金。", "核对捐赠资金拨付台账。"],
    (DISTRICT_DOC, "附件1", "4", "区民政局"): ["汇总各单位消费帮扶销售数据，按月报区乡村振兴领导小组。", "核对各单位消费帮扶数据的佐证材料。"],
    (DISTRICT_DOC, "附件1", "4", "福州定有福电子商务有限公司"): ["在“定有福”电商平台宁夏农特产品专区上架枸杞、滩羊肉等产品。",
                                                   "开展宁夏农特产品直播带货活动。"],
    (DISTRICT_DOC, "附件1", "6"): ["组织区内企业赴原州区考察对接，推动“福州企业+固原资源”合作。", "收集辖区企业与固原合作意向，建立项目清单。",
                                "对接固原冷凉蔬菜、枸杞企业在榕设立销售窗口。", "跟进已签约合作项目进展。"],
    (DISTRICT_DOC, "附件1", "7", "区民政局"): ["向区委宣传部提供闽宁协作工作素材。", "整理闽宁协作典型案例，供媒体宣传使用。"],
    (DISTRICT_DOC, "附件1", "8"): ["梳理有意向赴原州区投资的企业名单，跟进项目洽谈。", "组织软件园企业赴原州区对接数字经济合作项目。",
                                "协助意向企业办理在原州区投资的前期手续。"],
    (DISTRICT_DOC, "附件2", "1"): ["与武夷山市对接双方党政主要领导互访调研安排。", "梳理山海协作年度合作事项清单。",
                                "配合做好武夷山市考察团来鼓楼调研的接待工作。"],
    (DISTRICT_DOC, "附件2", "2"): ["鼓楼区结对学校与武夷山市学校开展教研交流活动。", "选派骨干教师赴武夷山市送教，开设线上同步课堂。",
                                "接收武夷山市教师来鼓楼跟岗学习。"],
    (DISTRICT_DOC, "附件2", "3"): ["组织鼓楼大型商超对接武夷山岩茶、笋干等农特产品。", "在辖区商超设立武夷山农特产品专柜。",
                                "开展武夷山农特产品进社区展销活动。"],
}
ACTIVITIES_DEFAULT = ["按照任务分工推进相关工作，按月报送进展。"]

# Evidence: news links and two small photos, on the report of (key, month).
LINKS = {
    ((DISTRICT_DOC, "附件1", "1", "鼓楼区"), 4): (
        "https://www.example.gov.cn/gulou/news/{year}-04/yuanzhou-duijie.html", "鼓楼区党政代表团赴原州区开展工作对接"),
    ((DISTRICT_DOC, "附件1", "7", "区委宣传部"), 4): (
        "https://www.example.gov.cn/gulou/news/{year}-04/minning-xiezuo.html", "“家在鼓楼”公众号：闽宁协作结硕果"),
    ((DISTRICT_DOC, "附件1", "7", "区委宣传部"), 7): (
        "https://www.example.gov.cn/fuzhou/news/{year}-07/gulou-aixin.html", "福州新闻网：鼓楼爱心企业助力闽宁协作"),
    ((DISTRICT_DOC, "附件1", "4", "区商务局"), 9): (
        "https://www.example.gov.cn/gulou/news/{year}-09/zhanxiao.html", "鼓楼区举办闽宁协作消费帮扶产品展销会"),
}
PHOTOS = {
    ((DISTRICT_DOC, "附件1", "3", "鼓东街道"), 5): ("爱心捐赠仪式.png", "鼓东街道闽宁协作爱心捐赠仪式现场", (196, 58, 48)),
    ((DISTRICT_DOC, "附件1", "5", "区人社局"), 9): ("劳务技能培训班.png", "原州区农村劳动力劳务技能培训班现场", (38, 108, 168)),
}


# -- helpers -------------------------------------------------------------------------------------

def _hash(*parts) -> int:
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _key(task: Task, unit: Unit) -> tuple:
    return (task.plan.doc_number, task.list_name, task.ref, unit.name)


def _pick(options: list[str], *seed) -> str:
    return options[_hash(*seed) % len(options)]


def _percent(value: Decimal, total: Decimal) -> str:
    return f"{printed((value * 100 / total).quantize(Decimal('0.1'), ROUND_HALF_UP))}%" if total else "—"


def _photo(color: tuple[int, int, int]) -> bytes:
    """A tiny PNG standing for a photo: a banner over a crowd of heads."""
    image = Image.new("RGB", (160, 120), (236, 232, 222))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 8, 150, 36), fill=color)
    for x in range(14, 150, 18):
        draw.ellipse((x, 70, x + 12, 82), fill=(60, 52, 46))
        draw.rectangle((x, 84, x + 12, 112), fill=(90, 96, 120))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# -- figures -------------------------------------------------------------------------------------

class _Figures:
    """Each unit's cumulative figure for each target at the end of each month."""

    def __init__(self, targets: list[Target], reporters: dict[int, list[Unit]], existing: dict):
        self.reporters = reporters
        self.parts: dict[int, list[Target]] = {}
        for target in targets:
            if target.parent_id:
                self.parts.setdefault(target.parent_id, []).append(target)
        # 鼓楼区's figure in the city plan is the one it collects in the district plan.
        self.mirrors: dict[int, Target] = {}
        by_task: dict[int, list[Target]] = {}
        for target in targets:
            by_task.setdefault(target.task_id, []).append(target)
        for target in targets:
            reported = reporters.get(target.pk)
            if target.parent_id is None and target.assignee_id and target.task.upper_task_id and reported:
                for upper in by_task.get(target.task.upper_task_id, []):
                    if upper.metric == target.metric and upper.assignee_id == target.assignee_id:
                        self.mirrors[upper.pk] = target
        self.existing = existing  # (unit pk, target pk) → {month: value} of reports left as they were
        self._memo: dict[tuple, Decimal] = {}

    def figure(self, target: Target, unit: Unit, month: int) -> Decimal:
        """The figure to write: the planned one, kept between the figures someone already reported
        before and after this month, so the series never goes down."""
        value = self._planned(target, unit, month)
        known = self.existing.get((unit.pk, target.pk), {})
        later = [v for m, v in known.items() if m > month]
        if later:
            value = min(value, min(later))
        earlier = [v for m, v in known.items() if m < month]
        return max([value, *earlier])

    def _planned(self, target: Target, unit: Unit, month: int) -> Decimal:
        if month < 1:
            return Decimal(0)
        key = (target.pk, unit.pk, month)
        if key not in self._memo:
            self._memo[key] = self._compute(target, unit, month)
        return self._memo[key]

    def _all_reporters(self, target: Target, month: int) -> Decimal:
        return sum((self._planned(target, u, month) for u in self.reporters.get(target.pk, [])), Decimal(0))

    def _compute(self, target: Target, unit: Unit, month: int) -> Decimal:
        if target.pk in self.mirrors:
            return self._all_reporters(self.mirrors[target.pk], month)
        parts = self.parts.get(target.pk)
        if parts and len(self.reporters.get(target.pk, [])) == 1:
            # A total reported by one unit adds up its parts as reported, plus any share not assigned.
            rest = target.total - sum((p.total for p in parts), Decimal(0))
            extra = self._curve(target, unit, rest, month) if rest > 0 else Decimal(0)
            return sum((self._all_reporters(p, month) for p in parts), extra)
        return self._curve(target, unit, self._quota(target, unit), month)

    def _quota(self, target: Target, unit: Unit) -> Decimal:
        """A unit's share of a target several units report (a group's, 区直有关部门 3人 among four)."""
        units = self.reporters.get(target.pk) or [unit]
        if len(units) == 1:
            return target.total
        step = MONEY_STEP if target.unit == Target.MONEY_UNIT else Decimal(1)
        steps = int((target.total / step).to_integral_value(ROUND_DOWN))
        base, extra = divmod(steps, len(units))
        index = [u.pk for u in units].index(unit.pk)
        quota = (base + (1 if index < extra else 0)) * step
        return quota + (target.total - steps * step if index == 0 else 0)

    def _curve(self, target: Target, unit: Unit, quota: Decimal, month: int) -> Decimal:
        task = target.task
        pace = _pace(task, unit, target.metric)
        seed = (*_key(task, unit), target.metric)
        weights = [_hash("lump", *seed, m) % 9 for m in range(pace.start, pace.done + 1)]
        weights[-1] += 1  # never all zero
        reached = sum(weights[:max(0, min(month, pace.done) - pace.start + 1)])
        raw = quota * Decimal(pace.share) * reached / sum(weights)
        step = MONEY_STEP if target.unit == Target.MONEY_UNIT else Decimal(1)
        # Rounded down while short of the quota, up once there, so "done" is never 0.01 short.
        return raw.quantize(step, ROUND_UP if raw >= quota else ROUND_DOWN)


def _pace(task: Task, unit: Unit, metric: str) -> Pace:
    key = _key(task, unit)
    for candidate in ((*key, metric), key, key[:3]):
        if candidate in PACES:
            return PACES[candidate]
    seed = _hash("pace", *key, metric)
    return Pace(DEFAULT_SHARES[seed % len(DEFAULT_SHARES)], start=1 + (seed >> 8) % 3)


# -- timelines -----------------------------------------------------------------------------------

@dataclass
class _Step:
    action: str
    at: datetime.datetime
    actor: User
    figures: dict[int, Decimal] | None = None  # on a save: target pk → value
    text: tuple[str, str, str] | None = None   # on a save: 进展情况, 存在问题, 下步计划
    comment: str = ""


@dataclass
class _Filling:
    """One untouched report and the steps to write into it."""

    report: ProgressReport
    month: int
    targets: list[Target]
    steps: list[_Step] = field(default_factory=list)


class _Loader:
    def __init__(self, today: datetime.date, users: dict[str, User], figures: _Figures):
        self.today, self.users, self.figures = today, users, figures
        self.reporters_by_unit = {users[REPORTER].unit_id: users[REPORTER]}

    def actor(self, unit: Unit) -> User:
        return self.reporters_by_unit.get(unit.pk, self.users[OFFICE])

    def timeline(self, filling: _Filling) -> list[_Step]:
        report, month = filling.report, filling.month
        cycle, unit, task = report.cycle, report.unit, report.task
        key = _key(task, unit)
        current = (cycle.period_start.year, month) == (self.today.year, self.today.month)
        if (current and unit.name in SILENT_THIS_MONTH) or (unit.name, month) in MISSED:
            return []
        # A unit fills in and submits all its tasks of a plan in one sitting.
        seed = _hash("when", task.plan.doc_number, unit.name, month)
        late = seed % 100 < (30 if unit.name in LAGGARDS else 5)
        returned_now = current and key == RETURNED_THIS_MONTH
        corrected = not current and (key, month) in ENTERED_IN_YUAN
        if returned_now or corrected:  # in time, so the return (and correction) fall within the month
            submit_on = cycle.due_on - datetime.timedelta(days=5)
        elif late:
            submit_on = cycle.due_on + datetime.timedelta(days=1 + (seed >> 8) % 5)
        else:
            submit_on = cycle.due_on - datetime.timedelta(days=(seed >> 8) % 10)
        minute = (seed >> 16) % 50
        draft = not (returned_now or corrected) and (seed >> 24) % 5 == 0  # saved two days before submitting
        saved_at = _at(submit_on - datetime.timedelta(days=2), 15, minute) if draft else _at(submit_on, 9, minute)
        submitted_at = _at(submit_on, 10, minute)
        who, reviewer = self.actor(unit), self.users[REVIEWER]

        values = {t.pk: self.figures.figure(t, unit, month) for t in filling.targets}
        text = self.narrative(filling, values)
        steps = [_Step(Action.SAVED, saved_at, who, values, text), _Step(Action.SUBMITTED, submitted_at, who)]
        if returned_now:
            steps.append(_Step(Action.RETURNED, _at(submit_on + datetime.timedelta(days=2), 15, minute), reviewer,
                               comment=RETURN_REASON))
        if current:
            return steps
        money = [t for t in filling.targets if t.unit == Target.MONEY_UNIT and values[t.pk] > 0]
        if corrected and money:
            target = money[0]
            wrong = {**values, target.pk: values[target.pk] * 10000}
            reason = (f"“{target.metric}”应以万元填报，本次按元填写（{printed(wrong[target.pk])}），"
                      f"与进展情况所写的{printed(values[target.pk])}万元不符，请更正后重新提交。")
            fixed_on = submit_on + datetime.timedelta(days=2)
            steps = [_Step(Action.SAVED, saved_at, who, wrong, text), _Step(Action.SUBMITTED, submitted_at, who),
                     _Step(Action.RETURNED, _at(submit_on + datetime.timedelta(days=1), 11, minute), reviewer,
                           comment=reason),
                     _Step(Action.SAVED, _at(fixed_on, 9, minute), who, values, text),
                     _Step(Action.SUBMITTED, _at(fixed_on, 9, minute + 5), who)]
        # Approved many at once on the 3rd of the next month; what came in later, two days after it did.
        batch = _at(cycle.period_end + datetime.timedelta(days=3), 16, 30)
        last = steps[-1].at
        approved_at = batch if last < batch else _at(last.date() + datetime.timedelta(days=2), 16, 30)
        steps.append(_Step(Action.APPROVED, approved_at, reviewer))
        return steps

    def narrative(self, filling: _Filling, values: dict[int, Decimal]) -> tuple[str, str, str]:
        report, month = filling.report, filling.month
        key = _key(report.task, report.unit)
        seed = ("text", *key, month)
        if not filling.targets:
            options = ACTIVITIES.get(key) or ACTIVITIES.get(key[:3]) or ACTIVITIES_DEFAULT
            next_steps = _pick(ROUTINE_NEXT_STEPS, *seed) if _hash(*seed) % 4 == 0 else ""
            return f"{month}月，{_pick(options, *seed)}", "", next_steps

        clauses, behind = [], None
        for target in filling.targets:
            value = values[target.pk]
            phrase = METRIC_PHRASES.get(target.metric, "{metric}累计完成{v}{unit}")
            clause = phrase.format(v=printed(value), metric=target.metric, unit=target.unit)
            if target.assignee_id and target.assignee_id != report.unit_id:
                clause += f"（{target.assignee.name}合计任务{printed(target.total)}{target.unit}）"
            else:
                clause += f"（全年任务{printed(target.total)}{target.unit}，完成{_percent(value, target.total)}）"
                # Behind: more than ten points under the share of the year gone.
                if behind is None and target.total and value / target.total < Decimal(month) / 12 - Decimal("0.1"):
                    behind = target.metric
            clauses.append(clause)
        progress = f"截至{month}月底，" + "；".join(clauses) + "。"
        if len(filling.targets) == 1:
            (target,) = filling.targets
            value, before = values[target.pk], self.figures.figure(target, report.unit, month - 1)
            own = target.assignee_id in (None, report.unit_id)
            if own and value >= target.total:
                progress += "已完成全年任务。"
            elif value > before:
                progress += f"本月新增{printed(value - before)}{target.unit}。"
            else:
                progress += "本月无新增。"
        progress += _pick(DETAILS.get(filling.targets[0].metric, [""]), *seed)
        if behind:
            problems, next_steps = BEHIND.get(behind, BEHIND_DEFAULT)
            return progress, problems, next_steps
        return progress, "", _pick(ROUTINE_NEXT_STEPS, *seed) if _hash(*seed) % 4 == 0 else ""


# -- loading -------------------------------------------------------------------------------------

def _sample_plans() -> list[Plan]:
    plans = {p.doc_number: p for p in Plan.objects.filter(doc_number__in=SAMPLE_DOCS)}
    for doc in SAMPLE_DOCS:
        if doc not in plans:
            raise SampleReportsError(f"找不到样例方案（文号{doc}），请先运行 manage.py load_sample_data 载入样例数据。")
    return [plans[doc] for doc in SAMPLE_DOCS]


def _sample_users() -> dict[str, User]:
    users = {u.username: u for u in User.objects.filter(username__in=(REPORTER, OFFICE, REVIEWER))}
    for username in (REPORTER, OFFICE, REVIEWER):
        if username not in users:
            raise SampleReportsError(f"找不到样例用户“{username}”，样例填报要以其名义记录，请先运行 manage.py load_sample_data。")
    if users[REPORTER].unit_id is None:
        raise SampleReportsError(f"样例用户“{REPORTER}”没有所属单位，请先运行 manage.py load_sample_data。")
    return users


def _untouched(reports: list[ProgressReport], cycles) -> list[ProgressReport]:
    worked = set(ReportedFigure.objects.filter(report__cycle__in=cycles).values_list("report_id", flat=True))
    worked |= set(ReportEvent.objects.filter(report__cycle__in=cycles).values_list("report_id", flat=True))
    worked |= set(Evidence.objects.filter(report__cycle__in=cycles).values_list("report_id", flat=True))
    return [r for r in reports if r.status == Status.PENDING and r.version == 0 and r.pk not in worked
            and not (r.progress or r.problems or r.next_steps or r.submitted_at or r.reviewed_at)]


def load_sample_reports(today: datetime.date) -> dict:
    """Fill the sample plans' untouched reports from January to `today`'s month. Returns counts."""
    stored_files = []
    try:
        with transaction.atomic():
            return _load(today, stored_files)
    except BaseException:
        for storage, name in stored_files:  # the rows are gone with the transaction; so go their files
            storage.delete(name)
        raise


def _load(today: datetime.date, stored_files: list) -> dict:
    plans = _sample_plans()
    users = _sample_users()
    cycles = [c for c in services.open_cycles(today, plans) if c.period_start.year == c.plan.year]
    reports = list(ProgressReport.objects.select_for_update(of=("self",)).filter(cycle__in=cycles)
                   .select_related("cycle__plan", "unit", "task__plan").order_by("cycle__period_start", "pk"))
    fresh = _untouched(reports, cycles)

    # Which targets each unit reports on each task (the same every month).
    carried: dict[tuple[int, int], list[int]] = {}
    for report in reports:
        if (report.task_id, report.unit_id) not in carried:
            carried[report.task_id, report.unit_id] = [t.pk for t in services.targets_of(report)]
    targets = {t.pk: t for t in Target.objects.filter(task__plan__in=plans).select_related("task__plan", "assignee")}
    reporters: dict[int, list[Unit]] = {}
    units = {r.unit_id: r.unit for r in reports}
    for (_, unit_id), target_ids in sorted(carried.items(), key=lambda item: units[item[0][1]].name):
        for target_id in target_ids:
            reporters.setdefault(target_id, []).append(units[unit_id])
    existing: dict[tuple[int, int], dict[int, Decimal]] = {}
    for unit_id, target_id, start, value in ReportedFigure.objects.filter(report__cycle__in=cycles).values_list(
            "report__unit_id", "target_id", "report__cycle__period_start", "cumulative_value"):
        existing.setdefault((unit_id, target_id), {})[start.month] = value

    loader = _Loader(today, users, _Figures(list(targets.values()), reporters, existing))
    fillings = []
    for report in fresh:
        filling = _Filling(report, report.cycle.period_start.month,
                           [targets[pk] for pk in carried[report.task_id, report.unit_id]])
        filling.steps = [s for s in loader.timeline(filling) if s.at.date() < today]
        if filling.steps:
            fillings.append(filling)

    # Evidence first, while the reports are still open (the evidence actions refuse others).
    evidence_times: dict[int, datetime.datetime] = {}
    for filling in fillings:
        spot = (_key(filling.report.task, filling.report.unit), filling.month)
        if spot not in LINKS and spot not in PHOTOS:
            continue
        first = filling.steps[0]
        if spot in LINKS:
            url, caption = LINKS[spot]
            url = url.format(year=filling.report.cycle.plan.year)
            item = evidence_actions.add_link(filling.report, user=first.actor, url=url, caption=caption)
        else:
            name, caption, color = PHOTOS[spot]
            item, _ = evidence_actions.add_file(filling.report, user=first.actor, name=name, data=_photo(color),
                                                caption=caption)
            stored_files.append((item.file.storage, item.file.name))
        evidence_times[item.pk] = first.at + datetime.timedelta(minutes=5)

    unit_users: dict[int, list[User]] = {}
    for user in User.objects.filter(is_active=True, unit__isnull=False):
        unit_users.setdefault(user.unit_id, []).append(user)
    figures, events, notifications = [], [], []
    for filling in fillings:
        more_figures, more_events, more_notifications = _written(filling, unit_users.get(filling.report.unit_id, []))
        figures += more_figures
        events += more_events
        notifications += more_notifications

    # One UPDATE a row: bulk_update's CASE expressions took ten times longer here.
    ReportedFigure.objects.bulk_create(figures)
    for filling in fillings:
        filling.report.save(update_fields=[
            "status", "progress", "problems", "next_steps", "submitted_at", "submitted_by", "submitted_late",
            "reviewed_at", "reviewed_by", "review_comment", "version"])
    # Inserts stamp the time "now"; the history must say when each step happened.
    by_time: dict[datetime.datetime, list[int]] = {}
    for event, (_, at) in zip(ReportEvent.objects.bulk_create([e for e, _ in events]), events):
        by_time.setdefault(at, []).append(event.pk)
    for at, pks in by_time.items():
        ReportEvent.objects.filter(pk__in=pks).update(at=at)
    for notification, (_, at) in zip(Notification.objects.bulk_create([n for n, _ in notifications]), notifications):
        Notification.objects.filter(pk=notification.pk).update(created_at=at)
    for pk, at in evidence_times.items():
        Evidence.objects.filter(pk=pk).update(uploaded_at=at)
        ReportEvent.objects.filter(report__evidence=pk, action=Action.EVIDENCE_ADDED).update(at=at)

    filled = [f.report for f in fillings]
    return {
        "cycles": len(cycles),
        "reports": len(reports),
        "filled": len(filled),
        "approved": sum(r.status == Status.APPROVED for r in filled),
        "submitted": sum(r.status == Status.SUBMITTED for r in filled),
        "returned": sum(r.status == Status.RETURNED for r in filled),
        "drafts": sum(r.status == Status.PENDING for r in filled),
        "late": sum(r.submitted_late for r in filled),
        "figures": len(figures),
        "events": len(events) + len(evidence_times),
        "evidence": len(evidence_times),
        "untouched": len(fresh) - len(filled),
        "kept": len(reports) - len(fresh),
    }


def _written(filling: _Filling, unit_users: list[User]) -> tuple[list, list, list]:
    """Set the report's fields to where its steps leave it; return its figures, and its
    events and notifications each with the time it happened."""
    report, steps = filling.report, filling.steps
    events, notifications = [], []
    text, values = ("", "", ""), {}
    for step in steps:
        changes, comment = [], step.comment
        if step.action == Action.SAVED:  # old → new, as services.save_report records them
            changes = [{"field": name, "label": label, "old": old, "new": new}
                       for (name, label), old, new in zip(services.NARRATIVE.items(), text, step.text) if old != new]
            for target in filling.targets:
                old, new = values.get(target.pk), step.figures[target.pk]
                if old != new:
                    changes.append({"field": f"target_{target.pk}", "label": f"{target.metric}（{target.unit}）",
                                    "old": None if old is None else printed(old), "new": printed(new)})
            text, values = step.text, step.figures
        elif step.action == Action.SUBMITTED:
            late = (step.at.date() - report.cycle.due_on).days
            comment = f"提交审核（逾期{late}天）" if late > 0 else "提交审核"
            report.submitted_at, report.submitted_by, report.submitted_late = step.at, step.actor, late > 0
        else:
            report.reviewed_at, report.reviewed_by, report.review_comment = step.at, step.actor, step.comment
        events.append((ReportEvent(report=report, actor=step.actor, action=step.action, changes=changes,
                                   comment=comment), step.at))
        if step.action == Action.RETURNED:
            read = next((s.at for s in steps if s.at > step.at), None)  # read when the unit next acted
            message = (f"您单位的《{report.cycle.plan.title}》{report.cycle.label}第{report.task.ref}项报告被退回："
                       f"{step.comment}")
            notifications += [(Notification(user=user, message=message, url=f"/reporting/reports/{report.pk}/",
                                            read_at=read), step.at) for user in unit_users]
    report.progress, report.problems, report.next_steps = text
    report.status = {Action.SAVED: Status.PENDING, Action.SUBMITTED: Status.SUBMITTED,
                     Action.RETURNED: Status.RETURNED, Action.APPROVED: Status.APPROVED}[steps[-1].action]
    report.version = len(steps)  # each workflow action bumps it once
    figures = [ReportedFigure(report=report, target_id=pk, cumulative_value=v) for pk, v in values.items()]
    return figures, events, notifications
