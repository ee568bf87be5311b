// A stand-in for the browser, enough for a list page's inline scripts to run to the end.
// It holds no CMS function: pagers (createPageHTML and its kin) come from the page and the
// scripts it loads. What the scripts would write, navigate to or request is recorded in
// __rec; nothing leaves the engine (QuickJS here has no network, file or module access).
// `__page` is set before this file runs: {url, location, forms, title}.
var __rec = { written: [], navigations: [], requests: [], errors: [] };
var __label = "";
var __queue = [];
var __created = [];

function __s(v) { return v === undefined || v === null ? "" : String(v); }
function __navigate(url) { __rec.navigations.push({ url: __s(url), label: __label }); }
function __pairs(data) {
  if (data === undefined || data === null) return [];
  if (typeof data === "string") return [["", data]];
  var out = [];
  for (var k in data) {
    if (Object.prototype.hasOwnProperty.call(data, k) && typeof data[k] !== "function") out.push([k, __s(data[k])]);
  }
  return out;
}
function __request(method, url, data) {
  __rec.requests.push({ method: __s(method || "GET").toUpperCase(), url: __s(url), fields: __pairs(data), label: __label });
}

// --- elements ---------------------------------------------------------------------------
function Element(tag, attrs) {
  this.tagName = __s(tag || "div").toUpperCase();
  this.nodeName = this.tagName;
  this.nodeType = 1;
  this.__attrs = attrs || {};
  this.__html = "";
  this.__text = "";
  this.id = this.__attrs.id || "";
  this.name = this.__attrs.name || "";
  this.className = this.__attrs["class"] || "";
  this.value = this.__attrs.value || "";
  this.style = {};
  this.dataset = {};
  this.childNodes = [];
  this.children = [];
  this.options = [];
  this.parentNode = null;
}
Object.defineProperty(Element.prototype, "innerHTML", {
  get: function () { return this.__html; },
  set: function (v) { this.__html = __s(v); __rec.written.push({ html: this.__html, label: __label }); },
});
Object.defineProperty(Element.prototype, "outerHTML", {
  get: function () { return this.__html; },
  set: function (v) { __rec.written.push({ html: __s(v), label: __label }); },
});
Object.defineProperty(Element.prototype, "innerText", {
  get: function () { return this.__text; },
  set: function (v) { this.__text = __s(v); },
});
Object.defineProperty(Element.prototype, "textContent", {
  get: function () { return this.__text; },
  set: function (v) { this.__text = __s(v); },
});
Object.defineProperty(Element.prototype, "href", {
  get: function () { return __s(this.__attrs.href); },
  set: function (v) { this.__attrs.href = __s(v); },
});
Element.prototype.setAttribute = function (k, v) {
  if (__s(k).toLowerCase() === "href") this.href = v;
  else this.__attrs[__s(k).toLowerCase()] = __s(v);
};
Element.prototype.getAttribute = function (k) { return this.__attrs[__s(k).toLowerCase()] || null; };
Element.prototype.removeAttribute = function (k) { delete this.__attrs[__s(k).toLowerCase()]; };
Element.prototype.appendChild = function (c) { this.childNodes.push(c); this.children.push(c); if (c) c.parentNode = this; return c; };
Element.prototype.insertBefore = Element.prototype.appendChild;
Element.prototype.append = function () { for (var i = 0; i < arguments.length; i++) this.appendChild(arguments[i]); };
Element.prototype.removeChild = function (c) { return c; };
Element.prototype.remove = function () {};
Element.prototype.addEventListener = function () {};
Element.prototype.removeEventListener = function () {};
Element.prototype.attachEvent = function () {};
Element.prototype.insertAdjacentHTML = function (where, html) { __rec.written.push({ html: __s(html), label: __label }); };
Element.prototype.getElementsByTagName = function () { return []; };
Element.prototype.getElementsByClassName = function () { return []; };
Element.prototype.querySelector = function () { return new Element("div"); };
Element.prototype.querySelectorAll = function () { return []; };
Element.prototype.cloneNode = function () { return new Element(this.tagName, this.__attrs); };
Element.prototype.focus = function () {};
Element.prototype.blur = function () {};
Element.prototype.select = function () {};
Element.prototype.click = function () { if (typeof this.onclick === "function") this.onclick(); };
Element.prototype.getBoundingClientRect = function () { return { top: 0, left: 0, width: 0, height: 0 }; };

