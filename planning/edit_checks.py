"""The checks' findings placed beside the row they concern on the editing pages: a finding
naming a task (its list and number) goes to that task's row; the rest are the plan's."""

from dataclasses import dataclass, field

from checks.findings import Finding
from checks.services import findings_for_plan
from plans.access import plans_visible_to
from plans.models import Plan, Task


@dataclass
class PlacedFindings:
    plan: list[Finding] = field(default_factory=list)
    by_task: dict[tuple[str, str], list[Finding]] = field(default_factory=dict)

    def of(self, task: Task) -> list[Finding]:
        return self.by_task.get((task.list_name or "", task.ref), [])


def placed_findings(plan: Plan, user) -> PlacedFindings:
    """Run the checks on the plan as saved now (against the upper and lower plans the person may
    see, as on the plan page) and place each finding."""
    placed, label = PlacedFindings(), plan.doc_number or plan.title
    for finding in findings_for_plan(plan, plans_visible_to(user)):
        if finding.ref and finding.plan == label:
            placed.by_task.setdefault((finding.list_name or "", finding.ref), []).append(finding)
        else:
            placed.plan.append(finding)
    return placed
