from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from accounts.roles import Role, group_name


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
