"""Recording exchanges and linking them to targets: one `do_*` per change, each in one
transaction inside `acting(actor, reason)` (the history names who and why), each checking
the actor's rights (exchanges.access). Bad input raises ExchangeError in Chinese, naming the field."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from exchanges import access
from exchanges.models import Exchange, ExchangeEvidence, TargetLink
from history.records import acting
from orgs.models import Pairing
from plans.models import Target
from reporting.evidence import (
    EvidenceError,
    Upload,
    check_size,
    clean_name,
    inspect_upload,
)

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


def read_uploads(files) -> list[tuple[str, bytes]]:
    """(name, bytes) of uploaded files, each size checked before it is read (a 100 MB upload is
    never read into memory); ExchangeError naming the file otherwise."""
    read = []
    for file in files:
        try:
            check_size(file.size)
        except EvidenceError as error:
            raise ExchangeError(f"“{clean_name(file.name)}”未上传：{error.message}", field="files") from None
        read.append((file.name, file.read()))
    return read


def _inspect(files) -> list[tuple[str, Upload]]:
    """Every file checked (type from the bytes, size cap, photo location removed) before any is
    stored, so a refused one leaves nothing half-written."""
    inspected, seen = [], set()
    for name, data in files:
        name = clean_name(name)
        try:
            upload = inspect_upload(name, data)
        except EvidenceError as error:
            raise ExchangeError(f"“{name}”未上传：{error.message}", field="files") from None
        if upload.sha256 not in seen:
            seen.add(upload.sha256)
            inspected.append((name, upload))
    return inspected


def _store(actor, exchange: Exchange, uploads, stored: list) -> list[ExchangeEvidence]:
    """Inside the caller's transaction; `stored` collects the files written, for the caller to
    delete should the transaction fail. A file the exchange already has is not stored twice."""
    have = set(exchange.files.values_list("sha256", flat=True)) if exchange.pk else set()
    added = []
    for name, upload in uploads:
        if upload.sha256 in have:
            continue
        evidence = ExchangeEvidence(exchange=exchange, original_name=name, content_type=upload.content_type,
                                    size=upload.size, sha256=upload.sha256, uploaded_by=actor)
        evidence.file.save(f"{uuid.uuid4().hex}{upload.extension}", ContentFile(upload.data), save=False)
        stored.append(evidence.file)
        evidence.save()
        added.append(evidence)
    return added


def _discard(stored: list) -> None:
    for file in stored:
        file.storage.delete(file.name)


def do_record_exchange(actor, pairing: Pairing, *, reason: str = "", files=(), **fields) -> Exchange:
    """`files`: (name, bytes) of evidence recorded with it; a refused file records nothing."""
    _require(access.may_record(actor, pairing), "只有结对双方和协作办公室可以登记互访交流")
    exchange = Exchange(pairing=pairing, recorded_by_id=actor.unit_id or pairing.helper_id,
                        **{k: v for k, v in fields.items() if k in FIELDS})
    uploads = _inspect(files)
    stored = []
    try:
        with transaction.atomic(), acting(actor, reason or "登记互访交流"):
            _clean(exchange)
            _check_dates(pairing, exchange)
            exchange.save()
            _store(actor, exchange, uploads, stored)
    except BaseException:
        _discard(stored)
        raise
    return exchange


def do_add_exchange_evidence(actor, exchange: Exchange, *, files, reason: str = "") -> list[ExchangeEvidence]:
    """Files added to a recorded exchange, all or none; one already there is skipped."""
    _require(access.may_record(actor, exchange.pairing), "只有结对双方和协作办公室可以上传互访佐证")
    uploads = _inspect(files)
    if not uploads:
        raise ExchangeError("请选择要上传的文件（照片、会议纪要、新闻稿等）。", field="files")
    stored = []
    try:
        with transaction.atomic(), acting(actor, reason or "上传互访佐证"):
            current = Exchange.objects.select_for_update().get(pk=exchange.pk)
            added = _store(actor, current, uploads, stored)
            if not added:
                raise ExchangeError("所选文件都已上传过，无需重复上传。", field="files")
    except BaseException:
        _discard(stored)
        raise
    return added


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


def do_remove_exchange_evidence(actor, evidence: ExchangeEvidence, *, reason: str = "") -> None:
    """A file taken off its exchange, with a reason (the history keeps who, when, which and why);
    the stored file goes once the deletion is committed."""
    _require(access.may_record(actor, evidence.exchange.pairing), "只有结对双方和协作办公室可以删除互访佐证")
    reason = (reason or "").strip()
    if not reason:
        raise ExchangeError(f"请填写删除“{evidence.original_name}”的原因", field="reason")
    with transaction.atomic(), acting(actor, f"删除佐证：{reason}"):
        row = ExchangeEvidence.objects.select_for_update().filter(pk=evidence.pk).first()
        if row is None:
            raise ExchangeError("该佐证文件已被删除。")
        stored, storage = row.file.name, row.file.storage
        row.delete()
        transaction.on_commit(lambda: storage.delete(stored))


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
