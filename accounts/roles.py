"""The four roles, kept as Django groups so the admin can grant them.

Each role's model permissions are declared here and re-applied after every
migrate, so a new model gets its permissions without a hand-edited group.
"""

from django.db import models


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", "管理员"
    REPORTER = "reporter", "填报员"
    REVIEWER = "reviewer", "审核员"
    LEADER = "leader", "领导"


# app label -> actions, per role. Row-level scope (which unit, which plan)
# is enforced in queries by the apps that own the data, not here.
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.OFFICE_ADMIN: {
        "orgs": ("view", "add", "change", "delete"),
        "plans": ("view", "add", "change", "delete"),
        "reporting": ("view", "add", "change", "delete"),
        "accounts": ("view", "add", "change"),
        "oversight": ("view", "add", "change"),
    },
    Role.REVIEWER: {"orgs": ("view",), "plans": ("view",), "reporting": ("view", "change"), "oversight": ("view",)},
    Role.REPORTER: {"orgs": ("view",), "plans": ("view",), "reporting": ("view", "add", "change"),
                    "oversight": ("view",)},
    Role.LEADER: {"orgs": ("view",), "plans": ("view",), "reporting": ("view",), "oversight": ("view",)},
}


def group_name(role: Role) -> str:
    return str(role.label)


def sync_role_groups(sender=None, **kwargs):
    from django.contrib.auth.models import Group, Permission

    for role in Role:
        group, _ = Group.objects.get_or_create(name=group_name(role))
        wanted = []
        for app_label, actions in ROLE_PERMISSIONS[role].items():
            wanted += Permission.objects.filter(
                content_type__app_label=app_label,
                codename__regex=r"^(%s)_" % "|".join(actions),
            )
        group.permissions.set(wanted)


def grantable_roles(user) -> frozenset[Role]:
    """The roles a person may give others in the admin, never beyond their own rights: a
    superuser any; an office admin its office's working roles (admin, reviewer, reporter),
    and a leader's only if it is a leader itself (a leader reads the whole region)."""
    if user.is_superuser:
        return frozenset(Role)
    if not user.has_role(Role.OFFICE_ADMIN):
        return frozenset()
    roles = {Role.OFFICE_ADMIN, Role.REVIEWER, Role.REPORTER}
    if user.has_role(Role.LEADER):
        roles.add(Role.LEADER)
    return frozenset(roles)