// A form of the page: its fields by name, and submit() records the request a browser would send.
function Form(info) {
  Element.call(this, "form", { id: info.id, name: info.name });
  this.action = info.action;
  this.method = info.method || "GET";
  this.elements = [];
  for (var i = 0; i < info.fields.length; i++) {
    var field = new Element("input", { name: info.fields[i][0], value: info.fields[i][1], id: info.fields[i][2] });
    this.elements.push(field);
    if (!(field.name in this)) this[field.name] = field;
  }
}
Form.prototype = Object.create(Element.prototype);
Form.prototype.submit = function () {
  var fields = [];
  for (var i = 0; i < this.elements.length; i++) {
    if (this.elements[i].name) fields.push([this.elements[i].name, __s(this.elements[i].value)]);
  }
  __rec.requests.push({ method: __s(this.method).toUpperCase(), url: __s(this.action), fields: fields, label: __label });
};
Form.prototype.requestSubmit = Form.prototype.submit;
Form.prototype.reset = function () {};

// --- document, location, window -------------------------------------------------------
var __byId = {};
var __forms = [];
for (var __i = 0; __i < __page.forms.length; __i++) {
  var __form = new Form(__page.forms[__i]);
  __forms.push(__form);
  if (__form.name) __forms[__form.name] = __form;
  if (__form.id) __byId[__form.id] = __form;
  for (var __j = 0; __j < __form.elements.length; __j++) {
    if (__form.elements[__j].id) __byId[__form.elements[__j].id] = __form.elements[__j];
  }
}

var __location = {
  href: __page.location.href, protocol: __page.location.protocol, host: __page.location.host,
  hostname: __page.location.hostname, port: __page.location.port, pathname: __page.location.pathname,
  search: __page.location.search, hash: __page.location.hash, origin: __page.location.origin,
  assign: function (u) { __navigate(u); }, replace: function (u) { __navigate(u); }, reload: function () {},
  toString: function () { return __page.location.href; },
};

var document = {
  nodeType: 9,
  title: __page.title,
  cookie: "",
  referrer: "",
  domain: __page.location.hostname,
  readyState: "complete",
  characterSet: "UTF-8",
  charset: "UTF-8",
  URL: __page.location.href,
  forms: __forms,
  all: [],
  images: [],
  links: [],
  scripts: [],
  body: new Element("body"),
  head: new Element("head"),
  documentElement: new Element("html"),
  write: function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) parts.push(__s(arguments[i]));
    __rec.written.push({ html: parts.join(""), label: __label });
  },
  writeln: function () { document.write.apply(document, arguments); },
  open: function () {},
  close: function () {},
  getElementById: function (id) {
    id = __s(id);
    if (!(id in __byId)) __byId[id] = new Element("div", { id: id });
    return __byId[id];
  },
  getElementsByName: function (name) {
    var out = [];
    for (var id in __byId) if (__byId[id].name === name) out.push(__byId[id]);
    return out.length ? out : [new Element("div", { name: name })];
  },
  getElementsByTagName: function (tag) {
    tag = __s(tag).toLowerCase();
    if (tag === "form") return __forms;
    if (tag === "body") return [document.body];
    if (tag === "head") return [document.head];
    return [];
  },
  getElementsByClassName: function () { return []; },
  querySelector: function (selector) {
    var id = /^#([\w-]+)$/.exec(__s(selector));
    return id ? document.getElementById(id[1]) : new Element("div");
  },
  querySelectorAll: function () { return []; },
  createElement: function (tag) { var e = new Element(tag); __created.push(e); return e; },
  createTextNode: function (text) { return { nodeType: 3, textContent: __s(text) }; },
  createDocumentFragment: function () { return new Element("fragment"); },
  addEventListener: function (name, fn) { if (typeof fn === "function") __queue.push(fn); },
  removeEventListener: function () {},
  attachEvent: function (name, fn) { if (typeof fn === "function") __queue.push(fn); },
  execCommand: function () { return false; },
  hasFocus: function () { return true; },
};
document.location = __location;
for (var __k in __byId) if (__byId[__k] instanceof Form && __k) globalThis[__k] = __byId[__k];
for (var __n = 0; __n < __forms.length; __n++) if (__forms[__n].name) globalThis[__forms[__n].name] = __forms[__n];

