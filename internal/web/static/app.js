// eventwire web UI: plain JavaScript, no framework, nothing from other
// origins. Every piece of text that comes from the store is put into the
// page as a text node (el() and textContent); nothing here parses markup.
"use strict";

(function () {
  const main = document.getElementById("main");
  const SVG = "http://www.w3.org/2000/svg";
  const QUADS = ["No class", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];
  const FILTERS = [
    ["actor", "Actor (either side)", "RUS"], ["source", "Source", ""], ["target", "Target", ""],
    ["code", "CAMEO code", "19"], ["plover", "PLOVER", "ASSAULT"],
    ["from", "From", "YYYY-MM-DD"], ["to", "To", "YYYY-MM-DD"], ["text", "Words", ""],
  ];

  // el builds an element: attrs are set as attributes (never event
  // handlers or styles), children are nodes or strings (as text).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (/^on/i.test(k) || k === "style") throw new Error("refusing attribute " + k);
      e.setAttribute(k, v === true ? "" : String(v));
    }
  }
  function append(e, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
  }
  // safeURL keeps only http(s) links out of the store.
  function safeURL(u) {
    try {
      const p = new URL(u);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (_) {
      return null;
    }
  }
  function outLink(u, label) {
    const href = safeURL(u);
    if (!href) return el("span", { class: "code" }, label || u);
    return el("a", { href: href, rel: "noopener noreferrer nofollow", target: "_blank" }, label || u);
  }

  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
    const qs = q.toString();
    const res = await fetch("api/" + path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await res.json();
    } catch (_) {
      /* not JSON */
    }
    if (!res.ok) throw new Error((body && body.error) || res.status + " " + res.statusText);
    return body;
  }

  function render(title, ...children) {
    document.title = title + " · eventwire";
    main.replaceChildren();
    append(main, [el("h1", null, title), children]);
  }
  function showError(err) {
    main.appendChild(el("p", { class: "error", role: "alert" }, String(err.message || err)));
  }

  // route reads location.hash: "#/view/arg?query".
  function route() {
    const h = location.hash.replace(/^#/, "") || "/";
    const [path, query] = h.split("?");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    return { view: parts[0] || "events", arg: parts[1] || "", params: Object.fromEntries(new URLSearchParams(query || "")) };
  }
  function hashFor(view, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
    const qs = q.toString();
    return "#/" + view + (qs ? "?" + qs : "");
  }

  function filterForm(view, params, extra) {
    const form = el("form", { class: "filters", role: "search" });
    for (const [name, label, ph] of FILTERS) {
      const type = name === "from" || name === "to" ? "date" : "text";
      form.appendChild(el("label", null, label,
        el("input", { name: name, type: type, value: params[name] || "", placeholder: ph || null, autocomplete: "off", maxlength: name === "text" ? 200 : 32 })));
    }
    if (extra) form.appendChild(extra);
    form.appendChild(el("button", { type: "submit" }, "Filter"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const p = {};
      for (const [k, v] of new FormData(form).entries()) if (v) p[k] = String(v).trim();
      location.hash = hashFor(view, p);
    });
    return form;
  }
  function filtersOf(params) {
    const f = {};
    for (const [name] of FILTERS) if (params[name]) f[name] = params[name];
    return f;
  }

  function actorLink(code, text) {
    if (!code) return el("span", { class: "muted" }, text || "–");
    return el("span", null, el("a", { href: "#/actor/" + encodeURIComponent(code), class: "code" }, code), text ? " " + text : "");
  }

  // Events: the filterable list, paged by cursor with a "More" button.
  async function viewEvents(r) {
    const merged = r.params.merged === "true";
    const mergedBox = el("label", { class: "check" }, el("input", { type: "checkbox", name: "merged", value: "true", checked: merged }), "One row per merged event");
    const tbody = el("tbody");
    const head = merged
      ? ["Dates", "CAMEO", "Source", "Target", "Articles", "Sources", "Best report"]
      : ["Date", "CAMEO", "PLOVER", "Source", "Target", "Article"];
    const more = el("button", { type: "button", class: "secondary", hidden: true }, "More");
    const count = el("p", { class: "muted", "aria-live": "polite" });
    render(merged ? "Merged events" : "Events", filterForm("events", r.params, mergedBox), count,
      el("div", { class: "table-wrap" }, el("table", null, el("thead", null, el("tr", null, head.map((h, i) => el("th", { scope: "col", class: i === head.length - 1 ? "wide" : null }, h)))), tbody)), more);
    let next = null, n = 0;
    async function load() {
      const q = Object.assign(filtersOf(r.params), { limit: 100 });
      if (next) q.after = next;
      const page = await api(merged ? "events/merged" : "events", q);
      for (const x of page.events) tbody.appendChild(merged ? mergedRow(x) : eventRow(x));
      n += page.events.length;
      next = page.next;
      more.hidden = !next;
      count.textContent = n + (next ? "+" : "") + (merged ? " merged events" : " events");
    }
    more.addEventListener("click", () => load().catch(showError));
    await load();
  }
  function eventRow(x) {
    const e = x.event;
    return el("tr", null,
      el("td", { class: "date" }, el("a", { href: "#/event/" + x.id }, (e.date || "").slice(0, 10) || "undated")),
      el("td", { class: "code" }, e.cameo), el("td", null, e.plover || "–"),
      el("td", null, actorLink(e.source.code)), el("td", null, actorLink(e.target.code)),
      el("td", { class: "wide" }, el("a", { href: "#/article/" + x.story_id }, x.title || x.url)));
  }
  function mergedRow(m) {
    const dates = m.first_date === m.last_date ? m.first_date : m.first_date + " – " + m.last_date;
    return el("tr", null,
      el("td", null, el("a", { href: "#/merged/" + m.id }, dates || "undated")),
      el("td", { class: "code" }, m.cameo), el("td", null, actorLink(m.source)), el("td", null, actorLink(m.target)),
      el("td", { class: "num" }, m.articles), el("td", { class: "num" }, m.sources),
      el("td", { class: "wide" }, el("a", { href: "#/article/" + m.best.story_id }, m.best.title || m.best.url)));
  }

  // sentence shows segments with the event's source, verb and target
  // marked, as text.
  function sentence(segs) {
    const p = el("p", { class: "sentence" });
    if (!segs || !segs.length) return el("p", { class: "muted" }, "(no sentence stored)");
    for (const s of segs) {
      p.appendChild(s.role ? el("mark", { class: s.role, title: s.role }, s.text) : document.createTextNode(s.text));
    }
    return p;
  }
  function legend() {
    return el("ul", { class: "legend", "aria-label": "Highlighting" },
      el("li", null, el("mark", { class: "source" }, "source")), el("li", null, el("mark", { class: "verb" }, "verb")),
      el("li", null, el("mark", { class: "target" }, "target")));
  }
  function eventMeta(e) {
    return el("dl", { class: "meta" },
      el("dt", null, "Date"), el("dd", null, e.date || "unknown"),
      el("dt", null, "CAMEO"), el("dd", { class: "code" }, e.cameo),
      el("dt", null, "PLOVER"), el("dd", null, e.plover || "–"),
      el("dt", null, "Quad class"), el("dd", null, QUADS[e.quad_class] || String(e.quad_class)),
      el("dt", null, "Goldstein"), el("dd", null, String(e.goldstein)),
      el("dt", null, "Source"), el("dd", null, actorLink(e.source.code, e.source.text ? "(" + e.source.text + ")" : "")),
      el("dt", null, "Target"), el("dd", null, actorLink(e.target.code, e.target.text ? "(" + e.target.text + ")" : "")),
      e.location ? [el("dt", null, "Place"), el("dd", null, el("a", { href: hashFor("map", { place: placeKey(e.location) }) }, placeLabel(e.location)),
        e.location.how ? el("span", { class: "muted" }, " (from the " + e.location.how + ")") : null)] : null,
      el("dt", null, "Pattern"), el("dd", { class: "code" }, e.pattern || "–"),
      el("dt", null, "Confidence"), el("dd", null, String(e.confidence)),
      e.negated ? [el("dt", null, "Negated"), el("dd", null, "yes")] : null);
  }
  function mentionBlock(m) {
    return el("section", null,
      el("h2", null, el("a", { href: "#/article/" + m.story_id }, m.title || m.url)),
      el("p", { class: "muted" }, m.published || "", " · ", outLink(m.url), " · ", el("a", { href: "#/event/" + m.id }, "event " + m.id)),
      sentence(m.sentence));
  }

  async function viewEvent(r) {
    const m = await api("events/" + encodeURIComponent(r.arg));
    const e = m.event;
    render(e.cameo + " " + (e.source.code || "?") + " → " + (e.target.code || "?"), eventMeta(e), legend(), mentionBlock(m));
  }

  async function viewMerged(r) {
    const me = await api("events/merged/" + encodeURIComponent(r.arg));
    render("Merged event " + me.id + ": " + me.cameo + " " + me.source + " → " + me.target,
      el("dl", { class: "meta" },
        el("dt", null, "Dates"), el("dd", null, me.first_date + (me.last_date !== me.first_date ? " – " + me.last_date : "")),
        el("dt", null, "Articles"), el("dd", null, String(me.articles)),
        el("dt", null, "Independent sources"), el("dd", null, String(me.sources)),
        el("dt", null, "Confidence"), el("dd", null, String(me.confidence)),
        el("dt", null, "Source"), el("dd", null, actorLink(me.source)),
        el("dt", null, "Target"), el("dd", null, actorLink(me.target))),
      legend(), el("h2", null, me.mentions.length + " mentions"), me.mentions.map(mentionBlock));
  }

  async function viewArticle(r) {
    const a = await api("articles/" + encodeURIComponent(r.arg));
    render(a.title || a.url,
      el("p", { class: "muted" }, [a.published, a.byline, a.dateline, a.credits.join(", ")].filter(Boolean).join(" · "), " · ", outLink(a.url, "original")),
      el("h2", null, a.events.length + " events"), legend(),
      a.events.map((e) => el("div", null,
        el("p", null, el("span", { class: "code" }, e.cameo), " ", actorLink(e.source.code), " → ", actorLink(e.target.code), " ", el("span", { class: "muted" }, e.date || "")),
        sentence(e.sentence_text))),
      a.places.length ? [el("h2", null, "Places"), el("ul", null, a.places.map((p) => el("li", null,
        p.geonameid ? el("a", { href: "#/place/" + encodeURIComponent(p.geonameid) }, p.name || p.text) : p.name || p.text,
        p.country ? " (" + p.country + ")" : "", " ", el("span", { class: "muted" }, Number(p.lat).toFixed(2) + ", " + Number(p.lon).toFixed(2)))))] : null,
      el("h2", null, "Text"),
      el("article", null, a.paragraphs.map((p) => el("p", null, p))));
  }

  async function viewArticles(r) {
    const form = el("form", { class: "filters", role: "search" },
      el("label", null, "Words", el("input", { name: "text", type: "search", value: r.params.text || "", maxlength: 200 })),
      el("button", { type: "submit" }, "Search"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      location.hash = hashFor("articles", { text: new FormData(form).get("text") });
    });
    const list = el("ol");
    const more = el("button", { type: "button", class: "secondary", hidden: true }, "More");
    render("Articles", form, list, more);
    let next = null;
    async function load() {
      const page = await api("articles", { text: r.params.text || "", after: next, limit: 50 });
      for (const a of page.articles) {
        list.appendChild(el("li", null, el("a", { href: "#/article/" + a.id }, a.title || a.url), " ",
          el("span", { class: "muted" }, a.published || ""), a.snippet ? el("div", { class: "muted" }, a.snippet) : null));
      }
      next = page.next;
      more.hidden = !next;
    }
    more.addEventListener("click", () => load().catch(showError));
    await load();
  }

  // Timeline: events per day, stacked by quad class, as SVG bars.
  async function viewTimeline(r) {
    const holder = el("div");
    render("Timeline", filterForm("timeline", r.params), holder);
    const t = await api("timeline", filtersOf(r.params));
    const days = t.days;
    if (!days.length) {
      holder.appendChild(el("p", { class: "muted" }, "No dated events."));
      return;
    }
    const W = 900, H = 320, L = 40, B = 40, T = 10;
    const total = (d) => d.counts.reduce((a, b) => a + b, 0);
    const maxN = Math.max(...days.map(total));
    const bw = (W - L - 10) / days.length;
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Events per day from " + days[0].day + " to " + days[days.length - 1].day + ", at most " + maxN + " a day" });
    chart.appendChild(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - 10, y2: H - B }));
    chart.appendChild(svg("text", { x: L - 4, y: T + 8, "text-anchor": "end" }, String(maxN)));
    chart.appendChild(svg("text", { x: L - 4, y: H - B, "text-anchor": "end" }, "0"));
    chart.appendChild(svg("text", { x: L, y: H - B + 16 }, days[0].day));
    chart.appendChild(svg("text", { x: W - 10, y: H - B + 16, "text-anchor": "end" }, days[days.length - 1].day));
    days.forEach((d, i) => {
      const g = svg("g", null, svg("title", null, d.day + ": " + d.counts.map((n, q) => n ? QUADS[q] + " " + n : "").filter(Boolean).join(", ")));
      let y = H - B;
      for (const q of [1, 2, 3, 4, 0]) {
        const h = (d.counts[q] / maxN) * (H - B - T);
        if (h <= 0) continue;
        y -= h;
        g.appendChild(svg("rect", { class: "q" + q, x: (L + i * bw).toFixed(2), y: y.toFixed(2), width: Math.max(bw - 1, 0.8).toFixed(2), height: h.toFixed(2) }));
      }
      chart.appendChild(g);
    });
    const rows = days.map((d) => el("tr", null, el("td", null, el("a", { href: hashFor("events", Object.assign(filtersOf(r.params), { from: d.day, to: d.day })) }, d.day)),
      [1, 2, 3, 4, 0].map((q) => el("td", { class: "num" }, d.counts[q])), el("td", { class: "num" }, total(d))));
    holder.append(
      el("ul", { class: "legend" }, [1, 2, 3, 4, 0].map((q) => el("li", null, el("span", { class: "swatch q" + q }), QUADS[q]))),
      chart,
      el("details", null, el("summary", null, "The counts as a table"),
        el("div", { class: "table-wrap" }, el("table", null,
          el("thead", null, el("tr", null, el("th", { scope: "col" }, "Day"), [1, 2, 3, 4, 0].map((q) => el("th", { scope: "col" }, QUADS[q])), el("th", { scope: "col" }, "All"))),
          el("tbody", null, rows)))));
  }

  // Actors: who acts on whom, the most active actors on a circle, edges
  // as wide as their count of events.
  async function viewActors(r) {
    const holder = el("div");
    render("Actor network", filterForm("actors", r.params), holder);
    const net = await api("actors", Object.assign(filtersOf(r.params), { limit: 60 }));
    if (!net.links.length) {
      holder.appendChild(el("p", { class: "muted" }, "No events with both actors coded."));
      return;
    }
    const top = net.actors.slice(0, 24).map((a) => a.code);
    const pos = {};
    const W = 640, C = W / 2, R = W / 2 - 90;
    top.forEach((c, i) => {
      const a = (2 * Math.PI * i) / top.length - Math.PI / 2;
      pos[c] = [C + R * Math.cos(a), C + R * Math.sin(a), a];
    });
    const links = net.links.filter((l) => pos[l.source] && pos[l.target] && l.source !== l.target);
    const maxW = Math.max(1, ...links.map((l) => l.events));
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + W, role: "img", "aria-label": "Who acts on whom among the " + top.length + " most active actors" });
    chart.appendChild(svg("defs", null, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#7a8899" }))));
    for (const l of links) {
      const [x1, y1] = pos[l.source], [x2, y2] = pos[l.target];
      // A curve bent to the right of the direction, so A→B and B→A part.
      const mx = (x1 + x2) / 2 + (y2 - y1) * 0.12, my = (y1 + y2) / 2 - (x2 - x1) * 0.12;
      chart.appendChild(svg("path", { class: "edge", d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`, "stroke-width": (1 + 7 * (l.events / maxW)).toFixed(2), "marker-end": "url(#arrow)" },
        svg("title", null, l.source + " → " + l.target + ": " + l.events + " events")));
    }
    for (const c of top) {
      const [x, y, a] = pos[c];
      const right = Math.cos(a) >= 0;
      chart.appendChild(svg("a", { href: "#/actor/" + encodeURIComponent(c) },
        svg("circle", { class: "node", cx: x.toFixed(1), cy: y.toFixed(1), r: 6 }),
        svg("text", { x: (x + (right ? 10 : -10)).toFixed(1), y: (y + 4).toFixed(1), "text-anchor": right ? "start" : "end" }, c)));
    }
    holder.append(chart,
      el("h2", null, "Actors"),
      el("div", { class: "table-wrap" }, el("table", null,
        el("thead", null, el("tr", null, ["Actor", "As source", "As target"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", null, net.actors.map((a) => el("tr", null, el("td", null, actorLink(a.code)), el("td", { class: "num" }, a.as_source), el("td", { class: "num" }, a.as_target)))))),
      el("h2", null, "Links"),
      el("div", { class: "table-wrap" }, el("table", null,
        el("thead", null, el("tr", null, ["Source", "Target", "Events"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", null, net.links.map((l) => el("tr", null, el("td", null, actorLink(l.source)), el("td", null, actorLink(l.target)),
          el("td", { class: "num" }, el("a", { href: hashFor("events", { source: l.source, target: l.target }) }, l.events))))))));
  }

  async function viewActor(r) {
    const a = await api("actors/" + encodeURIComponent(r.arg));
    render("Actor " + a.code,
      el("p", null, a.as_source + " events as source, " + a.as_target + " as target (codes starting with " + a.code + ") · ",
        el("a", { href: hashFor("events", { actor: a.code }) }, "all its events"), " · ",
        el("a", { href: hashFor("timeline", { actor: a.code }) }, "timeline"), " · ",
        el("a", { href: hashFor("actors", { actor: a.code }) }, "network")),
      el("h2", null, "Partners"),
      el("div", { class: "table-wrap" }, el("table", null,
        el("thead", null, el("tr", null, ["Source", "Target", "Events"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", null, a.links.slice(0, 50).map((l) => el("tr", null, el("td", null, actorLink(l.source)), el("td", null, actorLink(l.target)), el("td", { class: "num" }, l.events)))))),
      el("h2", null, "First events"),
      el("div", { class: "table-wrap" }, el("table", null, el("tbody", null, a.events.map(eventRow)))));
  }

  async function viewPlace(r) {
    const d = await api("places/" + encodeURIComponent(r.arg));
    const p = d.place;
    render(p.name || p.text,
      el("dl", { class: "meta" },
        el("dt", null, "Country"), el("dd", null, p.country || "–"),
        p.admin1 ? [el("dt", null, "Region"), el("dd", null, p.admin1)] : null,
        el("dt", null, "Coordinates"), el("dd", null, Number(p.lat).toFixed(4) + ", " + Number(p.lon).toFixed(4)),
        el("dt", null, "GeoNames ID"), el("dd", null, String(p.geonameid))),
      el("p", null, el("a", { href: hashFor("map", { place: String(p.geonameid) }) }, "Events located here, on the map")),
      el("h2", null, d.articles.length + " articles mention it"),
      el("ol", null, d.articles.map((a) => el("li", null, el("a", { href: "#/article/" + a.id }, a.title || a.url), " ",
        el("span", { class: "muted" }, a.published || "")))));
  }

  // Map: where events took place. The countries are Natural Earth's
  // (static/map, fetched once), drawn with an equirectangular projection
  // cropped to 84°N-60°S; every place that events are located at is a
  // circle whose area grows with its count of events, a link that
  // narrows the list under the map to that place.
  const MAP_W = 1000, MAP_N = 84, MAP_S = -60, MAP_H = ((MAP_N - MAP_S) * MAP_W) / 360;
  const MAP_EVENTS = 2000; // events read for the map at most
  const MAP_ROWS = 200; // events listed under it at most
  const mapX = (lon) => ((lon + 180) * MAP_W) / 360;
  const mapY = (lat) => ((MAP_N - lat) * MAP_W) / 360;
  let countries = null; // [{name, d}], once loaded
  let mapData = null; // {key, located, read, capped}: the last events read, kept while the map view stays

  // loadCountries decodes the TopoJSON file into one SVG path per country:
  // arcs are delta-encoded on a quantized grid, and a ring lists arcs by
  // index, ~i for arc i reversed.
  async function loadCountries() {
    if (countries) return countries;
    const res = await fetch("map/countries-110m.json");
    if (!res.ok) throw new Error("map: " + res.status + " " + res.statusText);
    const topo = await res.json();
    const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
    const arcs = topo.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => {
        x += dx;
        y += dy;
        return [x * sx + tx, y * sy + ty];
      });
    });
    const path = (pts) => "M" + pts.map(([lon, lat]) => mapX(lon).toFixed(1) + "," + mapY(lat).toFixed(1)).join("L") + "Z";
    // A ring that crosses the antimeridian (Russia's east, Fiji) jumps
    // from 180° to -180°: it is unwrapped into one continuous ring and
    // drawn again 360° over, so each side of the map shows its part.
    const ring = (r) => {
      const pts = [];
      for (const i of r) {
        const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
        pts.push(...(pts.length ? a.slice(1) : a));
      }
      let shift = 0, prev = null, lo = Infinity, hi = -Infinity;
      const un = pts.map(([lon, lat]) => {
        if (prev !== null && Math.abs(lon + shift - prev) > 180) shift += lon + shift > prev ? -360 : 360;
        prev = lon + shift;
        lo = Math.min(lo, prev);
        hi = Math.max(hi, prev);
        return [prev, lat];
      });
      return path(un) + (hi > 180 ? path(un.map(([l, a]) => [l - 360, a])) : "") + (lo < -180 ? path(un.map(([l, a]) => [l + 360, a])) : "");
    };
    countries = topo.objects.countries.geometries.map((g) => {
      const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      return { name: (g.properties && g.properties.name) || "", d: polys.map((p) => p.map(ring).join("")).join("") };
    });
    return countries;
  }

  // mapEvents reads the events of the filters, up to MAP_EVENTS, and
  // groups those with a location by place, most events first.
  async function mapEvents(filters) {
    const key = JSON.stringify(filters);
    if (mapData && mapData.key === key) return mapData;
    const byPlace = new Map();
    let read = 0, next = null;
    do {
      const q = Object.assign({}, filters, { limit: 500 });
      if (next) q.after = next;
      const page = await api("events", q);
      read += page.events.length;
      next = page.next;
      for (const x of page.events) {
        const l = x.event.location;
        if (!l || !isFinite(l.lat) || !isFinite(l.lon)) continue;
        const id = placeKey(l);
        let p = byPlace.get(id);
        if (!p) byPlace.set(id, (p = { id: id, geonameid: l.geonameid, name: l.name, country: l.country, lat: l.lat, lon: l.lon, events: [] }));
        p.events.push(x);
      }
    } while (next && read < MAP_EVENTS);
    const located = [...byPlace.values()].sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name));
    mapData = { key: key, located: located, read: read, capped: !!next };
    return mapData;
  }

  // mapView returns the viewBox that shows every place with a margin, at
  // least minW wide, in the map's proportions.
  function mapView(places, minW) {
    if (!places.length) return [0, 0, MAP_W, MAP_H];
    const xs = places.map((p) => mapX(p.lon)), ys = places.map((p) => mapY(p.lat));
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    let w = Math.max((x1 - x0) * 1.25, minW), h = Math.max((y1 - y0) * 1.25, (w * MAP_H) / MAP_W);
    w = Math.max(w, (h * MAP_W) / MAP_H);
    if (w >= MAP_W) return [0, 0, MAP_W, MAP_H];
    h = (w * MAP_H) / MAP_W;
    const x = Math.min(Math.max((x0 + x1) / 2 - w / 2, 0), MAP_W - w), y = Math.min(Math.max((y0 + y1) / 2 - h / 2, 0), MAP_H - h);
    return [x, y, w, h];
  }

  // placeKey names a location in the map's hash: its GeoNames ID, else
  // its point.
  function placeKey(l) {
    return l.geonameid ? String(l.geonameid) : Number(l.lat).toFixed(3) + "," + Number(l.lon).toFixed(3);
  }
  function placeLabel(p) {
    return (p.name || "?") + (p.country ? " (" + p.country + ")" : "");
  }

  async function viewMap(r) {
    const filters = filtersOf(r.params);
    const holder = el("div");
    render("Map", filterForm("map", r.params), holder);
    const [world, data] = await Promise.all([loadCountries(), mapEvents(filters)]);
    const places = data.located;
    const chosen = places.find((p) => p.id === r.params.place) || null;
    const nLocated = places.reduce((n, p) => n + p.events.length, 0);
    const count = el("p", { class: "muted", "aria-live": "polite" }, data.read + (data.capped ? "+" : "") + " events, " + nLocated + " with a location, at " + places.length + " places",
      data.capped ? " (the map shows the first " + data.read + "; narrow the filters to see the others)" : "");
    if (!places.length) {
      append(holder, [count, el("p", { class: "muted" }, "None of these events has a location.")]);
      return null;
    }
    // The map fits every place, or, once one is chosen, the region around
    // it, where its neighbours stand apart (on a phone too). Markers are
    // drawn largest first and tabbed to in that order; only those in view
    // are drawn, the table below lists them all.
    const [vx, vy, vw, vh] = chosen ? mapView([chosen], MAP_W / 4) : mapView(places, MAP_W / 6);
    const inView = (p) => { const x = mapX(p.lon), y = mapY(p.lat); return x >= vx && x <= vx + vw && y >= vy && y <= vy + vh; };
    // Circles are sized in pixels of the map as drawn, smaller on a narrow
    // screen, and converted to the units of the viewBox.
    const px = Math.max(Number(main.clientWidth) || 900, 200);
    const unit = vw / px, scale = Math.min(1, Math.max(0.6, px / 800));
    const maxN = Math.max(1, ...places.map((p) => p.events.length));
    const chart = svg("svg", { class: "map", viewBox: [vx, vy, vw, vh].map((v) => v.toFixed(1)).join(" "), role: "group",
      "aria-label": "Map of the " + places.length + " places where " + nLocated + " of these events took place" });
    chart.appendChild(svg("rect", { class: "sea", x: 0, y: 0, width: MAP_W, height: MAP_H }));
    chart.appendChild(svg("g", { "aria-hidden": "true" }, world.map((c) => svg("path", { class: "land", d: c.d }, svg("title", null, c.name)))));
    for (const p of places.filter(inView)) {
      const rpx = (5 + 11 * Math.sqrt(p.events.length / maxN)) * scale;
      const label = placeLabel(p) + ": " + p.events.length + (p.events.length === 1 ? " event" : " events");
      chart.appendChild(svg("a", { href: hashFor("map", Object.assign({}, filters, { place: p.id })), class: p === chosen ? "marker chosen" : "marker", "aria-label": label },
        svg("title", null, label),
        svg("circle", { cx: mapX(p.lon).toFixed(1), cy: mapY(p.lat).toFixed(1), r: (rpx * unit).toFixed(2) })));
    }
    if (chosen) {
      // A ring over every marker shows the chosen place even where others
      // cover it.
      chart.appendChild(svg("circle", { class: "ring", "aria-hidden": "true", cx: mapX(chosen.lon).toFixed(1), cy: mapY(chosen.lat).toFixed(1), r: (20 * scale * unit).toFixed(2) }));
    }
    const shown = chosen ? chosen.events : places.flatMap((p) => p.events).sort((a, b) => a.id - b.id);
    const heading = el("h2", { tabindex: "-1" }, chosen
      ? chosen.events.length + (chosen.events.length === 1 ? " event at " : " events at ") + placeLabel(chosen)
      : nLocated + " located events");
    append(holder, [
      count,
      el("div", { class: "map-wrap" }, chart),
      r.params.place && !chosen ? el("p", { class: "muted" }, "None of these events is located at the place asked for.") : null,
      heading,
      chosen ? el("p", null, el("a", { href: hashFor("map", filters) }, "All places, the whole map"),
        chosen.geonameid ? [" · ", el("a", { href: "#/place/" + encodeURIComponent(chosen.geonameid) }, "Articles that mention " + (chosen.name || "it"))] : null) : null,
      shown.length > MAP_ROWS ? el("p", { class: "muted" }, "The first " + MAP_ROWS + " of them:") : null,
      el("div", { class: "table-wrap" }, el("table", null,
        el("thead", null, el("tr", null, ["Date", "CAMEO", "PLOVER", "Source", "Target", "Article"].map((h, i) => el("th", { scope: "col", class: i === 5 ? "wide" : null }, h)))),
        el("tbody", null, shown.slice(0, MAP_ROWS).map(eventRow)))),
      el("h2", null, "Places"),
      el("div", { class: "table-wrap" }, el("table", null,
        el("thead", null, el("tr", null, ["Place", "Country", "Events"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", null, places.map((p) => el("tr", null,
          el("td", null, el("a", { href: hashFor("map", Object.assign({}, filters, { place: p.id })) }, p.name || "?")),
          el("td", null, p.country || "–"), el("td", { class: "num" }, p.events.length))))))]);
    // After choosing a place, start at its events.
    return chosen ? heading : null;
  }

  const views = { events: viewEvents, event: viewEvent, merged: viewMerged, article: viewArticle, articles: viewArticles,
    timeline: viewTimeline, actors: viewActors, actor: viewActor, place: viewPlace, map: viewMap };

  let shows = 0; // navigations so far
  async function show() {
    const r = route();
    for (const a of document.querySelectorAll("nav a")) {
      const target = a.getAttribute("href").replace(/^#\//, "").split("?")[0] || "events";
      if (target === r.view) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    const view = views[r.view];
    if (r.view !== "map") mapData = null;
    // aria-busy tells assistive technology (and the tests) that the view
    // is still loading; only the latest navigation clears it.
    const seq = ++shows;
    main.setAttribute("aria-busy", "true");
    try {
      if (!view) {
        render("Not found", el("p", null, "No such page. ", el("a", { href: "#/" }, "Events")));
        return;
      }
      main.replaceChildren(el("p", { class: "muted" }, "Loading…"));
      return await view(r);
    } catch (err) {
      showError(err);
    } finally {
      if (seq === shows) main.setAttribute("aria-busy", "false");
    }
  }
  // The skip link moves focus to the content without touching the hash,
  // which names the view.
  for (const a of document.querySelectorAll("a.skip")) {
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      main.focus();
    });
  }
  // After navigating, focus moves to the new content (or to the element
  // the view names), so keyboard and screen-reader users start there.
  window.addEventListener("hashchange", () => show().then((f) => (f || main).focus()));
  show();
})();
