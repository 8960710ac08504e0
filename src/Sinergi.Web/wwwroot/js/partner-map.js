// Picks a partner's location on a map; the latitude and longitude fields work without it.
(() => {
  const element = document.getElementById("partner-map");
  if (!element || !window.L) return;
  const lat = document.getElementById("Input_Latitude");
  const lng = document.getElementById("Input_Longitude");
  // Coordinates are typed with a dot, as maps write them; a comma is read as a dot too.
  const read = (input) => parseFloat((input.value || "").replace(",", "."));
  const start = [read(lat), read(lng)];
  const hasPoint = !isNaN(start[0]) && !isNaN(start[1]);
  const centre = hasPoint ? start : [parseFloat(element.dataset.centreLat), parseFloat(element.dataset.centreLng)];
  // Leaflet's own controls speak English; these say it in Indonesian.
  const map = L.map(element, { zoomControl: false }).setView(centre, hasPoint ? 12 : 9);
  L.control.zoom({ zoomInTitle: "Perbesar", zoomOutTitle: "Perkecil" }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Pustaka peta JavaScript">Leaflet</a>');
  element.setAttribute("aria-label", "Peta: klik untuk menandai lokasi mitra");
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: "&copy; OpenStreetMap",
  }).addTo(map);
  let marker = hasPoint ? L.marker(start).addTo(map) : null;
  const place = (point) => {
    if (marker) marker.setLatLng(point);
    else marker = L.marker(point).addTo(map);
  };
  map.on("click", (event) => {
    place(event.latlng);
    lat.value = event.latlng.lat.toFixed(6);
    lng.value = event.latlng.lng.toFixed(6);
  });
  const follow = () => {
    const point = [read(lat), read(lng)];
    if (!isNaN(point[0]) && !isNaN(point[1])) place(point);
  };
  lat.addEventListener("change", follow);
  lng.addEventListener("change", follow);
})();
