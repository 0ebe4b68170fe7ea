// uismoke runs the UI's app.js in Node against a running server, with a
// minimal DOM of its own (no dependencies), visits every view and prints
// each view's text, one "== #/route" block per view. It fails when a view
// shows an error or when a script sets markup.
//
//	node uismoke.js http://127.0.0.1:PORT/ ROUTE...
"use strict";
const fs = require("fs");
const path = require("path");

const base = process.argv[2];
const routes = process.argv.slice(3);

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
const realFetch = global.fetch;
global.fetch = (u, opts) => realFetch(new URL(u, base).href, opts);

eval(fs.readFileSync(path.join(__dirname, "..", "static", "app.js"), "utf8")); // the script under test, as a browser would run it

// rendered waits until the view has rendered: it sets main's aria-busy to
// "false" then (a view renders its frame first and fills it when its data
// arrive, so the text alone does not tell).
async function rendered(r) {
  for (let i = 0; i < 1500 && main.getAttribute("aria-busy") !== "false"; i++) await new Promise((res) => setTimeout(res, 20));
  if (main.getAttribute("aria-busy") !== "false") throw new Error(r + ": not rendered in 30 s");
}

(async () => {
  await rendered("the first view");
  let failed = false;
  for (const r of routes) {
    location.hash = r;
    winListeners.hashchange();
    await rendered(r);
    const out = main.textContent.replace(/\n+/g, "\n").trim();
    console.log("== " + r + "\n" + out);
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
