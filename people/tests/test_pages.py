"""The roster pages: particulars shown to the office and the sending unit, masked for everyone
else (pages, export, JSON) unless the office asks; the upload's dry run and applying it."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from people import services
from people.models import Person
from people.tests.conftest import name_list, talent


def _li(work, **extra):
    return services.do_create_person(work["people"]["office"], plan=work["plan"], sending_unit=work["units"]["鼓东街道"],
                                     name="李梅", kind=Person.Kind.TALENT, field=Person.Field.MEDICAL,
                                     gender=Person.Gender.FEMALE, phone="13805912345",
                                     arrived_on=datetime.date(2026, 3, 1), **extra)


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_particulars_for_the_office_and_the_sending_unit_only(client, work):
    li = _li(work)
    url = reverse("people:person", args=[li.pk])
    for who in ("office", "reviewer", "gudong"):
        assert "13805912345" in _get(client, work["people"][who], url).content.decode()
    page = _get(client, work["people"]["leader"], url).content.decode()  # sees the person, masked
    assert "李梅" in page and "13805912345" not in page and "138****2345" in page
    assert _get(client, work["people"]["guxi"], url).status_code == 404  # another unit
    roster = _get(client, work["people"]["guxi"], reverse("people:roster")).content.decode()
    assert "李梅" not in roster


def test_export_and_json_are_masked_unless_the_office_asks(client, work):
    _li(work)
    sheet = load_workbook(io.BytesIO(_get(client, work["people"]["office"], reverse("people:export")).content)).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert "138****2345" in values and "13805912345" not in values and "女" not in values
    asked = _get(client, work["people"]["office"], reverse("people:export") + "?particulars=1")
    values = [c for row in load_workbook(io.BytesIO(asked.content)).active.iter_rows(values_only=True) for c in row]
    assert "13805912345" in values and "女" in values
    data = _get(client, work["people"]["office"], reverse("people:roster_json")).json()
    assert data["people"][0]["phone"] == "138****2345" and data["people"][0]["gender"] == "＊＊"
    assert _get(client, work["people"]["office"], reverse("people:roster_json") + "?particulars=1").json()["people"][0]["phone"] == "13805912345"
    # A leader may not ask; a reporter of the unit may not either (the office's request).
    assert _get(client, work["people"]["leader"], reverse("people:export") + "?particulars=1").status_code == 403
    assert _get(client, work["people"]["gudong"], reverse("people:roster_json") + "?particulars=1").status_code == 403


def test_upload_shows_the_diff_then_applies(client, work):
    gudong = work["people"]["gudong"]
    _li(work, batch="2026年第一批")
    client.force_login(gudong)
    data = name_list([talent("李梅", phone="13900000000"), talent("王芳")])
    response = client.post(reverse("people:import_upload"), {
        "plan": work["plan"].pk, "sending_unit": work["units"]["鼓东街道"].pk,
        "file": SimpleUploadedFile("鼓东街道专技人才名单.xlsx", data)})
    assert response.status_code == 302
    review = client.get(response["Location"]).content.decode()
    assert 'data-diff="added">1<' in review and 'data-diff="changed">1<' in review
    assert "联系电话：13805912345 → 13900000000" in review
    assert Person.objects.count() == 1
    assert client.post(response["Location"]).status_code == 302
    assert sorted(Person.objects.values_list("name", "phone")) == [("李梅", "13900000000"), ("王芳", "13805910001")]


def test_a_bad_file_is_refused_with_its_rows(client, work):
    client.force_login(work["people"]["gudong"])
    response = client.post(reverse("people:import_upload"), {
        "plan": work["plan"].pk, "sending_unit": work["units"]["鼓东街道"].pk,
        "file": SimpleUploadedFile("名单.xlsx", name_list([talent("李梅", arrived="明年")]))})
    assert response.status_code == 400
    assert "文件“名单.xlsx”第3行“到岗日期”列：无法识别日期“明年”" in response.content.decode()
    # Another unit's list is not this reporter's to submit: not even offered.
    response = client.post(reverse("people:import_upload"), {
        "plan": work["plan"].pk, "sending_unit": work["units"]["鼓西街道"].pk,
        "file": SimpleUploadedFile("名单.xlsx", name_list([talent("李梅")]))})
    assert response.status_code == 400 and not Person.objects.exists()
