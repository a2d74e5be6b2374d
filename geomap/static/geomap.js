/* geomap map page: draws the routes, stops, mentions, legend and itinerary panel from the
 * page's JSON data block. Every piece of article text reaches the page through textContent,
 * createTextNode or setAttribute, never as markup. The one exception is Leaflet's layer
 * control, which sets its labels as HTML: those labels go through escapeHtml first. */
function geomapInit(map, tileLayer, data, basemap) {
  "use strict";

  var NARROW = window.matchMedia("(max-width: 640px)").matches;
  var GROUP_MIN = 30; // group mentions into counted circles above this many
  var GROUP_CELL = 44; // px
  var ARROW_MIN_PX = 56; // hide a leg's arrow when the leg is shorter than this on screen
  var STATUS_TEXT = {
    visited: "visited",
    passed: "passed through",
    planned: "planned",
    reported: "reported, unconfirmed"
  };
  var ROLE_TEXT = { origin: "start", stop: "stop", pass: "passing", destination: "destination" };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  function safeColour(colour) {
    return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : "#444444";
  }

  function swatch(colour, dashed) {
    var span = el("span", "gm-swatch" + (dashed ? " gm-swatch-dashed" : ""));
    span.style.setProperty("--c", safeColour(colour));
    return span;
  }

  function formatCoord(lat, lon) {
    var ns = lat >= 0 ? "N" : "S";
    var ew = lon >= 0 ? "E" : "W";
    return Math.abs(lat).toFixed(4) + "\u00b0 " + ns + ", " + Math.abs(lon).toFixed(4) + "\u00b0 " + ew;
  }

  function sourceLabel(url, source) {
    try {
      return new URL(url).host || source;
    } catch (err) {
      return source;
    }
  }

  function popupOptions() {
    return { maxWidth: 380, minWidth: 200, maxHeight: 380, autoPanPadding: [8, 8], className: "gm-popup" };
  }

  // Fit every popup to the map's current size (small phones, panel open or collapsed).
  var popups = [];
  function sizePopups() {
    var size = map.getSize();
    var maxWidth = Math.max(160, Math.min(380, size.x - 60));
    var maxHeight = Math.max(120, Math.min(380, size.y - 100));
    popups.forEach(function (popup) {
      popup.options.maxWidth = maxWidth;
      popup.options.minWidth = Math.min(200, maxWidth);
      popup.options.maxHeight = maxHeight;
    });
  }
  map.on("resize", sizePopups);

  function placeHeader(box, name, admin1, country, lat, lon) {
    box.appendChild(el("h3", "gm-pop-title", name));
    var where = [admin1, country].filter(function (part) { return part; }).join(", ");
    if (where) box.appendChild(el("div", "gm-pop-where", where));
    box.appendChild(el("div", "gm-pop-coords", formatCoord(lat, lon)));
  }

  function evidenceList(box, evidence, more) {
    if (!evidence.length) return;
    var list = el("ol", "gm-evidence");
    evidence.forEach(function (ev) {
      var item = el("li");
      var quote = el("blockquote");
      quote.appendChild(document.createTextNode(ev.before));
      if (ev.match) quote.appendChild(el("mark", null, ev.match));
      quote.appendChild(document.createTextNode(ev.after));
      item.appendChild(quote);
      var cite = el("div", "gm-cite");
      cite.appendChild(el("cite", null, ev.title));
      if (ev.url && /^https?:\/\//i.test(ev.url)) {
        var link = el("a", null, sourceLabel(ev.url, ev.source));
        link.setAttribute("href", ev.url);
        link.setAttribute("rel", "noopener noreferrer");
        link.setAttribute("target", "_blank");
        cite.appendChild(document.createTextNode(" \u00b7 "));
        cite.appendChild(link);
      } else if (ev.source) {
        cite.appendChild(document.createTextNode(" \u00b7 " + ev.source));
      }
      if (ev.date) cite.appendChild(document.createTextNode(" \u00b7 " + ev.date));
      item.appendChild(cite);
      list.appendChild(item);
    });
    box.appendChild(list);
    if (more > 0) box.appendChild(el("div", "gm-more", "+ " + more + " more sentences"));
  }

  function stopPopup(route, stop) {
    var box = el("div", "gm-pop");
    placeHeader(box, stop.name, stop.admin1, stop.country, stop.lat, stop.lon);
    var line = el("div", "gm-pop-stop");
    line.appendChild(swatch(route.colour, stop.unconfirmed));
    line.appendChild(document.createTextNode(
      "Stop " + stop.n + " of " + route.stops.length + " \u00b7 " + route.actor
    ));
    box.appendChild(line);
    var facts = el("div", "gm-pop-facts");
    var status = el("span", "gm-status gm-status-" + (STATUS_TEXT[stop.status] ? stop.status : "other"),
      STATUS_TEXT[stop.status] || stop.status);
    facts.appendChild(status);
    if (ROLE_TEXT[stop.role] && stop.role !== "stop") {
      facts.appendChild(document.createTextNode(" \u00b7 " + ROLE_TEXT[stop.role]));
    }
    if (stop.when) facts.appendChild(document.createTextNode(" \u00b7 " + stop.when));
    box.appendChild(facts);
    evidenceList(box, stop.evidence, stop.moreEvidence);
    return box;
  }

  function mentionPopup(mention) {
    var box = el("div", "gm-pop");
    placeHeader(box, mention.name, mention.admin1, mention.country, mention.lat, mention.lon);
    box.appendChild(el("div", "gm-pop-facts",
      "Mentioned " + mention.count + (mention.count === 1 ? " time" : " times") +
      " (not on a route)"));
    evidenceList(box, mention.evidence, mention.moreEvidence);
    return box;
  }

  /* --- basemap: country outlines under the optional tiles -------------------------------- */
  var basePane = map.createPane("gmBasemap");
  basePane.style.zIndex = 150;
  basePane.style.pointerEvents = "none";
  // Three copies of the world, so routes unwrapped across the antimeridian still lie on land.
  var outlines = L.layerGroup([-360, 0, 360].map(function (shift) {
    return L.geoJSON(basemap, {
      pane: "gmBasemap",
      interactive: false,
      coordsToLatLng: function (coords) { return L.latLng(coords[1], coords[0] + shift); },
      style: function () {
        return { color: "#a39e93", weight: 0.8, fill: true, fillColor: "#fbfaf6", fillOpacity: 1 };
      }
    });
  })).addTo(map);
  var arrowPane = map.createPane("gmArrows");
  arrowPane.style.zIndex = 450;
  arrowPane.style.pointerEvents = "none";

  /* --- routes ---------------------------------------------------------------------------- */
  var routeBounds = L.latLngBounds([]);
  var allStops = []; // in itinerary order: {route, stop, marker, layer}
  var arrows = [];
  var overlays = {};

  function stopIcon(stop, colour) {
    var badge = el("span", "gm-stop" + (stop.unconfirmed ? " gm-unconfirmed" : ""), stop.n);
    badge.style.setProperty("--c", safeColour(colour));
    badge.setAttribute("aria-label", "Stop " + stop.n + ": " + stop.name);
    return L.divIcon({
      className: "gm-stop-icon",
      html: badge,
      iconSize: [26, 26],
      iconAnchor: [13, 13],
      popupAnchor: [0, -12],
      tooltipAnchor: [0, -14]
    });
  }

  function arrowMarker(a, b, colour) {
    var pa = map.project(a, 0);
    var pb = map.project(b, 0);
    var dx = pb.x - pa.x;
    var dy = pb.y - pa.y;
    var length0 = Math.sqrt(dx * dx + dy * dy);
    if (length0 < 1e-9) return null;
    var mid = map.unproject(L.point((pa.x + pb.x) / 2, (pa.y + pb.y) / 2), 0);
    var svgNs = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("class", "gm-arrow-svg");
    svg.style.transform = "rotate(" + (Math.atan2(dy, dx) * 180 / Math.PI).toFixed(2) + "deg)";
    var path = document.createElementNS(svgNs, "path");
    path.setAttribute("d", "M4 3 L17 10 L4 17 L7.5 10 Z");
    path.setAttribute("fill", safeColour(colour));
    path.setAttribute("stroke", "#ffffff");
    path.setAttribute("stroke-width", "1.5");
    path.setAttribute("stroke-linejoin", "round");
    svg.appendChild(path);
    var marker = L.marker(mid, {
      icon: L.divIcon({ className: "gm-arrow", html: svg, iconSize: [20, 20], iconAnchor: [10, 10] }),
      interactive: false,
      keyboard: false,
      pane: "gmArrows"
    });
    arrows.push({ marker: marker, length0: length0 });
    return marker;
  }

  function legTooltip(route, leg) {
    var from = route.stops[leg.from];
    var to = route.stops[leg.to];
    return el("span", null,
      from.n + ". " + from.name + " \u2192 " + to.n + ". " + to.name +
      (leg.unconfirmed ? " (planned or reported)" : ""));
  }

  data.routes.forEach(function (route, routeIndex) {
    var layer = L.featureGroup().addTo(map);
    var colour = safeColour(route.colour);
    var points = route.stops.map(function (stop) { return L.latLng(stop.lat, stop.drawLon); });
    route.legs.forEach(function (leg) {
      var line = L.polyline([points[leg.from], points[leg.to]], {
        color: colour,
        weight: 4,
        opacity: 0.85,
        dashArray: leg.unconfirmed ? "2 9" : null,
        lineCap: "round",
        className: "gm-leg" + (leg.unconfirmed ? " gm-leg-unconfirmed" : "")
      });
      line.bindTooltip(legTooltip(route, leg), { sticky: true });
      layer.addLayer(line);
      var arrow = arrowMarker(points[leg.from], points[leg.to], colour);
      if (arrow) layer.addLayer(arrow);
    });
    route.stops.forEach(function (stop, stopIndex) {
      var marker = L.marker(points[stopIndex], {
        icon: stopIcon(stop, colour),
        riseOnHover: true,
        zIndexOffset: 1000 + stop.n
      });
      marker.bindPopup(function () { return stopPopup(route, stop); }, popupOptions());
      popups.push(marker.getPopup());
      marker.bindTooltip(el("span", null, stop.n + ". " + stop.name), { direction: "top" });
      var index = allStops.length;
      marker.on("click", function () { setCurrent(index); });
      allStops.push({ route: route, stop: stop, marker: marker, layer: layer });
      layer.addLayer(marker);
      routeBounds.extend(points[stopIndex]);
    });
    var label = '<span class="gm-swatch" style="--c:' + colour + '"></span>' +
      escapeHtml((routeIndex + 1) + ". " + route.actor);
    overlays[label] = layer;
  });

  /* --- other mentioned places ------------------------------------------------------------ */
  var mentionBounds = L.latLngBounds([]);
  var mentionLayer = L.layerGroup().addTo(map);
  var mentionColour = safeColour(data.mentionColour);
  var mentionMarkers = data.mentions.map(function (mention) {
    var marker = L.circleMarker([mention.lat, mention.lon], {
      radius: 6,
      color: "#ffffff",
      weight: 1.5,
      fillColor: mentionColour,
      fillOpacity: 0.8,
      className: "gm-mention"
    });
    marker.bindPopup(function () { return mentionPopup(mention); }, popupOptions());
    popups.push(marker.getPopup());
    marker.bindTooltip(el("span", null, mention.name));
    mentionBounds.extend(marker.getLatLng());
    return marker;
  });

  function groupMarker(members) {
    var lat = 0;
    var lon = 0;
    var bounds = L.latLngBounds([]);
    members.forEach(function (member) {
      var point = member.getLatLng();
      lat += point.lat;
      lon += point.lng;
      bounds.extend(point);
    });
    var badge = el("span", "gm-group", members.length);
    var marker = L.marker([lat / members.length, lon / members.length], {
      icon: L.divIcon({ className: "gm-group-icon", html: badge, iconSize: [30, 30], iconAnchor: [15, 15] })
    });
    var names = members.slice(0, 6).map(function (member) {
      return member.getTooltip().getContent().textContent;
    }).join(", ");
    marker.bindTooltip(el("span", null, members.length + " places: " + names +
      (members.length > 6 ? ", \u2026" : "")));
    marker.on("click", function () {
      map.fitBounds(bounds.pad(0.3), { maxZoom: map.getZoom() + 3 });
    });
    return marker;
  }

  function regroupMentions() {
    mentionLayer.clearLayers();
    if (mentionMarkers.length <= GROUP_MIN) {
      mentionMarkers.forEach(function (marker) { mentionLayer.addLayer(marker); });
      return;
    }
    var zoom = map.getZoom();
    var cells = {};
    var keys = [];
    mentionMarkers.forEach(function (marker) {
      var p = map.project(marker.getLatLng(), zoom);
      var key = Math.floor(p.x / GROUP_CELL) + ":" + Math.floor(p.y / GROUP_CELL);
      if (!cells[key]) {
        cells[key] = [];
        keys.push(key);
      }
      cells[key].push(marker);
    });
    keys.forEach(function (key) {
      var members = cells[key];
      if (members.length === 1 || zoom >= map.getMaxZoom()) {
        members.forEach(function (marker) { mentionLayer.addLayer(marker); });
      } else {
        mentionLayer.addLayer(groupMarker(members));
      }
    });
  }

  function updateArrows() {
    var scale = Math.pow(2, map.getZoom());
    arrows.forEach(function (arrow) {
      arrow.marker.setOpacity(arrow.length0 * scale >= ARROW_MIN_PX ? 1 : 0);
    });
  }

  overlays[escapeHtml("Other mentioned places (" + data.mentions.length + ")")] = mentionLayer;
  overlays[escapeHtml("Country outlines")] = outlines;
  if (tileLayer) overlays[escapeHtml("OpenStreetMap tiles")] = tileLayer;
  L.control.layers(null, overlays, { collapsed: true, position: "topright" }).addTo(map);

  /* --- legend ---------------------------------------------------------------------------- */
  var Legend = L.Control.extend({
    options: { position: "bottomright" },
    onAdd: function () {
      var box = el("details", "gm-legend leaflet-bar");
      if (!NARROW) box.setAttribute("open", "");
      box.appendChild(el("summary", null, "Legend"));
      function row(symbol, text) {
        var line = el("div", "gm-legend-row");
        line.appendChild(symbol);
        line.appendChild(el("span", null, text));
        box.appendChild(line);
      }
      data.routes.forEach(function (route) { row(swatch(route.colour, false), route.actor); });
      row(el("span", "gm-stop gm-legend-stop", "1"), "numbered stop, in order");
      row(el("span", "gm-stop gm-unconfirmed gm-legend-stop", "2"), "planned or reported stop");
      row(swatch("#555555", true), "leg to a planned or reported stop");
      row(el("span", "gm-legend-arrow", "\u27a4"), "direction of travel");
      row(el("span", "gm-legend-dot"), "other mentioned place");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });
  new Legend().addTo(map);

  /* --- itinerary panel ------------------------------------------------------------------- */
  var body = document.body;
  var toggle = document.getElementById("gm-toggle");
  var itinerary = document.getElementById("gm-itinerary");
  var prev = document.getElementById("gm-prev");
  var next = document.getElementById("gm-next");
  var position = document.getElementById("gm-pos");
  var buttons = [];
  var current = -1;

  function setPanel(open) {
    body.classList.toggle("gm-collapsed", !open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    map.invalidateSize();
  }

  function setCurrent(index) {
    current = index;
    buttons.forEach(function (button, i) {
      button.classList.toggle("gm-current", i === index);
      if (i === index) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
    });
    prev.disabled = index <= 0;
    next.disabled = index >= allStops.length - 1;
    position.textContent = allStops.length
      ? (index >= 0 ? "Stop " + (index + 1) + " of " + allStops.length : allStops.length + " stops")
      : "No route";
    if (index >= 0 && buttons[index] && buttons[index].scrollIntoView) {
      buttons[index].scrollIntoView({ block: "nearest" });
    }
  }

  function goTo(index) {
    if (index < 0 || index >= allStops.length) return;
    var entry = allStops[index];
    if (!map.hasLayer(entry.layer)) map.addLayer(entry.layer);
    setCurrent(index);
    map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 5), { animate: false });
    entry.marker.openPopup();
  }

  var stopNumber = 0;
  data.routes.forEach(function (route) {
    var section = el("section", "gm-route");
    var heading = el("h2", "gm-route-title");
    heading.appendChild(swatch(route.colour, false));
    heading.appendChild(document.createTextNode(route.actor));
    section.appendChild(heading);
    if (route.trip) section.appendChild(el("div", "gm-route-trip", route.trip));
    var list = el("ol", "gm-stops");
    route.stops.forEach(function (stop) {
      var index = stopNumber++;
      var item = el("li");
      var button = el("button", "gm-stop-btn");
      button.type = "button";
      var badge = el("span", "gm-stop" + (stop.unconfirmed ? " gm-unconfirmed" : ""), stop.n);
      badge.style.setProperty("--c", safeColour(route.colour));
      button.appendChild(badge);
      var text = el("span", "gm-stop-text");
      text.appendChild(el("span", "gm-stop-name", stop.name));
      var meta = [stop.when, STATUS_TEXT[stop.status] || stop.status].filter(function (part) {
        return part;
      }).join(" \u00b7 ");
      text.appendChild(el("span", "gm-stop-meta", meta));
      button.appendChild(text);
      button.addEventListener("click", function () { goTo(index); });
      buttons.push(button);
      item.appendChild(button);
      list.appendChild(item);
    });
    section.appendChild(list);
    itinerary.appendChild(section);
  });
  if (!data.routes.length) {
    itinerary.appendChild(el("p", "gm-empty", "No journey was found in these articles."));
  }
  if (data.mentions.length) {
    itinerary.appendChild(el("p", "gm-note",
      data.mentions.length + " other mentioned " +
      (data.mentions.length === 1 ? "place is" : "places are") + " shown as grey dots."));
  }

  toggle.addEventListener("click", function () {
    setPanel(body.classList.contains("gm-collapsed"));
  });
  prev.addEventListener("click", function () { goTo(current <= 0 ? 0 : current - 1); });
  next.addEventListener("click", function () { goTo(current + 1); });
  map.on("zoomend", function () {
    regroupMentions();
    updateArrows();
  });

  /* --- first view ------------------------------------------------------------------------ */
  setPanel(!NARROW);
  sizePopups();
  setCurrent(-1);
  var bounds = routeBounds.isValid() ? routeBounds : mentionBounds;
  if (bounds.isValid()) {
    map.fitBounds(bounds.pad(0.1), { padding: [24, 24], maxZoom: 8, animate: false });
  } else {
    map.setView([20, 0], 2, { animate: false });
  }
  regroupMentions();
  updateArrows();
  document.documentElement.setAttribute("data-geomap-ready", "1");
}
