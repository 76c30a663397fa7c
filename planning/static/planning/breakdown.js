// 预分解: each row's total, 已分配 and 未分配 while typing. Figures are read as integers of
// millionths (BigInt), never floats, so 25.5 + 20.7 is 46.2 exactly; the server recomputes
// the same on every request and on save.
(function () {
  "use strict";
  var form = document.getElementById("breakdown-form");
  if (!form) return;
  var PLACES = 6, SCALE = BigInt(1000000);

  function read(text) {  // "25.5" → 25500000n; blank → 0n; not a number → null
    text = (text || "").trim().replace(/,/g, "").replace(/[０-９．]/g, function (c) {
      return c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    });
    if (text === "") return BigInt(0);
    var m = /^(\d*)(?:\.(\d*))?$/.exec(text);
    if (!m || (m[1] === "" && !m[2]) || (m[2] || "").length > PLACES) return null;
    return BigInt(m[1] || "0") * SCALE + BigInt(((m[2] || "") + "000000").slice(0, PLACES));
  }

  function show(value) {  // 46200000n → "46.2"
    var negative = value < 0, abs = negative ? -value : value;
    var whole = (abs / SCALE).toString(), frac = (abs % SCALE).toString().padStart(PLACES, "0").replace(/0+$/, "");
    return (negative ? "-" : "") + whole + (frac ? "." + frac : "");
  }

  function update() {
    var assigned = BigInt(0), bad = false;
    form.querySelectorAll("tr.share").forEach(function (row) {
      var q = read(row.querySelector(".quantity").value), c = read(row.querySelector(".carried").value);
      row.classList.toggle("bad", q === null || c === null);
      if (q === null || c === null) { bad = true; return; }
      row.querySelector(".row-total").textContent = show(q + c);
      assigned += q + c;
    });
    var carried = read(document.getElementById("total-carried").value);
    if (carried === null) { bad = true; carried = BigInt(0); }
    var whole = read(form.dataset.quantity) + carried, left = whole - assigned;
    document.getElementById("whole-total").textContent = show(whole);
    document.getElementById("assigned-total").textContent = show(assigned);
    var bar = document.getElementById("remainder-bar");
    bar.dataset.state = bad ? "bad" : left > 0 ? "open" : left < 0 ? "over" : "done";
    document.getElementById("remainder-label").textContent = bad ? "有无法识别的数字" : left < 0 ? "超出合计" : "未分配";
    document.getElementById("remainder").textContent = bad ? "—" : show(left < 0 ? -left : left);
  }

  form.addEventListener("input", update);
  update();
})();
