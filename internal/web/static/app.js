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
      el("td", null, el("a", { href: "#/event/" + x.id }, (e.date || "").slice(0, 10) || "undated")),
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
      el("h2", null, d.articles.length + " articles mention it"),
      el("ol", null, d.articles.map((a) => el("li", null, el("a", { href: "#/article/" + a.id }, a.title || a.url), " ",
        el("span", { class: "muted" }, a.published || "")))));
  }

  function viewMap() {
    render("Map", el("p", null, "A map of event locations comes when events carry their places (issue #8). ",
      el("a", { href: "#/" }, "Back to the events.")));
  }

  const views = { events: viewEvents, event: viewEvent, merged: viewMerged, article: viewArticle, articles: viewArticles,
    timeline: viewTimeline, actors: viewActors, actor: viewActor, place: viewPlace, map: viewMap };

  async function show() {
    const r = route();
    for (const a of document.querySelectorAll("nav a")) {
      const target = a.getAttribute("href").replace(/^#\//, "").split("?")[0] || "events";
      if (target === r.view) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    const view = views[r.view];
    try {
      if (!view) {
        render("Not found", el("p", null, "No such page. ", el("a", { href: "#/" }, "Events")));
        return;
      }
      main.replaceChildren(el("p", { class: "muted" }, "Loading…"));
      await view(r);
    } catch (err) {
      showError(err);
    }
  }
  // After navigating, focus moves to the new content, so keyboard and
  // screen-reader users start there.
  window.addEventListener("hashchange", () => show().then(() => main.focus()));
  show();
})();
