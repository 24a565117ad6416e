// 考核评价 (review.html): indicators of one month or quarter per unit, as a table, two ECharts
// charts, a hot spot map and a CSV download. ECharts is loaded as a global script from its webjar.
import { clearError, getJson, isAbort, query, showError } from './api.js';
import { el, replaceChildren } from './dom.js';
import { HotspotMap } from './hotspot-map.js';
import { startSessionBar } from './session.js';

/** Maximum units drawn in the charts, so bar labels stay readable; the table lists them all. */
const CHART_UNITS = 15;

const byId = (id) => document.getElementById(id);

/** Returns today's date in China time as {year, month}, whatever the browser's time zone. */
function chinaToday() {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date()).split('-').map(Number);
  return { year, month };
}

/** Returns the first and last date (YYYY-MM-DD) of a month (1–12) or quarter (1–4) of a year. */
export function periodDates(kind, year, index) {
  const firstMonth = kind === 'quarter' ? 3 * index - 2 : index;
  const lastMonth = kind === 'quarter' ? 3 * index : index;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (number) => String(number).padStart(2, '0');
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

function percent(rate) {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function duration(minutes) {
  if (minutes === null) {
    return '—';
  }
  return minutes < 60 ? `${minutes.toFixed(0)} 分钟` : `${(minutes / 60).toFixed(1)} 小时`;
}

function score(value) {
  return value === null ? '—' : value.toFixed(2);
}

function unitRow(unit) {
  return el('tr', {},
    el('td', { className: 'code' }, unit.code),
    el('td', {}, unit.name ?? '（未知单位）'),
    el('td', {}, String(unit.filed)),
    el('td', {}, String(unit.due)),
    el('td', {}, String(unit.closed)),
    el('td', {}, String(unit.closedOnTime)),
    el('td', {}, percent(unit.closureRate)),
    el('td', {}, percent(unit.onTimeRate)),
    el('td', {}, percent(unit.reworkRate)),
    el('td', {}, duration(unit.averageMinutesToAccept)),
    el('td', {}, duration(unit.averageMinutesToClose)),
    el('td', {}, score(unit.satisfaction)));
}

/** Returns the units with the most filed incidents, at most CHART_UNITS of them. */
function chartUnits(units) {
  return [...units].sort((a, b) => b.filed - a.filed || a.code.localeCompare(b.code)).slice(0, CHART_UNITS);
}

function barOption(title, names, series, valueAxis) {
  return {
    title: { text: title, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 24 },
    grid: { left: 48, right: 16, top: 64, bottom: 80 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, interval: 0 } },
    yAxis: valueAxis,
    series: series.map((item) => ({ type: 'bar', ...item })),
  };
}

class ReviewPage {
  constructor(hotspotMap) {
    this.controller = null;
    this.hotspotMap = hotspotMap;
    this.rateChart = echarts.init(byId('rate-chart'));
    this.countChart = echarts.init(byId('count-chart'));
    window.addEventListener('resize', () => {
      this.rateChart.resize();
      this.countChart.resize();
    });

    const today = chinaToday();
    byId('year').value = today.year;
    this.fillIndexOptions(today.month);
    byId('period-kind').addEventListener('change', () => this.fillIndexOptions(1));
    byId('period-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.load();
    });
  }

  fillIndexOptions(selected) {
    const quarterly = byId('period-kind').value === 'quarter';
    const count = quarterly ? 4 : 12;
    const options = [];
    for (let index = 1; index <= count; index++) {
      options.push(el('option', { value: index, selected: index === selected },
        quarterly ? `第 ${index} 季度` : `${index} 月`));
    }
    replaceChildren(byId('period-index'), options);
  }

  parameters() {
    const year = Number(byId('year').value);
    const period = periodDates(byId('period-kind').value, year, Number(byId('period-index').value));
    return { level: byId('level').value, ...period };
  }

  async load() {
    this.controller?.abort();
    this.controller = new AbortController();
    const parameters = this.parameters();
    byId('csv-link').href = `/api/v1/indicators.csv${query(parameters)}`;

    const { signal } = this.controller;
    const cellMetres = Number(byId('cell-metres').value);
    try {
      const [report] = await Promise.all([
        getJson(`/api/v1/indicators${query(parameters)}`, { signal }),
        this.hotspotMap.load({ from: parameters.from, to: parameters.to, cellMetres }, signal),
      ]);
      clearError(byId('error'));
      this.show(report);
    } catch (error) {
      if (!isAbort(error)) {
        showError(byId('error'), error, '加载失败');
      }
    }
  }

  show(report) {
    byId('summary').textContent = `${report.from} 至 ${report.to}，共 ${report.units.length} 个单位有事件或评价。`;
    replaceChildren(byId('unit-rows'), report.units.map(unitRow));

    const units = chartUnits(report.units);
    const names = units.map((unit) => unit.name ?? unit.code);
    const asPercent = (rate) => (rate === null ? null : Math.round(rate * 1000) / 10);
    this.rateChart.setOption(barOption('结案率与按期结案率（%）', names, [
      { name: '结案率', data: units.map((unit) => asPercent(unit.closureRate)) },
      { name: '按期结案率', data: units.map((unit) => asPercent(unit.onTimeRate)) },
    ], { type: 'value', min: 0, max: 100 }), true);
    this.countChart.setOption(barOption('立案、应结案与结案数', names, [
      { name: '立案数', data: units.map((unit) => unit.filed) },
      { name: '应结案数', data: units.map((unit) => unit.due) },
      { name: '结案数', data: units.map((unit) => unit.closed) },
    ], { type: 'value', minInterval: 1 }), true);
  }
}

const hotspotMap = await HotspotMap.create('hotspot-map', byId('error'), showError);
startSessionBar().catch(() => {});
new ReviewPage(hotspotMap).load();
