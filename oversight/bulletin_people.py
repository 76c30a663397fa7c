"""The bulletin's 选派人员 and 结对互访 parts: people in post by kind, field and sending unit with
those short of “帮扶时限6个月以上” (people.rules), and the year's exchanges by pairing with the
rules met or not (exchanges.queries.by_pairing, the dashboard's rows) — plain sentences and rows
like bulletin_funds. Names only: a person's particulars (phone, gender) never reach a bulletin."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q

from exchanges.queries import by_pairing
from orgs.models import Unit
from people.models import Person
from people.queries import in_post_by_unit
from people.rules import Finding, service_findings

UNIT_HEADER = ["派出单位", "在岗人数", "其中专业技术人才", "已返回"]
UNIT_WIDTHS = [60, 32, 36, 28]  # 156 mm
SHORT_HEADER = ["序号", "姓名", "派出单位", "类别", "情况"]
SHORT_WIDTHS = [10, 18, 28, 30, 70]
PAIRING_HEADER = ["序号", "结对双方", "层级", "互访次数", "规则落实情况"]
PAIRING_WIDTHS = [10, 40, 18, 18, 70]
SHORT_SEVERITIES = ("错误", "警告")  # returned short, or planned short; 提示 (no arrival date) is the roster's own


@dataclass
class Roster:
    people: list[Person]  # the scope's roster, sending unit loaded
    by_unit: list[dict]  # people.queries.in_post_by_unit
    short: list[Finding]  # short of the 6-month rule as of the day
    as_of: datetime.date

    def in_post(self) -> list[Person]:
        return [p for p in self.people if p.arrived_on and p.arrived_on <= self.as_of
                and not (p.returned_on and p.returned_on <= self.as_of)]


def roster(plans, as_of: datetime.date) -> Roster | None:
    """The plans' offices' roster (the plans' own and the office-wide people), None when empty."""
    offices = {p.office_id for p in plans if p.office_id}
    people = list(Person.objects.filter(office_id__in=offices)
                  .filter(Q(plan__isnull=True) | Q(plan_id__in=[p.pk for p in plans]))
                  .select_related("sending_unit"))
    if not people:
        return None
    short = [f for f in service_findings(people, as_of) if f.severity in SHORT_SEVERITIES]
    return Roster(people, in_post_by_unit(plans, as_of), short, as_of)


def pairings(plans, as_of: datetime.date) -> list[dict] | None:
    """The year's exchanges by pairing for the plans' offices, None when no pairing is active."""
    offices = list(Unit.objects.filter(pk__in={p.office_id for p in plans if p.office_id}))
    return by_pairing(offices, as_of) or None


def _kinds(people: list[Person]) -> str:
    cadres = sum(p.kind == Person.Kind.CADRE for p in people)
    talents = [p for p in people if p.kind == Person.Kind.TALENT]
    fields = [(label, sum(p.field == value for p in talents)) for value, label in Person.Field.choices]
    by_field = "、".join(f"{label}{n}人" for label, n in fields if n)
    return (f"其中党政挂职干部{cadres}人、专业技术人才{len(talents)}人" + (f"（{by_field}）" if by_field else ""))


def people_blocks(data: Roster, day_text, table, subheading) -> list:
    in_post = data.in_post()
    returned = [p for p in data.people if p.returned_on and p.returned_on <= data.as_of]
    early = sum(p.status == Person.Status.EARLY for p in returned)
    blocks = [f"截至{day_text(data.as_of)}，在岗选派人员{len(in_post)}人，{_kinds(in_post)}；"
              f"已返回{len(returned)}人，其中提前返回{early}人。"]
    blocks.append(table(UNIT_HEADER, [[r["unit"], str(r["in_post"]), str(r["talents"]), str(r["returned"])]
                                      for r in data.by_unit], UNIT_WIDTHS, (1, 2, 3), 10.5))
    if not data.short:
        blocks.append("选派人员服务期限均符合6个月以上要求。")
        return blocks
    blocks.append(subheading("（一）不足6个月服务期限的人员"))
    blocks.append(f"{len(data.short)}人服务期限不足6个月：")
    blocks.append(table(SHORT_HEADER, [
        [str(number), f.person.name, f.person.sending_unit.name, f.person.kind_label,
         f.message.removeprefix(f.person.name)]
        for number, f in enumerate(data.short, start=1)], SHORT_WIDTHS, (0,), 10.5))
    return blocks


def people_figures(data: Roster) -> dict:
    in_post = data.in_post()
    return {
        "in_post": len(in_post),
        "by_kind": dict(Counter(f"{p.kind}/{p.field}" if p.field else p.kind for p in in_post)),
        "by_unit": [{"unit": r["unit_id"], "in_post": r["in_post"], "talents": r["talents"],
                     "returned": r["returned"]} for r in data.by_unit],
        "short": [{"person": f.person.pk, "code": f.code} for f in data.short],
    }


def pair_name(pairing) -> str:
    return f"{pairing.helper.name}—{pairing.helped.name}"


def _rules_text(row: dict) -> str:
    return "；".join(r.message for r in row["results"]) or "—"


def exchanges_blocks(rows: list[dict], as_of: datetime.date, day_text, table) -> list:
    results = [r for row in rows for r in row["results"]]
    unmet = sum(1 for r in results if not r.met)
    blocks = [f"{as_of.year}年1月1日至{day_text(as_of)}，{len(rows)}个结对关系开展互访交流"
              f"{sum(row['count'] for row in rows)}次；结对规则{len(results)}项，"
              f"已达到{len(results) - unmet}项，未达到{unmet}项。"]
    blocks.append(table(PAIRING_HEADER, [
        [str(number), pair_name(row["pairing"]), row["pairing"].get_level_display(), str(row["count"]),
         _rules_text(row)] for number, row in enumerate(rows, start=1)], PAIRING_WIDTHS, (0, 3), 10.5))
    return blocks


def exchanges_figures(rows: list[dict]) -> dict:
    return {"pairings": [{"pairing": row["pairing"].pk, "count": row["count"],
                          "unmet": [r.code for r in row["results"] if not r.met]} for row in rows]}
