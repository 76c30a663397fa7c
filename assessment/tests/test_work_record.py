"""A 挂职干部's annual work record for the organisation that sent them: months in post that
year, allowance paid, and the served unit's published result, read back from the .docx."""

import datetime
import io
from decimal import Decimal

from django.urls import reverse
from docx import Document

from assessment.models import Scheme
from assessment.results import do_configure, do_publish, do_review
from assessment.scoring import do_open_scheme, do_score
from assessment.work_record import months_in_post
from people.models import AllowancePayment, Person


def test_months_in_post_count_part_months_within_the_year():
    person = Person(arrived_on=datetime.date(2025, 11, 20), returned_on=datetime.date(2026, 3, 2))
    assert (months_in_post(person, 2025), months_in_post(person, 2026), months_in_post(person, 2027)) == (2, 3, 0)
    assert months_in_post(Person(arrived_on=None), 2026) == 0


def test_the_record_reads_back_with_the_host_units_result(client, scheme):
    units, people, office = scheme["units"], scheme["people"], scheme["people"]["office"]
    cadre = Person.objects.create(office=units["区民政局"], plan=scheme["plan"], sending_unit=units["鼓东街道"],
                                  kind=Person.Kind.CADRE, name="张三", home_unit="某某市民政局", home_post="科长",
                                  host_unit="鼓西街道", host_post="副主任", arrived_on=datetime.date(2026, 3, 1))
    for month in (3, 4):
        AllowancePayment.objects.create(person=cadre, month=datetime.date(2026, month, 1), amount=Decimal("1500.50"),
                                        paying_unit=units["区民政局"], paid_on=datetime.date(2026, month, 28))
    url = reverse("assessment:work_record", args=[cadre.pk, 2026])
    client.force_login(people["gudong"])  # the sending unit
    doc = Document(io.BytesIO(client.get(url).content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "张三2026年度协作工作情况" in text and "原单位及职务：某某市民政局、科长" in text
    assert "2026年度在岗10个月" in text and "发放生活补助2个月，共3001元" in text
    assert "鼓西街道2026年度考核结果尚未公布" in text

    do_configure(office, scheme["scheme"], thresholds=("90", "80", "60"))
    do_open_scheme(office, scheme["scheme"])
    for (_, unit), item in scheme["items"].items():
        do_score(people["reviewer"], scheme["sheets"][unit], item, "50" if unit == "鼓西街道" else str(item.max_points),
                 "进度偏慢")
    for sheet in scheme["sheets"].values():
        do_review(office, sheet)
    do_publish(office, Scheme.objects.get(pk=scheme["scheme"].pk))
    text = "\n".join(p.text for p in Document(io.BytesIO(client.get(url).content)).paragraphs)
    assert "鼓西街道在《2026年测试方案·2026年度考核》中得分50分，街镇内排名第3，等次为不合格" in text
    client.force_login(people["guxi"])  # another unit: not theirs
    assert client.get(url).status_code == 404
    client.force_login(people["leader"])  # reads the roster, not the particulars
    assert client.get(url).status_code == 403
