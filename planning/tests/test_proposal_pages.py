"""The 自选动作 pages through Django's client: what each side sees, errors beside the field."""

from django.urls import reverse

from planning.models import Proposal
from planning.proposals import do_propose
from reporting.tests.conftest import work  # noqa: F401  (fixture)


def _propose(work, who, text):
    return do_propose(work["people"][who], work["plan"], text=text)


def test_a_unit_lists_only_its_own_proposals_and_the_office_all_of_its_plans(client, work):
    _propose(work, "gudong", "鼓东自选"), _propose(work, "guxi", "鼓西自选")
    client.force_login(work["people"]["gudong"])
    page = client.get(reverse("planning:proposals")).content.decode()
    assert "鼓东自选" in page and "鼓西自选" not in page
    assert reverse("planning:proposal_new", args=[work["plan"].pk]) in page  # the plan it may propose for
    client.force_login(work["people"]["reviewer"])
    page = client.get(reverse("planning:proposals"), {"state": "submitted"}).content.decode()
    assert "鼓东自选" in page and "鼓西自选" in page and "申报自选动作</a>" not in page


def test_a_figure_typed_wrong_is_shown_beside_its_field_and_nothing_is_saved(client, work):
    client.force_login(work["people"]["gudong"])
    response = client.post(reverse("planning:proposal_new", args=[work["plan"].pk]), {
        "text": "开展消费帮扶", "metric_1": "消费帮扶销售额", "quantity_1": "20", "unit_1": "元"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-field="unit_1"' in page and "第1个指标（消费帮扶销售额）：计量单位“元”请换算为“万元”" in page
    assert not Proposal.objects.exists()


def test_the_plan_page_offers_the_unit_to_propose_and_tells_the_office_how_many_wait(client, work):
    plan_url = reverse("plans:detail", args=[work["plan"].pk])
    client.force_login(work["people"]["gudong"])
    assert "申报自选动作" in client.get(plan_url).content.decode()
    _propose(work, "gudong", "鼓东自选")
    client.force_login(work["people"]["office"])
    assert "各单位申报的自选动作：1 件待审核" in client.get(plan_url).content.decode()
    client.force_login(work["people"]["leader"])
    assert "自选动作：" not in client.get(plan_url).content.decode()


def test_the_office_returns_without_a_reason_and_is_told_what_is_missing(client, work):
    proposal = _propose(work, "gudong", "鼓东自选")
    client.force_login(work["people"]["office"])
    response = client.post(reverse("planning:proposal_return", args=[proposal.pk]), {"reason": ""})
    assert response.status_code == 400 and "请填写退回原因" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED
