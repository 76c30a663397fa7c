"""The monthly bulletin: its words against the snapshot, the .docx against the database,
the layout, the archive, and who may generate and download it."""

import datetime
import importlib.util
import io
import shutil
import subprocess
import threading
from decimal import Decimal
from urllib.parse import quote

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import RGBColor
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse

from accounts.models import User
from conftest import ARTIFACTS
from intake.tests.conftest import to_pdf  # noqa: F401  (fixture)
from accounts.roles import Role
from intake.interpret.numbers import printed
from oversight import status as st
from oversight.access import scope_for
from oversight.bulletin import BEHIND_HEADER, Subheading, bulletin_content, download_name, publish_bulletin, render_bulletin
from oversight.models import Bulletin
from oversight.snapshot import build_snapshot
from oversight.tests.conftest import NOV30, report_figure
from orgs.models import Region
from reporting import services
from reporting.tests.conftest import person
from samples.steps import BASE

NOV = datetime.date(2026, 11, 1)
OCT = datetime.date(2026, 10, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.bulletin_views._today", lambda: NOV30)


def plan_scope(work, user=None):
    return scope_for(user or work["people"]["office"], "plan", work["plan"].pk)


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def body_text(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def ranking_rows(snapshot) -> list[list[str]]:
    """What the ranking table must say, read straight from the snapshot."""
    return [[str(u.rank), u.name, st.percent(u.summary.completion), st.percent(u.summary.time_progress),
             f"{u.summary.met}/{u.summary.targets}", {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}[u.summary.light]]
            for u in snapshot.by_unit]


# -- content ---------------------------------------------------------------------------------------

def test_content_states_the_snapshot_figures(reported):
    snapshot = build_snapshot([reported["plan"]], NOV, NOV30)
    content = bulletin_content(snapshot, plan_scope(reported), number=11, issued_on=datetime.date(2026, 12, 2))
    assert content.title == "2026年11月鼓楼区东西部协作工作进展情况通报"
    assert content.issue_line == "2026年第11期"
    assert content.issuer == "鼓楼区民政局"  # 区民政局 of 鼓楼区, as a document signs it
    assert content.date_text == "2026年12月2日"
    assert "《2026年测试方案》（测〔2026〕1号）" in content.opening
    overall, ranking, reporting, behind, requirements = content.sections
    assert [s.heading for s in content.sections] == [
        "一、总体进展", "二、各单位完成情况", "三、报送情况", "四、预警指标", "五、下步工作要求"]
    text = "".join(overall.paragraphs)
    # 30 of 100万元 counted (鼓西's 10 is a draft); 30 November is day 334 of 365.
    assert "平均完成率30.0%，时序进度91.5%" in text
    assert "已完成0项，红灯1项、黄灯0项、绿灯0项" in text
    assert "应报送进度报告4份，已报送1份，报送率25.0%；按时报送0份" in text
    assert "社会帮扶资金累计完成30万元，占目标100万元的30.0%" in text
    [table] = ranking.tables
    assert table.rows == ranking_rows(snapshot)
    assert table.rows[0] == ["1", "鼓东街道", "90.1%", "91.5%", "0/1", "黄灯"]
    assert "逾期报送的单位（1个）：鼓东街道（1份）" in reporting.paragraphs[0]
    missing = reporting.paragraphs[1]
    for name in ("区民政局", "鼓西街道", "洪山镇"):
        assert f"{name}（1份）" in missing
    assert "鼓东街道" not in missing
    # Behind time progress, furthest behind first: 洪山镇 and 鼓西 (0%), the total (30%), 鼓东 (90.1% < 91.5%).
    assert behind.paragraphs[0] == "截至2026年11月30日，逾期未完成的指标0项，落后时序进度的指标4项。"
    assert [b.text for b in behind.blocks if isinstance(b, Subheading)] == ["（一）落后时序进度的指标"]
    [table] = behind.tables
    assert [row[2] for row in table.rows] == [s.target.assignee_name for s in snapshot.lagging]
    total_row = next(row for row in table.rows if row[2] == "区民政局")
    assert total_row == ["3", "第1项", "区民政局", "社会帮扶资金（万元）", "30", "100", "30.0%", "91.5%"]
    assert requirements.paragraphs and content.figures["overall"]["completion"] == "0.3000"


def test_overdue_targets_come_first_and_are_named_so(reported):
    """In January the December deadline has passed: every unmet target is 逾期未完成."""
    reported["task"].deadline = datetime.date(2026, 11, 20)
    reported["task"].save()
    snapshot = build_snapshot([reported["plan"]], NOV, NOV30)
    content = bulletin_content(snapshot, plan_scope(reported), number=1)
    behind = content.sections[3]
    assert "逾期未完成的指标4项，落后时序进度的指标0项" in behind.paragraphs[0]
    assert [b.text for b in behind.blocks if isinstance(b, Subheading)] == ["（一）逾期未完成的指标"]
    [table] = behind.tables
    assert {row[-1] for row in table.rows} == {"100.0%"}  # time is up
    assert content.figures["overall"]["overdue"] == 1 and len(content.figures["overdue"]) == 4


def test_every_unit_on_time_is_said_so(reported):
    for name in ("鼓西街道", "洪山镇"):
        report_figure(reported, name, "2026年11月", "33.3")
    lead = reported["plan"].cycles.get(label="2026年11月").reports.get(unit=reported["units"]["区民政局"])
    office = reported["people"]["office"]
    lead = services.save_report(lead, user=office, version=lead.version, figures={}, progress="已汇总三街镇进展",
                                problems="", next_steps="")
    services.submit_report(lead, user=office, today=datetime.date(2026, 11, 20))
    snapshot = build_snapshot([reported["plan"]], NOV, NOV30)
    reporting = bulletin_content(snapshot, plan_scope(reported), number=1).sections[2]
    assert reporting.paragraphs == ["逾期报送的单位（1个）：鼓东街道（1份）。", "各单位均已报送。"]


# -- the .docx -------------------------------------------------------------------------------------

def test_published_docx_matches_the_database_and_the_snapshot(reported):
    office = reported["people"]["office"]
    bulletin = publish_bulletin(plan_scope(reported), NOV, office, NOV30)
    snapshot = build_snapshot([reported["plan"]], NOV, NOV30)
    document = open_docx(bulletin.file.read())
    text = body_text(document)
    assert text[:4] == ["鼓楼区东西部协作工作通报", "2026年第1期", "鼓楼区民政局\t2026年11月30日",
                        "2026年11月鼓楼区东西部协作工作\n进展情况通报"]  # broken between words
    assert bulletin.title == "2026年11月鼓楼区东西部协作工作进展情况通报"
    joined = "\n".join(text)
    assert f"平均完成率{st.percent(snapshot.overall.completion)}，时序进度{st.percent(snapshot.overall.time_progress)}" in joined
    ranking, behind = document.tables
    assert table_rows(ranking) == [["排名", "单位", "完成率", "时序进度", "已完成/指标数", "亮灯"]] + ranking_rows(snapshot)
    # The figures in the lagging table are those reported through the workflow.
    gudong = reported["task"].targets.get(assignee=reported["units"]["鼓东街道"])
    row = next(r for r in table_rows(behind) if r[2] == "鼓东街道")
    assert row[4:6] == [printed(Decimal("30")), printed(gudong.total)] == ["30", "33.3"]
    for name in ("区民政局", "鼓西街道", "洪山镇"):
        assert f"{name}（1份）" in joined
    # The archive row holds what the document states.
    assert bulletin.figures["ranking"][0]["name"] == snapshot.by_unit[0].name
    assert bulletin.figures["reporting"] == {"expected": 4, "received": 1, "on_time": 0, "approved": 0}
    assert bulletin.figures["plans"] == [reported["plan"].pk]


def east_asian_font(style) -> str | None:
    fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
    return None if fonts is None else fonts.get(f"{W}eastAsia")


def test_layout_is_an_official_document(reported):
    snapshot = build_snapshot([reported["plan"]], NOV, NOV30)
    content = bulletin_content(snapshot, plan_scope(reported), number=11)
    document = open_docx(render_bulletin(content))
    section = document.sections[0]
    # GB/T 9704: A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    masthead, issue, issuer, title = paragraphs[:4]
    assert masthead.text == "鼓楼区东西部协作工作通报" and masthead.runs[0].font.color.rgb == RGBColor(0xFF, 0, 0)
    assert issue.text == "2026年第11期"
    assert issuer.text == "鼓楼区民政局\t2026年11月30日"
    # The red rule: a bottom border in red between the header and the title.
    rule = issuer._p.getnext()
    assert rule.getnext() is title._p
    assert 'w:color="FF0000"' in rule.xml and "w:bottom" in rule.xml
    # Title 2号小标宋; body 3号仿宋; headings 黑体; tables 小四 仿宋.
    assert title.text.replace("\n", "") == content.title
    assert (title.style.name, east_asian_font(title.style), title.style.font.size.pt) == ("公文标题", "方正小标宋简体", 22)
    body = next(p for p in paragraphs if p.text.startswith("现将"))
    assert (body.style.name, east_asian_font(body.style), body.style.font.size.pt) == ("Normal", "仿宋_GB2312", 16)
    headings = [p for p in paragraphs if p.style.name == "一级标题"]
    assert [h.text for h in headings] == [s.heading for s in content.sections]
    assert east_asian_font(headings[0].style) == "黑体"
    cell = document.tables[0].rows[1].cells[2].paragraphs[0]
    assert cell.style.name == "公文表格" and cell.alignment == WD_ALIGN_PARAGRAPH.RIGHT  # a percentage
    # A page number field in the footers of odd and even pages: — 1 —.
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")


# -- the archive -----------------------------------------------------------------------------------

def test_regenerating_a_month_replaces_it_and_another_month_adds_one(reported, media):
    office, scope = reported["people"]["office"], plan_scope(reported)
    first = publish_bulletin(scope, NOV, office, NOV30)
    assert (first.number, first.revision) == (1, 1)
    report_figure(reported, "洪山镇", "2026年11月", "12")
    again = publish_bulletin(scope, NOV, reported["people"]["office"], NOV30)
    assert again.pk == first.pk and (again.number, again.revision) == (1, 2)
    assert Bulletin.objects.count() == 1
    assert again.figures["reporting"]["received"] == 2
    assert again.file.storage.exists(again.file.name)
    october = publish_bulletin(scope, OCT, office, NOV30)
    assert (october.number, october.revision) == (2, 1)  # numbered by first publication
    assert Bulletin.objects.count() == 2
    assert october.figures["overall"]["completion"] == "0.2000"  # October's 20万元 approved


def test_regenerating_keeps_every_earlier_revision_and_its_file(reported, django_capture_on_commit_callbacks):
    # Until issue 12 the replaced file was deleted on commit; now each revision is kept.
    office, scope = reported["people"]["office"], plan_scope(reported)
    first = publish_bulletin(scope, NOV, office, NOV30)
    old_name, storage = first.file.name, first.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        again = publish_bulletin(scope, NOV, office, NOV30)
    assert again.file.name != old_name
    assert storage.exists(old_name) and storage.exists(again.file.name)
    kept = list(again.revisions.order_by("revision"))
    assert [(r.revision, r.file.name, r.created_by) for r in kept] == [(1, old_name, office), (2, again.file.name, office)]


def test_a_failed_publication_keeps_the_old_file_and_leaves_no_new_one(reported, media, monkeypatch):
    office, scope = reported["people"]["office"], plan_scope(reported)
    first = publish_bulletin(scope, NOV, office, NOV30)
    before = sorted(p.name for p in media.rglob("*.docx"))

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Bulletin, "save", broken_save)
    with pytest.raises(RuntimeError):
        publish_bulletin(scope, NOV, office, NOV30)
    assert sorted(p.name for p in media.rglob("*.docx")) == before
    first.refresh_from_db()
    assert first.revision == 1 and first.file.storage.exists(first.file.name)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_publications_of_one_scope_wait_for_each_other(reported):
    """Two clicks at once over two real connections: different months get different numbers,
    the same month is generated twice over, never a duplicate and never an error."""
    if connection.vendor != "postgresql":
        pytest.skip("两个真实连接同时生成通报的测试在 PostgreSQL 上运行；SQLite 的写事务本就逐个进行")
    office, plan_pk = reported["people"]["office"], reported["plan"].pk

    def at_once(months):
        barrier, outcomes = threading.Barrier(len(months)), []

        def publish(month):
            try:
                scope = scope_for(User.objects.get(pk=office.pk), "plan", plan_pk)
                barrier.wait()
                outcomes.append(publish_bulletin(scope, month, office, NOV30))
            except Exception as error:  # noqa: BLE001  (reported by the assertion below)
                outcomes.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=publish, args=(month,)) for month in months]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return outcomes

    outcomes = at_once([OCT, NOV])
    assert all(isinstance(o, Bulletin) for o in outcomes), outcomes
    assert sorted(o.number for o in outcomes) == [1, 2]
    outcomes = at_once([NOV, NOV])
    assert all(isinstance(o, Bulletin) for o in outcomes), outcomes
    assert Bulletin.objects.filter(month=NOV).get().revision == 3


