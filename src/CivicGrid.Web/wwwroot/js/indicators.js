// The dashboard's charts, drawn from the JSON island beside each table. The tables are the
// record: without this script (or ECharts) they say everything the charts do.
(function () {
    'use strict';

    function draw(box) {
        var island = document.getElementById(box.getAttribute('data-chart'));
        if (!island) {
            return;
        }
        var data = JSON.parse(island.textContent);
        var percent = data.series.some(function (s) { return s.percent; });
        var axes = [{ type: 'value', minInterval: 1 }];
        if (percent) {
            axes.push({ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } });
        }
        var chart = echarts.init(box, null, { renderer: 'canvas' });
        chart.setOption({
            animation: false,
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: data.labels, axisLabel: { hideOverlap: true, rotate: data.labels.length > 4 ? 30 : 0 } },
            yAxis: axes,
            series: data.series.map(function (s) {
                return { name: s.name, type: data.kind, yAxisIndex: s.percent ? 1 : 0, data: s.values };
            })
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    if (typeof echarts !== 'undefined') {
        document.querySelectorAll('[data-chart]').forEach(draw);
    }

    // Typing a date means the period is no longer one of the presets.
    var period = document.querySelector('select[name=period]');
    document.querySelectorAll('[data-custom-period]').forEach(function (input) {
        input.addEventListener('change', function () {
            if (period) {
                period.value = 'custom';
            }
        });
    });
})();
