// The cooperation maps. No tile server is needed: the boundary shapes are the base map, and tiles
// are added only when the page names a tile address (Map:TileUrl). Leaflet's English is replaced.
(() => {
  if (!window.L) return;
  const number = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
  const start = (element) => {
    const map = L.map(element, { zoomControl: false, attributionControl: true }).setView([-2.5, 118], 5);
    L.control.zoom({ zoomInTitle: "Perbesar", zoomOutTitle: "Perkecil" }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Pustaka peta JavaScript">Leaflet</a>');
    if (element.dataset.tiles) L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: "&copy; OpenStreetMap" }).addTo(map);
    return map;
  };
  // Light to dark, with the figure written in each shape's label: colour is never the only cue.
  const shades = ["#edf8f6", "#b9e3dc", "#7fc8bb", "#3f9f8f", "#1f7a6d", "#0f4d44"];

  const choropleth = document.getElementById("choropleth-map");
  if (choropleth) {
    const values = {};
    document.querySelectorAll("#" + choropleth.dataset.table + " tbody tr").forEach((row) => {
      values[row.dataset.code] = { value: row.dataset.value === "" ? null : Number(row.dataset.value), name: row.cells[0].textContent, text: row.cells[1].textContent };
    });
    const known = Object.values(values).map((v) => v.value).filter((v) => v !== null);
    const max = Math.max(1, ...known);
    const map = start(choropleth);
    fetch(choropleth.dataset.shapes, { credentials: "same-origin" }).then((r) => r.json()).then((shapes) => {
      const layer = L.geoJSON(shapes, {
        style: (feature) => {
          const v = values[feature.properties.code];
          const shade = !v || v.value === null ? "#f8f9fa" : shades[Math.min(shades.length - 1, Math.floor((v.value / max) * (shades.length - 1)))];
          return { color: "#495057", weight: 1, fillColor: shade, fillOpacity: 0.9, dashArray: !v || v.value === null ? "3" : null };
        },
        onEachFeature: (feature, shape) => {
          const v = values[feature.properties.code];
          shape.bindTooltip((v ? v.name : feature.properties.name) + ": " + (v ? v.text : "–"));
        },
      }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
  }

  const regional = document.getElementById("region-map");
  const data = document.getElementById("region-map-data");
  if (regional && data) {
    const info = JSON.parse(data.textContent);
    const map = start(regional);
    const bounds = [];
    if (info.home) {
      L.circleMarker([info.home.lat, info.home.lng], { radius: 9, color: "#0f4d44", fillOpacity: 1 }).addTo(map).bindTooltip(info.home.name, { permanent: true, direction: "top" });
      bounds.push([info.home.lat, info.home.lng]);
    }
    info.lines.forEach((line) => {
      L.polyline([line.fromPoint, line.toPoint], { color: "#1f7a6d", weight: 2 + line.agreements, dashArray: "6 4" }).addTo(map)
        .bindTooltip("KSDD dengan " + line.to + ": " + number.format(line.agreements) + " kerja sama");
    });
    info.points.forEach((point) => {
      L.circleMarker([point.lat, point.lng], { radius: 6, color: "#1f7a6d" }).addTo(map)
        .bindPopup('<a href="' + point.link + '"></a>').on("popupopen", (event) => {
          const link = event.popup.getElement().querySelector("a");
          link.textContent = point.name + " (" + point.kind + ", " + number.format(point.agreements) + " kerja sama)";
        });
      bounds.push([point.lat, point.lng]);
    });
    if (bounds.length > 0) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 });
  }
})();
