"""The office's page for importing a 考核细则 into a scheme: upload → a preview of what was
understood per row → 导入 with a reason. The preview writes nothing; the file travels back with
the confirming form and is read again, so what is imported is what was shown."""

import base64
import binascii

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse

from assessment import access
from assessment.detailed_rules import DetailedRulesError, parse_detailed_rules
from assessment.errors import AssessmentError
from assessment.importing import do_import_detailed_rules, scorers
from assessment.office_views import _scheme
from intake.errors import IntakeError
from intake.readers.sniff import read_document
from orgs.models import Unit


def _kinds(scheme):
    present = set(scheme.sheets.values_list("unit__kind", flat=True))
    return [(value, label) for value, label in Unit.Kind.choices if value in present] or list(Unit.Kind.choices)


@login_required
def import_rules(request, pk):
    scheme = _scheme(request, pk)
    if not access.may_manage(request.user, scheme):
        raise PermissionDenied("只有组织考核的协作办公室管理员可以导入考核细则")
    context = {"scheme": scheme, "kinds": _kinds(scheme), "unit_kind": request.POST.get("unit_kind", "")}
    if request.method != "POST":
        return render(request, "assessment/import.html", context)
    upload = request.FILES.get("file")
    try:
        if upload is not None:
            name, data = upload.name, upload.read()
        else:
            name, data = request.POST.get("name", ""), base64.b64decode(request.POST.get("data", ""), validate=True)
        if not data:
            raise DetailedRulesError("请选择考核细则文件（.xlsx、.docx、.pdf 或 .txt）")
        parsed = parse_detailed_rules(read_document(data, name))
    except IntakeError as error:
        return render(request, "assessment/import.html", {**context, "error": str(error)})
    except (DetailedRulesError, binascii.Error) as error:
        return render(request, "assessment/import.html", {**context, "error": str(error) or "文件未能读取"})
    if upload is None and request.POST.get("confirm"):
        try:
            created = do_import_detailed_rules(request.user, scheme, parsed, request.POST.get("reason", ""),
                                               request.POST.get("unit_kind", ""))
        except AssessmentError as error:
            context["error"] = error.message
        else:
            messages.success(request, f"已从“{name}”导入{len(created)}个考核项目")
            return redirect(reverse("assessment:edit", args=[scheme.pk]))
    units, problems = scorers(scheme, parsed)
    return render(request, "assessment/import.html", {
        **context, "parsed": parsed, "name": name, "data": base64.b64encode(data).decode(), "problems": problems,
        "units": units, "error": context.get("error")})
