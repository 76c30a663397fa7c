// Type-ahead for unit fields (input[data-units]): as the office types a name or an alias, the
// units it may pick are offered (planning:units_json); choosing one writes its registry name.
// data-units="many": names separated by 、, the last one completed. Without this script the
// field still works: the server reads names and aliases typed by hand.
(function () {
  "use strict";
  var script = document.getElementById("unit-picker-script");
  var url = script && script.dataset.url;
  if (!url) return;
  var SEP = /[、，,；;]/;

  function lastToken(value) {
    var parts = value.split(SEP);
    return parts[parts.length - 1].trim();
  }

  function attach(input) {
    var many = input.dataset.units === "many";
    var wrap = document.createElement("div");
    wrap.className = "unit-picker";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var list = document.createElement("ul");
    list.className = "unit-options";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    wrap.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    var timer = null, active = -1, asked = 0;

    function close() { list.hidden = true; list.innerHTML = ""; active = -1; }

    function choose(label) {
      if (many) {
        var parts = input.value.split(SEP).map(function (p) { return p.trim(); }).filter(Boolean);
        parts.pop();
        parts.push(label);
        input.value = parts.join("、");
      } else {
        input.value = label;
      }
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
      input.focus();
    }

    function show(units) {
      list.innerHTML = "";
      active = -1;
      units.forEach(function (unit) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.dataset.label = unit.label;
        li.textContent = unit.label;
        if (unit.alias) {
          var alias = document.createElement("span");
          alias.className = "alias";
          alias.textContent = "别名：" + unit.alias;
          li.appendChild(alias);
        }
        var region = document.createElement("span");
        region.className = "region";
        region.textContent = unit.region;
        li.appendChild(region);
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(unit.label); });
        list.appendChild(li);
      });
      if (!units.length) {
        var none = document.createElement("li");
        none.textContent = "没有匹配的单位";
        none.className = "none";
        list.appendChild(none);
      }
      list.hidden = false;
    }

    function ask() {
      var q = many ? lastToken(input.value) : input.value.trim();
      if (!q) { close(); return; }
      var mine = ++asked;
      fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { units: [] }; })
        .then(function (data) { if (mine === asked) show(data.units || []); })
        .catch(close);
    }

    function move(step) {
      var items = list.querySelectorAll("li[role=option]");
      if (!items.length) return;
      active = (active + step + items.length) % items.length;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === active ? "true" : "false"); });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 150); });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(list.querySelectorAll("li[role=option]")[active].dataset.label);
      } else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("input[data-units]").forEach(attach);
})();