def test_a_future_month_is_refused(reported):
    from oversight.bulletin import BulletinError

    with pytest.raises(BulletinError, match="2026年12月还没有到"):
        publish_bulletin(plan_scope(reported), datetime.date(2026, 12, 1), reported["people"]["office"], NOV30)


# -- pages and permissions -------------------------------------------------------------------------

def archive_url(work):
    return reverse("oversight:bulletins", args=["plan", work["plan"].pk])


def generate_url(work):
    return reverse("oversight:bulletin_generate", args=["plan", work["plan"].pk])


def test_office_generates_lists_and_downloads(client, reported):
    client.force_login(reported["people"]["office"])
    response = client.post(generate_url(reported), {"month": "2026-11"})
    assert response.status_code == 302 and response["Location"] == archive_url(reported)
    bulletin = Bulletin.objects.get()
    page = client.get(archive_url(reported))
    assert page.status_code == 200
    html = page.content.decode()
    assert bulletin.title in html and "2026年第1期" in html and 'name="month"' in html
    download = client.get(reverse("oversight:bulletin_download", args=[bulletin.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == bulletin.file.open("rb").read()
    name = "2026年11月鼓楼区东西部协作工作进展情况通报（2026年第1期）.docx"
    assert download_name(bulletin) == name
    # RFC 6266: a non-ASCII name travels as filename*=UTF-8''… (Django writes the charset in lower case).
    assert download["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(name)}"
    assert download["Content-Type"].endswith("wordprocessingml.document")
    # Regenerating says so.
    again = client.post(generate_url(reported), {"month": "2026-11"}, follow=True)
    assert "第2版" in again.content.decode()


def test_a_bad_or_missing_month_is_refused_with_a_message(client, reported):
    client.force_login(reported["people"]["office"])
    for month in ("", "2026-13", "soon"):
        response = client.post(generate_url(reported), {"month": month}, follow=True)
        assert response.status_code == 200 and "未生成" in response.content.decode()
    assert not Bulletin.objects.exists()


def test_reviewer_and_leader_read_but_may_not_generate(client, reported):
    bulletin = publish_bulletin(plan_scope(reported), NOV, reported["people"]["office"], NOV30)
    for who in ("reviewer", "leader"):
        client.force_login(reported["people"][who])
        assert client.get(archive_url(reported)).status_code == 200
        assert 'name="month"' not in client.get(archive_url(reported)).content.decode()
        assert client.post(generate_url(reported), {"month": "2026-11"}).status_code == 403
        assert client.get(reverse("oversight:bulletin_download", args=[bulletin.pk])).status_code == 200
    assert Bulletin.objects.get().revision == 1


def test_reporters_and_other_offices_see_nothing(client, reported):
    bulletin = publish_bulletin(plan_scope(reported), NOV, reported["people"]["office"], NOV30)
    download = reverse("oversight:bulletin_download", args=[bulletin.pk])
    client.force_login(reported["people"]["gudong"])  # a reporter: not an overseer
    assert client.get(archive_url(reported)).status_code == 403
    assert client.get(download).status_code == 403
    assert client.post(generate_url(reported), {"month": "2026-11"}).status_code == 403
    other = person("cangshan", reported["units"]["仓山区民政局"], Role.OFFICE_ADMIN)
    client.force_login(other)
    assert client.get(archive_url(reported)).status_code == 404
    assert client.get(download).status_code == 404
    assert client.post(generate_url(reported), {"month": "2026-11"}).status_code == 404
    client.logout()
    assert client.get(download).status_code == 302  # to the login page
    assert Bulletin.objects.get().revision == 1


def test_wrong_methods_are_refused(client, reported):
    bulletin = publish_bulletin(plan_scope(reported), NOV, reported["people"]["office"], NOV30)
    client.force_login(reported["people"]["office"])
    assert client.get(generate_url(reported)).status_code == 405
    assert client.post(archive_url(reported)).status_code == 405
    assert client.post(reverse("oversight:bulletin_download", args=[bulletin.pk])).status_code == 405


def test_a_region_bulletin_is_hidden_from_who_cannot_see_all_its_plans(client, reported):
    """A county leader sees the county's plans, not a city bulletin that covers others' too."""
    admin = User.objects.create_superuser("root", password="x", unit=None)
    city = Region.objects.get(name="福州市")
    bulletin = publish_bulletin(scope_for(admin, "region", city.pk, year=2026), NOV, admin, NOV30)
    download = reverse("oversight:bulletin_download", args=[bulletin.pk])
    client.force_login(reported["people"]["leader"])
    assert client.get(download).status_code == 200  # it covers only the plan the leader sees
    bulletin.figures["plans"].append(10**9)  # as if it also covered a plan kept elsewhere
    bulletin.save()
    assert client.get(download).status_code == 404
    page = client.get(reverse("oversight:bulletins", args=["region", city.pk]))
    assert page.status_code == 200 and bulletin.title not in page.content.decode()


def test_the_admin_shows_the_archive_read_only(client, reported):
    bulletin = publish_bulletin(plan_scope(reported), NOV, reported["people"]["office"], NOV30)
    client.force_login(User.objects.create_superuser("root", password="x", unit=None))
    listing = client.get(reverse("admin:oversight_bulletin_changelist"))
    assert listing.status_code == 200 and bulletin.title in listing.content.decode()
    page = client.get(reverse("admin:oversight_bulletin_change", args=[bulletin.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("oversight:bulletin_download", args=[bulletin.pk]) in html
    assert "/media/" not in html  # never linked as plain media
    assert client.get(reverse("admin:oversight_bulletin_add")).status_code == 403
    assert client.post(reverse("admin:oversight_bulletin_delete", args=[bulletin.pk]), {"post": "yes"}).status_code == 403
    assert Bulletin.objects.filter(pk=bulletin.pk).exists()


# -- the sample data -------------------------------------------------------------------------------

@pytest.fixture
def sample(db):
    """The sample registry, plans and users, and (where that module exists) a year of sample reports."""
    call_command("load_sample_data", "--only", *BASE, stdout=io.StringIO())
    if importlib.util.find_spec("samples.reports"):
        from samples.reports import load_sample_reports

        load_sample_reports(NOV30)
    else:
        services.open_cycles(NOV30)
    return NOV30


def test_sample_bulletins_match_their_snapshots(sample):
    from plans.models import Plan

    admin = User.objects.create_superuser("root", password="x", unit=None)
    city = Region.objects.get(name="福州市")
    district_plan = Plan.objects.get(doc_number="鼓委振兴办〔2026〕1号")
    for scope in (scope_for(admin, "plan", district_plan.pk), scope_for(admin, "region", city.pk, year=2026)):
        bulletin = publish_bulletin(scope, NOV, admin, NOV30)
        snapshot = build_snapshot(scope.plans, NOV, NOV30)
        document = open_docx(bulletin.file.read())
        joined = "\n".join(body_text(document))
        assert f"平均完成率{st.percent(snapshot.overall.completion)}，时序进度{st.percent(snapshot.overall.time_progress)}" in joined
        assert f"纳入统计的{snapshot.overall.targets}项总指标" in joined
        ranking, *behind = document.tables
        assert snapshot.by_unit and table_rows(ranking)[1:] == ranking_rows(snapshot)
        for rate in snapshot.unreported:
            assert f"{rate.label}（{rate.missing}份）" in joined
        # Every overdue and lagging target has its row, with its unit and its reported figure.
        # Overdue first, then lagging; in a region, grouped by plan in the scope's order.
        # The 选派人员 / 结对互访 / 协作资金 parts' tables come before; the 预警指标 ones are told by header.
        rows = [row for table in behind if table_rows(table)[0] == BEHIND_HEADER for row in table_rows(table)[1:]]
        expected = [s for group in (snapshot.overdue, snapshot.lagging) for plan in snapshot.plans for s in group
                    if snapshot.tasks[s.target.task_id].plan_id == plan.pk]
        assert len(expected) == len(snapshot.overdue) + len(snapshot.lagging)
        assert [(r[2], r[4], r[6]) for r in rows] == [
            (s.target.assignee_name, printed(s.reported or Decimal(0)), st.percent(s.completion)) for s in expected]
        assert bulletin.figures["plans"] == [p.pk for p in scope.plans]


def test_sample_bulletin_prints_as_a_pdf(sample, tmp_path, to_pdf):
    """LibreOffice lays the .docx out as Word would print it: every page numbered, the ranking legible.
    The pages are kept as PNGs in test-artifacts/ to look at."""
    import pdfplumber

    admin = User.objects.create_superuser("root", password="x", unit=None)
    city = Region.objects.get(name="福州市")
    scope = scope_for(admin, "region", city.pk, year=2026)
    bulletin = publish_bulletin(scope, NOV, admin, NOV30)
    snapshot = build_snapshot(scope.plans, NOV, NOV30)
    source = tmp_path / "bulletin.docx"
    source.write_bytes(bulletin.file.read())
    pdf = to_pdf(source)
    with pdfplumber.open(pdf) as document:
        pages = [page.extract_text() or "" for page in document.pages]
        size = (round(document.pages[0].width * 25.4 / 72), round(document.pages[0].height * 25.4 / 72))
        save_pages(pdf, document)
    assert size == (210, 297)
    text = "".join(pages).replace(" ", "").replace("\n", "")
    assert "福州市东西部协作工作通报" in text and "2026年第1期" in text
    for unit in snapshot.by_unit[:3]:
        assert unit.name in text
    # — 1 —, — 2 — …: each page carries its own number.
    for number, page in enumerate(pages, start=1):
        assert f"— {number} —" in page, f"第{number}页没有页码"


def save_pages(pdf, document, resolution=80):
    """The pages as PNGs in test-artifacts/: with pdftoppm where installed, else pdfplumber's renderer."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("bulletin-*.png"):
        old.unlink()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        subprocess.run([pdftoppm, "-png", "-r", str(resolution), str(pdf), str(ARTIFACTS / "bulletin")],
                       check=True, timeout=120)
    else:
        for number, page in enumerate(document.pages, start=1):
            page.to_image(resolution=resolution).save(ARTIFACTS / f"bulletin-{number}.png")