var window = globalThis;
var self = globalThis;
var top = globalThis;
var parent = globalThis;
var frames = [];
Object.defineProperty(globalThis, "location", {
  configurable: true,
  get: function () { return __location; },
  set: function (u) { __navigate(u); },
});
Object.defineProperty(__location, "href", {
  get: function () { return __page.location.href; },
  set: function (u) { __navigate(u); },
});
var navigator = { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", appName: "Netscape",
  appVersion: "5.0", platform: "Win32", language: "zh-CN", cookieEnabled: true, plugins: [], mimeTypes: [] };
var screen = { width: 1920, height: 1080, availWidth: 1920, availHeight: 1040, colorDepth: 24 };
var history = { length: 1, back: function () {}, go: function () {}, pushState: function () {}, replaceState: function () {} };
var console = { log: function () {}, info: function () {}, warn: function () {}, error: function () {}, debug: function () {} };
var localStorage = { getItem: function () { return null; }, setItem: function () {}, removeItem: function () {} };
var sessionStorage = localStorage;
var innerWidth = 1920, innerHeight = 1080, devicePixelRatio = 1, name = "";
function alert() {}
function confirm() { return false; }
function prompt() { return null; }
function open(url) { __navigate(url); return null; }
function navigate(url) { __navigate(url); }
function scrollTo() {}
function scroll() {}
function focus() {}
function print() {}
function addEventListener(name, fn) { if (typeof fn === "function") __queue.push(fn); }
function removeEventListener() {}
function attachEvent(name, fn) { if (typeof fn === "function") __queue.push(fn); }
function setTimeout(fn) { if (typeof fn === "function") __queue.push(fn); return __queue.length; }
var setInterval = setTimeout;
function clearTimeout() {}
var clearInterval = clearTimeout;
function requestAnimationFrame(fn) { return setTimeout(fn); }
function getComputedStyle() { return {}; }
function Image() { return new Element("img"); }
function Event() {}
var event = { returnValue: true, preventDefault: function () {}, stopPropagation: function () {} };

// --- requests: XMLHttpRequest, fetch, jQuery -----------------------------------------------
function XMLHttpRequest() { this.readyState = 0; this.status = 0; this.responseText = ""; }
XMLHttpRequest.prototype.open = function (method, url) { this.__method = method; this.__url = url; this.readyState = 1; };
XMLHttpRequest.prototype.setRequestHeader = function () {};
XMLHttpRequest.prototype.overrideMimeType = function () {};
XMLHttpRequest.prototype.abort = function () {};
XMLHttpRequest.prototype.getResponseHeader = function () { return null; };
XMLHttpRequest.prototype.getAllResponseHeaders = function () { return ""; };
XMLHttpRequest.prototype.send = function (body) { __request(this.__method, this.__url, body); };
function ActiveXObject() { return new XMLHttpRequest(); }
function fetch(url, options) {
  options = options || {};
  __request(options.method || "GET", url && url.url ? url.url : url, options.body);
  return new Promise(function () {});
}

