"""Messages to people (in the app, by e-mail) and to an office's group chats (企业微信 / 钉钉 robots)."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from history.records import audited
from orgs.models import Unit


class Kind(models.TextChoices):
    """What a message is about; a group robot chooses which kinds it posts."""

    REMINDER = "reminder", "填报提醒"
    WARNING = "warning", "进度预警"
    RETURN = "return", "退回与重新开放"
    GENERAL = "general", "其他通知"


class Notification(models.Model):
    """A message for one person, shown in the app (and sent by e-mail when they have one)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="接收人", on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField("时间", auto_now_add=True)
    message = models.TextField("内容")
    url = models.CharField("链接", max_length=255, blank=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-created_at", "-id"]
        # The unread count in the top bar filters on these.
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]

    def __str__(self):
        return self.message[:40]


MOBILE = re.compile(r"^1\d{10}$")


def split_mobiles(text: str) -> list[str]:
    """'13800001111，13900002222' → ['13800001111', '13900002222'] (commas, 、 or spaces between)."""
    return [m for m in re.split(r"[\s,，、;；]+", text or "") if m]


def default_kinds() -> list[str]:
    # Returns are one post per report: off unless the office asks for them (robots allow 20 a minute).
    return [Kind.REMINDER, Kind.WARNING]


class GroupRobot(models.Model):
    """An office's group-chat robot: the webhook a 企业微信 or 钉钉 group gives when a robot is added."""

    class Platform(models.TextChoices):
        WECOM = "wecom", "企业微信"
        DINGTALK = "dingtalk", "钉钉"

    class Format(models.TextChoices):
        MARKDOWN = "markdown", "Markdown（标题加粗，不能@企业微信成员）"
        TEXT = "text", "纯文本（可@手机号）"

    office = models.ForeignKey(Unit, verbose_name="协作办公室", on_delete=models.CASCADE, related_name="group_robots",
                               help_text="该办公室主办的方案的消息发到这个群")
    name = models.CharField("群名称", max_length=100, help_text="便于识别，如：鼓楼区东西部协作工作群")
    platform = models.CharField("平台", max_length=16, choices=Platform.choices)
    webhook_url = models.CharField("Webhook 地址", max_length=500,
                                   help_text="在群设置中添加机器人后复制的地址，含密钥，请勿外传")
    secret = models.CharField("加签密钥", max_length=200, blank=True,
                              help_text="钉钉机器人安全设置选“加签”时显示的 SEC 开头字符串；企业微信不用填")
    message_format = models.CharField("消息格式", max_length=16, choices=Format.choices, default=Format.MARKDOWN)
    at_mobiles = models.CharField("@手机号", max_length=500, blank=True,
                                  help_text="消息中@的群成员手机号，多个用逗号分隔；企业微信只有纯文本格式能@")
    kinds = models.JSONField("发送的消息", default=default_kinds, blank=True)
    enabled = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField("添加时间", auto_now_add=True)

    history = audited("群机器人修改记录", excluded_fields=["secret"])  # a secret is never copied into the history

    class Meta:
        verbose_name = "群机器人"
        verbose_name_plural = "群机器人"
        ordering = ["office", "name", "id"]

    def __str__(self):
        return f"{self.office.name} · {self.name}（{self.get_platform_display()}）"

    @property
    def mobiles(self) -> list[str]:
        return split_mobiles(self.at_mobiles)

    def wants(self, kind: str) -> bool:
        return self.enabled and kind in (self.kinds or [])

    def clean(self):
        errors = {}
        url = (self.webhook_url or "").strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            errors["webhook_url"] = f"Webhook 地址须以 http:// 或 https:// 开头并写明主机，填写的是“{url[:60]}”。"
        self.webhook_url = url
        bad = [m for m in self.mobiles if not MOBILE.match(m)]
        if bad:
            errors["at_mobiles"] = f"手机号须为11位数字，以下不符合：{'、'.join(bad)}。"
        unknown = [k for k in (self.kinds or []) if k not in Kind.values]
        if not isinstance(self.kinds, list) or unknown:
            errors["kinds"] = f"不认识的消息类别：{'、'.join(map(str, unknown)) or self.kinds}。"
        if self.secret and self.platform == self.Platform.WECOM:
            errors["secret"] = "企业微信群机器人没有加签密钥，请留空。"
        if errors:
            raise ValidationError(errors)


class RobotDelivery(models.Model):
    """One post to a group robot and how it went, so a failed post is visible rather than lost."""

    robot = models.ForeignKey(GroupRobot, verbose_name="群机器人", on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField("消息类别", max_length=16, choices=Kind.choices)
    at = models.DateTimeField("发送时间", auto_now_add=True)
    ok = models.BooleanField("成功", default=False)
    status_code = models.PositiveSmallIntegerField("HTTP 状态", null=True, blank=True)
    response = models.TextField("返回内容", blank=True)
    error = models.TextField("错误", blank=True)
    payload = models.JSONField("发送内容", default=dict)

    class Meta:
        verbose_name = "群机器人发送记录"
        verbose_name_plural = "群机器人发送记录"
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.robot} {self.at:%Y-%m-%d %H:%M} {'成功' if self.ok else '失败'}"
