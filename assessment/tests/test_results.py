"""Scoring pages, totals with bonus / deduction / veto items, grades by the office's thresholds,
review, publishing, appeals within the set days, answers, locking; progress and reminders."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from assessment.errors import AssessmentError
from assessment.models import Item, ItemScore, ReminderSent, Scheme, ScoreSheet
from assessment.progress import progress, send_reminders
from assessment.queries import grade_of, score_table
from assessment.results import do_answer_appeal, do_appeal, do_configure, do_lock, do_publish, do_review
from assessment.scoring import do_open_scheme, do_score, do_self_assess, do_submit
from notifications.models import Notification
from orgs.models import Unit
from reporting import services

PUBLISHED = datetime.datetime(2027, 1, 20, 2, tzinfo=datetime.UTC)


@pytest.fixture
def ready(scheme):
    """The scheme with thresholds (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60), opened."""
    office = scheme["people"]["office"]
    do_configure(office, scheme["scheme"], self_assess_due="2027-01-15", appeal_days="5",
                 thresholds=("90", "80", "60"))
    do_open_scheme(office, scheme["scheme"])
    return scheme


def score_all(ready, values: dict[str, list[str]]):
    """Score each unit's items in order (the office's reviewer), reasons given where needed."""
    for unit, points in values.items():
        items = [i for i in ready["items"].values() if i.unit.name == unit]
        for item, value in zip(sorted(items, key=lambda i: i.position), points):
            do_score(ready["people"]["reviewer"], ready["sheets"][unit], item, value, "按评分细则")


def test_grades_follow_the_thresholds_and_a_veto_is_the_lowest(ready):
    scheme = ready["scheme"]
    scheme.refresh_from_db()
    assert [grade_of(scheme, Decimal(v), False) for v in ("95", "90", "89.99", "80", "60", "59.5")] == [
        "优秀", "优秀", "良好", "良好", "合格", "不合格"]
    assert grade_of(scheme, Decimal(100), True) == "不合格"
    assert grade_of(scheme, None, False) == ""
    do_configure(ready["people"]["office"], scheme, grade_scale=Scheme.Scale.GOOD, thresholds=("85", "70", "60"))
    scheme.refresh_from_db()
    assert grade_of(scheme, Decimal(85), False) == "好" and grade_of(scheme, Decimal(59), False) == "较差"


def test_thresholds_and_settings_are_checked(ready):
    office, scheme = ready["people"]["office"], ready["scheme"]
    for kwargs, message in ((dict(thresholds=("80", "90", "60")), "等次最低分应从高到低"),
                            (dict(thresholds=("90", "", "")), "请写全"),
                            (dict(thresholds=("190", "80", "60")), "超出范围：应在0到100分之间"),
                            (dict(appeal_days="0"), "申诉期限“0”应为1到60之间的天数"),
                            (dict(self_assess_due="2027/1/5"), "自评截止日“2027/1/5”不是日期")):
        with pytest.raises(AssessmentError, match=message):
            do_configure(office, scheme, **kwargs)
    with pytest.raises(AssessmentError, match="只有组织考核的协作办公室管理员"):
        do_configure(ready["people"]["reviewer"], scheme)


def test_bonus_deduction_and_veto_items_in_the_total_and_ranking(ready):
    scheme = ready["scheme"]
    scheme.refresh_from_db()
    score_all(ready, {"鼓东街道": ["50", "30"], "鼓西街道": ["60"], "洪山镇": ["60"]})
    # Bonus, deduction and veto items every town answers for.
    bonus = Item.objects.create(scheme=scheme, unit_kind=Unit.Kind.TOWN, ref="加1", text="获省级表彰",
                                max_points=Decimal(5), kind=Item.Kind.BONUS)
    deduction = Item.objects.create(scheme=scheme, unit_kind=Unit.Kind.TOWN, ref="扣1", text="被通报批评",
                                    max_points=Decimal(10), kind=Item.Kind.DEDUCTION)
    veto = Item.objects.create(scheme=scheme, unit_kind=Unit.Kind.TOWN, ref="否1", text="发生重大责任事故",
                               max_points=Decimal(0), kind=Item.Kind.VETO)
    reviewer, sheets = ready["people"]["reviewer"], ready["sheets"]
    do_score(reviewer, sheets["鼓东街道"], bonus, "5")
    with pytest.raises(AssessmentError, match="第扣1项扣3分，须写明扣分理由"):
        do_score(reviewer, sheets["鼓西街道"], deduction, "3")
    do_score(reviewer, sheets["鼓西街道"], deduction, "3", "被市里通报一次")
    with pytest.raises(AssessmentError, match="只能选择“是”或“否”"):
        do_score(reviewer, sheets["洪山镇"], veto, "2")
    with pytest.raises(AssessmentError, match="一票否决，须写明理由"):
        do_score(reviewer, sheets["洪山镇"], veto, "是")
    do_score(reviewer, sheets["洪山镇"], veto, "是", "发生安全责任事故")
    rows = {r.unit.name: r for r in score_table(scheme).rows}
    assert (rows["鼓东街道"].total, rows["鼓东街道"].bonus) == (Decimal(85), Decimal(5))
    assert (rows["鼓西街道"].total, rows["鼓西街道"].deduction) == (Decimal(57), Decimal(3))
    assert rows["洪山镇"].total == Decimal(60) and rows["洪山镇"].vetoed
    # Towns rank apart from the department; the vetoed town ranks last whatever its total.
    assert [(n, rows[n].rank, rows[n].grade) for n in ("鼓东街道", "鼓西街道", "洪山镇")] == [
        ("鼓东街道", 1, "良好"), ("鼓西街道", 2, "不合格"), ("洪山镇", 3, "不合格")]
    assert rows["区民政局"].rank is None  # not scored yet: no total, no rank, no grade
    assert rows["区民政局"].grade == ""


def test_equal_totals_share_a_rank(ready):
    score_all(ready, {"鼓东街道": ["60", "40"], "鼓西街道": ["60"], "洪山镇": ["60"], "区民政局": ["60"]})
    Item.objects.filter(scheme=ready["scheme"], unit__name="鼓东街道", task__ref="2").update(kind=Item.Kind.BONUS)
    rows = {r.unit.name: r for r in score_table(ready["scheme"]).rows}
    # 鼓东 60 + 40 bonus = 100; 鼓西 and 洪山 60 each share 2nd; the department ranks alone.
    assert [rows[n].rank for n in ("鼓东街道", "鼓西街道", "洪山镇", "区民政局")] == [1, 2, 2, 1]


def test_the_scoring_page_shows_a_departments_items_only_with_the_suggestion(client, ready, publicity):
    unit, clerk = publicity
    item = ready["items"][("2", "鼓东街道")]
    Item.objects.filter(pk=item.pk).update(scoring_unit=unit)
    # Task 1's item for 鼓东街道: proportional to its approved November figure (20 of 33.3).
    first = ready["items"][("1", "鼓东街道")]
    Item.objects.filter(pk=first.pk).update(rule=Item.Rule.PROPORTIONAL)
    report, gudong = ready["report"], ready["people"]["gudong"]
    target = report.task.targets.get(assignee=ready["units"]["鼓东街道"])
    report = services.save_report(report, user=gudong, version=report.version, figures={target.pk: "20"},
                                  progress="已拨付", problems="", next_steps="")
    services.submit_report(report, user=gudong, today=datetime.date(2026, 11, 20))

    client.force_login(clerk)
    url = reverse("assessment:score_page", args=[ready["scheme"].pk])
    page = client.get(url).content.decode()
    assert 'data-unit="鼓东街道" data-item="2"' in page and 'data-item="1"' not in page
    assert client.get(reverse("assessment:mine")).content.decode().count(url) == 1

    client.force_login(ready["people"]["reviewer"])
    page = client.get(url).content.decode()
    assert 'data-item="2"' not in page  # the department's item is not the office's to score
    assert "本年度没有审核通过的填报数" in page  # submitted, not yet approved: no suggestion
    services.approve_reports([report], reviewer=ready["people"]["reviewer"])
    page = client.get(url).content.decode()
    assert "60 × 20 ÷ 33.3 = 36.04分" in page and 'data-points="36.04"' in page
    assert not ItemScore.objects.filter(score__isnull=False).exists()  # shown, never applied
    response = client.post(reverse("assessment:score", args=[ready["sheets"]["鼓东街道"].pk, first.pk]),
                           {"score": "36.04", "reason": "按完成比例", "next": url}, follow=True)
    assert "已保存鼓东街道第1项得分" in response.content.decode()
    assert ItemScore.objects.get(item=first).score == Decimal("36.04")


def test_review_publish_appeal_answer_and_lock(client, ready):
    office, gudong, sheets = ready["people"]["office"], ready["people"]["gudong"], ready["sheets"]
    scheme = ready["scheme"]
    do_self_assess(gudong, sheets["鼓东街道"], ready["items"][("1", "鼓东街道")], "60")
    do_self_assess(gudong, sheets["鼓东街道"], ready["items"][("2", "鼓东街道")], "40")
    do_submit(gudong, sheets["鼓东街道"])
    score_all(ready, {"鼓东街道": ["55", "40"], "鼓西街道": ["60"], "洪山镇": ["50"]})
    assert ScoreSheet.objects.get(pk=sheets["鼓东街道"].pk).state == ScoreSheet.State.SCORED
    with pytest.raises(AssessmentError, match="区民政局尚有考核项目未评分，不能复核"):
        do_review(office, sheets["区民政局"])
    score_all(ready, {"区民政局": ["60"]})
    for name in ("鼓东街道", "鼓西街道", "洪山镇"):
        do_review(office, sheets[name])
    with pytest.raises(AssessmentError, match="尚有1个单位的评分表未复核：区民政局"):
        do_publish(office, scheme)
    with pytest.raises(AssessmentError, match="已复核，不能再修改"):
        do_score(ready["people"]["reviewer"], sheets["鼓东街道"], ready["items"][("1", "鼓东街道")], "60")
    do_review(office, sheets["区民政局"])

    # Before publication the unit sees its self-assessment, not the scores.
    client.force_login(gudong)
    page = client.get(reverse("assessment:sheet", args=[sheets["鼓东街道"].pk])).content.decode()
    assert 'class="score"' not in page and "得分、排名和等次在考核结果公布后显示" in page
    with time_machine.travel(PUBLISHED):
        do_publish(office, scheme)
    assert Notification.objects.filter(user=gudong, message__contains="结果已公布").exists()
    page = client.get(reverse("assessment:sheet", args=[sheets["鼓东街道"].pk])).content.decode()
    assert '<strong class="total">95</strong>' in page and '<strong class="grade">优秀</strong>' in page

    with time_machine.travel(PUBLISHED + datetime.timedelta(days=2)):
        with pytest.raises(AssessmentError, match="期满后才能锁定"):
            do_lock(office, scheme)
        do_appeal(gudong, sheets["鼓东街道"], "第1项拨付凭证已在11月月报中提供")
        with pytest.raises(AssessmentError, match="已经申诉过"):
            do_appeal(gudong, sheets["鼓东街道"], "再次申诉")
        # While the appeal is open the office may change that sheet's score, with a reason.
        do_score(office, sheets["鼓东街道"], ready["items"][("1", "鼓东街道")], "58", "申诉复核：凭证齐全")
        do_answer_appeal(office, sheets["鼓东街道"], "经复核，第1项改为58分")
        with pytest.raises(AssessmentError, match="考核方案当前为“已公布”"):
            do_score(office, sheets["鼓西街道"], ready["items"][("1", "鼓西街道")], "59", "无申诉")
    with time_machine.travel(PUBLISHED + datetime.timedelta(days=6)):
        with pytest.raises(AssessmentError, match="申诉期限已过"):
            do_appeal(ready["people"]["guxi"], sheets["鼓西街道"], "太晚了")
        do_lock(office, scheme)
    scheme.refresh_from_db()
    assert scheme.state == Scheme.State.LOCKED
    score = ItemScore.objects.get(sheet=sheets["鼓东街道"], item=ready["items"][("1", "鼓东街道")])
    old, new = score.history.order_by("history_id")[:2][::-1][0], score.history.first()
    assert (new.score, new.history_user, new.history_change_reason) == (Decimal(58), office, "申诉复核：凭证齐全")
    assert new.diff_against(old).changed_fields


def test_progress_and_reminders_once_a_day(ready, publicity):
    unit, clerk = publicity
    Item.objects.filter(pk=ready["items"][("2", "鼓东街道")].pk).update(scoring_unit=unit)
    state = progress(ready["scheme"])
    assert len(state.not_submitted) == 4
    scorers = {s.name: s for s in state.scorers}
    assert (scorers["区委宣传部"].cells, scorers["区委宣传部"].missing) == (1, ["鼓东街道 第2项"])
    assert scorers["协作办公室"].cells == 4
    day = datetime.date(2027, 1, 12)
    sent = send_reminders(ready["scheme"], day)
    assert sorted(sent) == sorted(["区民政局", "鼓东街道", "鼓西街道", "洪山镇", "区委宣传部"])
    assert Notification.objects.filter(user=clerk, message__contains="尚有1项待您单位评分").count() == 1
    assert send_reminders(ready["scheme"], day) == []  # claimed: nothing twice the same day
    assert ReminderSent.objects.count() == 5
    assert len(send_reminders(ready["scheme"], day + datetime.timedelta(days=1))) == 5


def test_the_results_notice_and_the_sheet_read_back(client, ready):
    from docx import Document
    office, sheets = ready["people"]["office"], ready["sheets"]
    score_all(ready, {"鼓东街道": ["55", "40"], "鼓西街道": ["60"], "洪山镇": ["50"], "区民政局": ["60"]})
    for sheet in sheets.values():
        do_review(office, sheet)
    client.force_login(office)
    notice_url = reverse("assessment:notice_docx", args=[ready["scheme"].pk])
    assert client.get(notice_url).status_code == 302  # not before publication
    do_publish(office, ready["scheme"])
    doc = Document(io.BytesIO(client.get(notice_url).content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "关于2026年度2026年测试方案考核结果的通报" in text and "其中优秀1个，合格2个，不合格1个" in text
    towns = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert towns[1:] == [["1", "鼓东街道", "95", "优秀"], ["2", "鼓西街道", "60", "合格"], ["3", "洪山镇", "50", "不合格"]]
    sheet_doc = Document(io.BytesIO(client.get(reverse("assessment:sheet_docx", args=[sheets["鼓东街道"].pk])).content))
    body = "\n".join(p.text for p in sheet_doc.paragraphs)
    assert "得分95分" in body and "等次优秀" in body
    listed = [[c.text for c in row.cells] for row in sheet_doc.tables[1].rows]
    assert ["2", "提供宣传报道有效证明材料", "未提供"] in listed


def test_the_daily_command_reminds_once(ready):
    from django.core.management import call_command

    first, second = io.StringIO(), io.StringIO()
    call_command("remind_assessment", "--today", "2027-01-12", stdout=first)
    call_command("remind_assessment", "--today", "2027-01-12", stdout=second)
    assert "提醒4个单位" in first.getvalue() and second.getvalue().strip() == "共提醒0个单位。"


def test_a_scoring_department_reads_the_evidence_picked_for_its_items(client, ready, publicity, settings, tmp_path):
    from django.core.files.base import ContentFile

    from assessment.evidence import do_pick_evidence
    from reporting.models import Evidence

    settings.MEDIA_ROOT = tmp_path / "media"
    unit, clerk = publicity
    item, sheet = ready["items"][("1", "鼓东街道")], ready["sheets"]["鼓东街道"]  # task 1: the November report's
    Item.objects.filter(pk=item.pk).update(scoring_unit=unit)
    item.refresh_from_db()
    link = Evidence.objects.create(report=ready["report"], url="https://news.example.cn/a/1", caption="省报报道",
                                   uploaded_by=ready["people"]["gudong"])
    scan = Evidence.objects.create(report=ready["report"], file=ContentFile(b"%PDF-1.4\n", name="s.pdf"),
                                   original_name="报道截图.pdf", content_type="application/pdf", size=9,
                                   uploaded_by=ready["people"]["gudong"])
    picked = [do_pick_evidence(ready["people"]["gudong"], sheet, item, "提供资金拨付凭证", e.pk) for e in (link, scan)]
    client.force_login(clerk)
    page = client.get(reverse("assessment:score_page", args=[ready["scheme"].pk])).content.decode()
    assert "省报报道" in page and "报道截图.pdf" in page
    assert client.get(reverse("assessment:evidence_download", args=[picked[0].pk]))["Location"] == "https://news.example.cn/a/1"
    assert b"".join(client.get(reverse("assessment:evidence_download", args=[picked[1].pk])).streaming_content) == b"%PDF-1.4\n"
    assert client.get(reverse("reporting:evidence_download", args=[scan.pk])).status_code == 404  # not the report itself
    client.force_login(ready["people"]["guxi"])
    assert client.get(reverse("assessment:evidence_download", args=[picked[1].pk])).status_code == 404


def test_reminders_post_one_digest_to_the_offices_group_chat(ready, django_capture_on_commit_callbacks):
    from notifications.models import GroupRobot, Kind
    from notifications.tests.conftest import make_robot
    from notifications.tests.robot_server import robot_server

    with robot_server() as server:
        make_robot(ready["scheme"].office, server.webhook(), platform=GroupRobot.Platform.WECOM, kinds=[Kind.REMINDER])
        day = datetime.date(2027, 1, 12)
        with django_capture_on_commit_callbacks(execute=True):
            send_reminders(ready["scheme"], day)
        with django_capture_on_commit_callbacks(execute=True):
            send_reminders(ready["scheme"], day)  # nobody left to remind today: nothing posted
        [post] = server.received
        content = post.body["markdown"]["content"]
        assert "考核催办（1月12日）" in content
        assert all(f"{name}：尚未提交自评" in content for name in ("鼓东街道", "鼓西街道", "洪山镇", "区民政局"))
