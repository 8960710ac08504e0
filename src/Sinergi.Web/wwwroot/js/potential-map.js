// The potentials map: the province's kab/kota shapes as the base map (no tile server), one marker per
// potential with a link to its page. A potential known only by its kecamatan sits at its region's
// centre, drawn dashed. Leaflet's English is replaced.
(() => {
  const element = document.getElementById("potential-map");
  const data = document.getElementById("potential-map-data");
  if (!window.L || !element || !data) return;
  const markers = JSON.parse(data.textContent);
  const map = L.map(element, { zoomControl: false }).setView([-2.5, 118], 5);
  L.control.zoom({ zoomInTitle: "Perbesar", zoomOutTitle: "Perkecil" }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Pustaka peta JavaScript">Leaflet</a>');
  const bounds = [];
  markers.forEach((m) => {
    const marker = L.circleMarker([m.lat, m.lng], { radius: 7, color: "#0f4d44", fillColor: "#3f9f8f", fillOpacity: 0.8, dashArray: m.approximate ? "3" : null }).addTo(map);
    marker.bindTooltip(m.name);
    marker.bindPopup('<a></a><br><span></span>').on("popupopen", (event) => {
      const root = event.popup.getElement();
      const link = root.querySelector("a");
      link.href = "/Potentials/Details/" + m.id;
      link.textContent = m.name;
      root.querySelector("span").textContent = m.sector + " · " + m.state + " · " + m.region;
    });
    bounds.push([m.lat, m.lng]);
  });
  const fit = (layerBounds) => {
    if (bounds.length > 0) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 11 });
    else if (layerBounds) map.fitBounds(layerBounds);
  };
  if (element.dataset.shapes) {
    fetch(element.dataset.shapes, { credentials: "same-origin" }).then((r) => r.json()).then((shapes) => {
      const layer = L.geoJSON(shapes, { style: { color: "#6c757d", weight: 1, fillColor: "#edf8f6", fillOpacity: 0.7 },
        onEachFeature: (feature, shape) => shape.bindTooltip(feature.properties.name) }).addTo(map);
      layer.bringToBack();
      fit(layer.getBounds());
    }).catch(() => fit());
  } else fit();
})();
