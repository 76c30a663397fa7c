"""The --today option the daily commands share (send_reminders, send_warnings, load_sample_data)."""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

HELP = "按哪一天运行，格式 YYYY-MM-DD；默认今天（北京时间）"


def today_option(text: str | None) -> datetime.date:
    """The day a command runs as: --today if given (catching up on a missed day, or trying it
    out), else today in Asia/Shanghai."""
    if not text:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today 应为 YYYY-MM-DD 格式的日期，如 2026-11-30（填写的是“{text}”）") from None
