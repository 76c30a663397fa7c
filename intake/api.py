"""The importer's entry points: bytes in, Plan JSON out. No database."""

import json
from decimal import Decimal

from intake.errors import IntakeError
from intake.interpret.plan import Registry, interpret

__all__ = ["IntakeError", "Registry", "parse_document", "dumps"]


def parse_document(data: bytes, filename: str, registry: Registry | None = None) -> dict:
    """Read any supported file and interpret it as a task-division document.

    Raises IntakeError (Chinese message, with the file and place) for
    anything that cannot be read; never another exception.
    """
    from intake.readers.sniff import read_document

    document = read_document(data, filename)
    if document.template is not None:
        from intake.readers.template import plan_json_from_template
        return plan_json_from_template(document.template, registry)
    try:
        return interpret(document, registry)
    except IntakeError:
        raise
    except Exception as error:  # an interpreter bug must not become a server error
        raise IntakeError(f"解读文件内容时出错（{type(error).__name__}），请把文件发给系统管理员排查。", filename) from error


def _default(value):
    if isinstance(value, Decimal):
        # JSON numbers; a Decimal with ≤15 significant digits prints back exactly.
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(plan_json: dict, **kwargs) -> str:
    return json.dumps(plan_json, ensure_ascii=False, default=_default, **kwargs)
