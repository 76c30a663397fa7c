"""What a check reports: how serious, where, what was expected and found."""

from dataclasses import dataclass, field
from decimal import Decimal

from intake.interpret.numbers import printed

ERROR, WARNING, NOTE = "error", "warning", "note"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告", NOTE: "提示"}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTE: 2}


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str  # Chinese, with the numbers: what is wrong
    plan: str = ""  # the plan's 文号 or title
    list_name: str | None = None
    ref: str | None = None
    source: str = ""  # the printed words it is about
    expected: Decimal | None = None
    found: Decimal | None = None
    numbers: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]

    @property
    def where(self) -> str:
        parts = [self.plan] if self.plan else []
        if self.ref:
            parts.append(f"{self.list_name or ''}第{self.ref}项".strip())
        return " ".join(parts)

    def __str__(self):
        return f"[{self.severity_label}] {self.where}：{self.message}"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.plan, f.list_name or "", _ref_key(f.ref)))


def _ref_key(ref: str | None) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in (ref or "0").replace("．", ".").split("."))


def number(value) -> str:
    """A figure as documents print it: every digit, no trailing zeros."""
    if value is None:
        return "—"
    return printed(value)