// jQuery: selections are an endless chain whose writing methods are recorded; $.ajax and its
// shortcuts record the request. Handlers (click, success) are not run: no event, no answer.
var __chain;
function __chainMethod(name) {
  if (name === "html" || name === "append" || name === "prepend" || name === "after" || name === "before" ||
      name === "replaceWith") {
    return function (v) { if (typeof v === "string") __rec.written.push({ html: v, label: __label }); return __chain; };
  }
  if (name === "load") {
    return function (url, data) { __request(data && typeof data === "object" ? "POST" : "GET", __s(url).split(" ")[0], data); return __chain; };
  }
  if (name === "ready") return function (fn) { if (typeof fn === "function") __queue.push(fn); return __chain; };
  if (name === "val" || name === "attr" || name === "text" || name === "prop" || name === "data" || name === "css") {
    return function () { return arguments.length > 1 || (arguments.length === 1 && name === "val") ? __chain : ""; };
  }
  if (name === "length" || name === "size") return name === "length" ? 0 : function () { return 0; };
  if (name === "then" || typeof name === "symbol") return undefined;
  return function () { return __chain; };
}
__chain = new Proxy(function () {}, {
  get: function (target, name) { return __chainMethod(name); },
  apply: function () { return __chain; },
});
function __ajax(url, options) {
  if (typeof url === "object") { options = url; url = options.url; }
  options = options || {};
  __request(options.type || options.method || "GET", url || options.url, options.data);
  return __chain;
}
function __shortcut(method) {
  return function (url, data) { __request(method, url, typeof data === "function" ? null : data); return __chain; };
}
var __statics = {
  ajax: __ajax,
  post: __shortcut("POST"),
  get: __shortcut("GET"),
  getJSON: __shortcut("GET"),
  getScript: function () { return __chain; },
  fn: {},
  support: {},
  browser: { msie: false, version: "0" },
  each: function (items, fn) {
    if (items && typeof items.length === "number") { for (var i = 0; i < items.length; i++) fn.call(items[i], i, items[i]); }
    else for (var k in items) fn.call(items[k], k, items[k]);
    return items;
  },
  extend: function () {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === "boolean") args.shift();
    var target = args.length > 1 ? args.shift() || {} : __statics.fn;
    for (var i = 0; i < args.length; i++) for (var k in args[i]) target[k] = args[i][k];
    return target;
  },
  trim: function (s) { return __s(s).trim(); },
  isArray: Array.isArray,
  isFunction: function (f) { return typeof f === "function"; },
  param: function (obj) {
    return __pairs(obj).map(function (p) { return encodeURIComponent(p[0]) + "=" + encodeURIComponent(p[1]); }).join("&");
  },
  noConflict: function () { return jQuery; },
};
var jQuery = new Proxy(function (selector) {
  if (typeof selector === "function") __queue.push(selector);
  return __chain;
}, {
  get: function (target, name) { return name in __statics ? __statics[name] : __chainMethod(name); },
  set: function (target, name, value) { __statics[name] = value; return true; },
});
var $ = jQuery;

// After the page's scripts: what they queued for later (ready, onload, timers), once each.
function __runQueued(limit) {
  var ran = 0;
  if (typeof window.onload === "function") { __queue.push(window.onload); window.onload = null; }
  while (__queue.length && ran < limit) {
    var fn = __queue.shift();
    ran++;
    try { fn.call(window, event); } catch (e) { __rec.errors.push(__s(e)); }
  }
}
// Links made with createElement("a") and given an address.
function __createdLinks() {
  var out = [];
  for (var i = 0; i < __created.length; i++) {
    var e = __created[i];
    if (e.tagName === "A" && e.__attrs.href) out.push({ html: '<a href="' + e.__attrs.href.replace(/"/g, "&quot;") + '">' + (e.__html || e.__text) + "</a>", label: "" });
  }
  return out;
}
