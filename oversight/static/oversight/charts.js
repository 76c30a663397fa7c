/* Oversight charts: draw ECharts from <script type="application/json"> specs (Django's json_script).
 * Markup: <div data-chart="spec-id"></div> plus {{ spec|json_script:"spec-id" }}; needs echarts.min.js first.
 * Specs (numbers may arrive as strings: DjangoJSONEncoder writes Decimal that way):
 *   bar   {type, title?, unit?="%", marker?: {name, value}, items: [{name, value, url?, light?}]}
 *   line  {type, title?, unit?="%", months: [...], series: [{name, values: [...], urls?: [...]}],
 *          target?: {name, values: [...]} — drawn dashed}
 *   gauge {type, title?, value, schedule?: 时序进度, name?}
 *   pie   {type, title?, items: [{name, value, light?, url?}]}   (donut)
 * A point or bar with a url navigates there when clicked. */
(function () {
  'use strict';
  var LIGHTS = {red: '#d92d20', yellow: '#f79009', green: '#12b76a'};
  var BLUE = '#2e90fa', GREY = '#667085';
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  var charts = [];

  function num(v) { return v === null || v === undefined || v === '' ? null : Number(v); }
  function fmt(v, unit) { return v === null || v === undefined ? '—' : (+Number(v).toFixed(1)) + (unit || ''); }
  function title(spec) { return spec.title ? {text: spec.title, left: 'center', textStyle: {fontSize: 15}} : undefined; }
  function top(spec) { return spec.title ? 40 : 16; }

  function bar(spec) {
    var unit = spec.unit === undefined ? '%' : spec.unit;
    var items = spec.items || [];
    var values = items.map(function (i) { return num(i.value) || 0; });
    var series = {
      type: 'bar', barMaxWidth: 22,
      data: items.map(function (i, k) {
        return {value: values[k], url: i.url, itemStyle: {color: LIGHTS[i.light] || BLUE}};
      }),
      label: {show: true, position: 'right', formatter: function (p) { return fmt(p.value, unit); }},
      cursor: 'pointer'
    };
    if (spec.marker) {  // e.g. 时序进度: where every unit should be by now
      series.markLine = {symbol: 'none', silent: true, lineStyle: {color: GREY, type: 'dashed'},
        label: {position: 'start', formatter: spec.marker.name + ' ' + fmt(spec.marker.value, unit)},
        data: [{xAxis: num(spec.marker.value)}]};
    }
    return {
      title: title(spec),
      grid: {left: 8, right: 64, top: top(spec) + (spec.marker ? 12 : 0), bottom: 8, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: function (v) { return fmt(v, unit); }},
      xAxis: {type: 'value', max: function (r) { return Math.max(100, Math.ceil(r.max)); },
        axisLabel: {formatter: '{value}' + unit}},
      // Ranked: the first item is the top bar.
      yAxis: {type: 'category', inverse: true, data: items.map(function (i) { return i.name; }),
        axisLabel: {width: 160, overflow: 'truncate'}},
      series: [series]
    };
  }

  function line(spec) {
    var unit = spec.unit === undefined ? '%' : spec.unit;
    var series = (spec.series || []).map(function (s) {
      return {type: 'line', name: s.name, symbolSize: 8, cursor: 'pointer', connectNulls: false,
        data: (s.values || []).map(function (v, k) { return {value: num(v), url: s.urls && s.urls[k]}; })};
    });
    if (spec.target) {
      series.push({type: 'line', name: spec.target.name, symbol: 'none', silent: true,
        lineStyle: {type: 'dashed', color: GREY}, itemStyle: {color: GREY},
        data: (spec.target.values || []).map(num)});
    }
    return {
      title: title(spec),
      legend: {bottom: 0},
      grid: {left: 8, right: 24, top: top(spec), bottom: 36, containLabel: true},
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return fmt(v, unit); }},
      xAxis: {type: 'category', boundaryGap: false, data: spec.months || []},
      yAxis: {type: 'value', axisLabel: {formatter: '{value}' + unit}},
      series: series
    };
  }

  function gauge(spec) {
    var value = num(spec.value), schedule = num(spec.schedule);
    var colour = schedule !== null && value < schedule ? LIGHTS.yellow : LIGHTS.green;
    var base = {type: 'gauge', min: 0, max: 100, radius: '75%', center: ['50%', spec.title ? '56%' : '50%']};
    var series = [Object.assign({}, base, {
      progress: {show: true, width: 14, itemStyle: {color: colour}}, pointer: {show: false},
      axisLine: {lineStyle: {width: 14}}, axisTick: {show: false},
      splitLine: {length: 8, distance: 4}, axisLabel: {distance: 18, fontSize: 11},
      title: {offsetCenter: [0, '18%'], fontSize: 14},
      detail: {offsetCenter: [0, '-12%'], fontSize: 26, color: colour, formatter: function (v) { return fmt(v, '%'); }},
      data: [{value: value, name: spec.name || '总体完成率'}]})];
    if (schedule !== null) {  // 时序进度: a grey tick across the arc, and its figure below
      series.push(Object.assign({}, base, {
        axisLine: {show: false}, axisTick: {show: false}, splitLine: {show: false}, axisLabel: {show: false},
        pointer: {icon: 'rect', width: 4, length: '24%', offsetCenter: [0, '-82%'], itemStyle: {color: GREY}},
        title: {offsetCenter: [0, '58%'], fontSize: 13, color: GREY},
        detail: {offsetCenter: [0, '80%'], fontSize: 15, color: GREY, formatter: function (v) { return fmt(v, '%'); }},
        data: [{value: schedule, name: '时序进度'}]}));
    }
    return {title: title(spec), series: series};
  }

  function pie(spec) {
    var items = spec.items || [];
    var total = items.reduce(function (s, i) { return s + (num(i.value) || 0); }, 0);
    return {
      title: title(spec),
      legend: {bottom: 0},
      tooltip: {trigger: 'item', formatter: '{b}：{c}（{d}%）'},
      series: [{type: 'pie', radius: ['45%', '70%'], center: ['50%', '50%'], cursor: 'pointer',
        label: {formatter: '{b}\n{c}'},
        data: items.map(function (i) {
          return {name: i.name, value: num(i.value), url: i.url, itemStyle: {color: LIGHTS[i.light]}};
        })}],
      graphic: [{type: 'text', left: 'center', top: 'middle', silent: true,
        style: {text: '共 ' + total, fontSize: 18, fill: '#344054', font: '18px ' + FONT}}]
    };
  }

  var BUILDERS = {bar: bar, line: line, gauge: gauge, pie: pie};

  function draw(el, spec) {
    var build = BUILDERS[spec.type];
    if (!build) { throw new Error('未知的图表类型：' + spec.type); }
    if (!el.clientHeight) {  // ECharts needs a height; bars grow with the ranking's length
      el.style.height = (spec.type === 'bar' ? Math.max(160, (spec.items || []).length * 30 + 60) : 320) + 'px';
    }
    var chart = echarts.init(el, null, {renderer: 'svg', locale: 'ZH'});
    var option = build(spec);
    option.textStyle = {fontFamily: FONT};
    option.aria = {enabled: true};  // screen readers get a text description
    option.animation = false;  // figures, not a show; screenshots are stable
    chart.setOption(option);
    chart.on('click', function (p) {
      if (p.data && p.data.url) { window.location.href = p.data.url; }
    });
    charts.push(chart);
    return chart;
  }

  function init(root) {
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.chartDrawn) { return; }
      el.dataset.chartDrawn = '1';
      try {
        var source = document.getElementById(el.dataset.chart);
        if (!source) { throw new Error('找不到图表数据：#' + el.dataset.chart); }
        draw(el, JSON.parse(source.textContent));
      } catch (e) {  // one bad spec must not blank the other charts on the page
        el.textContent = '图表无法显示：' + e.message;
        console.error(e);
      }
    });
  }

  window.XiezuoCharts = {init: init, draw: draw, charts: charts};
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', function () { init(); }); }
  else { init(); }
})();
