from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from accounts.roles import Role, group_name
from history.records import audited


class User(AbstractUser):
    """A person using Xiezuo. Belongs to one unit; has one or more roles.

    Only a system superuser made from the command line may lack a unit.
    """

    name = models.CharField("姓名", max_length=64, blank=True)
    phone = models.CharField("联系电话", max_length=32, blank=True)
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name="所属单位", null=True, blank=True,
        on_delete=models.PROTECT, related_name="users",
    )

    # The password hash is never copied into the history (a change of password is
    # not a field anyone should read back); a login's last_login leaves no row.
    # Roles are groups: their changes are recorded with the user's history.
    history = audited("用户修改记录", excluded_fields=["password", "last_login"], m2m_fields=["groups"],
                      skip_when_only=["last_login"])

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self):
        return self.name or self.username

    def clean(self):
        super().clean()
        if self.unit_id is None and not self.is_superuser:
            raise ValidationError({"unit": "每个用户都必须属于一个单位"})

    @cached_property
    def role_set(self) -> frozenset[Role]:
        names = set(self.groups.values_list("name", flat=True))
        return frozenset(role for role in Role if group_name(role) in names)

    def has_role(self, role: Role) -> bool:
        return role in self.role_set

    def role_labels(self) -> list[str]:
        return [str(role.label) for role in Role if role in self.role_set]
