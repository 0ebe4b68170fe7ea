// uismoke runs the UI's app.js in Node against a running server, with a
// minimal DOM of its own (no dependencies), visits every view and prints
// each view's text, one "== #/route" block per view. It fails when a view
// shows an error or when a script sets markup, and when a view has not
// rendered within BUDGET milliseconds of the start: then it prints what
// the view showed and the requests still waiting for an answer.
//
//	node uismoke.js http://127.0.0.1:PORT/ BUDGET ROUTE...
"use strict";
const fs = require("fs");
const path = require("path");

const base = process.argv[2];
const budget = Number(process.argv[3]);
const routes = process.argv.slice(4);
if (!base || !(budget > 0)) {
  console.error("usage: node uismoke.js BASE-URL BUDGET-MS ROUTE...");
  process.exit(2);
}
const deadline = Date.now() + budget;

class Node_ {
  constructor(tag, ns) {
    this.tagName = tag ? tag.toUpperCase() : "#text";
    this.ns = ns || null;
    this.children = [];
    this.attrs = {};
    this.listeners = {};
    this.parent = null;
    this.data = "";
  }
  get childNodes() { return this.children; }
  appendChild(c) {
    if (c.parent) c.parent.children = c.parent.children.filter((x) => x !== c);
    c.parent = this;
    this.children.push(c);
    return c;
  }
  append(...cs) { for (const c of cs) this.appendChild(typeof c === "string" ? text(c) : c); }
  replaceChildren(...cs) {
    for (const c of this.children) c.parent = null;
    this.children = [];
    this.append(...cs);
  }
  setAttribute(k, v) {
    if (/^on/i.test(k) || k === "style") throw new Error("markup attribute " + k);
    this.attrs[k] = String(v);
  }
  getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
  removeAttribute(k) { delete this.attrs[k]; }
  get hidden() { return "hidden" in this.attrs; }
  set hidden(v) { if (v) this.attrs.hidden = ""; else delete this.attrs.hidden; }
  addEventListener(t, fn) { (this.listeners[t] = this.listeners[t] || []).push(fn); }
  focus() {}
  get textContent() {
    if (this.tagName === "#text") return this.data;
    const block = /^(P|H1|H2|TR|LI|DT|DD|DIV|SECTION|TABLE|UL|OL|DL)$/.test(this.tagName);
    const inner = this.children.map((c) => c.textContent).join(this.tagName === "TR" ? " | " : "");
    return block ? "\n" + inner : inner;
  }
  set textContent(v) {
    this.children = [];
    this.appendChild(text(String(v)));
  }
  set innerHTML(_) { throw new Error("innerHTML set"); }
  all() { return [this, ...this.children.flatMap((c) => c.all())]; }
}
function text(s) {
  const n = new Node_(null);
  n.data = s;
  return n;
}

const main = new Node_("main");
const nav = new Node_("nav");
for (const h of ["#/", "#/timeline", "#/actors", "#/map", "#/articles", "api/openapi.json"]) {
  const a = new Node_("a");
  a.attrs.href = h;
  nav.appendChild(a);
}
const winListeners = {};
global.document = {
  title: "",
  getElementById: (id) => (id === "main" ? main : null),
  createElement: (t) => new Node_(t),
  createElementNS: (ns, t) => new Node_(t, ns),
  createTextNode: text,
  querySelectorAll: (sel) => (sel === "nav a" ? nav.children : []),
};
global.location = { hash: "" };
global.window = { addEventListener: (t, fn) => (winListeners[t] = fn) };
// fetch goes to the server; the requests not yet answered are kept, to
// show what a view that does not render is waiting for.
const realFetch = global.fetch;
const pending = new Map(); // request number → URL
let requests = 0;
global.fetch = async (u, opts) => {
  const href = new URL(u, base).href;
  const n = ++requests;
  pending.set(n, href);
  try {
    return await realFetch(href, opts);
  } finally {
    pending.delete(n);
  }
};

// Whoever waits for the view is told when main's aria-busy changes, so the
// wait is for that change, not for a number of timer ticks.
const busyWaiters = new Set();
const setAttr = main.setAttribute.bind(main);
main.setAttribute = (k, v) => {
  setAttr(k, v);
  if (k === "aria-busy") for (const w of [...busyWaiters]) w();
};

eval(fs.readFileSync(path.join(__dirname, "..", "static", "app.js"), "utf8")); // the script under test, as a browser would run it

function shown() {
  return main.textContent.replace(/\n+/g, "\n").trim();
}

// rendered waits until the view has rendered: it sets main's aria-busy to
// "false" then (a view renders its frame first and fills it when its data
// arrive, so the text alone does not tell). Past the deadline it fails
// with what the view shows and what it waits for.
function rendered(r) {
  const done = () => main.getAttribute("aria-busy") === "false";
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      busyWaiters.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      busyWaiters.delete(check);
      reject(new Error(r + ": not rendered " + budget + " ms after the start (aria-busy=" + main.getAttribute("aria-busy") +
        "); requests without an answer: " + ([...pending.values()].join(", ") || "none") + "; the view shows:\n" + shown()));
    }, Math.max(0, deadline - Date.now()));
    busyWaiters.add(check);
  });
}

(async () => {
  await rendered("the first view");
  let failed = false;
  for (const r of routes) {
    location.hash = r;
    winListeners.hashchange();
    await rendered(r);
    console.log("== " + r + "\n" + shown());
    if (main.all().some((n) => n.attrs.class === "error")) {
      console.log("!! error shown on " + r);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
