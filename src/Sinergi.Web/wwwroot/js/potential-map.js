// The potentials map: the province's kab/kota shapes as the base map (no tile server), one marker per
// potential with a link to its page. A potential known only by its kecamatan sits at its region's
// centre, drawn dashed; several at one place are one marker with their count, listing each. Leaflet's English is replaced.
(() => {
  const element = document.getElementById("potential-map");
  const data = document.getElementById("potential-map-data");
  if (!window.L || !element || !data) return;
  const markers = JSON.parse(data.textContent);
  const map = L.map(element, { zoomControl: false }).setView([-2.5, 118], 5);
  L.control.zoom({ zoomInTitle: "Perbesar", zoomOutTitle: "Perkecil" }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Pustaka peta JavaScript">Leaflet</a>');
  const bounds = [];
  // Potentials at the same place (several known only by their kecamatan sit at their region's
  // centre) become one marker with their count; its popup lists each with a link.
  const groups = new Map();
  markers.forEach((m) => {
    const key = m.lat.toFixed(5) + "," + m.lng.toFixed(5);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  });
  const line = (root, m) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = "/Potentials/Details/" + m.id;
    link.textContent = m.name;
    const detail = document.createElement("span");
    detail.className = "d-block small text-body-secondary";
    detail.textContent = m.sector + " · " + m.state + " · " + m.region;
    item.append(link, detail);
    root.append(item);
  };
  groups.forEach((group) => {
    const m = group[0];
    const approximate = group.every((g) => g.approximate);
    let marker;
    if (group.length === 1) {
      marker = L.circleMarker([m.lat, m.lng], { radius: 7, color: "#0f4d44", fillColor: "#3f9f8f", fillOpacity: 0.8, dashArray: approximate ? "3" : null });
      marker.bindTooltip(m.name);
    } else {
      const icon = L.divIcon({ className: "potential-cluster" + (approximate ? " potential-cluster-approximate" : ""), html: "<span></span>", iconSize: [30, 30] });
      marker = L.marker([m.lat, m.lng], { icon, title: group.length + " potensi di tempat ini", keyboard: true });
      marker.on("add", () => { marker.getElement().querySelector("span").textContent = String(group.length); });
      marker.bindTooltip(group.length + " potensi di tempat ini");
    }
    marker.addTo(map);
    marker.bindPopup('<ul class="list-unstyled mb-0 potential-popup"></ul>', { maxHeight: 240 }).on("popupopen", (event) => {
      const root = event.popup.getElement().querySelector("ul");
      root.replaceChildren();
      group.forEach((g) => line(root, g));
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
