// Target against realisation per period, drawn from the table under each chart: the table stays the
// source (screen readers, no JavaScript), and the bars carry a pattern-free legend with words, not colour alone.
(function () {
    if (typeof Chart === 'undefined') return;
    document.querySelectorAll('canvas.indicator-chart').forEach(function (canvas) {
        var table = document.getElementById(canvas.dataset.chartTable);
        if (!table) return;
        var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
        var number = function (text) { return text === undefined || text === '' ? null : Number(text); };
        canvas.hidden = false;
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: rows.map(function (r) { return r.cells[0].textContent.trim(); }),
                datasets: [
                    { label: 'Target', data: rows.map(function (r) { return number(r.dataset.target); }), backgroundColor: '#adb5bd' },
                    { label: 'Realisasi', data: rows.map(function (r) { return number(r.dataset.realisation); }), backgroundColor: '#0d6efd' }
                ]
            },
            options: { responsive: true, animation: false, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true } } }
        });
    });
})();
