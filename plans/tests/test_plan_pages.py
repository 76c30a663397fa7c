import pytest
from django.urls import reverse

from accounts.models import User


@pytest.fixture
def reporter(registry, django_user_model):
    return User.objects.create_user(username="gudong", password="s3cret-pass", unit=registry["units"]["鼓东街道"])


def test_pages_require_login(client, plan):
    for url in (reverse("plans:list"), reverse("plans:detail", args=[plan.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_root_leads_to_the_plans(client, reporter):
    client.force_login(reporter)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("plans:list")


def test_plan_list_shows_plan_with_task_count(client, reporter, funding_task):
    client.force_login(reporter)
    response = client.get(reverse("plans:list"))
    html = response.content.decode()
    assert "2026年鼓楼区闽宁协作任务分工方案" in html
    assert "鼓委振兴办〔2026〕9号" in html
    assert response.context["plans"][0].task_count == 1


def test_plan_page_shows_units_deadline_targets_and_remainder(client, reporter, funding_task):
    client.force_login(reporter)
    response = client.get(reverse("plans:detail", args=[funding_task.plan_id]))
    html = response.content.decode()
    (list_name, rows), = response.context["lists"]
    assert list_name == "附件1"
    row = rows[0]
    assert [a.unit.name for a in row.leads] == ["区民政局"]
    assert [a.unit.name for a in row.partners] == ["区教育局"]
    assert "2026年12月31日" in html and "原文：12月底前" in html
    assert "未分配 25 万元" in html
    assert "＋上年缺口 4.5 ＝ 45 万元" in html
    assert 'title="原文：区民政局 (区乡村振兴局)"' in html


def test_over_allocated_breakdown_says_by_how_much(client, reporter, funding_task):
    funding_task.targets.filter(parent=None).update(quantity=70)
    client.force_login(reporter)
    html = client.get(reverse("plans:detail", args=[funding_task.plan_id])).content.decode()
    assert "超出合计 5 万元" in html


def test_missing_plan_is_404(client, reporter):
    client.force_login(reporter)
    assert client.get(reverse("plans:detail", args=[999999])).status_code == 404


def test_plan_page_query_count_does_not_grow_with_tasks(client, reporter, funding_task):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plans.models import Target, Task

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("plans:detail", args=[funding_task.plan_id])).status_code == 200
        return len(captured)

    client.force_login(reporter)
    few = queries()
    for n in range(30):
        task = Task.objects.create(plan=funding_task.plan, ref=str(100 + n), position=100 + n, text="任务")
        Target.objects.create(task=task, metric="培训", quantity=n, unit="人")
    assert queries() == few
