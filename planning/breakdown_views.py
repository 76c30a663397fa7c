"""The 预分解 page: one target's shares among the office's units. Thin: the rows and figures come
from planning.breakdown_data, the fill modes from planning.breakdown_fill, saving is
planning.breakdown_services.do_save_breakdown. Filling, adding and removing rows re-render the
form without writing; only 保存分解 writes. The remainder is recomputed here on every request and
live in the browser (planning/static/planning/breakdown.js) while typing.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from intake.interpret.numbers import printed
from planning import access
from planning.breakdown_data import add_unit, candidate_units, current_shares, with_figures
from planning.breakdown_fill import (FillError, Share, fill_equally, fill_from_last_year, fill_from_upper,
                                     fill_shortfall, parse_quantity, places_for, remainder)
from planning.breakdown_services import BreakdownError, do_save_breakdown

FILLS = {
    "fill_upper": (fill_from_upper, "已按上级方案的数字填入{n}个单位", "上级方案没有给这些单位的数字"),
    "fill_last": (fill_from_last_year, "已按上年完成数填入{n}个单位", "这些单位没有上年审核通过的完成数"),
    "fill_shortfall": (fill_shortfall, "已按上年缺口填入{n}个单位的结转数", "这些单位没有上年的任务和完成数，无法计算缺口"),
}


def _rows_from(post, target, strict: bool = True) -> list[Share]:
    """The rows as posted (unit, 分解数, 上年缺口结转 in parallel lists), named from the registry.
    Not `strict`: what can be read, a bad figure blank and an unknown unit left out, to show
    the form again beside the error."""
    ids, quantities, carried = post.getlist("unit"), post.getlist("quantity"), post.getlist("carried")
    if not (len(ids) == len(quantities) == len(carried)):
        if strict:
            raise FillError("表格数据不完整，请刷新页面后重试")
        return []
    names = dict(candidate_units(target).filter(pk__in=[i for i in ids if i.isdigit()]).values_list("pk", "name"))
    shares = []
    for number, (unit_id, quantity, carry) in enumerate(zip(ids, quantities, carried), start=1):
        if not unit_id.isdigit() or int(unit_id) not in names:
            if strict:
                raise FillError(f"第{number}行：该单位不在本办公室的单位范围内")
            continue
        name = names[int(unit_id)]
        shares.append(Share(int(unit_id), name, _read(quantity, f"第{number}行（{name}）分解数", strict),
                            _read(carry, f"第{number}行（{name}）上年缺口结转", strict)))
    return shares


def _read(text: str, where: str, strict: bool) -> Decimal | None:
    try:
        return parse_quantity(text, where)
    except FillError:
        if strict:
            raise
        return None


def _apply(request, target, shares: list[Share], action: str) -> list[Share]:
    """A fill, an added unit or a removed row: the new rows, and a message saying what was done."""
    if action == "add":
        shares, added = add_unit(target, shares, request.POST.get("add_unit", ""))
        messages.info(request, f"已添加：{'、'.join(added)}" if added else "所选单位已在表中")
    elif action.startswith("remove:"):
        unit_id = action.removeprefix("remove:")
        shares = [s for s in shares if str(s.unit_id) != unit_id]
    elif action == "fill_equal":
        shares = fill_equally(shares, target.quantity, target.unit)
        messages.info(request, "已将未分配的任务数平均分配给分解数为空的单位（都已填写时平均分配全部任务数）")
    elif action in FILLS:
        fill, done, none = FILLS[action]
        shares, count = fill(shares)
        messages.info(request, done.format(n=count) if count else none)
    return shares


@login_required
@require_http_methods(["GET", "POST"])
def breakdown(request, pk):
    target = access.target_for_breakdown(request.user, pk)
    carried, reason, error, status = target.carried_over, target.breakdown_reason, None, 200
    if request.method == "GET":
        shares = current_shares(target)
    else:
        shares, reason = [], request.POST.get("reason", "")
        action = request.POST.get("action", "save")
        try:
            shares = _rows_from(request.POST, target)
            carried = parse_quantity(request.POST.get("total_carried", ""), "本级上年缺口结转")
            if action == "save":
                saved = do_save_breakdown(request.user, target, shares, carried_over=carried, reason=reason)
                messages.success(request, _saved_message(saved, target))
                return redirect("planning:breakdown", target.pk)
            shares = _apply(request, target, with_figures(target, shares), action)
        except (FillError, BreakdownError) as problem:
            error, status = str(problem), 400
            shares = shares or _rows_from(request.POST, target, strict=False)
    return render(request, "planning/breakdown.html",
                  _context(target, with_figures(target, shares), carried, reason, error), status=status)


def _saved_message(saved, target) -> str:
    text = f"已保存分解：新增{saved.created}个单位，修改{saved.updated}个，移除{saved.deleted}个"
    if saved.remainder:
        left = (f"未分配{printed(saved.remainder)}" if saved.remainder > 0 else f"超出{printed(-saved.remainder)}")
        text += f"；{left}{target.unit}，原因已记录，核查结果中会显示"
    return text


def _context(target, shares: list[Share], carried: Decimal | None, reason: str, error: str | None) -> dict:
    plan = target.task.plan
    listed = {s.unit_id for s in shares}
    left = remainder(target.quantity, carried, shares)
    return {
        "target": target, "task": target.task, "plan": plan, "rows": shares, "carried": carried,
        "reason": reason, "error": error, "remainder": left, "places": places_for(target.unit),
        "assigned": sum((s.total for s in shares), Decimal(0)),
        "whole": target.quantity + (carried or Decimal(0)),
        "has_upper": any(s.upper_quantity is not None for s in shares),
        "has_last": any(s.last_quota is not None or s.last_result is not None for s in shares),
        "choices": [u for u in candidate_units(target) if u.is_group or u.pk not in listed],
    }
