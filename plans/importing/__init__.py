"""Importing an issued document: parse → match units → review → save.

The parser (`intake.api.parse_document`) turns a file into Plan JSON
(see PLAN_JSON.md); `matching` finds the printed units in the registry,
`diff` compares a new version with the saved plan, and `saving` writes it in
one transaction. Shared here: reading an upload and the value conversions
both diff and saving need, so the two agree on what "the same" means.
"""

import datetime
import json
import logging
from decimal import Decimal, InvalidOperation

from intake.errors import IntakeError
from orgs.models import Region

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
PLAN_JSON_FORMAT = "plan/1"


def parse_upload(data: bytes, filename: str, scope=None) -> dict:
    """Plan JSON from an uploaded file; raises IntakeError with a Chinese message.

    A `.json` file is taken as Plan JSON itself (what `import_plan --json`
    prints, perhaps corrected by hand); anything else goes to the parser,
    told the unit names known in `scope` so it can split unit lists and
    expand group units as the registry does.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise IntakeError(f"文件超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB，不能导入。", filename)
    if filename.lower().endswith(".json"):
        try:
            return check_plan_json(json.loads(data.decode("utf-8-sig"), parse_constant=_no_constants))
        except (UnicodeDecodeError, ValueError) as error:  # JSONDecodeError is a ValueError
            raise IntakeError(f"不是有效的 JSON 文件（{error}）。", filename) from None
    try:
        from intake.api import parse_document  # written separately; imported when first needed
        from orgs.services import intake_registry
    except ImportError:
        raise IntakeError("系统尚未安装文件解析功能（intake.api），暂时只能导入 Plan JSON（.json）文件。", filename) from None
    try:
        plan_json = parse_document(data, filename, intake_registry(scope))
    except IntakeError:
        raise
    except Exception:  # a parser bug must reach the person as a message, not a server error
        logger.exception("parse_document failed on %s", filename)
        raise IntakeError("无法解析该文件：格式不受支持或文件已损坏。请确认是 Word、PDF、Excel 或文本格式的分工方案。", filename) from None
    return check_plan_json(plain_json(plan_json))


def plain_json(value):
    """The parser's answer as plain JSON values, so it can be stored and printed.

    A Decimal becomes a JSON number when the number reads back as the same
    Decimal (always, for the ≤15 digits a quantity may have), else a string,
    which to_decimal() reads exactly as well.
    """
    if isinstance(value, dict):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_json(item) for item in value]
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value) if Decimal(repr(float(value))) == value else str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _no_constants(name):
    raise ValueError(f"不能包含 {name}")


def check_plan_json(data) -> dict:
    """The shape matching, review and saving rely on; unknown keys are left alone.

    Values are checked later, where a person can correct them; this refuses
    only what would make the pages themselves fail (a unit name that is a
    number, a target that is not an object).
    """
    if not isinstance(data, dict) or not isinstance(data.get("plan"), dict) or not isinstance(data.get("tasks"), list):
        raise IntakeError("内容不是 Plan JSON：缺少 plan 或 tasks。")
    if data.get("format", PLAN_JSON_FORMAT) != PLAN_JSON_FORMAT:
        raise IntakeError(f"不支持的 Plan JSON 版本“{data.get('format')}”，应为“{PLAN_JSON_FORMAT}”。")
    for index, task in enumerate(data["tasks"], start=1):
        if not isinstance(task, dict) or task.get("ref") in (None, "") or isinstance(task.get("ref"), (dict, list)):
            raise IntakeError(f"第 {index} 项任务缺少序号（ref）。")
        for key in ("lead_units", "partner_units"):
            names = task.get(key) or []
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names if n is not None):
                raise IntakeError(f"第 {index} 项任务的 {key} 应为单位名称的列表。")
        targets = task.get("targets") or []
        if not isinstance(targets, list) or not all(isinstance(t, dict) for t in targets):
            raise IntakeError(f"第 {index} 项任务的 targets 应为指标的列表。")
        if any(t.get("assignee") is not None and not isinstance(t["assignee"], str) for t in targets):
            raise IntakeError(f"第 {index} 项任务的指标承担单位（assignee）应为单位名称。")
    return data


def task_key(task: dict) -> tuple[str, str]:
    """(list, ref): how a task is found again in a new version of the plan."""
    return (str(task.get("list") or "").strip(), str(task["ref"]).strip())


def task_label(key: tuple[str, str]) -> str:
    list_name, ref = key
    return f"{list_name} 第{ref}项" if list_name else f"第{ref}项"


def to_decimal(value) -> Decimal | None:
    """A JSON number as an exact Decimal: through str(), so 141.832 stays 141.832."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(f"“{value}”不是数字")
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"“{value}”不是数字") from None
    if not number.is_finite():
        raise ValueError(f"“{value}”不是有限的数字")
    return number


def to_date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"“{value}”不是有效日期（应为 年-月-日，如 2024-12-31）") from None


def find_existing_plan(plan_json: dict, among):
    """The saved plan a document is a new version of, among the plans the importing office
    keeps (`plans.access.office_plans`): by 文号 when printed, else by title and year. Never
    another office's plan, whatever 文号 the document carries."""
    facts = plan_json.get("plan") or {}
    doc_number = str(facts.get("doc_number") or "").strip()
    if doc_number:
        return among.filter(doc_number=doc_number).first()
    try:
        year = int(facts.get("year"))
    except (TypeError, ValueError):
        return None
    title = str(facts.get("title") or "").strip()
    return among.filter(title=title, year=year).order_by("pk").first() if title else None


def scope_for(user):
    """The region an office works in: its unit's county or city (a street's office looks up to its district)."""
    unit = getattr(user, "unit", None)
    region = unit.region if unit is not None else None
    while region is not None and region.level > Region.Level.COUNTY and region.parent_id:
        region = region.parent
    return region
