/*
 * The city directory's map: a dot per city and a line per partnership, drawn with Leaflet
 * (website/static/vendor/leaflet/) from the directory's GeoJSON, which honours the same
 * filters as the list. The list below the map is complete without it.
 *
 * The container says where things are through data attributes (no inline script):
 *   data-geojson-url        the GeoJSON of the filtered cities and their partnerships
 *   data-tile-url           the tile server (settings.MAP_TILE_URL); empty: draw no tiles
 *   data-tile-attribution   the tile server's attribution
 *   data-label-*            interface words in the page's language
 */
(function () {
  "use strict";

  var container = document.getElementById("city-map");
  if (!container || !window.L || !window.fetch) {
    return;
  }

  function link(url, text) {
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.textContent = text;
    return anchor;
  }

  function popupFor(feature) {
    var props = feature.properties || {};
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.appendChild(link(props.url, props.name));
    box.appendChild(title);
    var detail = document.createElement("div");
    if (props.kind === "city") {
      var words = [props.country];
      if (props.population) {
        words.push(
          (container.dataset.labelPopulation || "Population") + ": " +
          Number(props.population).toLocaleString(document.documentElement.lang || undefined)
        );
      }
      detail.textContent = words.join(" · ");
    } else {
      detail.textContent = container.dataset.labelPartnership || "Partnership";
    }
    box.appendChild(detail);
    return box;
  }

  function draw(data) {
    container.textContent = "";
    container.classList.add("is-active");
    var map = L.map(container, {
      scrollWheelZoom: false,
      worldCopyJump: true,
      minZoom: 1,
      maxZoom: 12
    });
    var tiles = container.dataset.tileUrl;
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: 18,
        attribution: container.dataset.tileAttribution || ""
      }).addTo(map);
    } else {
      container.classList.add("no-tiles");
    }

    var lines = L.geoJSON(
      { type: "FeatureCollection", features: data.features.filter(function (f) { return f.properties.kind === "partnership"; }) },
      {
        style: function () {
          return { className: "map-partnership", weight: 2, opacity: 0.8 };
        },
        onEachFeature: function (feature, layer) {
          layer.bindPopup(popupFor(feature));
        }
      }
    ).addTo(map);

    var dots = L.geoJSON(
      { type: "FeatureCollection", features: data.features.filter(function (f) { return f.properties.kind === "city"; }) },
      {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { className: "map-city", radius: 6, weight: 1, fillOpacity: 0.9 });
        },
        onEachFeature: function (feature, layer) {
          layer.bindPopup(popupFor(feature));
          layer.bindTooltip(feature.properties.name);
        }
      }
    ).addTo(map);

    var bounds = dots.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds.pad(0.2), { maxZoom: 6 });
    } else {
      map.setView([20, 0], 1);
    }
    return lines;
  }

  fetch(container.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function () {
      container.classList.add("map-failed");
    });
})();
