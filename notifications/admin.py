from urllib.parse import urlsplit

from django import forms
from django.contrib import admin

from orgs.admin_scope import ScopedAdmin, by_office

from notifications.models import GroupRobot, Kind, Notification, RobotDelivery, default_kinds


@admin.register(Notification)
class NotificationAdmin(ScopedAdmin):
    # A person's own messages: read in 通知, listed here for superusers only.
    office_rows = None

    list_display = ("user", "message", "created_at", "read_at")
    list_filter = ("read_at",)
    search_fields = ("user__username", "user__name", "message")
    readonly_fields = ("user", "message", "url", "created_at", "read_at")

    def has_add_permission(self, request):
        return False


class GroupRobotForm(forms.ModelForm):
    """The secret is never shown again once saved: left empty it stays as it was."""

    kinds = forms.MultipleChoiceField(label="发送的消息", choices=Kind.choices, required=False, initial=default_kinds,
                                      widget=forms.CheckboxSelectMultiple,
                                      help_text="每次提醒或预警运行，每个办公室合并为一条消息；逐份退回消息较多，默认不发")
    secret = forms.CharField(label="加签密钥", required=False, widget=forms.PasswordInput(render_value=False),
                             help_text="钉钉“加签”的 SEC 开头字符串；已保存的密钥不再显示，留空则保持不变")
    clear_secret = forms.BooleanField(label="清除已保存的加签密钥", required=False)

    class Meta:
        model = GroupRobot
        fields = ["office", "name", "platform", "webhook_url", "secret", "clear_secret", "message_format",
                  "at_mobiles", "kinds", "enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_secret = self.instance.secret if self.instance.pk else ""

    def clean(self):
        data = super().clean()
        if data.get("clear_secret"):
            data["secret"] = ""
        elif not data.get("secret"):
            data["secret"] = self._saved_secret  # copied onto the robot before its clean() runs
        return data


@admin.register(GroupRobot)
class GroupRobotAdmin(ScopedAdmin):
    # An office's robot posts its own messages; another office's webhook and secret are not its to see.
    office_rows = by_office("office")
    office_may = "change"
    own_office_fields = ("office",)

    form = GroupRobotForm
    # The list never shows the secret, nor the webhook's key: only where it posts.
    list_display = ("name", "office", "platform", "host", "has_secret", "kinds_display", "enabled")
    list_filter = ("platform", "enabled")
    search_fields = ("name", "office__name")
    autocomplete_fields = ("office",)

    @admin.display(description="发往")
    def host(self, robot):
        return urlsplit(robot.webhook_url).hostname or ""

    @admin.display(description="加签", boolean=True)
    def has_secret(self, robot):
        return bool(robot.secret)

    @admin.display(description="发送的消息")
    def kinds_display(self, robot):
        return "、".join(Kind(k).label for k in robot.kinds if k in Kind.values)


@admin.register(RobotDelivery)
class RobotDeliveryAdmin(ScopedAdmin):
    """How each post went: a failed one shows the platform's answer or the error."""

    office_rows = by_office("robot__office")

    list_display = ("at", "robot", "kind", "ok", "status_code", "error")
    list_filter = ("ok", "kind", "robot__platform")
    search_fields = ("robot__name", "robot__office__name", "error")
    readonly_fields = ("robot", "kind", "at", "ok", "status_code", "response", "error", "payload")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
