"""Recording exchanges and linking them to targets: one `do_*` per change, each in one
transaction inside `acting(actor, reason)` (the history names who and why), each checking
the actor's rights (exchanges.access). Bad input raises ExchangeError in Chinese, naming the field."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from exchanges import access
from exchanges.models import Exchange, TargetLink
from history.records import acting
from orgs.models import Pairing
from plans.models import Target

FIELDS = ["date", "direction", "leader_name", "leader_post", "is_principal", "delegation_size", "topic",
          "evidence_url", "evidence_note"]


class ExchangeError(Exception):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _clean(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise ExchangeError("；".join(messages), field=None if name == "__all__" else name) from None


def _check_dates(pairing: Pairing, exchange: Exchange) -> None:
    year = exchange.date.year
    if year < pairing.start_year or (pairing.end_year and year > pairing.end_year):
        span = f"{pairing.start_year}—{pairing.end_year or ''}"
        raise ExchangeError(f"{exchange.date:%Y年%m月%d日}不在该结对关系的年度（{span}）内", field="date")


def do_record_exchange(actor, pairing: Pairing, *, reason: str = "", **fields) -> Exchange:
    _require(access.may_record(actor, pairing), "只有结对双方和协作办公室可以登记互访交流")
    exchange = Exchange(pairing=pairing, recorded_by_id=actor.unit_id or pairing.helper_id,
                        **{k: v for k, v in fields.items() if k in FIELDS})
    with transaction.atomic(), acting(actor, reason or "登记互访交流"):
        _clean(exchange)
        _check_dates(pairing, exchange)
        exchange.save()
    return exchange


def do_update_exchange(actor, exchange: Exchange, *, reason: str = "", **fields) -> Exchange:
    _require(access.may_record(actor, exchange.pairing), "只有结对双方和协作办公室可以修改互访交流")
    with transaction.atomic(), acting(actor, reason or "修改互访交流"):
        exchange = Exchange.objects.select_for_update().get(pk=exchange.pk)
        for name, value in fields.items():
            if name in FIELDS:
                setattr(exchange, name, value)
        _clean(exchange)
        _check_dates(exchange.pairing, exchange)
        exchange.save()
    return exchange


def do_link_target(actor, target: Target, *, level: str = "", principal_only: bool = False, reason: str = "") -> TargetLink:
    _require(access.may_link(actor, target), "只有方案所属协作办公室的管理员可以设置计数规则")
    with transaction.atomic(), acting(actor, reason or "设置互访计数规则"):
        link = TargetLink.objects.select_for_update().filter(target=target).first() or TargetLink(target=target)
        link.level, link.principal_only = level, principal_only
        _clean(link)
        link.save()
    return link


def do_unlink_target(actor, target: Target, *, reason: str = "") -> None:
    _require(access.may_link(actor, target), "只有方案所属协作办公室的管理员可以设置计数规则")
    with transaction.atomic(), acting(actor, reason or "取消互访计数规则"):
        TargetLink.objects.filter(target=target).delete()
