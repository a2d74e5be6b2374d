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
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var QUOTE_MAX = 220; // characters of a quote shown before its "Show full sentence" button
  var QUOTES_SHOWN = 3; // quotes shown in a popup before its "Show N more quotes" button
  var SPREAD_PX = 24; // stops closer than this on screen are fanned out around their centre

  // The primary route (longest, then latest: chosen by the renderer) comes first everywhere.
  var routes = data.routes.slice();
  if (data.primary > 0 && data.primary < routes.length) {
    routes.unshift(routes.splice(data.primary, 1)[0]);
  }

  // "2023-09-12" -> "12 Sep 2023": the same text on every machine, whatever its locale.
  function niceDates(text) {
    return String(text || "").replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, function (all, y, m, d) {
      var month = MONTHS[parseInt(m, 10) - 1];
      return month ? parseInt(d, 10) + " " + month + " " + y : all;
    });
  }

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
    return {
      maxWidth: 380,
      minWidth: 200,
      maxHeight: 380,
      autoPanPaddingTopLeft: [52, 12], // clear of the zoom buttons
      autoPanPaddingBottomRight: [12, 12],
      className: "gm-popup"
    };
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

  // Cut `text` to about `max` characters at a word, keeping its end (fromEnd) or its start.
  function clip(text, max, fromEnd) {
    if (text.length <= max) return text;
    if (fromEnd) {
      var tail = text.slice(text.length - max);
      var space = tail.indexOf(" ");
      return "\u2026" + (space >= 0 && space < 30 ? tail.slice(space + 1) : tail);
    }
    var head = text.slice(0, max);
    var cut = head.lastIndexOf(" ");
    return (cut > max - 30 ? head.slice(0, cut) : head) + "\u2026";
  }

  function fillQuote(quote, ev, full) {
    quote.textContent = "";
    var before = ev.before;
    var after = ev.after;
    if (!full) {
      var room = Math.max(80, QUOTE_MAX - ev.match.length);
      var beforeMax = Math.max(room - after.length, Math.floor(room / 2));
      var afterMax = Math.max(room - Math.min(before.length, beforeMax), Math.floor(room / 2));
      before = clip(before, beforeMax, true);
      after = clip(after, afterMax, false);
    }
    quote.appendChild(document.createTextNode(before));
    if (ev.match) quote.appendChild(el("mark", null, ev.match));
    quote.appendChild(document.createTextNode(after));
  }

  function linkButton(text) {
    var button = el("button", "gm-link", text);
    button.type = "button";
    return button;
  }

  function evidenceList(box, evidence, more, relayout) {
    if (!evidence.length) return;
    var list = el("ol", "gm-evidence");
    evidence.forEach(function (ev, index) {
      var item = el("li");
      if (index >= QUOTES_SHOWN) item.hidden = true;
      var quote = el("blockquote");
      fillQuote(quote, ev, false);
      item.appendChild(quote);
      if (ev.before.length + ev.match.length + ev.after.length > QUOTE_MAX) {
        var full = false;
        var toggleQuote = linkButton("Show full sentence");
        toggleQuote.setAttribute("aria-expanded", "false");
        toggleQuote.addEventListener("click", function () {
          full = !full;
          fillQuote(quote, ev, full);
          toggleQuote.textContent = full ? "Show less" : "Show full sentence";
          toggleQuote.setAttribute("aria-expanded", full ? "true" : "false");
          relayout();
        });
        item.appendChild(toggleQuote);
      }
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
      if (ev.date) cite.appendChild(document.createTextNode(" \u00b7 " + niceDates(ev.date)));
      item.appendChild(cite);
      list.appendChild(item);
    });
    box.appendChild(list);
    if (evidence.length > QUOTES_SHOWN) {
      var hiddenCount = evidence.length - QUOTES_SHOWN;
      var showAll = linkButton("Show " + hiddenCount + " more " + (hiddenCount === 1 ? "quote" : "quotes"));
      showAll.addEventListener("click", function () {
        Array.prototype.forEach.call(list.children, function (item) { item.hidden = false; });
        showAll.parentNode.removeChild(showAll);
        relayout();
      });
      box.appendChild(showAll);
    }
    if (more > 0) box.appendChild(el("div", "gm-more", "+ " + more + " more sentences"));
  }

  // Bind a popup whose content is built once, on first opening, so that popup.update() (to
  // fit expanded quotes) keeps what the reader has opened.
  function bindPopup(layer, build) {
    var content = null;
    layer.bindPopup(function () {
      if (!content) {
        content = build(function () {
          var popup = layer.getPopup();
          if (popup && popup.isOpen()) popup.update();
        });
      }
      return content;
    }, popupOptions());
    popups.push(layer.getPopup());
  }

  function stopPopup(route, stop, relayout) {
    var box = el("div", "gm-pop");
    placeHeader(box, stop.name, stop.admin1, stop.country, stop.lat, stop.lon);
    var line = el("div", "gm-pop-stop");
    line.appendChild(swatch(route.colour, stop.unconfirmed));
    line.appendChild(document.createTextNode(
      "Stop " + stop.n + " of " + route.stops.length + " \u00b7 " + route.label
    ));
    box.appendChild(line);
    var facts = el("div", "gm-pop-facts");
    var status = el("span", "gm-status gm-status-" + (STATUS_TEXT[stop.status] ? stop.status : "other"),
      STATUS_TEXT[stop.status] || stop.status);
    facts.appendChild(status);
    if (ROLE_TEXT[stop.role] && stop.role !== "stop") {
      facts.appendChild(document.createTextNode(" \u00b7 " + ROLE_TEXT[stop.role]));
    }
    if (stop.when) facts.appendChild(document.createTextNode(" \u00b7 " + niceDates(stop.when)));
    box.appendChild(facts);
    evidenceList(box, stop.evidence, stop.moreEvidence, relayout);
    return box;
  }

  function mentionPopup(mention, relayout) {
    var box = el("div", "gm-pop");
    placeHeader(box, mention.name, mention.admin1, mention.country, mention.lat, mention.lon);
    box.appendChild(el("div", "gm-pop-facts",
      "Mentioned " + mention.count + (mention.count === 1 ? " time" : " times") +
      " (not on a route)"));
    evidenceList(box, mention.evidence, mention.moreEvidence, relayout);
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

  // `at`: how far along the leg the arrow sits (0.5 = middle; less on a leg driven both ways,
  // so the two arrows do not lie on top of each other).
  function arrowMarker(a, b, colour, at) {
    var pa = map.project(a, 0);
    var pb = map.project(b, 0);
    var dx = pb.x - pa.x;
    var dy = pb.y - pa.y;
    var length0 = Math.sqrt(dx * dx + dy * dy);
    if (length0 < 1e-9) return null;
    var mid = map.unproject(L.point(pa.x + dx * at, pa.y + dy * at), 0);
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

  routes.forEach(function (route) {
    var layer = L.featureGroup().addTo(map);
    var colour = safeColour(route.colour);
    var points = route.stops.map(function (stop) { return L.latLng(stop.lat, stop.drawLon); });
    var legsBetween = {};
    function pairKey(leg) {
      var a = points[leg.from].toString();
      var b = points[leg.to].toString();
      return a < b ? a + "|" + b : b + "|" + a;
    }
    route.legs.forEach(function (leg) {
      legsBetween[pairKey(leg)] = (legsBetween[pairKey(leg)] || 0) + 1;
    });
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
      var arrow = arrowMarker(points[leg.from], points[leg.to], colour,
        legsBetween[pairKey(leg)] > 1 ? 0.35 : 0.5);
      if (arrow) layer.addLayer(arrow);
    });
    route.stops.forEach(function (stop, stopIndex) {
      var marker = L.marker(points[stopIndex], {
        icon: stopIcon(stop, colour),
        riseOnHover: true,
        zIndexOffset: 1000 + stop.n
      });
      bindPopup(marker, function (relayout) { return stopPopup(route, stop, relayout); });
      marker.bindTooltip(el("span", null, stop.n + ". " + stop.name), { direction: "top" });
      var index = allStops.length;
      marker.on("click", function () { setCurrent(index); });
      allStops.push({ route: route, stop: stop, marker: marker, layer: layer });
      layer.addLayer(marker);
      routeBounds.extend(points[stopIndex]);
    });
    var label = '<span class="gm-swatch" style="--c:' + colour + '"></span>' +
      escapeHtml(route.label);
    overlays[label] = layer;
  });

  /* --- other mentioned places ------------------------------------------------------------ */
  var mentionBounds = L.latLngBounds([]);
  var mentionLayer = L.layerGroup().addTo(map);
  var mentionColour = safeColour(data.mentionColour);
  var mentionMarkers = data.mentions.map(function (mention) {
    var marker = L.circleMarker([mention.lat, mention.lon], {
      // Places named often are drawn a little larger: 5 px once, 8 px at 4 times, 9 px cap.
      radius: 5 + Math.min(4, 1.5 * Math.log2(Math.max(1, mention.count))),
      color: "#ffffff",
      weight: 1.5,
      fillColor: mentionColour,
      fillOpacity: 0.8,
      className: "gm-mention"
    });
    bindPopup(marker, function (relayout) { return mentionPopup(mention, relayout); });
    marker.bindTooltip(el("span", null, mention.name + " \u00b7 " + mention.count +
      (mention.count === 1 ? " mention" : " mentions")));
    marker.gmName = mention.name;
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
      return member.gmName;
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
      routes.forEach(function (route) { row(swatch(route.colour, false), route.label); });
      row(el("span", "gm-stop gm-legend-stop", "1"), "numbered stop, in order");
      row(el("span", "gm-stop gm-unconfirmed gm-legend-stop", "2"), "planned or reported stop");
      row(swatch("#555555", true), "leg to a planned or reported stop");
      row(el("span", "gm-legend-arrow", "\u27a4"), "direction of travel");
      row(el("span", "gm-legend-dot"), "other mentioned place (larger: named more often)");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });
  var legend = new Legend().addTo(map);

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
    map.setView(entry.marker.getLatLng(), clearZoom(entry), { animate: false });
    entry.marker.openPopup();
  }

  var stopNumber = 0;
  routes.forEach(function (route) {
    var section = el("section", "gm-route");
    var heading = el("h2", "gm-route-title");
    heading.appendChild(swatch(route.colour, false));
    heading.appendChild(document.createTextNode(route.label));
    section.appendChild(heading);
    var count = route.stops.length + (route.stops.length === 1 ? " stop" : " stops");
    section.appendChild(el("div", "gm-route-trip",
      route.trip ? niceDates(route.trip) + " \u00b7 " + count : count));
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
      var meta = [niceDates(stop.when), STATUS_TEXT[stop.status] || stop.status].filter(function (part) {
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
  if (!routes.length) {
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
  /* --- stops that would cover each other: fanned out around their centre ----------------- */
  // A badge moves, its marker does not: a short leader line joins the badge to the true place,
  // and the popup still points there. Stops closer than SPREAD_PX (a return to the same town,
  // or towns a few km apart at this zoom) form one group, laid out clockwise in stop order.
  function setOffset(entry, dx, dy) {
    var node = entry.marker.getElement();
    if (!node || !node.firstChild) return;
    var moved = Math.abs(dx) + Math.abs(dy) > 0.5;
    node.firstChild.style.transform = moved ? "translate(" + dx.toFixed(1) + "px," + dy.toFixed(1) + "px)" : "";
    node.classList.toggle("gm-spread", moved);
    node.style.setProperty("--len", moved ? Math.sqrt(dx * dx + dy * dy).toFixed(1) + "px" : "0");
    node.style.setProperty("--ang", moved ? (Math.atan2(dy, dx) * 180 / Math.PI).toFixed(1) + "deg" : "0");
  }

  function spreadStops() {
    var zoom = map.getZoom();
    var shown = allStops.filter(function (entry) { return map.hasLayer(entry.layer); });
    var points = shown.map(function (entry) { return map.project(entry.marker.getLatLng(), zoom); });
    var parent = shown.map(function (entry, i) { return i; });
    function root(i) {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]];
      return i;
    }
    for (var i = 0; i < shown.length; i++) {
      for (var j = i + 1; j < shown.length; j++) {
        if (points[i].distanceTo(points[j]) < SPREAD_PX) parent[root(i)] = root(j);
      }
    }
    // Lay each group out; a fanned-out group may land on a neighbour, so merge and repeat.
    var placed = points.slice();
    for (var round = 0; round < 6; round++) {
      var groups = {};
      shown.forEach(function (entry, i) {
        (groups[root(i)] = groups[root(i)] || []).push(i);
      });
      Object.keys(groups).forEach(function (key) {
        var members = groups[key];
        var k = members.length;
        if (k === 1) {
          placed[members[0]] = points[members[0]];
          return;
        }
        var cx = 0;
        var cy = 0;
        members.forEach(function (m) { cx += points[m].x / k; cy += points[m].y / k; });
        var radius = 15 / Math.sin(Math.PI / k);
        var start = k === 2 ? Math.PI : -Math.PI / 2;
        members.forEach(function (m, n) {
          var angle = start + 2 * Math.PI * n / k;
          placed[m] = L.point(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        });
      });
      var merged = false;
      for (var a = 0; a < shown.length; a++) {
        for (var b = a + 1; b < shown.length; b++) {
          if (root(a) !== root(b) && placed[a].distanceTo(placed[b]) < SPREAD_PX) {
            parent[root(a)] = root(b);
            merged = true;
          }
        }
      }
      if (!merged) break;
    }
    shown.forEach(function (entry, m) {
      setOffset(entry, placed[m].x - points[m].x, placed[m].y - points[m].y);
    });
  }

  // The zoom at which a stop stands clear of its neighbours (towns a few km apart): 5 to 10.
  function clearZoom(entry) {
    var zoom = map.getZoom();
    var here = map.project(entry.marker.getLatLng(), zoom);
    var nearest = Infinity;
    allStops.forEach(function (other) {
      if (other === entry || !map.hasLayer(other.layer)) return;
      var distance = here.distanceTo(map.project(other.marker.getLatLng(), zoom));
      if (distance > 0.5 && distance < nearest) nearest = distance;
    });
    // Room for the badge and a fanned-out neighbour's badge beside it.
    var needed = nearest < 3 * SPREAD_PX ? Math.ceil(Math.log2(3 * SPREAD_PX / nearest)) : 0;
    return Math.min(Math.max(zoom + needed, 5), Math.max(zoom, 10));
  }

  map.on("zoomend", function () {
    regroupMentions();
    updateArrows();
    spreadStops();
  });
  map.on("overlayadd overlayremove", spreadStops);

  /* --- first view ------------------------------------------------------------------------ */
  setPanel(!NARROW);
  sizePopups();
  setCurrent(-1);
  // Open on the primary route (its far-off planned stops left out by the renderer); the other
  // routes are a click away in the panel. Keep the stops clear of the open legend.
  var bounds = data.focus
    ? L.latLngBounds([data.focus[0], data.focus[1]], [data.focus[2], data.focus[3]])
    : (routeBounds.isValid() ? routeBounds : mentionBounds);
  if (bounds.isValid()) {
    var padded = bounds.pad(0.1);
    var legendBox = legend.getContainer();
    var right = 40;
    if (legendBox && legendBox.hasAttribute("open")) {
      // Room for the open legend, unless that costs a zoom level: then fold the legend away.
      var besideLegend = Math.min(legendBox.offsetWidth + 24, map.getSize().x / 3);
      if (map.getBoundsZoom(padded, false, L.point(48 + besideLegend, 80)) >=
          map.getBoundsZoom(padded, false, L.point(48 + right, 80))) {
        right = besideLegend;
      } else {
        legendBox.removeAttribute("open");
      }
    }
    map.fitBounds(padded, {
      paddingTopLeft: [48, 40],
      paddingBottomRight: [right, 40],
      maxZoom: 8,
      animate: false
    });
  } else {
    map.setView([20, 0], 2, { animate: false });
  }
  regroupMentions();
  updateArrows();
  spreadStops();
  document.documentElement.setAttribute("data-geomap-ready", "1");
}
