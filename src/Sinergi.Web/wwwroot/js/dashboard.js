// The dashboard's charts, drawn from the table behind each one: the table stays the source (screen
// readers, no JavaScript). Every bar is named on its axis and carries its number, so colour is never
// the only cue; clicking a bar opens the filtered list its table row links to.
(function () {
    if (typeof Chart === 'undefined') return;
    var number = new Intl.NumberFormat('id-ID');
    var valueLabels = {
        id: 'valueLabels',
        afterDatasetsDraw: function (chart) {
            var ctx = chart.ctx;
            var vertical = chart.options.indexAxis !== 'y';
            ctx.save();
            ctx.fillStyle = '#212529';
            ctx.font = '12px system-ui, sans-serif';
            chart.getDatasetMeta(0).data.forEach(function (bar, i) {
                var text = number.format(chart.data.datasets[0].data[i]);
                ctx.textAlign = vertical ? 'center' : 'left';
                ctx.textBaseline = vertical ? 'bottom' : 'middle';
                ctx.fillText(text, vertical ? bar.x : bar.x + 4, vertical ? bar.y - 2 : bar.y);
            });
            ctx.restore();
        }
    };
    document.querySelectorAll('canvas.dashboard-chart').forEach(function (canvas) {
        var table = document.getElementById(canvas.dataset.chartTable);
        if (!table) return;
        var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
        var vertical = canvas.dataset.vertical === 'true';
        canvas.hidden = false;
        var chart = new Chart(canvas, {
            type: 'bar',
            data: {
                labels: rows.map(function (r) { return r.cells[0].textContent.trim(); }),
                datasets: [{
                    label: 'Jumlah kerja sama',
                    data: rows.map(function (r) { return Number(r.dataset.count); }),
                    backgroundColor: '#1f7a6d',
                    hoverBackgroundColor: '#145247'
                }]
            },
            options: {
                indexAxis: vertical ? 'x' : 'y',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                layout: { padding: { right: vertical ? 0 : 32, top: vertical ? 16 : 0 } },
                plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return number.format(c.raw) + ' kerja sama'; } } } },
                scales: vertical ? { y: { beginAtZero: true, ticks: { precision: 0 } } } : { x: { beginAtZero: true, ticks: { precision: 0 } } },
                onHover: function (event, elements) { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; },
                onClick: function (event, elements) {
                    if (elements.length) window.location.href = rows[elements[0].index].dataset.href;
                }
            },
            plugins: [valueLabels]
        });
        canvas.dashboardChart = chart;
    });
})();
