// Taking a suggestion fills the box and the reason; the scorer still saves it (never applied silently).
document.querySelectorAll("button.take").forEach(function (b) {
  b.addEventListener("click", function () {
    var form = b.closest("tr").querySelector("form.score-form");
    form.querySelector("[name=score]").value = b.dataset.points;
    var reason = form.querySelector("[name=reason]");
    if (!reason.value) reason.value = "按评分标准计算：" + b.dataset.text;
  });
});
