"""Two district offices side by side (鼓楼区民政局 and 仓山区民政局), each with one row of
every model the admin shows, and a city office above them: the admin tests' world."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role, group_name
from notifications.models import GroupRobot, Kind, Notification, RobotDelivery
from orgs.models import Pairing, Programme, Region, Unit
from oversight.models import Bulletin, WarningSent
from plans.models import Assignment, PendingImport, Plan, Target, Task
from reporting import services
from reporting.models import EvidenceRule, ReportingSchedule

PASSWORD = "Xiezuo-2026-pass"


def person(username, unit, *roles, staff=False, superuser=False) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, unit=unit, name=username,
                                    is_staff=staff or superuser, is_superuser=superuser)
    user.groups.add(*[Group.objects.get(name=group_name(role)) for role in roles])
    return user


def office_world(key: str, office: Unit, street: Unit, helped: Unit) -> dict:
    """One office's rows, keyed by model label; its people under "people"."""
    people = {
        "admin": person(f"{key}_admin", office, Role.OFFICE_ADMIN, staff=True),
        "reporter": person(f"{key}_reporter", street, Role.REPORTER),
        "reviewer": person(f"{key}_reviewer", office, Role.REVIEWER),
    }
    plan = Plan.objects.create(title=f"2026年{key}协作方案", doc_number=f"{key}〔2026〕1号", year=2026,
                               kind=Programme.EAST_WEST, office=office)
    task = Task.objects.create(plan=plan, ref="1", position=1, text="落实社会帮扶资金100万元。")
    Assignment.objects.create(task=task, unit=street, role=Assignment.Role.LEAD)
    target = Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal(100), unit="万元", assignee=street)
    schedule = ReportingSchedule.objects.create(plan=plan, starts_on=datetime.date(2026, 11, 1))
    rule = EvidenceRule.objects.create(task=task, required=False)
    services.open_cycles(datetime.date(2026, 11, 10), [plan])
    cycle = plan.cycles.get(label="2026年11月")
    report = cycle.reports.get(unit=street, task=task)
    services.save_report(report, user=people["reporter"], version=report.version, figures={target.pk: "100"},
                         progress="已落实", problems="", next_steps="")
    report = services.submit_report(report, user=people["reporter"], today=datetime.date(2026, 11, 18))
    services.approve_reports([report], reviewer=people["reviewer"])
    report.refresh_from_db()
    robot = GroupRobot.objects.create(office=office, name=f"{key}协作工作群", platform=GroupRobot.Platform.WECOM,
                                      webhook_url=f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={key}")
    rows = {
        "accounts.user": people["reporter"],
        "auth.group": Group.objects.get(name=group_name(Role.REPORTER)),  # global: no office's own
        "orgs.region": street.region,
        "orgs.unit": street,
        "orgs.pairing": Pairing.objects.create(helper=office, helped=helped, level=Pairing.Level.COUNTY,
                                               programme=Programme.EAST_WEST, start_year=2026),
        "notifications.notification": Notification.objects.create(user=people["reporter"], message=f"{key}的通知"),
        "notifications.grouprobot": robot,
        "notifications.robotdelivery": RobotDelivery.objects.create(robot=robot, kind=Kind.REMINDER, ok=True),
        "plans.plan": plan,
        "plans.task": task,
        "plans.target": target,
        "plans.pendingimport": PendingImport.objects.create(
            uploaded_file=f"imports/2026/11/{key}.docx", original_name=f"{key}.docx", plan_json={},
            kind=Programme.EAST_WEST, created_by=people["admin"]),
        "reporting.reportingschedule": schedule,
        "reporting.evidencerule": rule,
        "reporting.reportingcycle": cycle,
        "reporting.progressreport": report,
        "oversight.bulletin": Bulletin.objects.create(
            scope_kind=Bulletin.ScopeKind.PLAN, plan=plan, office=office, month=datetime.date(2026, 10, 1), year=2026, number=1,
            title=f"{key}2026年10月通报", file=f"bulletins/2026/{key}.docx", created_by=people["admin"],
            updated_by=people["admin"]),
        "oversight.warningsent": WarningSent.objects.create(cycle=cycle, unit=street, sent_on=datetime.date(2026, 11, 20)),
    }
    return {"rows": rows, "people": people, "office": office, "target": target}


def build_world(registry) -> dict:
    regions, units = registry["regions"], registry["units"]
    jinshan = Region.objects.create(name="金山街道", level=Region.Level.TOWN, parent=regions["cangshan"])
    ningxia = Region.objects.create(name="宁夏回族自治区", level=Region.Level.PROVINCE)
    longde = Region.objects.create(name="隆德县", level=Region.Level.COUNTY, parent=ningxia)
    xiji = Region.objects.create(name="西吉县", level=Region.Level.COUNTY, parent=ningxia)
    world = {
        "a": office_world("鼓楼", units["区民政局"], units["鼓东街道"],
                          Unit.objects.create(name="隆德县", kind=Unit.Kind.PARTY_GOVERNMENT, region=longde)),
        "b": office_world("仓山", units["仓山区民政局"],
                          Unit.objects.create(name="金山街道", kind=Unit.Kind.TOWN, region=jinshan),
                          Unit.objects.create(name="西吉县", kind=Unit.Kind.PARTY_GOVERNMENT, region=xiji)),
    }
    city_office = Unit.objects.create(name="市协作办", kind=Unit.Kind.DEPARTMENT, region=regions["city"])
    world["city"] = {"office": city_office,
                     "admin": person("city_admin", city_office, Role.OFFICE_ADMIN, staff=True)}
    world["superuser"] = person("root", None, superuser=True)
    return world
