"""The office's assessment page: build the year's scheme, then each unit's 满分 and state."""

from django.urls import reverse

from assessment.models import Scheme


def test_office_builds_the_scheme_and_sees_each_unit(client, scored):
    plan, office = scored["plan"], scored["people"]["office"]
    client.force_login(office)
    url = reverse("assessment:plan", args=[plan.pk])
    page = client.get(url).content.decode()
    assert "2026年度的考核方案尚未生成" in page and "生成2026年度考核方案" in page
    response = client.post(reverse("assessment:build", args=[plan.pk]), {"year": "2026"}, follow=True)
    text = response.content.decode()
    assert "已生成《2026年测试方案·2026年度考核》：4 个被考核单位，5 个考核项目" in text
    scheme = Scheme.objects.get(plan=plan, year=2026)
    assert scheme.history.get().history_user == office
    assert 'data-unit="鼓东街道"' in text and "待自评" in text
    # Each unit's 满分; those not at the scheme's 100 are flagged (鼓东街道 answers for both tasks).
    assert text.count("与满分100分不符") == 3
    # Building the same year again is refused with the reason, nothing written.
    again = client.post(reverse("assessment:build", args=[plan.pk]), {"year": "2026"}, follow=True).content.decode()
    assert "未生成：方案《2026年测试方案》的2026年度考核方案已经生成" in again
    assert Scheme.objects.count() == 1


def test_reviewer_reads_but_does_not_build(client, scored):
    client.force_login(scored["people"]["reviewer"])
    page = client.get(reverse("assessment:plan", args=[scored["plan"].pk])).content.decode()
    assert "由主办该方案的协作办公室管理员生成" in page and "生成2026年度考核方案" not in page
    assert client.post(reverse("assessment:build", args=[scored["plan"].pk]), {"year": "2026"}).status_code == 403
    assert not Scheme.objects.exists()


def test_plan_page_links_to_the_assessment(client, scored, work):
    client.force_login(scored["people"]["office"])
    page = client.get(reverse("plans:detail", args=[scored["plan"].pk])).content.decode()
    assert reverse("assessment:plan", args=[scored["plan"].pk]) in page
    client.force_login(scored["people"]["gudong"])  # a reporter: no assessment pages (yet)
    page = client.get(reverse("plans:detail", args=[scored["plan"].pk])).content.decode()
    assert reverse("assessment:plan", args=[scored["plan"].pk]) not in page


def test_the_office_log_shows_the_build_and_another_office_does_not(client, scored, django_user_model):
    from accounts.roles import Role
    from reporting.tests.conftest import person

    client.force_login(scored["people"]["office"])
    client.post(reverse("assessment:build", args=[scored["plan"].pk]), {"year": "2026"})
    log = client.get(reverse("audit:log") + "?kind=scheme").content.decode()
    assert "2026年测试方案·2026年度考核" in log and "由方案的分值和考核要求生成" in log
    items = client.get(reverse("audit:log") + "?kind=assessmentitem").content.decode()
    assert "第2项 开展宣传报道。" in items
    client.force_login(person("cangshan_admin", scored["units"]["仓山区民政局"], Role.OFFICE_ADMIN))
    assert "2026年测试方案·2026年度考核" not in client.get(reverse("audit:log") + "?kind=scheme").content.decode()


def test_the_score_table_downloads_from_the_page(client, scored):
    import io
    from urllib.parse import unquote

    from openpyxl import load_workbook

    client.force_login(scored["people"]["office"])
    plan = scored["plan"]
    missing = client.get(reverse("assessment:scores_xlsx", args=[plan.pk, 2026]))
    assert missing.status_code == 404
    client.post(reverse("assessment:build", args=[plan.pk]), {"year": "2026"})
    page = client.get(reverse("assessment:plan", args=[plan.pk])).content.decode()
    url = reverse("assessment:scores_xlsx", args=[plan.pk, 2026])
    assert url in page
    response = client.get(url)
    assert "2026年测试方案-2026年度考核成绩表.xlsx" in unquote(response["Content-Disposition"])
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in sheet[2]]
    rows = {sheet.cell(row=r, column=2).value: r for r in range(4, sheet.max_row + 1)}
    assert list(rows) == ["区民政局", "鼓东街道", "鼓西街道", "洪山镇"]
    assert sheet.cell(row=rows["鼓东街道"], column=headers.index("满分合计") + 1).value == 100
