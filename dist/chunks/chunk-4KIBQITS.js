import { createRequire as __sccacheGuardCreateRequire } from 'node:module';
const require = __sccacheGuardCreateRequire(import.meta.url);
import {
  LOCAL_CACHE_KEY_PARTS,
  NEWEST_TESTED_VERSION,
  SHAPE_RELEASES,
  SUM_CHECKED,
  StatsParseError,
  array,
  capabilitiesOf,
  decodeLocation,
  describeLocation,
  describePreflight,
  describeReadOnly,
  ghaNamespace,
  hostFromServerUrl,
  inspectEnvironment,
  isBlank,
  isDigit,
  isDigits,
  jobKeyPart,
  literal,
  number,
  object,
  parseStats,
  parseVersion,
  readOnlyInEffect,
  record,
  redact,
  redactedExcerpt,
  string,
  union,
  whyNoEffect
} from "./chunk-5TDCXFJY.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-FAMDIZ22.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode2;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name3 = parts.shift();
        switch (name3) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name3}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name3 = `${prefix}${i}`;
        if (!exclude.has(name3))
          return name3;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal3 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal3 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal3) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name3 = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name3} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum2, line) => sum2 + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum2, line) => sum2 + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string2 = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string2;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s2 = "";
          for (let i = 0; i < buf.length; ++i)
            s2 += String.fromCharCode(buf[i]);
          str = btoa(s2);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string2.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string2 = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string2.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name3) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name3 || prev.has(name3) ? anchors.findNewAnchor(name3 || "a", prev) : name3;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s2 = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s2}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name3, pos, code2, message) {
        super();
        this.name = name3;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name3 = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name3} must end with a ${expectedEnd}` : `${name3} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s2 = this.peek(3);
          if ((s2 === "---" || s2 === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s2 === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s2 = this.buffer.slice(this.pos, i);
        if (s2) {
          yield s2;
          this.pos += s2.length;
          return s2.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/github/run-record.ts
var RecordedValue = union([
  object({ value: string().max(4096) }).strict(),
  object({ hash: string().regex(/^[0-9a-f]{16}$/) }).strict(),
  object({ secret: literal(true) }).strict()
]);
var name = string().max(256);
var KeyInputs = object({
  sccacheVersion: string().max(64),
  /** The GHA namespace in clear, e.g. sccache-v0.16.0; absent for other stores. */
  namespace: string().max(200).optional(),
  /** `rustc -vV` of the compiler the build used. */
  rustc: object({
    release: string().max(100),
    commitHash: string().max(64).optional(),
    host: string().max(100).optional()
  }).strict().optional(),
  targets: array(string().max(100)).max(50),
  /** RUSTFLAGS, every CARGO_* variable, CC, CXX, CFLAGS, CXXFLAGS: what sccache hashes. */
  env: record(name, RecordedValue),
  workingDirectory: string().max(4096).optional(),
  /** sha256 of Cargo.lock. */
  cargoLock: string().regex(/^[0-9a-f]{64}$/).optional()
}).strict();
var MAX_NAMED_CRATES = 300;
var MAX_TREND_RUNS = 20;
var RunRecord = object({
  schema: literal(2),
  runId: string().regex(/^\d{1,20}$/),
  attempt: string().regex(/^\d{1,6}$/),
  /** The ref the run wrote into (refs/heads/main, refs/tags/v1, refs/pull/7/merge). */
  ref: string().max(1024),
  event: string().max(100),
  savedAt: string().max(40),
  /** The GHA namespace in clear, when the store was GitHub's cache. */
  namespace: string().max(200).optional(),
  hits: number().int().nonnegative(),
  misses: number().int().nonnegative(),
  lookups: number().int().nonnegative(),
  /**
   * The hit rates of this job's last runs, oldest first, this one last (null: nothing looked up),
   * at most MAX_TREND_RUNS: the summary's trend. Absent in records written before it existed.
   */
  trend: array(number().min(0).max(1).nullable()).max(MAX_TREND_RUNS).optional(),
  inputs: KeyInputs,
  crates: object({
    hit: array(name).max(MAX_NAMED_CRATES),
    missed: array(name).max(MAX_NAMED_CRATES),
    more: number().int().nonnegative()
  }).strict()
}).strict();
var RECORD_PATH = "~/.cache/sccache-guard/run-record.json";
var MAX_RECORD_BYTES = 256 * 1024;
var KEY_PREFIX = "sccache-guard-run-v2";
function recordKeyPrefix(job, label) {
  return `${KEY_PREFIX}-${jobKeyPart(job, label)}-`;
}
function recordKey(prefix, record2) {
  return `${prefix}${record2.runId}-${record2.attempt}`;
}
function parseRecord(text2) {
  if (text2.length > MAX_RECORD_BYTES) return { invalid: `${text2.length} bytes, more than a record holds` };
  let json;
  try {
    json = JSON.parse(text2);
  } catch {
    return { invalid: "not JSON" };
  }
  const parsed = RunRecord.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { invalid: `${issue?.path.join(".") || "the record"}: ${issue?.message ?? "not a run record"}` };
}

// src/github/run-scope.ts
function readableRefs(scope) {
  const refs = [scope.ref];
  if (scope.baseRef) refs.push(`refs/heads/${scope.baseRef}`);
  if (scope.defaultBranch) refs.push(`refs/heads/${scope.defaultBranch}`);
  return [...new Set(refs)];
}
function describeScope(scope) {
  const reads = readableRefs(scope).join(", ");
  const writes = scope.ref.startsWith("refs/pull/") ? `${scope.ref}, which only re-runs of this pull request can read` : scope.ref;
  return `this ${scope.event} run reads entries of ${reads} and writes into ${writes}`;
}
async function currentScope() {
  try {
    const { context } = await import("./github-ERCTULDA.js");
    if (!context.ref) return void 0;
    const payload = context.payload;
    const defaultBranch = payload.repository?.default_branch;
    const baseRef = payload.pull_request?.base?.ref;
    return {
      event: context.eventName,
      ref: context.ref,
      ...defaultBranch ? { defaultBranch } : {},
      ...baseRef ? { baseRef } : {}
    };
  } catch {
    return void 0;
  }
}

// src/github/workflow-file.ts
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
var MAX_WORKFLOW_BYTES = 8 * 1024 * 1024;
var WorkflowFileError = class extends Error {
  name = "WorkflowFileError";
};
function workflowOfRun(env) {
  const ref = env["GITHUB_WORKFLOW_REF"];
  const repository = env["GITHUB_REPOSITORY"];
  if (!ref) return { missing: "GITHUB_WORKFLOW_REF is not set, so the workflow file is unknown" };
  const at = ref.lastIndexOf("@");
  const full = at > 0 ? ref.slice(0, at) : ref;
  const prefix = repository && full.startsWith(`${repository}/`) ? `${repository}/` : void 0;
  const file = prefix ? full.slice(prefix.length) : full.split("/").slice(2).join("/");
  if (!file || file.split("/").includes(".."))
    return { missing: `GITHUB_WORKFLOW_REF "${ref}" names no file` };
  if (repository && !prefix) {
    return {
      missing: `the workflow ${full} belongs to another repository than ${repository}, which this job checked out`
    };
  }
  const workspace = env["GITHUB_WORKSPACE"];
  if (!workspace) return { missing: "GITHUB_WORKSPACE is not set, so the workflow file cannot be found" };
  return { file, absolute: join(workspace, file) };
}
function readWorkflowFile(path, maxBytes = MAX_WORKFLOW_BYTES) {
  let size;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new WorkflowFileError(`${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof WorkflowFileError) throw error;
    const code2 = error.code;
    throw new WorkflowFileError(
      code2 === "ENOENT" ? `${path} is not in the workspace (no checkout, or a sparse one?)` : `${path}: ${code2 ?? error}`
    );
  }
  if (size > maxBytes)
    throw new WorkflowFileError(`${path} is ${size} bytes, more than the ${maxBytes} read`);
  return readFileSync(path, "utf8");
}
function repositoryRootOf(workflowPath) {
  const folder = dirname(normalize(workflowPath));
  const tail = `${sep}.github${sep}workflows`;
  if (folder.endsWith(tail)) return folder.slice(0, -tail.length) || ".";
  if (folder === `.github${sep}workflows`) return ".";
  return folder;
}
function localCallee(uses2, root) {
  if (!uses2.startsWith("./")) return void 0;
  const path = normalize(uses2.replace(/@.*$/, ""));
  if (isAbsolute(path) || path.split(sep).includes("..")) return void 0;
  return root === "." ? path : join(root, path);
}
function workflowLineLink(env) {
  const server = env["GITHUB_SERVER_URL"];
  const repository = env["GITHUB_REPOSITORY"];
  const sha = env["GITHUB_SHA"];
  if (!server || !repository || !sha || !URL.canParse(server)) return void 0;
  return (place) => `${server.replace(/\/+$/, "")}/${repository}/blob/${sha}/${place.file.split("/").map(encodeURIComponent).join("/")}#L${place.line}`;
}

// src/sccache/stats-text/labels.ts
var COUNT_LABELS = /* @__PURE__ */ new Set([
  "Compile requests",
  "Compile requests executed",
  "Cache hits",
  "Cache misses",
  "Cache timeouts",
  "Cache read errors",
  "Forced recaches",
  "Cache write errors",
  "Cache errors",
  "Compilations",
  "Compilation failures",
  "Non-cacheable compilations",
  "Non-cacheable calls",
  "Non-compilation calls",
  "Unsupported compiler calls",
  "Successful distributed compilations",
  "Failed distributed compilations",
  "Multi-level cache levels"
]);
var AVERAGE_LABELS = /* @__PURE__ */ new Set([
  "Average cache write",
  "Average cache read miss",
  "Average compiler",
  "Average cache read hit"
]);
var REQUIRED_LABELS = [
  "Compile requests executed",
  "Cache hits",
  "Cache misses",
  "Cache timeouts",
  "Forced recaches",
  "Cache write errors",
  "Cache errors",
  "Compilation failures",
  "Non-cacheable compilations",
  "Non-cacheable calls",
  "Non-compilation calls",
  "Unsupported compiler calls",
  "Average cache read hit"
];
var PER_KEY = [
  ["Cache hits (", "hits"],
  ["Cache misses (", "misses"],
  ["Cache errors (", "errors"]
];
var RATE_PREFIX = "Cache hits rate (";
var LEVEL_SUFFIXES = [
  " hits",
  " misses",
  " hit rate",
  " writes",
  " write failures",
  " backfills from",
  " backfills to",
  " avg cache write",
  " avg cache read hit"
];
var LEVEL_FIELDS = {
  " hits": "hits",
  " misses": "misses",
  " writes": "writes",
  " write failures": "writeFailures",
  " backfills from": "backfillsFrom",
  " backfills to": "backfillsTo"
};
var INFO_LABELS = [
  "Base directories",
  "Use direct/preprocessor mode?",
  "Version (client)",
  "Cache size",
  "Max cache size"
];
var hasLabel = (s2, label) => s2.startsWith(label) && (s2.length === label.length || isBlank(s2.charCodeAt(label.length)));
function isLevelName(s2) {
  if (s2.charCodeAt(0) !== 76) return false;
  let i = 1;
  while (i < s2.length && isDigit(s2.charCodeAt(i))) i++;
  return i > 1 && s2.charCodeAt(i) === 32 && s2.charCodeAt(i + 1) === 40;
}

// src/sccache/stats-text/values.ts
var U64_MAX = 2n ** 64n - 1n;
function toCount(text2) {
  if (!isDigits(text2) || text2.length > 20) return void 0;
  if (text2.length === 20 && BigInt(text2) > U64_MAX) return void 0;
  return Number(text2);
}
function decimalStart(s2, end, decimals) {
  let i = end;
  while (i > 0 && isDigit(s2.charCodeAt(i - 1))) i--;
  if (end - i !== decimals || i === 0 || s2.charCodeAt(i - 1) !== 46) return -1;
  const point = i - 1;
  i = point;
  while (i > 0 && isDigit(s2.charCodeAt(i - 1))) i--;
  return i < point ? i : -1;
}
function splitRow(s2) {
  let valueStart;
  let kind;
  const suffix = s2.length >= 2 && s2.charCodeAt(s2.length - 2) === 32 ? s2.charCodeAt(s2.length - 1) : 0;
  if (suffix === 37 || suffix === 115) {
    kind = suffix === 37 ? "percent" : "seconds";
    valueStart = decimalStart(s2, s2.length - 2, kind === "percent" ? 2 : 3);
    if (valueStart < 0) return void 0;
  } else {
    valueStart = s2.length;
    while (valueStart > 0 && !isBlank(s2.charCodeAt(valueStart - 1))) valueStart--;
    const token = s2.slice(valueStart);
    if (token === "-") kind = "dash";
    else if (isDigits(token)) kind = "count";
    else return void 0;
  }
  if (valueStart === 0 || !isBlank(s2.charCodeAt(valueStart - 1))) return void 0;
  const label = s2.slice(0, valueStart).trimEnd();
  if (label === "") return void 0;
  return { label, value: s2.slice(valueStart), kind };
}
function toMillis(value) {
  const point = value.indexOf(".");
  const secs = toCount(value.slice(0, point));
  const ms = Number(value.slice(point + 1, point + 4));
  return secs === void 0 ? void 0 : secs * 1e3 + ms;
}
var SIZE_UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];
function toBytes(value) {
  const space = value.indexOf(" ");
  if (space < 0) return void 0;
  const number2 = toCount(value.slice(0, space));
  const unit = SIZE_UNITS.indexOf(value.slice(space + 1).trim());
  if (number2 === void 0 || unit < 0) return void 0;
  const bytes = number2 * 1024 ** unit;
  return bytes <= 2 ** 64 ? bytes : void 0;
}
function rateAgrees(value, hits, misses) {
  const total = hits + misses;
  if (value === "-") return total === 0;
  if (total === 0) return false;
  const printed = Number(value.slice(0, value.length - 2));
  return Math.abs(printed - hits / total * 100) <= 51e-4;
}

// src/sccache/stats-text/lines.ts
var MAX_LINE_CHARS = 64 * 1024;
function clean(raw) {
  let out = "";
  let from = 0;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw.charCodeAt(i);
    const control = c < 32 ? c !== 9 && c !== 13 : c === 127 || c >= 128 && c <= 159 || c === 65279;
    if (!control) {
      i++;
      continue;
    }
    out += raw.slice(from, i);
    i++;
    let csi = c === 155;
    let osc = c === 157;
    if (c === 27 && i < n) {
      const next = raw.charCodeAt(i);
      if (next === 91) csi = true;
      else if (next === 93) osc = true;
      else {
        while (i < n && raw.charCodeAt(i) >= 32 && raw.charCodeAt(i) <= 47) i++;
        if (i < n && raw.charCodeAt(i) >= 48 && raw.charCodeAt(i) <= 126) i++;
      }
      if (csi || osc) i++;
    }
    if (csi) {
      while (i < n && raw.charCodeAt(i) >= 32 && raw.charCodeAt(i) <= 63) i++;
      if (i < n && raw.charCodeAt(i) >= 64 && raw.charCodeAt(i) <= 126) i++;
    } else if (osc) {
      while (i < n) {
        const d = raw.charCodeAt(i);
        if (d === 7 || d === 156) {
          i++;
          break;
        }
        if (d === 27 && i + 1 < n && raw.charCodeAt(i + 1) === 92) {
          i += 2;
          break;
        }
        i++;
      }
    }
    from = i;
  }
  out = from === 0 ? raw : out + raw.slice(from);
  let end = out.length;
  while (end > 0 && out.charCodeAt(end - 1) === 13) end--;
  if (end < out.length) out = out.slice(0, end);
  const cr = out.lastIndexOf("\r");
  return cr < 0 ? out : out.slice(cr + 1);
}
function lineEnd(input, start) {
  const end = input.indexOf("\n", start);
  return end < 0 ? input.length : end;
}
function lineAt(input, start, end) {
  if (end - start <= MAX_LINE_CHARS) return clean(input.slice(start, end));
  return {
    length: end - start,
    head: clean(input.slice(start, start + 200)).trim().slice(0, 120)
  };
}
var NO_MATCH = -1;
var ONLY_PREFIX = -2;
function afterPrefix(text2, prefix) {
  let i = 0;
  let j = 0;
  while (j < prefix.length) {
    if (i >= text2.length) return ONLY_PREFIX;
    const p = prefix.charCodeAt(j);
    const t = text2.charCodeAt(i);
    if (isDigit(p)) {
      if (!isDigit(t)) return NO_MATCH;
      while (j < prefix.length && isDigit(prefix.charCodeAt(j))) j++;
      while (i < text2.length && isDigit(text2.charCodeAt(i))) i++;
    } else if (p === t) {
      i++;
      j++;
    } else {
      return NO_MATCH;
    }
  }
  return i;
}
function withoutTimestamp(text2) {
  let i = 0;
  while (i < text2.length && isBlank(text2.charCodeAt(i))) i++;
  const start = i;
  let digits = 0;
  if (text2.charCodeAt(i) === 91) i++;
  while (i < text2.length) {
    const c = text2.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (!(c === 58 || c === 46 || c === 45 || c === 43 || c === 44 || c === 47 || c === 84 || c === 90))
      break;
    i++;
  }
  if (text2.charCodeAt(i) === 93 && text2.charCodeAt(start) === 91) i++;
  if (digits < 4 || i >= text2.length || !isBlank(text2.charCodeAt(i))) return text2;
  return text2.slice(i + 1);
}
function contentOf(text2, prefix) {
  const at = afterPrefix(text2, prefix);
  if (at === ONLY_PREFIX) return "";
  if (at >= 0) return text2.slice(at);
  return withoutTimestamp(text2);
}
var ANCHOR = "Compile requests";
function anchorOf(line) {
  if (typeof line !== "string") return void 0;
  const at = line.indexOf(ANCHOR);
  if (at < 0) return void 0;
  let i = at + ANCHOR.length;
  const gap = i;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (i === gap) return void 0;
  const digits = i;
  while (i < line.length && isDigit(line.charCodeAt(i))) i++;
  const count = toCount(line.slice(digits, i));
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (i < line.length || count === void 0) return void 0;
  return { prefix: line.slice(0, at), count };
}
function isRunnerCommand(s2) {
  return s2.startsWith("##[") || s2.startsWith("::") && s2.indexOf("::", 2) > 2;
}

// src/sccache/stats-text/block.ts
var MAX_NOT_UNDERSTOOD = 100;
function newBlock(line, prefix, count) {
  return {
    line,
    prefix,
    phase: "table",
    counts: /* @__PURE__ */ new Map([[ANCHOR, count]]),
    lineOf: /* @__PURE__ */ new Map(),
    millis: /* @__PURE__ */ new Map(),
    perKey: { hits: /* @__PURE__ */ new Map(), misses: /* @__PURE__ */ new Map(), errors: /* @__PURE__ */ new Map() },
    rates: [],
    levels: /* @__PURE__ */ new Map(),
    levelRates: [],
    notCached: /* @__PURE__ */ new Map(),
    location: void 0,
    locationColumn: void 0,
    info: /* @__PURE__ */ new Map(),
    notUnderstood: /* @__PURE__ */ new Set(),
    overflow: 0
  };
}
function note(block, line) {
  const shown2 = redact(line);
  if (block.notUnderstood.has(shown2)) return;
  if (block.notUnderstood.size < MAX_NOT_UNDERSTOOD) block.notUnderstood.add(shown2);
  else block.overflow++;
}
var noteLong = (block, line) => note(block, `${line.head}… (a line of ${line.length} characters, longer than a stats line can be)`);
function levelOf(block, name3) {
  let level = block.levels.get(name3);
  if (!level) {
    level = {
      name: name3,
      location: void 0,
      hits: 0,
      misses: 0,
      writes: 0,
      writeFailures: 0,
      backfillsFrom: 0,
      backfillsTo: 0
    };
    block.levels.set(name3, level);
  }
  return level;
}
function tableRow(block, row, line) {
  const { label, value, kind } = row;
  if (COUNT_LABELS.has(label)) {
    const count = kind === "count" ? toCount(value) : void 0;
    if (count === void 0 || block.counts.has(label)) return false;
    block.counts.set(label, count);
    block.lineOf.set(label, line);
    return true;
  }
  if (AVERAGE_LABELS.has(label)) {
    const millis = kind === "seconds" ? toMillis(value) : void 0;
    if (millis === void 0 || block.millis.has(label)) return false;
    block.millis.set(label, millis);
    return true;
  }
  if (label === "Cache hits rate") {
    if (kind !== "percent" && kind !== "dash") return false;
    block.rates.push({ key: null, value, line });
    return true;
  }
  if (label.endsWith(")")) {
    if (label.startsWith(RATE_PREFIX)) {
      if (kind !== "percent" && kind !== "dash") return false;
      block.rates.push({ key: label.slice(RATE_PREFIX.length, -1), value, line });
      return true;
    }
    for (const [prefix, map] of PER_KEY) {
      if (!label.startsWith(prefix)) continue;
      const key = label.slice(prefix.length, -1);
      const count = kind === "count" ? toCount(value) : void 0;
      const counts = block.perKey[map];
      if (count === void 0 || key === "" || counts.has(key)) return false;
      counts.set(key, count);
      return true;
    }
  }
  if (isLevelName(label)) {
    for (const suffix of LEVEL_SUFFIXES) {
      if (!label.endsWith(suffix)) continue;
      const name3 = label.slice(0, label.length - suffix.length);
      if (!name3.endsWith(")")) return false;
      if (suffix === " hit rate") {
        if (kind !== "percent" && kind !== "dash") return false;
        levelOf(block, name3);
        block.levelRates.push({ name: name3, value, line });
        return true;
      }
      if (suffix === " avg cache write" || suffix === " avg cache read hit") {
        if (kind !== "seconds") return false;
        levelOf(block, name3);
        return true;
      }
      const field = LEVEL_FIELDS[suffix];
      const count = kind === "count" ? toCount(value) : void 0;
      if (count === void 0) return false;
      levelOf(block, name3)[field] = count;
      return true;
    }
  }
  return false;
}
function splitEntry(s2) {
  let i = s2.length;
  while (i > 0 && isDigit(s2.charCodeAt(i - 1))) i--;
  const count = toCount(s2.slice(i));
  if (count === void 0 || i === 0 || !isBlank(s2.charCodeAt(i - 1))) return void 0;
  const key = s2.slice(0, i).trimEnd();
  return key === "" ? void 0 : { key, count };
}
function tableLine(block, content) {
  const s2 = content.trim();
  if (s2 === "") {
    if (block.phase === "reasons" || block.phase === "dist") block.phase = "table";
    return;
  }
  if (isRunnerCommand(s2)) return;
  if (hasLabel(s2, "Cache location")) {
    block.phase = "info";
    block.location = s2.slice("Cache location".length).trim();
    if (block.location !== "") {
      const start = content.indexOf(block.location, "Cache location".length);
      block.locationColumn = start;
    }
    return;
  }
  if (s2 === "Non-cacheable reasons:") {
    block.phase = "reasons";
    return;
  }
  if (s2 === "Successful distributed compiles") {
    block.phase = "dist";
    return;
  }
  if (block.phase === "reasons" || block.phase === "dist") {
    const entry = splitEntry(s2);
    if (!entry) note(block, s2);
    else if (block.phase === "reasons") {
      if (block.notCached.has(entry.key)) note(block, s2);
      else block.notCached.set(entry.key, entry.count);
    }
    return;
  }
  const row = splitRow(s2);
  if (!row || !tableRow(block, row, s2)) note(block, s2);
}
function infoLine(block, s2) {
  for (const label of INFO_LABELS) {
    if (!hasLabel(s2, label)) continue;
    const value = s2.slice(label.length).trim();
    const valid = label === "Use direct/preprocessor mode?" ? value === "yes" || value === "no" : label === "Cache size" || label === "Max cache size" ? toBytes(value) !== void 0 : value !== "";
    if (!valid || block.info.has(label)) note(block, s2);
    else block.info.set(label, value);
    return true;
  }
  if (isLevelName(s2)) {
    const level = locatedLevel(block, s2);
    if (level && level.location === void 0) level.location = s2.slice(level.name.length).trim();
    else note(block, s2);
    return true;
  }
  return false;
}
function locatedLevel(block, s2) {
  const close = s2.indexOf(")");
  if (close < 0) return void 0;
  const level = block.levels.get(s2.slice(0, close + 1));
  return level && hasLabel(s2, level.name) ? level : void 0;
}
function isPendingInfo(block, s2) {
  for (const label of INFO_LABELS) if (hasLabel(s2, label)) return !block.info.has(label);
  if (!isLevelName(s2)) return false;
  const level = locatedLevel(block, s2);
  return level !== void 0 && level.location === void 0;
}
function looksLikeInfoRow(content, column) {
  if (column === void 0 || column < 3 || content.length <= column) return false;
  if (isBlank(content.charCodeAt(0)) || isBlank(content.charCodeAt(column))) return false;
  let i = 1;
  while (i < column && !(isBlank(content.charCodeAt(i)) && isBlank(content.charCodeAt(i - 1)))) i++;
  if (i >= column) return false;
  while (i < column && content.charCodeAt(i) === 32) i++;
  return i === column;
}

// src/sccache/stats-text/languages.ts
var UNSPLIT_LANGUAGE = "(all languages)";
var ADVANCED_LANGUAGES = new Map([
  ["assemblerToPreprocess", "Assembler"],
  ["assembler", "Assembler"],
  ...[
    "c",
    "cHeader",
    "cPreprocessed",
    "c++",
    "c++Header",
    "c++Preprocessed",
    "c++-module",
    "c/c++",
    "objc",
    "objcPreprocessed",
    "objc++",
    "objc++Preprocessed"
  ].map((key) => [key, "C/C++"]),
  ["cuda", "CUDA"],
  ["ptx", "PTX"],
  ["cubin", "CUBIN"],
  ["rust", "Rust"],
  ["hip", "HIP"]
]);
var PLAIN_LANGUAGES = /* @__PURE__ */ new Set([
  ...ADVANCED_LANGUAGES.values(),
  "CUDA (Device code)"
]);
function languageOfAdvancedKey(key) {
  if (key === "rust") return "Rust";
  const open = key.lastIndexOf(" [");
  if (open <= 0 || !key.endsWith("]") || open + 3 === key.length) return void 0;
  const language = key.slice(0, open);
  const compiler = key.slice(open + 2, -1);
  if (language === "rust") return void 0;
  if (language === "cuda" && compiler === "cudafe++") return "CUDA (Device code)";
  return ADVANCED_LANGUAGES.get(language);
}

// src/sccache/stats-text/model.ts
function shapeOfVersion(version) {
  const match = /^v?(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?(-)?/.exec(version);
  if (!match) return void 0;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const patch = Number(match[3] ?? "0");
  if (major > 0) return "G";
  if (minor < 4) return "A";
  if (minor === 4 && patch === 0 && match[4] !== void 0) return "A'";
  if (minor <= 5) return "B";
  if (minor === 6 || minor === 7 && patch === 0) return "C";
  if (minor <= 8) return "D";
  if (minor <= 13) return "E";
  if (minor === 14) return "F";
  return "G";
}
function shapeOfLines(block) {
  if (block.levels.size > 0 || block.counts.has("Multi-level cache levels")) return "G";
  if (block.info.has("Base directories")) return "F";
  if (block.counts.has("Compilations")) return "E";
  if (block.info.has("Use direct/preprocessor mode?") || block.rates.length > 0) return "D";
  const keys = [...block.perKey.hits.keys(), ...block.perKey.misses.keys(), ...block.perKey.errors.keys()];
  const advanced = keys.some((key) => languageOfAdvancedKey(key) !== void 0 && !PLAIN_LANGUAGES.has(key));
  if (advanced) return "C";
  if (block.info.has("Version (client)")) return "B";
  if (block.millis.has("Average compiler")) return "A'";
  return "A";
}
function languageCounts(block, rows, label) {
  const counts = /* @__PURE__ */ Object.create(null);
  let sum2 = 0;
  for (const [key, count] of rows) {
    const language = PLAIN_LANGUAGES.has(key) ? key : languageOfAdvancedKey(key) ?? key;
    counts[language] = (counts[language] ?? 0) + count;
    sum2 += count;
  }
  const total = block.counts.get(label) ?? 0;
  if (rows.size === 0 && total > 0)
    counts[UNSPLIT_LANGUAGE] = total;
  else if (sum2 !== total) note(block, block.lineOf.get(label) ?? label);
  return counts;
}
var ownCounts = (entries) => {
  const counts = /* @__PURE__ */ Object.create(null);
  for (const [key, count] of entries) counts[key] = count;
  return counts;
};
var seconds = (millis, count) => millis * count / 1e3;
function toStats(block, blocks) {
  const count = (label) => block.counts.get(label) ?? 0;
  const hits = languageCounts(block, block.perKey.hits, "Cache hits");
  const misses = languageCounts(block, block.perKey.misses, "Cache misses");
  const errors = languageCounts(block, block.perKey.errors, "Cache errors");
  for (const rate of block.rates) {
    const [h, m] = rate.key === null ? [count("Cache hits"), count("Cache misses")] : [block.perKey.hits.get(rate.key) ?? 0, block.perKey.misses.get(rate.key) ?? 0];
    if (!rateAgrees(rate.value, h, m)) note(block, rate.line);
  }
  for (const rate of block.levelRates) {
    const level = block.levels.get(rate.name);
    if (!rateAgrees(rate.value, level.hits, level.misses)) note(block, rate.line);
  }
  const levelCount = block.counts.get("Multi-level cache levels");
  if (levelCount !== void 0 && levelCount !== block.levels.size) {
    note(block, block.lineOf.get("Multi-level cache levels"));
  }
  const version = block.info.get("Version (client)") ?? null;
  const compilations = block.counts.get("Compilations") ?? null;
  const compilerMillis = block.millis.get("Average compiler");
  const basedirs = block.info.get("Base directories");
  const preprocessor = block.info.get("Use direct/preprocessor mode?");
  const size = (label) => {
    const value = block.info.get(label);
    return value === void 0 ? null : toBytes(value);
  };
  const hasLevels = block.levels.size > 0 || levelCount !== void 0;
  const notUnderstood = [...block.notUnderstood];
  if (block.overflow > 0) notUnderstood.push(`… and ${block.overflow} more lines not understood`);
  return {
    shape: (version === null ? void 0 : shapeOfVersion(version)) ?? shapeOfLines(block),
    form: "text",
    blocks,
    notUnderstood,
    version,
    compileRequests: count(ANCHOR),
    requestsUnsupportedCompiler: count("Unsupported compiler calls"),
    requestsNotCompile: count("Non-compilation calls"),
    requestsNotCacheable: count("Non-cacheable calls"),
    requestsExecuted: count("Compile requests executed"),
    cacheHits: hits,
    cacheMisses: misses,
    cacheErrors: errors,
    cacheTimeouts: count("Cache timeouts"),
    nonCacheableCompilations: count("Non-cacheable compilations"),
    forcedRecaches: count("Forced recaches"),
    cacheWriteErrors: count("Cache write errors"),
    cacheWrites: null,
    compilations,
    compileFails: count("Compilation failures"),
    notCached: ownCounts(block.notCached),
    distErrors: count("Failed distributed compilations"),
    cacheWriteSeconds: null,
    cacheReadHitSeconds: seconds(block.millis.get("Average cache read hit") ?? 0, count("Cache hits")),
    compilerSeconds: compilerMillis === void 0 ? null : seconds(compilerMillis, compilations ?? count("Cache misses")),
    multiLevel: hasLevels ? [...block.levels.values()].map((level) => ({
      name: level.name,
      location: redact(level.location ?? ""),
      hits: level.hits,
      misses: level.misses,
      writes: level.writes,
      writeFailures: level.writeFailures,
      backfillsFrom: level.backfillsFrom,
      backfillsTo: level.backfillsTo
    })) : null,
    // A Redis or WebDAV location carries its password: never let it reach a summary.
    cacheLocation: redact(block.location ?? ""),
    cacheSize: size("Cache size"),
    maxCacheSize: size("Max cache size"),
    usePreprocessorCacheMode: preprocessor === void 0 ? null : preprocessor === "yes",
    basedirs: basedirs === void 0 ? null : basedirs === "(none)" ? [] : basedirs.split(", ")
  };
}
function missingOf(block) {
  const row = REQUIRED_LABELS.find((label) => !block.counts.has(label) && !block.millis.has(label));
  return row ?? (block.location === void 0 ? "Cache location" : void 0);
}

// src/sccache/stats-text.ts
var MAX_TEXT_CHARS = 16 * 1024 * 1024;
var INFO_LOOKAHEAD = 8;
var EXPECTED = "(expected sccache --show-stats output or its --stats-format json)";
function isStatsText(input) {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 65279 || isBlank(c)) continue;
    return c !== 123;
  }
  return true;
}
function parseStatsText(input) {
  if (input.length > MAX_TEXT_CHARS) {
    const mib = (input.length / 1024 / 1024).toFixed(1);
    throw new StatsParseError(
      `$: the text is ${mib} MiB (${input.length} characters), more than the ${MAX_TEXT_CHARS / 1024 / 1024} MiB of sccache stats output this reads`,
      "$"
    );
  }
  let blocks = 0;
  let lastComplete;
  let block;
  let last;
  const close = () => {
    if (block && missingOf(block) === void 0) lastComplete = block;
    block = void 0;
  };
  let lineNumber = 0;
  for (let start = 0; start <= input.length; ) {
    const end = lineEnd(input, start);
    const line = lineAt(input, start, end);
    start = end + 1;
    lineNumber++;
    const anchor = anchorOf(line);
    if (anchor) {
      close();
      block = last = newBlock(lineNumber, anchor.prefix, anchor.count);
      blocks++;
      continue;
    }
    if (!block) continue;
    if (block.phase !== "info") {
      if (typeof line === "string") tableLine(block, contentOf(line, block.prefix));
      else noteLong(block, line);
      continue;
    }
    const content = typeof line === "string" ? contentOf(line, block.prefix) : "";
    const s2 = content.trim();
    if (isRunnerCommand(s2)) continue;
    if (s2 !== "" && infoLine(block, s2)) continue;
    if (s2 !== "" && looksLikeInfoRow(content, block.locationColumn)) {
      note(block, s2);
      continue;
    }
    if (infoAhead(block, input, start)) {
      if (typeof line !== "string") noteLong(block, line);
      else if (s2 !== "") note(block, s2);
      continue;
    }
    close();
  }
  close();
  if (lastComplete) return toStats(lastComplete, blocks);
  if (!last) {
    throw new StatsParseError(`$: no "${ANCHOR}" line of sccache --show-stats in the text ${EXPECTED}`, "$");
  }
  throw new StatsParseError(
    `$: incomplete sccache stats: the block that starts at line ${last.line} has no "${missingOf(last)}" line ${EXPECTED}`,
    "$"
  );
}
function infoAhead(block, input, start) {
  for (let k = 0; k < INFO_LOOKAHEAD && start <= input.length; k++) {
    const end = lineEnd(input, start);
    const line = lineAt(input, start, end);
    start = end + 1;
    if (typeof line !== "string") continue;
    if (anchorOf(line)) return false;
    if (isPendingInfo(block, contentOf(line, block.prefix).trim())) return true;
  }
  return false;
}

// src/sccache/stats-input.ts
var parseStatsOutput = (output) => isStatsText(output) ? parseStatsText(output) : parseStats(output);

// src/util/bytes.ts
var UNITS = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

// src/util/percent.ts
var hitFraction = (hits, misses) => {
  const lookups = hits + misses;
  if (lookups === 0) return null;
  const fraction = hits / lookups;
  return misses > 0 && fraction >= 1 ? 1 - Number.EPSILON / 2 : fraction;
};
var percentDigits = (fraction) => {
  const tenths = Math.floor(fraction * 1e3 + 1e-9);
  return ((fraction < 1 ? Math.min(tenths, 999) : tenths) / 10).toFixed(1);
};
var formatPercent = (fraction) => fraction === null ? "-" : `${percentDigits(fraction)} %`;

// src/util/words.ts
var counted = (count, noun, plural = `${noun}s`) => `${count} ${count === 1 ? noun : plural}`;
function listed(items, max = 6, separator = ", ") {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}and ${items.length - max} more`;
}

// src/report/trend.ts
var stored = (rate) => rate === null ? null : Math.floor(Math.min(1, Math.max(0, rate)) * 1e4) / 1e4;
function hitRateTrend(previous, hitRate2) {
  const earlier = previous ? previous.trend ?? [stored(hitFraction(previous.hits, previous.misses))] : [];
  return [...earlier, stored(hitRate2)].slice(-MAX_TREND_RUNS);
}

// src/sccache/reasons.ts
var EXPECTED2 = {
  "crate-type": "bin, proc-macro, build-script and test crates (only lib/rlib/staticlib are cacheable)",
  "-": "input from stdin: cargo's target-info probe (`rustc - --print=…`)",
  "missing input": "no input file: cargo's `rustc -vV` version probe",
  "missing output_dir": "rustc called without --out-dir",
  "missing emit": "rustc called without --emit",
  "missing crate_name": "rustc called without --crate-name",
  "unsupported --emit": "--emit asm/llvm-ir/mir output",
  "--sysroot": "an explicit --sysroot",
  "-o": "an explicit -o output path for rustc",
  target: "a --target that sccache cannot classify",
  "target unsure": "a --target that sccache cannot classify",
  "-E": "preprocess only (build-script and configure probes)",
  "-M": "dependency output only",
  "-MM": "dependency output only",
  "-P": "preprocess without line markers",
  "-fsyntax-only": "syntax check only",
  "no input file": "a compiler call with no source file (usually a link or probe)",
  "multiple input files": "several sources in one compiler call",
  "unknown source language": "a source type sccache does not cache (e.g. assembly before 0.13)",
  "-x": "-x with a language sccache does not support",
  "@": "a response file sccache could not expand",
  "argument parse": "arguments sccache could not parse"
};
var FIXABLE = {
  incremental: {
    kind: "fixable",
    meaning: "rustc's incremental compilation (cargo's dev profile for workspace crates)",
    fix: 'CARGO_INCREMENTAL: "0"'
  },
  "multiple different -arch, and SCCACHE_CACHE_MULTIARCH not set": {
    kind: "fixable",
    meaning: "a universal (multi -arch) build",
    fix: 'SCCACHE_CACHE_MULTIARCH: "1"'
  },
  "shared pdb": {
    kind: "fixable",
    meaning: "MSVC /Zi debug info written to a shared PDB",
    fix: "compile with /Z7 instead of /Zi (e.g. CMAKE_MSVC_DEBUG_INFORMATION_FORMAT=Embedded)"
  }
};
function classifyReason(reason) {
  if (Object.hasOwn(FIXABLE, reason)) return FIXABLE[reason];
  const meaning2 = Object.hasOwn(EXPECTED2, reason) ? EXPECTED2[reason] : "a call sccache does not cache";
  return { kind: "expected", meaning: meaning2 };
}

// src/report/key-inputs.ts
import { createHash } from "node:crypto";
var KEY_VARIABLES = /* @__PURE__ */ new Set(["RUSTFLAGS", "CC", "CXX", "CFLAGS", "CXXFLAGS", "RUSTC"]);
var SHOWN = /^(RUSTFLAGS|CC|CXX|CFLAGS|CXXFLAGS|RUSTC|CARGO_ENCODED_RUSTFLAGS|CARGO_BUILD_\w+|CARGO_PROFILE_\w+|CARGO_INCREMENTAL|CARGO_TERM_\w+|CARGO_HOME|CARGO_TARGET_DIR|CARGO_TARGET_\w+_(RUSTFLAGS|LINKER|RUNNER)|CARGO_NET_\w+|CARGO_HTTP_\w+|CARGO_REGISTRIES_\w+_(INDEX|PROTOCOL)|CARGO_UNSTABLE_\w+)$/;
var LOOKS_SECRET = /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE|(^|_)KEY(_|$)|AUTH/i;
var fingerprint = (name3, value) => createHash("sha256").update(`${name3}\0${value}`).digest("hex").slice(0, 16);
function recordedValue(name3, value, secrets) {
  if (LOOKS_SECRET.test(name3) || secrets.some((s2) => s2.length >= 4 && value.includes(s2)))
    return { secret: true };
  if (SHOWN.test(name3)) return { value: redactedExcerpt(value, 4096) };
  return { hash: fingerprint(name3, value) };
}
function parseRustcVerbose(text2) {
  const field = (key) => new RegExp(`^${key}:\\s*(\\S{1,100})`, "m").exec(text2)?.[1];
  const release = field("release");
  if (!release) return void 0;
  const commitHash = field("commit-hash");
  const host = field("host");
  return { release, ...commitHash ? { commitHash } : {}, ...host ? { host } : {} };
}
function keyInputs(source) {
  const values = /* @__PURE__ */ new Map();
  for (const [name3, value] of Object.entries(source.env)) {
    if (value !== void 0 && (name3.startsWith("CARGO_") || KEY_VARIABLES.has(name3)))
      values.set(name3, value);
  }
  const builds = new Set(source.job?.builds.map((b) => b.stepIndex) ?? []);
  for (const e of source.job?.env ?? []) {
    const own = (e.level === "step" || e.level === "export") && builds.has(e.stepIndex ?? -1);
    if (own && (e.name.startsWith("CARGO_") || KEY_VARIABLES.has(e.name)) && !e.value.includes("${{")) {
      values.set(e.name, e.value);
    }
  }
  const env = /* @__PURE__ */ Object.create(null);
  for (const name3 of [...values.keys()].sort())
    env[name3] = recordedValue(name3, values.get(name3), source.secrets);
  const targets = new Set(source.logTargets);
  const buildTarget = source.env["CARGO_BUILD_TARGET"];
  if (buildTarget) targets.add(buildTarget);
  for (const target of targets) {
    if (target.length > 100 || "secret" in recordedValue("CARGO_BUILD_TARGET", target, source.secrets)) {
      targets.delete(target);
    }
  }
  return {
    sccacheVersion: source.sccacheVersion,
    ...source.namespace ? { namespace: source.namespace } : {},
    ...source.toolchain ? { rustc: source.toolchain } : {},
    targets: [...targets].sort().slice(0, 50),
    env: { ...env },
    ...source.workingDirectory ? { workingDirectory: source.workingDirectory } : {},
    ...source.cargoLockSha256 ? { cargoLock: source.cargoLockSha256 } : {}
  };
}
var shown = (v) => v === void 0 ? "(unset)" : "value" in v ? JSON.stringify(v.value) : "secret" in v ? "(a secret)" : "(set)";
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function compareInputs(before, after) {
  const changes = [];
  const add = (name3, a, b, why) => {
    if ((a ?? "") !== (b ?? ""))
      changes.push({ name: name3, before: a ?? "(unknown)", after: b ?? "(unknown)", why });
  };
  if (!before.namespace || !after.namespace)
    add(
      "sccache version",
      before.sccacheVersion,
      after.sccacheVersion,
      "another release may hash differently"
    );
  const rustc = (t) => t ? `${t.release}${t.commitHash ? ` (${t.commitHash.slice(0, 9)})` : ""}` : void 0;
  if (before.rustc && after.rustc)
    add("rustc", rustc(before.rustc), rustc(after.rustc), "the compiler is part of every key");
  add(
    "target",
    before.targets.join(", ") || "(host)",
    after.targets.join(", ") || "(host)",
    "--target is part of every Rust key"
  );
  for (const name3 of [.../* @__PURE__ */ new Set([...Object.keys(before.env), ...Object.keys(after.env)])].sort()) {
    const a = before.env[name3];
    const b = after.env[name3];
    if (same(a, b)) continue;
    const hidden = a && !("value" in a) || b && !("value" in b);
    const why = name3.startsWith("CARGO_") || name3 === "RUSTFLAGS" ? "part of every Rust key" : name3 === "RUSTC" ? "the compiler is part of every Rust key" : "part of every C/C++ key";
    changes.push({
      name: name3,
      before: hidden && a && b ? "changed" : shown(a),
      after: hidden && a && b ? "changed" : shown(b),
      why
    });
  }
  if (before.workingDirectory && after.workingDirectory)
    add(
      "working directory",
      before.workingDirectory,
      after.workingDirectory,
      "Rust keys include the working directory"
    );
  if (before.cargoLock && after.cargoLock && before.cargoLock !== after.cargoLock)
    changes.push({
      name: "Cargo.lock",
      before: "changed",
      after: "changed",
      why: "the crates whose versions changed miss once"
    });
  return changes;
}

// src/util/seconds.ts
var formatSeconds = (seconds3) => `${seconds3 < 10 ? seconds3.toFixed(2) : seconds3.toFixed(0)} s`;

// src/report/backend-estimate.ts
var GHA_READ_HIT_SECONDS = 0.093;
var GHA_WRITE_SECONDS = 0.139;
var GHA_MISS_LOOKUP_SECONDS = 0.046;
var GHA_UPLOADS_PER_MINUTE = 200;
var ARCHIVE_FIXED_SECONDS = 1.5;
var ARCHIVE_DOWNLOAD_BYTES_PER_SECOND = 85 * 1024 ** 2;
var ARCHIVE_UPLOAD_BYTES_PER_SECOND = 115 * 1024 ** 2;
var RUST_OBJECT_BYTES = 1024 ** 2;
var C_OBJECT_BYTES = 64 * 1024;
var ADVICE_FACTOR = 1.5;
var ADVICE_MIN_SECONDS = 10;
var s = formatSeconds;
var mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
var winsClearly = (a, b) => b >= a * ADVICE_FACTOR && b - a >= ADVICE_MIN_SECONDS;
function archiveBytes(input, objects) {
  if (input.restoredBytes !== void 0 && input.restoredBytes > 0)
    return { bytes: input.restoredBytes, how: `the ${mb(input.restoredBytes)} restored` };
  const rust = Math.min(objects, input.rustLookups);
  const others = objects - rust;
  return {
    bytes: rust * RUST_OBJECT_BYTES + others * C_OBJECT_BYTES,
    how: `${objects} objects at about ${rust > others ? "1 MiB" : "64 KiB"} each`
  };
}
function requestSeconds(input, writes) {
  if (input.hits > 0 && input.readHitSeconds > 0) return input.readHitSeconds / input.hits / 2;
  const writeSeconds = input.writeSeconds ?? 0;
  if (writes > 0 && writeSeconds > 0) return writeSeconds / writes / 3;
  return GHA_MISS_LOOKUP_SECONDS;
}
function estimateBackends(input) {
  const { backend, writes, hits, misses } = input;
  if (backend !== "gha" && backend !== "local" || writes === null || hits + misses === 0) return void 0;
  if (backend === "local" && input.setupBackend !== "local") return void 0;
  const lanes = Math.max(1, input.parallelism ?? 2);
  const size = archiveBytes(input, hits + writes);
  const download = ARCHIVE_FIXED_SECONDS + size.bytes / ARCHIVE_DOWNLOAD_BYTES_PER_SECOND;
  const upload = writes > 0 ? ARCHIVE_FIXED_SECONDS + size.bytes / ARCHIVE_UPLOAD_BYTES_PER_SECOND : 0;
  const common = { writes, uploadsPerMinute: GHA_UPLOADS_PER_MINUTE };
  if (backend === "gha") {
    const measured = (hits > 0 ? input.readHitSeconds : 0) + (input.writeSeconds ?? 0) + (input.missLookupSeconds ?? misses * requestSeconds(input, writes));
    const compileEach = input.compilerSeconds !== null && (input.compilations ?? 0) > 0 ? input.compilerSeconds / input.compilations : 0;
    const refused = {
      writes: input.rateLimitedWrites,
      seconds: input.rateLimitedWrites * compileEach / lanes
    };
    const perObject2 = {
      seconds: measured / lanes,
      how: `${s(measured)} in the cache this run (${hits} reads, ${writes} writes, ${misses} lookups that missed) over ${lanes} parallel compiles`
    };
    const archive2 = {
      seconds: download + upload,
      how: `one ${mb(size.bytes)} archive (${size.how}): ${s(download)} to restore${upload ? `, ${s(upload)} to save` : ""}`
    };
    const wins2 = winsClearly(archive2.seconds, perObject2.seconds + refused.seconds);
    return {
      current: "gha",
      perObject: perObject2,
      archive: archive2,
      refused,
      ...common,
      ...wins2 ? { recommend: "local" } : {}
    };
  }
  const restore = input.restoreSeconds ?? download;
  const estimated = hits * GHA_READ_HIT_SECONDS + writes * GHA_WRITE_SECONDS + misses * GHA_MISS_LOOKUP_SECONDS;
  const perObject = {
    seconds: estimated / lanes,
    how: `${hits} reads at ${GHA_READ_HIT_SECONDS} s, ${writes} writes at ${GHA_WRITE_SECONDS} s and ${misses} lookups at ${GHA_MISS_LOOKUP_SECONDS} s over ${lanes} parallel compiles`
  };
  const archive = {
    seconds: restore + upload,
    how: `${input.restoreSeconds !== void 0 ? `${s(restore)} restoring` : `about ${s(restore)} to restore`} ${mb(size.bytes)}${upload ? `, about ${s(upload)} to save` : ""}`
  };
  const wins = writes < GHA_UPLOADS_PER_MINUTE && winsClearly(perObject.seconds, archive.seconds);
  return {
    current: "local",
    perObject,
    archive,
    refused: { writes: 0, seconds: 0 },
    ...common,
    ...wins ? { recommend: "gha" } : {}
  };
}

// src/report/facts.ts
var sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
var hitRate = hitFraction;
var STORE_NAMES = {
  s3: "S3",
  redis: "Redis",
  memcached: "Memcached",
  gcs: "GCS",
  azure: "Azure Blob Storage",
  webdav: "WebDAV",
  oss: "OSS",
  cos: "COS"
};
function remoteStoreOf(location, setup) {
  const kind = STORE_NAMES[location.backend];
  if (!kind) return void 0;
  if (setup?.store && setup.store.kind === location.backend) return setup.store.name ?? setup.store.described;
  return location.backend === "s3" && location.name ? `S3 bucket \`${location.name}\`` : kind;
}
function buildFacts(stats, context = {}) {
  const suffix = context.namespaceSuffix ?? context.setup?.namespaceSuffix;
  const namespaces = stats.version ? [ghaNamespace(stats.version, suffix), ghaNamespace(stats.version)] : [];
  const hits = sum(stats.cacheHits);
  const misses = sum(stats.cacheMisses);
  const languageNames = [
    .../* @__PURE__ */ new Set([
      ...Object.keys(stats.cacheHits),
      ...Object.keys(stats.cacheMisses),
      ...Object.keys(stats.cacheErrors)
    ])
  ].sort();
  const languages = languageNames.map((language) => {
    const h = stats.cacheHits[language] ?? 0;
    const m = stats.cacheMisses[language] ?? 0;
    return { language, hits: h, misses: m, errors: stats.cacheErrors[language] ?? 0, hitRate: hitRate(h, m) };
  });
  const nonCacheable = Object.entries(stats.notCached).filter(([, count]) => count > 0).map(([reason, count]) => ({ reason, count, ...classifyReason(reason) })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const countOf = (kind) => nonCacheable.filter((r) => r.kind === kind).reduce((total, r) => total + r.count, 0);
  const location = decodeLocation(stats.cacheLocation, namespaces);
  const namespace = location.backend === "gha" ? location.namespace ?? context.setup?.namespace : void 0;
  const version = stats.version ? parseVersion(stats.version) : void 0;
  const everyWriteRefused = stats.cacheWrites === 0 && stats.cacheWriteErrors > 0 && misses > 0 && stats.cacheWriteErrors >= 0.9 * misses;
  const remoteStore = remoteStoreOf(location, context.setup);
  const facts = {
    ...remoteStore ? { remoteStore } : {},
    stats,
    location,
    levels: (stats.multiLevel ?? []).map((level) => ({
      stats: level,
      location: decodeLocation(level.location, namespaces)
    })),
    host: hostFromServerUrl(context.serverUrl),
    hits,
    misses,
    lookups: hits + misses,
    hitRate: hitRate(hits, misses),
    cacheErrors: sum(stats.cacheErrors),
    languages,
    nonCacheable,
    expectedNonCacheable: countOf("expected"),
    fixableNonCacheable: countOf("fixable"),
    ...namespace ? { namespace } : {},
    everyWriteRefused,
    readOnlyStorage: everyWriteRefused && !logSaysWritable(context.log),
    readOnlyByDesign: context.setup ? readOnlyInEffect(context.setup.readOnly) : false,
    speaksGhaV2: version?.semver ? capabilitiesOf(version).ghaV2 : false,
    ...context.setup ? { setup: context.setup } : {},
    ...context.log ? { log: context.log } : {},
    ...context.previousRun ? { previousRun: context.previousRun } : {},
    trend: hitRateTrend(context.previousRun, hitRate(hits, misses)),
    ...context.scope ? { scope: context.scope, scopeDescription: describeScope(context.scope) } : {},
    tagRun: isTagRun(context.scope),
    ...context.inputs ? { inputs: context.inputs } : {},
    inputChanges: context.inputs && context.previousRun ? compareInputs(context.previousRun.inputs, context.inputs) : [],
    ...context.previousRun ? {
      comparedWith: comparedWith(context.previousRun.ref, context.scope)
    } : {},
    crateMisses: crateMisses(context.log, context.previousRun),
    // Without setup's snapshot the log's own starts and resets cannot be told from later ones.
    ...context.setup?.serverLog && context.log ? { server: serverHistory(context.setup.serverLog, context.log) } : {},
    ...context.wrapper ? { wrapper: context.wrapper } : {},
    ...context.cacheListing ? { cacheListing: context.cacheListing } : {},
    ...context.workspace ? { workspace: context.workspace } : {},
    ...context.parallelism ? { parallelism: context.parallelism } : {}
  };
  const backendEstimate = estimateBackends({
    backend: location.backend,
    ...context.setup?.backend ? { setupBackend: context.setup.backend } : {},
    hits,
    misses,
    rustLookups: (stats.cacheHits["Rust"] ?? 0) + (stats.cacheMisses["Rust"] ?? 0),
    writes: stats.cacheWrites,
    readHitSeconds: stats.cacheReadHitSeconds,
    writeSeconds: stats.cacheWriteSeconds,
    compilerSeconds: stats.compilerSeconds,
    compilations: stats.compilations ?? null,
    ...context.log ? { missLookupSeconds: context.log.missLookupSeconds } : {},
    rateLimitedWrites: context.log?.rateLimitedWrites ?? 0,
    ...context.parallelism ? { parallelism: context.parallelism } : {},
    ...context.setup?.localCache?.restoreSeconds !== void 0 ? { restoreSeconds: context.setup.localCache.restoreSeconds } : {},
    ...context.setup?.localCache?.restoredBytes !== void 0 ? { restoredBytes: context.setup.localCache.restoredBytes } : {}
  });
  return backendEstimate ? { ...facts, backendEstimate } : facts;
}
function logSaysWritable(log) {
  if (!log) return false;
  const writes = log.failures.writes;
  const logged = Object.values(writes).reduce((a, b) => a + b, 0);
  if (logged > 0) return writes["read-only"] === 0;
  return log.storageCheck?.result === "read-write";
}
var isTagRun = (scope) => scope !== void 0 && (scope.ref.startsWith("refs/tags/") || scope.event === "release" || scope.event === "create");
function crateMisses(log, previous) {
  if (!log) return [];
  const hitBefore = new Set(previous?.crates.hit ?? []);
  return [...log.outcomes].filter(([, counts]) => counts.misses > 0).map(([name3, counts]) => ({ name: name3, misses: counts.misses, hitBefore: hitBefore.has(name3) })).sort(
    (a, b) => Number(b.hitBefore) - Number(a.hitBefore) || b.misses - a.misses || a.name.localeCompare(b.name)
  );
}
function serverHistory(at, log) {
  return {
    laterStarts: Math.max(0, log.serverStarts - at.starts),
    laterStops: Math.max(0, log.shutdowns - at.shutdowns),
    laterZeroes: Math.max(0, log.zeroStats - at.zeroStats),
    endsInShutdown: log.endsInShutdown,
    loggedCompiles: log.compileRequestsSinceReset
  };
}
function comparedWith(ref, scope) {
  const kind = !scope || ref === scope.ref ? "this ref" : scope.defaultBranch && ref === `refs/heads/${scope.defaultBranch}` ? "the default branch" : scope.baseRef && ref === `refs/heads/${scope.baseRef}` ? "the base branch" : "another ref";
  return { ref, sameRef: kind === "this ref", kind };
}

// src/report/fit-fix.ts
var import_yaml = __toESM(require_dist(), 1);
import { isDeepStrictEqual } from "node:util";
var KEY = /^(?:([A-Za-z0-9_][A-Za-z0-9_.-]*)|"([^"\\]*)"|'([^']*)')[ ]*:(?: +(.*))?$/;
var NO_KEY_ON_DASH_LINE = /^(?:[&!][^ ]* *)*(?:#.*)?$/;
var isBlank2 = (line) => line.content === "";
var isComment = (line) => line.content.startsWith("#");
var isSeqEntry = (line) => /^-( |$)/.test(line.content);
function keyOf(line, at) {
  const match = KEY.exec(line.content);
  if (!match) return void 0;
  const name3 = match[1] ?? match[2] ?? match[3] ?? "";
  const written = line.content.slice(0, line.content.indexOf(":", name3.length)).trimEnd();
  return { name: name3, written, value: match[4] ?? "", at };
}
function keysAt(lines, from, to, indent) {
  const keys = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (isBlank2(line) || isComment(line) || line.indent > indent) continue;
    if (line.indent === indent && isSeqEntry(line) && keys.length > 0) continue;
    const key = line.indent === indent ? keyOf(line, i) : void 0;
    if (!key) return void 0;
    keys.push(key);
  }
  return keys;
}
function lastDeeper(lines, from, to, indent, fallback) {
  let last = fallback;
  for (let i = from; i < to; i++) if (!isBlank2(lines[i]) && lines[i].indent > indent) last = i;
  return last;
}
function stepValue(texts, dashColumn) {
  const text2 = texts.map((t) => t.slice(Math.min(dashColumn, t.length - t.trimStart().length))).join("\n");
  try {
    const doc = (0, import_yaml.parseDocument)(text2, { uniqueKeys: true, merge: false });
    if (doc.errors.length) return void 0;
    const value = doc.toJS({ maxAliasCount: 0 });
    if (!Array.isArray(value) || value.length !== 1) return void 0;
    const step = value[0];
    return step && typeof step === "object" && !Array.isArray(step) ? step : void 0;
  } catch {
    return void 0;
  }
}
function meaning(value) {
  const doc = (0, import_yaml.parseDocument)(`x: ${value}`);
  return doc.errors.length ? /* @__PURE__ */ Symbol("unparsable") : doc.toJS().x;
}
function fitOurStep(source, inputs) {
  const first = source[0];
  const names = Object.keys(inputs);
  if (!first || names.length === 0) return void 0;
  if (names.some((name3) => !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name3))) return void 0;
  if (source.some((s2) => /^ *\t/.test(s2.text))) return void 0;
  if (source.some((s2) => /: *[|>](\d?\+|\+\d)/.test(s2.text))) return void 0;
  const dash = /^( *)-( +|$)(.*)$/.exec(first.text);
  if (!dash) return void 0;
  const dashColumn = dash[1].length;
  const lines = source.map((s2) => {
    const content = s2.text.trim();
    return { indent: content ? s2.text.length - s2.text.trimStart().length : 0, content };
  });
  const onDash = dash[3].trim();
  let keyColumn;
  let keysFrom;
  if (NO_KEY_ON_DASH_LINE.test(onDash)) {
    const firstKey = lines.findIndex((l, i) => i > 0 && !isBlank2(l) && !isComment(l));
    if (firstKey < 0) return void 0;
    keyColumn = lines[firstKey].indent;
    keysFrom = 1;
  } else {
    keyColumn = dashColumn + 1 + dash[2].length;
    lines[0] = { indent: keyColumn, content: onDash };
    keysFrom = 0;
  }
  if (keyColumn <= dashColumn) return void 0;
  const stepKeys = keysAt(lines, keysFrom, lines.length, keyColumn);
  if (!stepKeys || stepKeys.some((k) => k.name === "<<")) return void 0;
  const withKeys = stepKeys.filter((k) => k.name === "with");
  if (withKeys.length > 1) return void 0;
  const withKey = withKeys[0];
  const texts = source.map((s2) => s2.text);
  const set = (indent, name3) => `${" ".repeat(indent)}${name3}: ${inputs[name3]}`;
  let out;
  if (!withKey) {
    const withIndent = keyColumn + 2;
    out = [...texts, `${" ".repeat(keyColumn)}with:`, ...names.map((name3) => set(withIndent, name3))];
  } else {
    if (withKey.value !== "" && !withKey.value.startsWith("#")) return void 0;
    const next = stepKeys.find((k) => k.at > withKey.at)?.at ?? lines.length;
    const firstEntry = lines.findIndex((l, i) => i > withKey.at && i < next && !isBlank2(l) && !isComment(l));
    const withIndent = firstEntry < 0 ? keyColumn + 2 : lines[firstEntry].indent;
    const entries = keysAt(lines, withKey.at + 1, next, withIndent);
    if (!entries || new Set(entries.map((e) => e.name)).size !== entries.length) return void 0;
    const blockEnd = lastDeeper(lines, withKey.at + 1, next, keyColumn, withKey.at);
    const edited = [...texts];
    for (const entry of entries) {
      if (!Object.hasOwn(inputs, entry.name)) continue;
      let lastOfValue = entry.at;
      for (let i = entry.at + 1; i < next; i++) {
        const line = lines[i];
        if (isBlank2(line)) continue;
        if (line.indent < withIndent || line.indent === withIndent && !isSeqEntry(line)) break;
        lastOfValue = i;
      }
      for (let i = entry.at + 1; i <= lastOfValue; i++) edited[i] = void 0;
      edited[entry.at] = `${" ".repeat(withIndent)}${entry.written}: ${inputs[entry.name]}`;
    }
    const have = new Set(entries.map((e) => e.name));
    const added = names.filter((name3) => !have.has(name3)).map((name3) => set(withIndent, name3));
    out = [...edited.slice(0, blockEnd + 1), ...added, ...edited.slice(blockEnd + 1)].filter(
      (t) => t !== void 0
    );
  }
  const before = stepValue(texts, dashColumn);
  const after = stepValue(out, dashColumn);
  if (!before || !after) return void 0;
  const wanted = Object.fromEntries(names.map((name3) => [name3, meaning(inputs[name3])]));
  const oldWith = before.with ?? {};
  if (typeof oldWith !== "object" || oldWith === null || Array.isArray(oldWith)) return void 0;
  if (!isDeepStrictEqual(after, { ...before, with: { ...oldWith, ...wanted } })) return void 0;
  return { text: out.join("\n"), firstLine: first.line, lastLine: source[source.length - 1].line };
}

// src/report/rules/fixes.ts
var ourStep = (...withLines) => `- uses: org/sccache-guard@v1
  with:
${withLines.map((line) => `    ${line}`).join("\n")}`;
var inputsOf = (withLines) => Object.fromEntries(
  withLines.map((line) => {
    const at = line.indexOf(": ");
    return at < 0 ? [line.replace(/:$/, ""), ""] : [line.slice(0, at), line.slice(at + 2)];
  })
);
var ourStepSnippet = (inputs) => ourStep(...Object.entries(inputs).map(([name3, value]) => `${name3}: ${value}`));
var ourStepFix = (...withLines) => {
  const stepInputs = inputsOf(withLines);
  return { snippet: ourStepSnippet(stepInputs), stepInputs };
};
var withOurStep = (before, step, after = "") => ({
  fix: `${before ? `${before}
` : ""}${step.snippet}${after}`,
  stepInputs: step.stepInputs
});
var LOCAL_BACKEND = ourStepFix("backend: local");
var USE_LOCAL_BACKEND = LOCAL_BACKEND.snippet;
var PINNED_SCCACHE = `sccache-version: ${NEWEST_TESTED_VERSION}   # 0.15.0 on macOS and Windows`;
var V2_ENV_FOR_OTHER_SERVERS = '# in every step and container that starts sccache (run: steps do not get these by themselves):\nenv:\n  ACTIONS_CACHE_SERVICE_V2: "on"\n  ACTIONS_RESULTS_URL: ${{ env.ACTIONS_RESULTS_URL }}\n  ACTIONS_RUNTIME_TOKEN: ${{ env.ACTIONS_RUNTIME_TOKEN }}';

// src/report/rules/rule.ts
var SEVERITY_ORDER = ["error", "warning", "notice"];
var percent = (fraction) => formatPercent(fraction);
var listCounts = (rows, max = 6) => {
  const shown2 = rows.slice(0, max).map((r) => `\`${r.reason}\` ${r.count}`);
  return rows.length > max ? `${shown2.join(", ")}, and ${rows.length - max} more` : shown2.join(", ");
};

// src/report/rules/backend-fallback.ts
var backendFallback = {
  id: "backend-fallback",
  severity: "warning",
  name: "Setup fell back to local disk",
  // Setup already annotated the fallback with sccache's error; the report keeps it in the summary.
  actionable: false,
  docs: {
    meaning: "The planned backend failed its preflight: the sccache server did not start with it, or started with another cache location than planned. With `on-backend-failure: fallback` setup started sccache on local disk instead, so the build was cached locally but nothing was shared with other runs.",
    evidence: "sccache's own startup error, or the location it reported instead of the planned one.",
    fix: "Fix what the error names (credentials, protocol, the service being down); `on-backend-failure: fail` makes such a run fail instead."
  },
  check(facts) {
    const setup = facts.setup;
    if (!setup?.preflight.fallback) return void 0;
    return {
      title: `${setup.store ? setup.store.name ?? setup.store.described : `The ${setup.plannedBackend} cache`} failed its preflight; this run used local disk`,
      evidence: `sccache said: ${setup.preflight.error ?? "unknown error"}.`,
      ...withOurStep(
        "# Fix the cause above; to fail instead of falling back:",
        ourStepFix("on-backend-failure: fail")
      )
    };
  }
};

// src/report/rules/foreign-server.ts
var foreignServer = {
  id: "foreign-server",
  severity: "notice",
  name: "Another sccache server was running on this machine",
  // Nothing in this job to change: setup already kept clear of it.
  actionable: false,
  docs: {
    meaning: "When setup began, a sccache server was already listening on the port sccache uses by default (or on the job's own `SCCACHE_SERVER_PORT`): another job's on a self-hosted machine that runs several at once, or one an earlier job left running. Setup left it alone (stopping it would break that job's build mid-compile) and started this job's server on a free port of its own, exported as `SCCACHE_SERVER_PORT`.",
    evidence: "The port, and what that server said of itself: its sccache version and cache location.",
    fix: "Nothing to do in this job. A leftover server on a self-hosted runner holds an earlier job's settings: the post step now stops the server it started, so it comes from a job that did not use sccache-guard's post step."
  },
  check(facts) {
    const found = facts.setup?.foreignServer;
    if (!found) return void 0;
    const who = [
      found.version ? `sccache ${found.version}` : "",
      found.location ? `cache location \`${found.location}\`` : ""
    ].filter(Boolean);
    const port = facts.setup?.serverPort;
    return {
      title: `A sccache server setup did not start was running on port ${found.port}; it was left alone`,
      evidence: `${who.length ? `It said: ${who.join(", ")}` : "It did not say who it is"}. This job's server ran on port ${port ?? "a port of its own"}, and its counters are this job's alone.`,
      fix: !found.namedByJob ? "Nothing to change here: setup never stops a server it did not start." : `# The job named port ${found.port} (SCCACHE_SERVER_PORT). A workflow \`env:\` value wins over the port setup
# exports, and compiles would then talk to that other server: remove it and let setup choose.`
    };
  }
};

// src/report/rules/backend-overridden.ts
var backendOverridden = {
  id: "backend-overridden",
  severity: "warning",
  name: "Another backend variable beats the GitHub cache",
  actionable: true,
  docs: {
    meaning: "sccache picks the first configured backend in the order S3 > Redis > Memcached > GCS > GHA > Azure > WebDAV > OSS > COS. A stray `SCCACHE_BUCKET`, `SCCACHE_REDIS*`, `SCCACHE_MEMCACHED*` or `SCCACHE_GCS_BUCKET` in the job silently wins over `backend: gha`.",
    evidence: "The variables present in the action environment that select a higher-precedence backend.",
    fix: "Remove those variables from the workflow, or say `backend: external` if that store is the one you want."
  },
  check(facts) {
    const setup = facts.setup;
    const found = setup?.environment.higherPrecedenceBackends ?? [];
    if (!setup || setup.requestedBackend !== "gha" || found.length === 0) return void 0;
    return {
      title: `${found.join(", ")} override the GitHub cache backend`,
      evidence: `backend: gha was asked for, but ${found.join(", ")} ${found.length > 1 ? "are" : "is"} set and sccache prefers ${found.length > 1 ? "them" : "it"}; the server reported \`${facts.stats.cacheLocation}\`.`,
      ...withOurStep(
        "# remove from the workflow env, or use the store on purpose:",
        ourStepFix("backend: external")
      )
    };
  }
};

// src/report/rules/cache-errors.ts
function failedReads(facts) {
  const failures = facts.log?.failures;
  if (!failures) return { count: 0, sentence: "" };
  const { reads } = failures;
  const statuses = failures.statuses.filter((s2) => s2 >= 500);
  const parts = [
    reads["server-error"] ? `${reads["server-error"]} answered ${statuses.length ? statuses.map((s2) => `HTTP ${s2}`).join("/") : "HTTP 5xx"} (a server error)` : "",
    reads["rate-limited"] ? `${reads["rate-limited"]} refused with HTTP 429 (rate limited)` : "",
    reads.denied ? `${reads.denied} denied (HTTP 401/403: the token)` : "",
    reads.other ? `${reads.other} failed otherwise` : ""
  ].filter(Boolean);
  const count = reads["server-error"] + reads["rate-limited"] + reads.denied + reads.other;
  if (count === 0) return { count, sentence: "" };
  const examples = failures.examples.reads;
  const example = examples["server-error"] ?? examples["rate-limited"] ?? examples.denied ?? examples.other;
  return {
    count,
    sentence: ` The sccache log shows ${counted(count, "cache read")} that failed: ${parts.join(", ")}; sccache counts each as a plain miss.${example ? ` It says: ${example}${example.endsWith(".") ? "" : "."}` : ""}`
  };
}
var cacheErrors = {
  id: "cache-errors",
  severity: "notice",
  name: "Cache errors",
  actionable: true,
  docs: {
    meaning: "sccache counts two things as cache errors: a hash key it could not compute (the preprocessor or `rustc --emit=dep-info` failed, usually a source that does not compile, such as a configure probe for a missing header) and a cache read that failed (disk I/O, a corrupt entry), which is also a miss. The stats cannot tell them apart, so this is a notice, and a warning only when the errors cover every miss, which is what a broken cache looks like. A remote read that the service answered with an error (429, 5xx) is counted as a plain miss instead; the sccache log shows those, and they are a warning too.",
    evidence: "`cache_errors` per language, beside `cache_misses` and `compile_fails`; the log's `Got unexpected error: …` lines with the status the service answered.",
    fix: "Look for `Cache read error` in the sccache log. For a local cache make sure `SCCACHE_DIR` is a writable directory; errors from sources that do not compile need no cache fix. Reads the service failed are usually transient; `backend: local` keeps lookups on local disk."
  },
  check(facts) {
    const reads = failedReads(facts);
    if (facts.cacheErrors === 0 && reads.count === 0) return void 0;
    if (facts.cacheErrors === 0) {
      return {
        severity: "warning",
        title: `${counted(reads.count, "cache read")} failed at the service and counted as misses`,
        evidence: `${reads.sentence.trim()} Lookups: ${facts.lookups}, misses: ${facts.misses}.`,
        ...withOurStep(
          "# The service failed the lookups (usually transient); lookups on local disk avoid it:",
          LOCAL_BACKEND
        )
      };
    }
    const perLanguage = facts.languages.filter((l) => l.errors > 0).map((l) => `${l.language} ${l.errors}`).join(", ");
    const brokenStorage = facts.misses > 0 && facts.cacheErrors >= facts.misses && facts.cacheErrors > facts.stats.compileFails;
    return {
      ...brokenStorage || reads.count > 0 ? { severity: "warning" } : {},
      title: brokenStorage ? `${counted(facts.cacheErrors, "cache error")} for ${counted(facts.misses, "miss", "misses")}: reading the cache fails` : `${counted(facts.cacheErrors, "cache error")} (usually sources that fail to preprocess)`,
      evidence: `cache_errors: ${perLanguage}; misses: ${facts.misses}; compile_fails: ${facts.stats.compileFails}.${reads.sentence}`,
      fix: '# Read the sccache log ("Cache read error" lines). For a local cache, SCCACHE_DIR must be a\n# writable directory; a source that fails to preprocess is counted here too.'
    };
  }
};

// src/report/rules/dead-env-var.ts
var deadEnvVar = {
  id: "dead-env-var",
  severity: "warning",
  name: "Variables sccache does not read",
  actionable: true,
  docs: {
    meaning: "Advice on the web is full of sccache variables that do nothing: `SCCACHE_GHA_CACHE_TO`, `SCCACHE_GHA_CACHE_FROM`, `SCCACHE_GHA_CACHE_URL` and `SCCACHE_GHA_RUNTIME_TOKEN` existed only in 0.3.x; `SCCACHE_BASEDIR`, `SCCACHE_LOG_LEVEL` and `SCCACHE_STARTUP_TIMEOUT` never existed; `SCCACHE_GHA_RW_MODE` exists only from 0.16.0. Whatever they were meant to do is not happening.",
    evidence: "The variables set in the job, judged against the sccache version in use.",
    fix: "Delete them, and use what the finding names instead."
  },
  check(facts) {
    const dead = facts.setup?.environment.dead ?? [];
    if (dead.length === 0) return void 0;
    return {
      title: `${dead.map((d) => d.name).join(", ")} ${dead.length > 1 ? "do" : "does"} nothing in sccache ${facts.setup?.sccacheVersion}`,
      evidence: dead.map((d) => `${d.name}: ${d.why}`).join("; ") + ".",
      fix: `# delete from the workflow env:
${dead.map((d) => `#   ${d.name}`).join("\n")}`
    };
  },
  checkJob(job) {
    const dead = job.env.filter((e) => e.dead);
    if (dead.length === 0) return void 0;
    const names = [...new Set(dead.map((d) => d.name))];
    return {
      title: `${names.join(", ")} ${names.length > 1 ? "do" : "does"} nothing in sccache ${job.sccacheVersion}`,
      evidence: dead.map((d) => `${d.name} (line ${d.line}): ${d.dead}`).join("; ") + ".",
      fix: `# delete:
${dead.map((d) => `#   ${d.name}: ${d.value}   (line ${d.line})`).join("\n")}`,
      line: dead[0].line
    };
  }
};

// src/report/rules/invalid-env-value.ts
var invalidEnvValue = {
  id: "invalid-env-value",
  severity: "warning",
  name: "A value this sccache version ignores or rejects",
  actionable: true,
  docs: {
    meaning: "`SCCACHE_GHA_ENABLED` is read differently by version: before 0.8.0 only exactly `true` or `on` enable it (so `1` is ignored); from 0.8.0 any value other than true/on/1/false/off/0 is a configuration error and every sccache command fails. An empty `SCCACHE_GHA_VERSION` still enables GHA before 0.16. sccache 0.7.7 and newer refuse to run at all with `CARGO_INCREMENTAL=1` (seen on real binaries).",
    evidence: "The variable, its value where it is not secret, and what this version does with it.",
    fix: 'Use `SCCACHE_GHA_ENABLED: "true"`, drop empty `SCCACHE_GHA_VERSION`, and `CARGO_INCREMENTAL: "0"`.'
  },
  check(facts) {
    const invalid = facts.setup?.environment.invalid ?? [];
    if (invalid.length === 0) return void 0;
    return {
      title: `${invalid.map((i) => i.name).join(", ")}: a value sccache ${facts.setup?.sccacheVersion} ignores or rejects`,
      evidence: invalid.map((i) => `${i.name}: ${i.why}`).join("; ") + ".",
      fix: 'env:\n  SCCACHE_GHA_ENABLED: "true"   # not 1 (ignored before 0.8), not yes (fatal from 0.8)\n  CARGO_INCREMENTAL: "0"'
    };
  },
  checkJob(job) {
    const invalid = job.env.filter((e) => e.invalid);
    if (invalid.length === 0) return void 0;
    return {
      title: `${[...new Set(invalid.map((i) => i.name))].join(", ")}: a value sccache ${job.sccacheVersion} ignores or rejects`,
      evidence: invalid.map((i) => `${i.name}="${i.value}" (line ${i.line}): ${i.invalid}`).join("; ") + ".",
      fix: invalid.map(
        (i) => i.name === "SCCACHE_GHA_ENABLED" ? `SCCACHE_GHA_ENABLED: "true"   # line ${i.line}; not 1 (ignored before 0.8), not yes (fatal from 0.8)` : `# line ${i.line}: delete ${i.name}="${i.value}"`
      ).join("\n"),
      line: invalid[0].line
    };
  }
};

// src/report/rules/sccache-too-old.ts
var sccacheTooOld = {
  id: "sccache-too-old",
  severity: "warning",
  name: "This sccache cannot use the GitHub cache here",
  actionable: true,
  docs: {
    meaning: "sccache before 0.10.0 speaks only the v1 cache protocol, which github.com shut down on 2025-04-15; enabling its GHA backend there makes the server fail to start and every compile exit 2. Builds without the GHA backend (Debian's 0.4) fail the same way. Setup therefore kept this run on local disk.",
    evidence: "The sccache version and the host (github.com, *.ghe.com or GHES).",
    fix: "Use sccache 0.10.0 or newer: remove the old one from PATH and let setup install its pinned version."
  },
  check(facts) {
    const setup = facts.setup;
    if (!setup?.tooOldBecause) return void 0;
    return {
      title: `sccache ${setup.sccacheVersion} cannot use the GitHub cache on ${setup.host}`,
      evidence: `${setup.tooOldBecause}; this run used ${setup.backend ?? "no"} cache storage instead.`,
      ...withOurStep(
        "# and no older sccache earlier on PATH (setup uses one found there first)",
        ourStepFix(PINNED_SCCACHE)
      )
    };
  }
};

// src/report/rules/cache-timeouts.ts
var cacheTimeouts = {
  id: "cache-timeouts",
  severity: "warning",
  name: "Cache lookups timed out",
  actionable: true,
  docs: {
    meaning: "A lookup that takes longer than 60 s (hard-coded in sccache) is abandoned and the file is compiled. The storage is too slow or throttled; each timeout also costs a minute of build time.",
    evidence: "`cache_timeouts` > 0 (each one is also counted as a miss), or `[crate]: Cache timed out 60.001 s` lines in the sccache log.",
    fix: "Look for `Cache timed out` in the sccache log; move to a faster backend or `backend: local`."
  },
  check(facts) {
    const fromStats = facts.stats.cacheTimeouts;
    const fromLog = facts.log?.timeouts ?? 0;
    const n = fromStats || fromLog;
    if (n === 0) return void 0;
    const quote = facts.log?.firstTimeout ? ` The sccache log says: ${facts.log.firstTimeout}` : "";
    return {
      title: `${n} cache lookups timed out after 60 s`,
      evidence: fromStats ? `cache_timeouts is ${n}; each counted as a miss (of ${facts.misses}) and cost up to a minute.${quote}` : `The sccache log shows ${n} (the stats, reset since, show none); each was a miss and cost a minute.${quote}`,
      ...withOurStep(
        "# A slow or throttled remote cache; one archive per job avoids per-object lookups:",
        LOCAL_BACKEND
      )
    };
  }
};

// src/report/rules/cache-unreachable.ts
var cacheUnreachable = {
  id: "cache-unreachable",
  severity: "warning",
  name: "The cache service could not be reached",
  actionable: true,
  docs: {
    meaning: "Cache reads or writes got no answer at all: the connection was refused or reset, or broke in the middle of an upload (sccache logs `send http request`). The service went away, or something between the runner and it (a proxy, a firewall, the network) dropped the requests. sccache never retries: a failed read is counted as a plain miss and the crate is compiled, a failed write is lost and misses again next run. This is not a read-only cache (`read-only-cache`: the startup write check failed) nor writes the service refused (`write-errors`: it answered 429 or 5xx).",
    evidence: "The sccache log since the server started: `Got unexpected error: … => send http request` (reads) and `Error executing cache write: … => send http request` (writes), with what the network said (`Connection refused`, `Connection reset by peer`, `connection closed before message completed`).",
    fix: "Usually transient: re-run the job. If it recurs, `backend: local` keeps the build off the network (one archive restored before and saved after the job, with retries); on a self-hosted runner, check the proxy or firewall between the runner and the cache service."
  },
  check(facts) {
    const failures = facts.log?.failures;
    if (!failures) return void 0;
    const reads = failures.reads.unreachable;
    const writes = failures.writes.unreachable;
    if (reads + writes === 0) return void 0;
    const { stats } = facts;
    const what = [
      reads ? `${counted(reads, "cache read")} (of ${facts.lookups} lookups, each counted as a miss)` : "",
      writes ? `${counted(writes, "cache write")}${stats.cacheWrites === null ? "" : ` (of ${stats.cacheWrites + stats.cacheWriteErrors})`}` : ""
    ].filter(Boolean).join(" and ");
    const network = failures.networkErrors.length ? ` (${failures.networkErrors.join(", ")})` : "";
    const wasUp = facts.log?.storageCheck?.result === "read-write" && facts.log.storageCheck.checked ? " The startup check had written its probe (storage check result: ReadWrite): the service was reachable then; these failed during the build." : "";
    const example = failures.examples.reads.unreachable ?? failures.examples.writes.unreachable;
    return {
      title: `${counted(reads + writes, "cache request")} got no answer from ${facts.remoteStore ?? "the cache service"}${network}`,
      evidence: `${what[0].toUpperCase()}${what.slice(1)} failed without an answer from the service${network}.` + wasUp + (example ? ` The sccache log says: ${example}${example.endsWith(".") ? "" : "."}` : ""),
      ...withOurStep(
        "# Usually transient (the service or the network between): re-run. If it recurs, keep the build\n# off the network: one archive of SCCACHE_DIR restored before and saved after the job, with retries:",
        LOCAL_BACKEND
      )
    };
  }
};

// src/report/rules/cold-cache.ts
function warmElsewhere(facts) {
  const other = facts.cacheListing?.byRef.find((r) => r.ref !== facts.scope?.ref && r.entries > 0);
  return other ? `${other.ref} holds ${other.entries} entries of this namespace` : void 0;
}
function firstRunOnDefaultBranch(facts) {
  const scope = facts.scope;
  return facts.location.backend === "gha" && scope !== void 0 && scope.defaultBranch !== void 0 && scope.ref === `refs/heads/${scope.defaultBranch}` && facts.previousRun === void 0 && warmElsewhere(facts) === void 0;
}
function coldFix(facts) {
  const { location } = facts;
  if (firstRunOnDefaultBranch(facts)) return { fix: "" };
  if (location.backend === "gha") {
    const ns = location.namespace ?? `the hashed namespace ${location.name}`;
    const scope = facts.scopeDescription ? `# Here ${facts.scopeDescription}.
` : "";
    return {
      fix: `# Entries live in namespace ${ns} (the sccache version plus SCCACHE_GHA_VERSION);
# a run reads entries written on its own ref, its base branch and the default branch; a pull
# request writes into refs/pull/N/merge, which only that PR can read; a tag reads the default branch.
` + scope + (warmElsewhere(facts) ? `# ${warmElsewhere(facts)}: this run matched none of them, so its inputs differ
# (the toolchain, target, profile, RUSTFLAGS or CARGO_* variables): build it the same way there.` : "# Warm the default branch, and keep the sccache version and cache-namespace fixed:\non:\n  push:\n    branches: [main]")
    };
  }
  if (location.backend === "local") {
    const local = facts.setup?.localCache;
    if (local) {
      return {
        fix: `# ${location.path} started empty: ${local.restoreNote ?? "the restored archive had none of these objects"}.
# The first run of a job (per OS, arch and job-label) has nothing to restore; the next one will.`
      };
    }
    return withOurStep(
      `# ${location.path} started empty: let sccache-guard keep it between runs`,
      LOCAL_BACKEND
    );
  }
  return { fix: "# Nothing to fix if this is the first run in this cache; the next run should hit." };
}
var coldCache = {
  id: "cold-cache",
  severity: "notice",
  name: "Cold cache",
  actionable: false,
  docs: {
    meaning: "Every lookup missed and nearly every miss was written without error: the cache had nothing yet for this namespace and scope, and the next run with the same namespace and scope should hit. For the GitHub cache the namespace is `sccache-v<version>` plus `SCCACHE_GHA_VERSION` (hashed in v2), so an sccache upgrade or a new cache-namespace starts cold; the scope is the ref: a run reads entries of its own ref and of the default branch, a pull request writes into `refs/pull/N/merge`, readable only by that pull request, and a tag run reads the default branch.",
    evidence: "`cache_hits` = 0, `cache_misses` > 0, `cache_writes` ≥ 90 % of misses, and no write errors, cache errors, timeouts or forced recaches.",
    fix: "Nothing, if this is the first run in this namespace. Otherwise warm the default branch (a push build on main) and keep the sccache version and `cache-namespace` stable; for a local cache, persist `SCCACHE_DIR`."
  },
  needs: ["cacheWrites"],
  check(facts) {
    const { stats } = facts;
    if (facts.hits !== 0 || facts.misses === 0 || stats.cacheWriteErrors !== 0) return void 0;
    if (facts.cacheErrors >= facts.misses || stats.cacheTimeouts > 0 || stats.forcedRecaches > 0)
      return void 0;
    const writes = stats.cacheWrites;
    if (writes < 0.9 * facts.misses) return void 0;
    const previous = facts.previousRun;
    if (previous && previous.lookups > 0 && facts.inputChanges.length > 0) return void 0;
    if (firstRunOnDefaultBranch(facts)) {
      return {
        title: `Cold first run on ${facts.scope.ref}: the next run reads the ${facts.misses} objects this one wrote`,
        evidence: `0 hits, ${facts.misses} misses, ${writes} writes, 0 write errors; no earlier run of this job left a record.`,
        fix: ""
      };
    }
    return {
      title: facts.misses === 1 ? "Cold cache: the one lookup missed and was written for the next run" : `Cold cache: all ${facts.misses} lookups missed and were written for the next run`,
      evidence: `0 hits, ${facts.misses} misses, ${writes} writes, 0 write errors.`,
      ...coldFix(facts)
    };
  }
};

// src/report/rules/expected-non-cacheable.ts
var RUST_REASONS = /* @__PURE__ */ new Set(["crate-type", "-", "missing input"]);
var expectedNonCacheable = {
  id: "expected-non-cacheable",
  severity: "notice",
  name: "Calls that are never cached",
  actionable: false,
  docs: {
    meaning: "Some compiler calls are never cached by design: bin, proc-macro, test and build-script crates (`crate-type`), cargo's probes (`-`, `missing input`), preprocess-only calls (`-E`, `-M`). They are not misses and do not lower the hit rate.",
    evidence: "`not_cached`, less the reasons that have a fix (`incremental`, …).",
    fix: "Nothing to fix."
  },
  check(facts) {
    if (facts.expectedNonCacheable === 0) return void 0;
    const expected = facts.nonCacheable.filter((r) => r.kind === "expected");
    return {
      title: `${counted(facts.expectedNonCacheable, "call")} ${facts.expectedNonCacheable === 1 ? "is" : "are"} never cached, as expected`,
      // Name what these calls are: cargo's kinds for Rust reasons, a general word for C/C++ ones.
      evidence: `${listCounts(expected)}: ${expected.every((r) => RUST_REASONS.has(r.reason)) ? "bins, proc-macros, build scripts and probes" : "preprocessing, linking, probes, several inputs"}, which sccache never caches.`,
      // Nothing can be changed: no fix to offer.
      fix: ""
    };
  }
};

// src/report/rules/forced-recache.ts
var forcedRecache = {
  id: "forced-recache",
  severity: "warning",
  name: "Forced recaches",
  actionable: true,
  docs: {
    meaning: "`SCCACHE_RECACHE` was set in the compiler environment: sccache skips the lookup, compiles, and overwrites the entry. Each such call is a miss by design.",
    evidence: "`forced_recaches` > 0.",
    fix: "Remove `SCCACHE_RECACHE` from the build environment unless you mean to rebuild the cache."
  },
  check(facts) {
    const n = facts.stats.forcedRecaches;
    if (n === 0) return void 0;
    return {
      title: `${counted(n, "compilation")} forced to miss by SCCACHE_RECACHE`,
      evidence: `forced_recaches is ${n} of ${facts.misses} misses.`,
      fix: "# remove from the workflow or job env:\n#   SCCACHE_RECACHE: ..."
    };
  }
};

// src/report/rules/gha-protocol-v1.ts
var ghaProtocolV1 = {
  id: "gha-protocol-v1",
  severity: "error",
  name: "GitHub cache used through the shut-down v1 protocol",
  actionable: true,
  docs: {
    meaning: "GitHub's legacy (v1) cache service was shut down on github.com on 2025-04-15. sccache speaks the v2 protocol only from 0.10.0, and only when `ACTIONS_CACHE_SERVICE_V2` is non-empty in the environment that starts the server; otherwise it talks v1 and every lookup and write fails. A container step or a later step that restarts sccache without that variable falls back to v1.",
    evidence: "The GHA namespace in `cache_location` (or in a multi-level cache, a level's location) is a plain `sccache-v…` string; in v2 it is a 64-hex SHA-256.",
    fix: 'Export `ACTIONS_CACHE_SERVICE_V2: "on"` with `ACTIONS_RESULTS_URL` and `ACTIONS_RUNTIME_TOKEN` to every step and container that starts sccache (this action\'s setup does it), and use sccache 0.10.0 or newer.'
  },
  check(facts) {
    const { host, stats } = facts;
    if (host.kind === "ghes") return void 0;
    const v1 = [facts.location, ...facts.levels.map((l) => l.location)].find(
      (l) => l.backend === "gha" && l.protocol === "v1"
    );
    const log = facts.log;
    if (!v1 && log && log.v1Requests > 0) {
      return {
        title: `an sccache server talked the shut-down v1 cache protocol on ${host.kind}`,
        evidence: `the sccache log has ${log.v1Requests} lines about v1 requests (\`/_apis/artifactcache/\`)` + (log.decommissioned ? ', answered "This legacy service is shutting down"' : "") + (log.startupFailures ? `; ${log.startupFailures} server starts failed: ${log.firstStartupFailure ?? ""}` : "") + ". A step restarted sccache without ACTIONS_CACHE_SERVICE_V2 (a container, or a step that stops the server).",
        fix: V2_ENV_FOR_OTHER_SERVERS
      };
    }
    if (!v1) return void 0;
    const tooOld = !facts.speaksGhaV2;
    const where = host.assumed ? "github.com (assumed: no server URL known)" : host.kind;
    const named = v1.name ? `names the namespace \`${v1.name}\` in clear, not as a 64-hex v2 hash` : "is the 0.3 v1 client";
    return {
      title: `sccache talked the shut-down v1 cache protocol on ${host.kind}`,
      evidence: `cache location \`${v1.raw}\` ${named}; on ${where} the v1 service is shut down.`,
      ...tooOld ? withOurStep(
        `# sccache ${stats.version ?? "< 0.4"} has no v2 support: upgrade to 0.10.0 or newer, and remove
# the old one from PATH (setup uses an sccache on PATH first), e.g.`,
        ourStepFix(PINNED_SCCACHE)
      ) : { fix: V2_ENV_FOR_OTHER_SERVERS }
    };
  }
};

// src/report/rules/namespace-changed.ts
var namespaceChanged = {
  id: "namespace-changed",
  severity: "notice",
  name: "The GitHub cache namespace changed since the last run",
  actionable: true,
  docs: {
    meaning: "sccache stores GitHub cache entries under a namespace made of its version and `SCCACHE_GHA_VERSION` (`cache-namespace`). A new sccache version or a new suffix makes every entry of earlier runs invisible: the cache starts cold. sccache-guard remembers the namespace of each run of a job in one small cache entry and compares. A warning when this run found nothing; a notice when it still hit.",
    evidence: "The previous run's namespace (and its run id and hit rate) against this run's.",
    fix: "Pin `sccache-version` and keep `cache-namespace` stable; expect one cold run after an intended change."
  },
  check(facts) {
    const previous = facts.previousRun;
    const now = facts.namespace;
    if (!previous?.namespace || !now || previous.namespace === now) return void 0;
    return {
      ...facts.hits === 0 ? { severity: "warning" } : {},
      title: `The GitHub cache namespace changed from ${previous.namespace} to ${now}`,
      evidence: `run ${previous.runId} of this job used namespace ${previous.namespace} (${previous.hits} hits in ${previous.lookups} lookups); this run uses ${now} and cannot see those entries (${facts.hits} hits, ${facts.misses} misses).`,
      ...withOurStep(
        "# keep the namespace stable: pin sccache and the suffix",
        ourStepFix(PINNED_SCCACHE, 'cache-namespace: "" # or a fixed value')
      )
    };
  }
};

// src/report/rules/incremental-compilation.ts
var LEVEL_NAME = {
  workflow: "workflow env",
  job: "job env",
  step: "the step's env",
  "github-env": "written to GITHUB_ENV",
  export: "exported in the script"
};
var incrementalCompilation = {
  id: "incremental-compilation",
  severity: "warning",
  name: "Incremental compilation defeats the cache",
  actionable: true,
  docs: {
    meaning: "rustc called with `-C incremental` cannot be cached by sccache. Cargo turns incremental on in the dev profile for workspace and path crates, which are exactly the crates that change least between CI runs of a large workspace.",
    evidence: "`not_cached.incremental`: how many calls were refused for it.",
    fix: 'Set `CARGO_INCREMENTAL: "0"` for the build (this action\'s setup exports it).'
  },
  check(facts) {
    const count = facts.stats.notCached["incremental"] ?? 0;
    if (count === 0) return void 0;
    return {
      title: `${counted(count, "Rust compilation")} ${count === 1 ? "was" : "were"} incremental, which sccache cannot cache`,
      evidence: `${count} of ${facts.stats.compileRequests} compile requests were refused as \`incremental\` (-C incremental).`,
      fix: 'env:\n  CARGO_INCREMENTAL: "0"'
    };
  },
  checkJob(job) {
    const on = job.incrementalOn;
    if (on.length === 0) return void 0;
    return {
      title: `CARGO_INCREMENTAL=${on[0].value} reaches the build of job ${job.jobId}: sccache cannot cache it`,
      evidence: on.map((e) => `line ${e.line} (${LEVEL_NAME[e.level]}) sets CARGO_INCREMENTAL=${e.value}`).join("; ") + "; it wins over the CARGO_INCREMENTAL=0 setup exports. sccache 0.7.7 and newer refuse to run at all with it (every compile through the wrapper fails); older ones compile without caching.",
      fix: `CARGO_INCREMENTAL: "0"   # line ${on[0].line}`,
      line: on[0].line
    };
  }
};

// src/report/rules/no-compilations.ts
var noCompilations = {
  id: "no-compilations",
  severity: "warning",
  name: "sccache received no compile requests",
  actionable: true,
  docs: {
    meaning: "The server the report asked has never seen a compiler call. Either the build did not go through sccache (`RUSTC_WRAPPER` or the C/C++ launcher was not set in the build step), or the stats come from another server than the one that compiled: it exited after `SCCACHE_IDLE_TIMEOUT` (600 s by default) and a new one started empty, or the build ran in a container or on another port. From sccache 0.7.7 a missing server answers with all-zero stats and no error.",
    evidence: "`compile_requests` is 0.",
    fix: 'With this action, setup exports `RUSTC_WRAPPER` (and, with `cmake-launchers: true`, the CMake launchers) and `SCCACHE_IDLE_TIMEOUT: "0"`: check that the build ran after setup in the same job, outside a container, and that no step overrides them. Without it, set them yourself.'
  },
  check(facts) {
    if (facts.stats.compileRequests !== 0) return void 0;
    return {
      title: "sccache received no compile requests",
      evidence: `compile_requests is 0 on the server reporting ${facts.stats.cacheLocation ? `\`${facts.stats.cacheLocation}\`` : "no cache location (no server was running)"}.`,
      fix: facts.setup ? "# setup exported RUSTC_WRAPPER and SCCACHE_IDLE_TIMEOUT=0: run the build after it in this job,\n# outside a container, without overriding RUSTC_WRAPPER (for C/C++: cmake-launchers: true)" : 'env:\n  RUSTC_WRAPPER: sccache           # or CMAKE_C_COMPILER_LAUNCHER / CC="sccache gcc"\n  SCCACHE_IDLE_TIMEOUT: "0"        # keep the server (and its stats) alive until the report'
    };
  }
};

// src/report/rules/nothing-cacheable.ts
var nothingCacheable = {
  id: "nothing-cacheable",
  severity: "warning",
  name: "Compile requests, but no cache lookups",
  actionable: true,
  docs: {
    meaning: "sccache was used, but not one call could be looked up in the cache: every request was a kind sccache never caches (bin and proc-macro crates, build scripts, cargo probes, `-E`). The usual cause is a `target/` directory restored by another cache (Swatinem/rust-cache, actions/cache): cargo then rebuilds only the final binaries and probes, and sccache has nothing to do.",
    evidence: "`compile_requests` > 0 while `cache_hits` + `cache_misses` = 0; the `not_cached` reasons.",
    fix: 'Let sccache cache the libraries instead of restoring `target/`: `cache-targets: false` on Swatinem/rust-cache, or drop `target` from actions/cache paths. If `incremental` is among the reasons, set `CARGO_INCREMENTAL: "0"`.'
  },
  check(facts) {
    const { stats } = facts;
    if (stats.compileRequests === 0 || facts.lookups > 0) return void 0;
    if ((stats.notCached["incremental"] ?? 0) > 0 || stats.requestsNotCacheable === 0) return void 0;
    const reasons = facts.nonCacheable.length ? ` Non-cacheable: ${listCounts(facts.nonCacheable)}.` : "";
    return {
      title: `${stats.compileRequests} compile requests, but none could be looked up in the cache`,
      evidence: `0 hits and 0 misses out of ${stats.compileRequests} compile requests (${stats.requestsNotCacheable} non-cacheable, ${stats.requestsNotCompile} not compilations).${reasons}`,
      fix: "# If target/ is restored by another cache, cargo only rebuilds bins and probes:\n- uses: Swatinem/rust-cache@v2\n  with:\n    cache-targets: false"
    };
  }
};

// src/report/rules/read-only-cache.ts
var readOnlyCache = {
  id: "read-only-cache",
  severity: "warning",
  name: "The cache was read-only",
  actionable: true,
  docs: {
    meaning: "Not one object was written and the write errors match the misses: the storage refused every write. Either it was configured read-only (`SCCACHE_GHA_RW_MODE=READ_ONLY` from 0.16, `SCCACHE_LOCAL_RW_MODE`), or, from sccache 0.8, the server's startup write check failed (for the GitHub cache typically HTTP 429, rate limited) and the server stayed read-only for its whole life. Nothing this run compiled will hit next time.",
    evidence: "`cache_writes` = 0 and `cache_write_errors` ≥ 90 % of `cache_misses`, unless the sccache log says the writes failed for another reason (no answer, 429, 5xx: `cache-unreachable`, `write-errors`) after a `storage check result: ReadWrite`.",
    fix: "If read-only was not intended: look for `storage write check failed` in the sccache log and restart the server once the service answers, or use `backend: local` to upload one archive per job instead of one entry per object."
  },
  needs: ["cacheWrites"],
  check(facts) {
    const { stats } = facts;
    if (!facts.readOnlyStorage) return void 0;
    if (facts.setup && facts.readOnlyByDesign) {
      return {
        severity: "notice",
        title: `The cache was read-only, as configured: ${facts.misses} misses were not written`,
        evidence: `${facts.setup.readOnly.wanted ? facts.setup.readOnly.why : "read-only was set"}; 0 writes, ${stats.cacheWriteErrors} refused.`,
        fix: "Nothing to fix: warm the cache from the default branch, which this run can read."
      };
    }
    return {
      title: `${facts.remoteStore ?? "The cache"} was read-only: all ${stats.cacheWriteErrors} writes failed`,
      evidence: `0 writes and ${stats.cacheWriteErrors} write errors for ${facts.misses} misses.` + (facts.log?.writeCheckFailure ? ` The sccache log says: ${facts.log.writeCheckFailure}.` : "") + (facts.log?.storageCheck?.result === "read-only (manually set)" ? " The server started read-only as configured (`storage check result: ReadOnly (manually set)`: SCCACHE_*_RW_MODE=READ_ONLY)." : facts.log?.startedReadOnly && !facts.log.writeCheckFailure ? " The server started read-only." : ""),
      ...withOurStep(
        '# Intended (e.g. pull requests)? Nothing to do. Otherwise: search the sccache log for\n# "storage write check failed" (a 429 at server start makes sccache >= 0.8 read-only), and\n# remove SCCACHE_GHA_RW_MODE=READ_ONLY or SCCACHE_LOCAL_RW_MODE=READ_ONLY; or write one archive per job:',
        LOCAL_BACKEND
      )
    };
  }
};

// src/report/rules/slow-cache.ts
var SLOW_CACHE_MIN_SECONDS = 5;
var seconds2 = (s2) => `${s2 < 1 ? s2.toFixed(3) : s2.toFixed(1)} s`;
function cacheTime(facts) {
  const { stats } = facts;
  const compiles = stats.compilations ?? facts.misses;
  if (stats.compilerSeconds === null || compiles === 0) return void 0;
  const parts = [];
  if (facts.hits > 0 && stats.cacheReadHitSeconds > 0) {
    const total = stats.cacheReadHitSeconds;
    parts.push({ what: `reading ${counted(facts.hits, "hit")}`, total, each: total / facts.hits });
  }
  if (stats.cacheWrites && stats.cacheWriteSeconds) {
    const total = stats.cacheWriteSeconds;
    parts.push({ what: counted(stats.cacheWrites, "write"), total, each: total / stats.cacheWrites });
  }
  const log = facts.log;
  if (log && log.missLookups > 0 && log.missLookupSeconds > 0) {
    const total = log.missLookupSeconds;
    parts.push({
      what: `${counted(log.missLookups, "lookup")} that missed (from the log)`,
      total,
      each: total / log.missLookups
    });
  }
  return {
    parts,
    total: parts.reduce((sum2, p) => sum2 + p.total, 0),
    compile: { total: stats.compilerSeconds, count: compiles, each: stats.compilerSeconds / compiles }
  };
}
var slowCache = {
  id: "slow-cache",
  severity: "warning",
  name: "The cache was slower than compiling",
  actionable: true,
  docs: {
    meaning: "Reading a hit, writing an object or looking one up took longer, on average, than compiling it: the cache made the build slower instead of faster. Each object costs the GitHub cache two requests to read and three to write whatever its size, so a slow or distant service, or many small objects, make the per-request latency dominate.",
    evidence: `\`cache_read_hit_duration\` / hits, \`cache_write_duration\` / \`cache_writes\` and, from the log, the \`Cache miss in … s\` of lookups that missed, against \`compiler_write_duration\` / \`compilations\`; at least ${SLOW_CACHE_MIN_SECONDS} s in the cache in all.`,
    fix: "`backend: local`: the objects are read and written on local disk and travel as one archive per job. Otherwise fewer, larger objects pay the per-request latency less often; or a store closer to the runners."
  },
  check(facts) {
    const time = cacheTime(facts);
    if (!time || time.total < SLOW_CACHE_MIN_SECONDS) return void 0;
    const slowest = [...time.parts].sort((a, b) => b.each - a.each)[0];
    if (!slowest || slowest.each < time.compile.each) return void 0;
    const compile = `${seconds2(time.compile.each)} per compilation (${counted(time.compile.count, "compilation")}, ${seconds2(time.compile.total)})`;
    return {
      title: `${facts.remoteStore ?? "The cache"} took ${seconds2(time.total)}, longer per object than compiling (${seconds2(slowest.each)} against ${seconds2(time.compile.each)})`,
      evidence: `${time.parts.map((p) => `${p.what}: ${seconds2(p.total)} (${seconds2(p.each)} each)`).join("; ")}; compiling: ${compile}. Each cache operation cost more than the compile it was meant to save.`,
      ...withOurStep(
        "# Per-request latency dominates: read and write on local disk, one archive per job:",
        LOCAL_BACKEND,
        "\n# or fewer, larger objects (each costs 2 requests to read and 3 to write, whatever its size)."
      )
    };
  }
};

// src/report/rules/backend-advice.ts
var PER_OBJECT = ourStepFix("backend: gha");
var backendAdvice = {
  id: "backend-advice",
  severity: "notice",
  name: "The other backend would likely be faster here",
  actionable: true,
  needs: ["cacheWrites"],
  docs: {
    meaning: "sccache's GitHub cache backend stores one cache entry per object: two requests to read one, three to write one, each paying the service's latency, and at most 200 new entries a minute per repository. `backend: local` moves the whole cache as one archive per job: one download before the build, one upload after it, paid in bytes instead of requests. Many small objects (C and C++ translation units) favour the archive; few large ones that mostly miss favour per-object storage. This estimates, from this run's own figures, what the other backend would have cost, and speaks only when it wins by at least 1.5× and 10 s.",
    evidence: "On the GitHub cache: `cache_read_hit_duration`, `cache_write_duration` and the log's lookups that missed, spread over the runner's cores, plus the compiles that uploads refused with 429 will cost the next run; against one archive of what the job read and wrote, at the transfer rates of bench/README.md. On local disk: the restore setup timed, against the public per-object figures (0.093 s a read, 0.139 s a write, 0.046 s a lookup that missed: the github-like profile).",
    fix: "`backend: local` (one archive per job) when per-object storage loses; `backend: gha` when the archive does. Measure both on your own workload: the benchmark in bench/ does it side by side."
  },
  check(facts) {
    const estimate = facts.backendEstimate;
    if (!estimate?.recommend) return void 0;
    const { perObject, archive, refused } = estimate;
    if (estimate.recommend === "local") {
      const cost = perObject.seconds + refused.seconds;
      const lost = refused.writes ? `; ${refused.writes} uploads refused with 429 will be compiled again next run (about ${formatSeconds(refused.seconds)})` : "";
      return {
        title: `One archive per job would likely be faster here: about ${formatSeconds(archive.seconds)} against ${formatSeconds(cost)} of per-object cache requests`,
        evidence: `Per-object (this run): ${perObject.how}${lost}. One archive (estimated): ${archive.how}. ${estimate.writes} objects written against GitHub's ${estimate.uploadsPerMinute} uploads a minute per repository.`,
        ...withOurStep(
          "# One download before the build, one upload after it, instead of requests per object:",
          LOCAL_BACKEND
        )
      };
    }
    return {
      title: `Per-object storage would likely be faster here: about ${formatSeconds(perObject.seconds)} against ${formatSeconds(archive.seconds)} moving the archive`,
      evidence: `One archive (this run): ${archive.how}. Per-object (estimated): ${perObject.how}.`,
      ...withOurStep("# Fetch only the objects the build asks for, one cache entry each:", PER_OBJECT)
    };
  }
};

// src/report/rules/write-errors.ts
function causes(facts) {
  const writes = facts.log?.failures.writes;
  if (!writes) return "";
  const statuses = facts.log.failures.statuses.filter((s2) => s2 >= 500);
  const parts = [
    writes["server-error"] ? `${writes["server-error"]} answered ${statuses.length ? statuses.map((s2) => `HTTP ${s2}`).join("/") : "HTTP 5xx"} (a server error)` : "",
    writes.denied ? `${writes.denied} denied (HTTP 401/403: the token)` : "",
    writes.unreachable ? `${writes.unreachable} never reached the service (finding \`cache-unreachable\`)` : ""
  ].filter(Boolean);
  const example = writes["server-error"] ? facts.log.failures.examples.writes["server-error"] : void 0;
  return (parts.length ? ` The sccache log shows ${parts.join(", ")}.` : "") + (example ? ` It says: ${example}${example.endsWith(".") ? "" : "."}` : "");
}
function writeCounts(facts) {
  const failing = facts.levels.filter((l) => l.stats.writeFailures > 0);
  if (failing.length) {
    return {
      failed: failing.reduce((n, l) => n + l.stats.writeFailures, 0),
      attempted: failing.reduce((n, l) => n + l.stats.writes + l.stats.writeFailures, 0),
      where: ` to ${listed(failing.map((l) => l.stats.name))}`,
      gha: failing.some((l) => l.location.backend === "gha")
    };
  }
  const { cacheWrites, cacheWriteErrors } = facts.stats;
  return {
    failed: cacheWriteErrors,
    // needs: ['cacheWrites'] keeps a stats form without it from reaching here.
    attempted: cacheWrites + cacheWriteErrors,
    where: "",
    gha: facts.location.backend === "gha"
  };
}
var writeErrors = {
  id: "write-errors",
  severity: "warning",
  name: "Some cache writes failed",
  actionable: true,
  docs: {
    meaning: "Cache writes failed. With the GitHub cache this is mostly rate limiting: GitHub allows 200 cache-entry uploads a minute per repository and answers 429 beyond that; or the service failed (5xx). sccache never retries a refused write. Every object that was not written misses again next run. In a multi-level cache, writes to the slower levels run in the background and their failures show only per level. (A read-only storage is `read-only-cache`; writes that got no answer at all are `cache-unreachable`.)",
    evidence: "`cache_write_errors` > 0, or `multi_level[i].write_failures` > 0; the sccache log tells 429s and 5xx apart (`Error executing cache write: …`).",
    fix: "Use `backend: local` (one archive per job instead of one upload per object), make pull-request runs read-only, or run fewer sccache jobs in parallel against the GitHub cache."
  },
  needs: ["cacheWrites"],
  check(facts) {
    const { failed, attempted, where, gha } = writeCounts(facts);
    if (failed === 0 || where === "" && facts.readOnlyStorage) return void 0;
    const unanswered = where === "" ? facts.log?.failures.writes.unreachable ?? 0 : 0;
    if (failed - unanswered <= 0) return void 0;
    return {
      title: `${failed} of ${attempted} cache writes${where || (facts.remoteStore ? ` to ${facts.remoteStore}` : "")} failed (${percent(failed / attempted)})`,
      evidence: `${attempted - failed} writes${where} succeeded and ${failed} failed; those objects will miss next run.` + (facts.log?.rateLimitedWrites ? ` The sccache log shows ${facts.log.rateLimitedWrites} refused with HTTP 429 (rate limited).` : "") + causes(facts) + // The upload limit explains 429s, or refusals the log does not explain; not a 500.
      (gha && (!facts.log || facts.log.failures.writes["rate-limited"] > 0 || causes(facts) === "") ? " The GitHub cache accepts 200 uploads a minute per repository." : ""),
      ...gha ? withOurStep("# One archive per job instead of one upload per object:", LOCAL_BACKEND) : {
        fix: '# Search the sccache log for "Error executing cache write" to see why the storage refused writes.'
      }
    };
  }
};

// src/report/rules/duplicate-setup.ts
var duplicateSetup = {
  id: "duplicate-setup",
  severity: "warning",
  name: "sccache is set up twice in one job",
  actionable: true,
  docs: {
    meaning: 'Two steps set sccache up: this action and mozilla-actions/sccache-action, two installs (possibly of different versions), or GitHub cache credentials exported by hand (`actions/github-script`, `echo … >> $GITHUB_ENV`). Two binaries mean a client talking to a server of another version ("Mismatch of client/server versions?"); a hand-exported `ACTIONS_CACHE_URL` is the v1 protocol, shut down on github.com; and a runtime token in GITHUB_ENV reaches every later step.',
    evidence: "Both steps, with their lines.",
    fix: "Keep one setup: this action exports what each sccache version needs, credentials included."
  },
  checkJob(job) {
    if (job.setups.length < 2) return void 0;
    const [first, second] = job.setups;
    const drop = job.setups.filter((s2) => s2.kind !== "sccache-guard").slice(job.setups.some((s2) => s2.kind === "sccache-guard") ? 0 : 1);
    return {
      title: `sccache is set up twice in job ${job.jobId}: ${first.what} and ${second.what}`,
      evidence: job.setups.map((s2) => `step ${s2.stepIndex + 1} (line ${s2.line}): ${s2.what}`).join("; ") + ".",
      fix: `# keep one setup; delete:
${drop.map((s2) => `#   step ${s2.stepIndex + 1} (line ${s2.line}): ${s2.what}`).join("\n")}`,
      line: second.line
    };
  }
};

// src/report/rules/no-effect-env.ts
var noEffectEnv = {
  id: "no-effect-env",
  severity: "notice",
  name: "A variable sccache reads, set where it changes nothing",
  actionable: true,
  docs: {
    meaning: "The variable exists, but not for this job: `SCCACHE_CACHE_SIZE` and `SCCACHE_DIR` size and place the local disk cache and `SCCACHE_DIRECT` turns on its direct mode, none of them a remote one; `SCCACHE_CACHE_MULTIARCH`, `SCCACHE_DIRECT` and `SCCACHE_C_CUSTOM_CACHE_BUSTER` matter only to C/C++ compiles; Rust keys ignore `SCCACHE_BASEDIRS` (through 0.17); and the server's own settings (`SCCACHE_IDLE_TIMEOUT`, the backend and log variables) are read once when the server starts, so setting them in a later step does nothing.",
    evidence: "The variable, where it is set, and why it has no effect there.",
    fix: "Delete it; a server setting set in a later step belongs in the workflow or job `env:`, which setup sees."
  },
  checkJob(job) {
    const idle = job.env.filter((e) => e.noEffect);
    if (idle.length === 0) return void 0;
    const names = [...new Set(idle.map((e) => e.name))];
    return {
      title: `${names.join(", ")} change${names.length > 1 ? "" : "s"} nothing in job ${job.jobId}`,
      evidence: idle.map((e) => `${e.name} (line ${e.line}): ${e.noEffect}`).join("; ") + ".",
      // Each line gets the change that fits its reason: a late server setting moves, the rest go.
      fix: idle.map(
        (e) => /server reads it once/.test(e.noEffect ?? "") ? `# line ${e.line}: move ${e.name} to the workflow or job env (setup starts the server with it)` : `# line ${e.line}: delete ${e.name}: ${e.value}`
      ).join("\n"),
      line: idle[0].line
    };
  }
};

// src/report/rules/server-restarted.ts
var serverRestarted = {
  id: "server-restarted",
  severity: "warning",
  name: "A step restarts the sccache server or zeroes its counters",
  actionable: true,
  docs: {
    meaning: "A `run:` step after setup calls `sccache --stop-server`, `--start-server` or `--zero-stats`. The counters start again from zero, so the report sees only what came after; and a server started there takes that step's environment, not the one setup started it with (the GitHub cache credentials, the protocol, the log).",
    evidence: "The command and its line in the workflow.",
    fix: "Remove the command: setup starts the server with the right environment and the report reads its stats."
  },
  check(facts) {
    const server = facts.server;
    if (!server) return void 0;
    const said = [];
    if (server.laterStops)
      said.push(`${server.laterStops} server stop${server.laterStops > 1 ? "s" : ""} after setup`);
    if (server.laterStarts)
      said.push(`${server.laterStarts} later server start${server.laterStarts > 1 ? "s" : ""}`);
    if (server.laterZeroes)
      said.push(`the counters zeroed ${server.laterZeroes} time${server.laterZeroes > 1 ? "s" : ""}`);
    if (server.endsInShutdown)
      said.push("the log ends in a shutdown, so the server that answered did not log here");
    const fewer = server.loggedCompiles > facts.stats.compileRequests;
    if (fewer)
      said.push(
        `the log shows ${server.loggedCompiles} compile requests, the stats ${facts.stats.compileRequests}`
      );
    if (said.length === 0) return void 0;
    return {
      title: "The sccache server setup started was stopped, restarted or reset during the job",
      evidence: `${said.join("; ")}. The stats cover only what ran after the last restart or reset (${facts.stats.compileRequests} compile requests), and a server started by a later step lacks setup's environment.`,
      fix: "# remove `sccache --stop-server`, `--start-server` and `--zero-stats` from the steps after setup"
    };
  },
  checkJob(job) {
    const restarts = job.serverRestarts;
    if (restarts.length === 0) return void 0;
    const first = restarts[0];
    const where = listed(restarts.map((r) => `\`${r.command}\` at line ${r.line}`));
    return {
      title: `Step ${first.stepIndex + 1} of job ${job.jobId} runs \`sccache ${first.command}\` after setup`,
      evidence: `${where}: the stats cover only what ran after it, and a server started there lacks setup's environment.`,
      fix: `# delete this line (setup already started the server):
#   ${first.what}`,
      line: first.line
    };
  }
};

// src/report/rules/tag-scope.ts
var sentenceCase = (text2) => text2.charAt(0).toUpperCase() + text2.slice(1);
var READ_ONLY = ourStepFix("read-only: true");
var tagScope = {
  id: "tag-scope",
  severity: "warning",
  name: "A tag or release build writes where no later run reads",
  actionable: true,
  docs: {
    meaning: "GitHub's cache is scoped by ref. A job that runs on `push: tags`, `release` or `create` writes its entries into the tag's scope, which no later run reads (the next tag is another ref), and reads only what its own ref and the default branch hold. sccache's keys include the toolchain, the target, the profile, `RUSTFLAGS`, every `CARGO_*` variable and the working directory, so the default branch only helps when it builds exactly the release configuration. Otherwise every release build starts cold.",
    evidence: "The trigger line (`tags:` under `push`, `release`, `create`) of a job that compiles through the GitHub cache.",
    fix: "Warm the default branch with the release configuration: a job on `push: branches: [main]` that builds with the same toolchain, target, profile and `RUSTFLAGS` as the release; or keep a tag build off the shared cache (`read-only: true`)."
  },
  check(facts) {
    const gha = facts.location.backend === "gha" || facts.levels.some((l) => l.location.backend === "gha");
    if (!facts.tagRun || !gha || !facts.scope || facts.readOnlyByDesign) return void 0;
    const changes = facts.comparedWith && !facts.comparedWith.sameRef ? facts.inputChanges : [];
    const defaultRefs = (facts.cacheListing?.byRef ?? []).filter((r) => r.ref !== facts.scope?.ref);
    const held = defaultRefs.length ? ` ${defaultRefs.map((r) => `${r.ref} holds ${r.entries} entries of this namespace`).join(", ")}; this run hit ${facts.hits} of ${facts.lookups}.` : "";
    const differs = changes.length ? ` Against the default branch's last run (${facts.previousRun?.runId}) these inputs differ: ${changes.map((c) => c.name).join(", ")} (see config-changed).` : "";
    return {
      title: `This ${facts.scope.event} run on ${facts.scope.ref} writes into a cache scope no later run reads`,
      // scopeDescription is a clause ("this push run reads …"); here it starts the sentence.
      evidence: `${sentenceCase(facts.scopeDescription ?? "")}; every entry it writes is unreachable for later runs.${held}${differs}`,
      ...withOurStep(
        "# Warm the default branch with the release configuration (same toolchain, target, profile, RUSTFLAGS),\n# or keep tag builds off the shared cache:",
        READ_ONLY
      )
    };
  },
  checkJob(job, facts) {
    if (!job.usesGhaCache || !job.tagTrigger || job.readOnly) return void 0;
    const usedGha = (l) => l.backend === "gha";
    if (facts && !usedGha(facts.location) && !facts.levels.some((l) => usedGha(l.location))) return void 0;
    return {
      title: `Job ${job.jobId} runs on ${job.tagTrigger.what}: its cache writes land in a tag's scope that no later run reads`,
      evidence: `\`${job.tagTrigger.what}\` (line ${job.tagTrigger.line}) triggers job \`${job.jobId}\`, which compiles through sccache's GitHub cache; a tag run reads only its own ref and the default branch, and only entries built with the same toolchain, target, profile, RUSTFLAGS, CARGO_* variables and directory hit.`,
      ...withOurStep(
        "# Let tag builds read what main warmed without writing entries no later run can read:",
        READ_ONLY,
        "\n# And build the default branch with the release configuration (the same toolchain, target, profile and RUSTFLAGS), so that what it writes is what a tag run looks up; config-changed names what differs."
      ),
      line: job.tagTrigger.line,
      ...job.tagTrigger.file ? { file: job.tagTrigger.file } : {}
    };
  }
};

// src/report/rules/target-restored.ts
var RUST_CACHE_WITHOUT_TARGETS = "- uses: Swatinem/rust-cache@v2\n  with:\n    cache-targets: false   # keeps ~/.cargo; sccache caches the compiles";
var targetRestored = {
  id: "target-restored",
  severity: "warning",
  name: "A restored target/ leaves sccache little to see",
  actionable: true,
  docs: {
    meaning: "Swatinem/rust-cache (with `cache-targets`, true by default) or `actions/cache` on a `target` path restores cargo's build directory before the build. Cargo then rebuilds only what changed, mostly the workspace's own bins and build scripts, which sccache can never cache. A low lookup count and a low hit rate are then by design, not a cache fault; and the two caches store the same work twice.",
    evidence: "The restoring step before the first build step, at its line.",
    fix: "Keep one of the two: `cache-targets: false` on rust-cache (it still caches the registry), or drop sccache for this job."
  },
  check(facts) {
    const restored = facts.workspace?.targetBuiltBefore;
    if (!restored) return void 0;
    const packages = facts.workspace?.lockPackages;
    const crateType = facts.stats.notCached["crate-type"] ?? 0;
    const few = packages !== void 0 ? facts.lookups < packages / 2 : facts.lookups < crateType;
    if (!few) return void 0;
    return {
      title: `target/ was restored before the build: sccache looked up only ${facts.lookups} compilations`,
      evidence: `cargo's fingerprints in target/ date from ${restored}, before setup began; ${facts.lookups} lookups${packages !== void 0 ? ` for ${packages} packages in Cargo.lock` : ""}, ${crateType} never-cacheable \`crate-type\` calls (bins, proc-macros, build scripts).`,
      fix: "# Keep one of the two caches: with Swatinem/rust-cache,\n" + RUST_CACHE_WITHOUT_TARGETS + "\n# or take target/ out of the actions/cache paths that restore it"
    };
  },
  checkJob(job, facts) {
    const restore = job.targetRestores[0];
    if (!restore) return void 0;
    const lookups = facts ? ` This run looked up ${facts.lookups} of ${facts.stats.compileRequests} compile requests.` : "";
    return {
      title: `target/ is restored before the build (${restore.what}), so sccache sees only what cargo rebuilds`,
      evidence: `step ${restore.stepIndex + 1} (line ${restore.line}) restores target/ before the first build.${lookups}`,
      fix: restore.by === "rust-cache" ? RUST_CACHE_WITHOUT_TARGETS : `# line ${restore.line}: take target/ out of the actions/cache paths (keep ~/.cargo/registry);
# sccache caches the compiles`,
      line: restore.line
    };
  }
};

// src/report/rules/wrapper-overridden.ts
var wrapperOverridden = {
  id: "wrapper-overridden",
  severity: "warning",
  name: "RUSTC_WRAPPER set by hand overrides setup's sccache",
  actionable: true,
  docs: {
    meaning: "Setup exports `RUSTC_WRAPPER` as the path of the sccache it started. The workflow sets it again to another path; workflow, job and step `env:` win over what setup exported, so cargo calls that binary, which may be another sccache version (a client/server mismatch) or no sccache at all.",
    evidence: "The value and the line that sets it.",
    fix: "Delete the line, or use plain `sccache`: it finds the binary setup started (setup puts it on PATH)."
  },
  checkJob(job) {
    const override = job.wrapperOverrides[0];
    if (!override) return void 0;
    return {
      title: `RUSTC_WRAPPER is set to \`${override.value}\` in job ${job.jobId}, not to the sccache setup started`,
      evidence: `line ${override.line} (${override.level} env) sets RUSTC_WRAPPER=${override.value}, which wins over setup's export.`,
      fix: `# delete line ${override.line}, or:
RUSTC_WRAPPER: sccache`,
      line: override.line
    };
  }
};

// src/report/rules/config-changed.ts
var ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
var shownValue = (value) => value.startsWith('"');
function envBlock(values) {
  const lines = values.filter((v) => shownValue(v.value)).slice(0, 8);
  return lines.length ? `env:
${lines.map((v) => `  ${v.name}: ${v.value}`).join("\n")}` : "";
}
function otherInputs(changes) {
  const others = changes.filter((c) => !ENV_NAME.test(c.name)).map((c) => c.name);
  return others.length ? ` the same ${others.join(", ")};` : "";
}
function fixFor(changes, sameRef, runId) {
  const variables = changes.filter((c) => ENV_NAME.test(c.name));
  const unset = (side) => variables.filter((c) => c[side] === "(unset)").map((c) => c.name);
  if (!sameRef) {
    const block2 = envBlock(variables.map((c) => ({ name: c.name, value: c.after })));
    const leaveUnset = unset("after");
    return `# Build the default branch the way this run builds, so that it writes what this run looks up:${otherInputs(changes)}` + (block2 ? " in the env of the job that builds the default branch (which then builds this way too), set\n" + block2 : "") + (leaveUnset.length ? `
# and leave ${leaveUnset.join(", ")} unset there.` : "");
  }
  const block = envBlock(variables.map((c) => ({ name: c.name, value: c.before })));
  const remove = unset("before");
  return `# If the change was intended, the next run hits again: nothing to do. Otherwise build as run ${runId} did:${otherInputs(changes)}` + (block ? "\n" + block : "") + (remove.length ? `
# and remove ${remove.join(", ")} from the job.` : "");
}
var configChanged = {
  id: "config-changed",
  severity: "notice",
  name: "Inputs of sccache's keys changed since the last run",
  actionable: true,
  docs: {
    meaning: "sccache's Rust keys hash the compiler, the arguments (RUSTFLAGS, --target), every CARGO_* variable and the working directory; its C/C++ keys the compiler and its flags. The run record of the last run of this job (this ref first, else the default branch) keeps what went into them; what differs now makes the entries written then unreachable. A warning when this run missed where the last one hit; a notice otherwise. For a tag or pull-request run the record compared with is the default branch’s (tag-scope then names the inputs and points here for their values).",
    evidence: 'Each input that differs, with both values (or "changed" for fingerprinted ones), and why it matters.',
    fix: "Make the inputs match (the same toolchain, target, profile and flags on the run that warms the cache), or expect one cold run after an intended change."
  },
  check(facts) {
    const changes = facts.inputChanges;
    const previous = facts.previousRun;
    if (!previous || changes.length === 0) return void 0;
    const kind = facts.comparedWith?.kind;
    const where = !kind || kind === "this ref" ? `on ${previous.ref}` : `on ${previous.ref} (${kind})`;
    const missedWhatHit = previous.hits > 0 && facts.misses > 0;
    return {
      ...missedWhatHit ? { severity: "warning" } : {},
      title: `${changes.length} input${changes.length > 1 ? "s" : ""} of sccache's keys changed since run ${previous.runId} ${where}`,
      evidence: changes.map((c) => `${c.name}: ${c.before} → ${c.after} (${c.why})`).join("; ") + `. That run: ${previous.hits} hits, ${previous.misses} misses; this run: ${facts.hits} hits, ${facts.misses} misses.`,
      fix: fixFor(changes, facts.comparedWith?.sameRef ?? true, previous.runId)
    };
  }
};

// src/report/rules/version-mismatch.ts
var versionMismatch = {
  id: "version-mismatch",
  severity: "warning",
  name: "The sccache that compiled is not the one setup started",
  actionable: true,
  docs: {
    meaning: 'Setup started one sccache; the build called another: a `RUSTC_WRAPPER` pointing at another binary, or a server of another version answering. A client of another version may still send compiles to the server but cannot read its stats ("Mismatch of client/server versions?"), and a server of another version has its own GHA namespace and configuration.',
    evidence: "The version setup started and the one the report found (the server's stats, the wrapper's --version).",
    fix: "Leave RUSTC_WRAPPER to setup, and install one sccache per job."
  },
  check(facts) {
    const setup = facts.setup;
    if (!setup) return void 0;
    const found = [];
    if (facts.stats.version && facts.stats.version !== setup.sccacheVersion) {
      found.push(`the server that answered the report is sccache ${facts.stats.version}`);
    }
    const wrapper = facts.wrapper;
    if (wrapper && wrapper.version !== setup.sccacheVersion) {
      found.push(
        `RUSTC_WRAPPER is ${wrapper.path}${wrapper.version ? `, sccache ${wrapper.version}` : ", whose version could not be read"}`
      );
    }
    if (found.length === 0) return void 0;
    return {
      title: `sccache ${setup.sccacheVersion} was set up, but ${found[0]}`,
      evidence: `setup started ${setup.sccachePath} (sccache ${setup.sccacheVersion}); ${found.join("; ")}.`,
      fix: "# remove RUSTC_WRAPPER from the workflow (setup exports it), and the second sccache install"
    };
  }
};

// src/report/rules/index.ts
var RULES = [
  noCompilations,
  sccacheTooOld,
  backendFallback,
  foreignServer,
  backendOverridden,
  duplicateSetup,
  wrapperOverridden,
  versionMismatch,
  serverRestarted,
  invalidEnvValue,
  deadEnvVar,
  nothingCacheable,
  ghaProtocolV1,
  readOnlyCache,
  writeErrors,
  cacheUnreachable,
  incrementalCompilation,
  tagScope,
  targetRestored,
  cacheTimeouts,
  slowCache,
  backendAdvice,
  cacheErrors,
  forcedRecache,
  namespaceChanged,
  configChanged,
  coldCache,
  noEffectEnv,
  expectedNonCacheable
];
var moreSevere = (a, b) => SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;
function withoutInputs(diagnosis) {
  const copy = { ...diagnosis };
  delete copy.stepInputs;
  return copy;
}
function merge(fromRun, fromJob) {
  return {
    // The fix is the workflow's, and so are the inputs it sets, if any.
    ...withoutInputs(fromRun),
    evidence: `${fromRun.evidence} In the workflow: ${fromJob.evidence}`,
    fix: fromJob.fix,
    ...fromJob.line !== void 0 ? { line: fromJob.line } : {},
    ...fromJob.file !== void 0 ? { file: fromJob.file } : {},
    ...fromJob.stepInputs !== void 0 ? { stepInputs: fromJob.stepInputs } : {}
  };
}
function fitToJob(diagnosis, job) {
  const inputs = diagnosis.stepInputs;
  if (!inputs || !job) return diagnosis;
  const ours = job.setups.find((s2) => s2.kind === "sccache-guard");
  const snippet = ourStepSnippet(inputs);
  const at = diagnosis.fix.indexOf(snippet);
  const fitted = ours?.source && at >= 0 ? fitOurStep(ours.source, inputs) : void 0;
  if (!ours || !fitted) return diagnosis;
  const lines = fitted.firstLine === fitted.lastLine ? `line ${fitted.firstLine}` : `lines ${fitted.firstLine}–${fitted.lastLine}`;
  const placed = diagnosis.line === void 0;
  return {
    ...diagnosis,
    fix: diagnosis.fix.slice(0, at) + `# replace ${lines} of ${job.file} with:
${fitted.text}` + diagnosis.fix.slice(at + snippet.length),
    ...placed ? { line: ours.line } : {}
  };
}
function finding(rule, diagnosis, job) {
  const { line, file, ...said } = withoutInputs(diagnosis);
  return {
    ...said,
    severity: diagnosis.severity ?? rule.severity,
    id: rule.id,
    actionable: rule.actionable,
    ...job ? { job: job.jobId } : {},
    ...job && line !== void 0 ? { place: { file: file ?? job.file, line } } : {}
  };
}
var COUNTER_NAMES = { cacheWrites: "cache_writes" };
var missingFor = (rule, facts) => (rule.needs ?? []).filter((counter) => facts.stats[counter] === null);
var decidable = (rule, facts) => missingFor(rule, facts).length === 0;
function undecidedRules(facts, rules = RULES) {
  return rules.flatMap((rule) => {
    const missing = rule.check ? missingFor(rule, facts) : [];
    return missing.length ? [{ id: rule.id, missing: missing.map((m) => COUNTER_NAMES[m]) }] : [];
  });
}
function applyRules(facts, jobs = [], rules = RULES) {
  const findings = [];
  for (const rule of rules) {
    let fromRun = facts && rule.check && decidable(rule, facts) ? rule.check(facts) : void 0;
    for (const job of jobs) {
      const fromJob = rule.checkJob?.(job, facts);
      if (!fromJob) continue;
      const said = fromRun ? merge(fromRun, fromJob) : fromJob;
      const jobSeverity = fromJob.severity ?? rule.severity;
      const severity = fromRun ? moreSevere(fromRun.severity ?? rule.severity, jobSeverity) : jobSeverity;
      findings.push(finding(rule, fitToJob({ ...said, severity }, job), job));
      fromRun = void 0;
    }
    if (fromRun) {
      const only = jobs.length === 1 ? jobs[0] : void 0;
      const fitted = fitToJob(fromRun, only);
      findings.push(fitted === fromRun ? finding(rule, fromRun) : finding(rule, fitted, only));
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

// src/report/analyze.ts
function analyzeParsed(stats, context = {}, jobs = []) {
  const facts = buildFacts(stats, context);
  return { facts, findings: applyRules(facts, jobs), undecided: undecidedRules(facts) };
}
function versionToJudge(...candidates2) {
  for (const candidate of candidates2) {
    if (!candidate) continue;
    const version = parseVersion(candidate.replace(/^v/, ""));
    if (version.semver !== null) return version;
  }
  return parseVersion(NEWEST_TESTED_VERSION);
}
function analyzeWorkflow(jobs) {
  return applyRules(void 0, jobs);
}

// src/report/archive.ts
function decideArchive(setup, writes, policy) {
  const local = setup.localCache;
  if (!local || setup.backend !== "local") return void 0;
  if (policy === "never") return { save: false, local, why: "`save: never`" };
  if (readOnlyInEffect(setup.readOnly)) return { save: false, local, why: "read-only run" };
  if (policy === "always") return { save: true, local, why: "`save: always`" };
  if (writes === null) {
    return { save: true, local, why: "the text stats do not say whether this run stored objects" };
  }
  if (writes === 0) return { save: false, local, why: "this run stored no new objects (`save: auto`)" };
  return { save: true, local, why: `this run stored ${counted(writes, "new object")}` };
}
function archiveOutcome(local, saved) {
  return {
    dir: local.dir,
    key: local.key,
    restorePrefix: local.restorePrefix,
    restored: local.restoredKey ? { key: local.restoredKey } : { note: local.restoreNote ?? "no archive" },
    saved
  };
}
function describeSize(size) {
  return size.exact ? formatBytes(size.bytes) : `about ${formatBytes(size.bytes)}, the directory before packing`;
}
function describeArchive(outcome) {
  const restored = "key" in outcome.restored ? `restored from \`${outcome.restored.key}\`` : `nothing restored (${outcome.restored.note})`;
  const { saved } = outcome;
  if (!("key" in saved)) return `${restored}; not saved: ${saved.note}`;
  const size = saved.size ? ` (${describeSize(saved.size)})` : "";
  return `${restored}; saved as \`${saved.key}\`${size}: ${saved.why}${saved.pruned ? `; ${saved.pruned}` : ""}`;
}

// src/report/read-workflow.ts
import { join as join2 } from "node:path";

// src/github/workflow.ts
var import_yaml2 = __toESM(require_dist(), 1);
var MAX_STEP_SOURCE_LINES = 80;
var WorkflowParseError = class extends Error {
  constructor(line, column, reason) {
    super(`${line}:${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
  line;
  column;
  reason;
  name = "WorkflowParseError";
};
function anchorsOf(doc) {
  const anchors = /* @__PURE__ */ new Map();
  const unresolved = [];
  (0, import_yaml2.visit)(doc, {
    Node(_, node) {
      if ((0, import_yaml2.isAlias)(node)) {
        if (!anchors.has(node.source)) unresolved.push(node);
      } else if (node.anchor) {
        const list = anchors.get(node.anchor) ?? [];
        list.push(node);
        anchors.set(node.anchor, list);
      }
    }
  });
  return { anchors, unresolved };
}
var Reader = class {
  constructor(doc, lines, source, fileLine = (line) => line, anchors = anchorsOf(doc).anchors) {
    this.lines = lines;
    this.source = source;
    this.fileLine = fileLine;
    this.doc = doc;
    this.anchors = anchors;
  }
  lines;
  source;
  fileLine;
  anchors;
  doc;
  lineOf(node) {
    const offset = node?.range?.[0];
    return offset === void 0 ? 0 : this.fileLine(this.lines.linePos(offset).line);
  }
  /** Follows an alias to the node it names: the last anchor of that name before it. */
  deref(node) {
    if (!(0, import_yaml2.isAlias)(node)) return node;
    const at = node.range?.[0] ?? Number.POSITIVE_INFINITY;
    const candidates2 = this.anchors.get(node.source) ?? [];
    let found;
    for (const candidate of candidates2) if ((candidate.range?.[0] ?? 0) < at) found = candidate;
    return found;
  }
  /** A scalar as text: null/absent → undefined, true → "true", 0 → "0". */
  text(node) {
    const value = this.deref(node);
    if (!(0, import_yaml2.isScalar)(value)) return void 0;
    if (value.value === null || value.value === void 0) return void 0;
    return String(value.value);
  }
  map(node) {
    const value = this.deref(node);
    return (0, import_yaml2.isMap)(value) ? value : void 0;
  }
  /** The pairs of a map with scalar keys, each with the line of its key. */
  entries(node) {
    const map = this.map(node);
    if (!map) return [];
    const out = [];
    for (const pair of map.items) {
      const key = this.text(pair.key);
      if (key === void 0) continue;
      out.push({ key, keyLine: this.lineOf(pair.key), value: pair.value });
    }
    return out;
  }
  get(node, key) {
    return this.entries(node).find((e) => e.key === key)?.value;
  }
  env(node) {
    return this.entries(node).map((e) => ({ name: e.key, value: this.text(e.value) ?? "", line: e.keyLine }));
  }
  /** The source lines of a scalar exactly as written, so a match in a script keeps its own line. */
  sourceLines(node) {
    const value = this.deref(node);
    if (!(0, import_yaml2.isScalar)(value) || !value.range) return void 0;
    const first = this.lineOf(value);
    const quoted = value.type === "QUOTE_DOUBLE" || value.type === "QUOTE_SINGLE";
    if (quoted && !this.source.slice(value.range[0], value.range[1]).includes("\n")) {
      return [{ text: String(value.value), line: first }];
    }
    const raw = this.source.slice(value.range[0], value.range[1]).replace(/\n$/, "");
    return raw.split("\n").map((text2, i) => ({ text: text2, line: first + i }));
  }
  /** A line of the parsed text (1-based), without its line break. */
  lineText(line) {
    const starts = this.lines.lineStarts;
    const start = starts[line - 1] ?? this.source.length;
    const next = starts[line];
    return this.source.slice(start, next === void 0 ? this.source.length : next - 1);
  }
  /**
   * Where a node's last value ends: a block collection's own end may run on over the comments
   * after it, up to the next item's `- `, so the last leaf (or flow collection) is asked instead.
   */
  valueEnd(node) {
    let last = node;
    for (let depth = 0; depth < 1e3 && ((0, import_yaml2.isMap)(last) || (0, import_yaml2.isSeq)(last)) && !last.flow; depth++) {
      const item = last.items[last.items.length - 1];
      if (item === void 0) break;
      last = (0, import_yaml2.isPair)(item) ? item.value ?? item.key : item;
    }
    return (0, import_yaml2.isNode)(last) ? last.range?.[1] : void 0;
  }
  /**
   * A step's lines as written (WorkflowStep.source). The map's range starts at its first key; the
   * `- ` is on that line, or alone on an earlier one (`-`, `- &anchor`). Only line starts are
   * looked up, so a step costs its own lines, and one past the bound costs nothing.
   */
  stepSource(node) {
    if (!(0, import_yaml2.isMap)(node) || !node.range) return void 0;
    const start = node.range[0];
    const valueEnd = this.valueEnd(node) ?? node.range[1];
    const pos = this.lines.linePos(start);
    let first = pos.line;
    const beforeKey = this.lineText(first).slice(0, pos.col - 1);
    if (!DASH_BEFORE_KEY.test(beforeKey)) {
      if (beforeKey.trim() !== "") return void 0;
      let at = first - 1;
      while (at >= 1 && blankOrComment(this.lineText(at))) at--;
      if (at < 1 || !DASH_ALONE.test(this.lineText(at))) return void 0;
      first = at;
    }
    let last = this.lines.linePos(Math.max(valueEnd - 1, start)).line;
    while (last > first && this.lineText(last).trim() === "") last--;
    if (last - first + 1 > MAX_STEP_SOURCE_LINES) return void 0;
    const out = [];
    for (let line = first; line <= last; line++) {
      out.push({ text: this.lineText(line), line: this.fileLine(line) });
    }
    return out;
  }
  /** `viaAlias`: the step, its steps list or its job is an alias, so its text stands elsewhere. */
  step(node, index, viaAlias = false) {
    const uses2 = this.get(node, "uses");
    const usesText = this.text(uses2);
    const withs = /* @__PURE__ */ new Map();
    for (const e of this.entries(this.get(node, "with"))) {
      withs.set(e.key, { value: this.text(e.value) ?? "", line: e.keyLine });
    }
    const run = this.get(node, "run");
    const lines = run === void 0 ? void 0 : this.sourceLines(run);
    const id = this.text(this.get(node, "id"));
    const name3 = this.text(this.get(node, "name"));
    const shell = this.text(this.get(node, "shell"));
    const source = viaAlias || (0, import_yaml2.isAlias)(node) ? void 0 : this.stepSource(node);
    return {
      index,
      line: this.lineOf(this.deref(node)),
      ...id !== void 0 ? { id } : {},
      ...name3 !== void 0 ? { name: name3 } : {},
      ...usesText !== void 0 ? { uses: { value: usesText, line: this.lineOf(uses2) } } : {},
      with: withs,
      ...lines ? { run: lines } : {},
      ...shell !== void 0 ? { shell } : {},
      env: this.env(this.get(node, "env")),
      ...source ? { source } : {}
    };
  }
  defaultShell(node) {
    return this.text(this.get(this.get(this.get(node, "defaults"), "run"), "shell"));
  }
  job(id, line, node, workflowShell, viaAlias = (0, import_yaml2.isAlias)(node)) {
    const stepsValue = this.get(node, "steps");
    const stepsNode = this.deref(stepsValue);
    const stepsViaAlias = viaAlias || (0, import_yaml2.isAlias)(stepsValue);
    const steps = (0, import_yaml2.isSeq)(stepsNode) ? stepsNode.items.map((item, i) => this.step(item, i, stepsViaAlias)) : [];
    const uses2 = this.get(node, "uses");
    const usesText = this.text(uses2);
    const name3 = this.text(this.get(node, "name"));
    const shell = this.defaultShell(node) ?? workflowShell;
    return {
      id,
      line,
      ...name3 !== void 0 ? { name: name3 } : {},
      env: this.env(this.get(node, "env")),
      steps,
      ...usesText !== void 0 ? { uses: { value: usesText, line: this.lineOf(uses2) } } : {},
      ...shell !== void 0 ? { shell } : {}
    };
  }
  /** `on: push`, `on: [push, release]`, `on: {push: {tags: [...]}, release: …}`. */
  triggers(node) {
    const value = this.deref(node);
    if ((0, import_yaml2.isScalar)(value)) {
      const event = this.text(value);
      return event ? [{ event, line: this.lineOf(value) }] : [];
    }
    if ((0, import_yaml2.isSeq)(value)) {
      return value.items.flatMap((item) => {
        const event = this.text(item);
        return event ? [{ event, line: this.lineOf(this.deref(item)) }] : [];
      });
    }
    return this.entries(value).map((e) => {
      const filters = this.entries(e.value);
      const tags = filters.find((f) => f.key === "tags" || f.key === "tags-ignore");
      const branches = filters.find((f) => f.key === "branches" || f.key === "branches-ignore");
      return {
        event: e.key,
        line: e.keyLine,
        ...tags ? { tagsLine: tags.keyLine } : {},
        ...branches ? { branchesLine: branches.keyLine } : {}
      };
    });
  }
  /** The first job of a document that holds only `jobs:` and it (a split-off part of the file). */
  onlyJob(shell) {
    const entry = this.entries(this.get(this.doc.contents, "jobs"))[0];
    return entry ? this.job(entry.key, entry.keyLine, entry.value, shell) : void 0;
  }
  workflow() {
    const root = this.doc.contents;
    if (!(0, import_yaml2.isMap)(root)) throw new WorkflowParseError(1, 1, "not a workflow: the document is not a mapping");
    const jobsNode = this.get(root, "jobs");
    if (!this.map(jobsNode)) {
      const at = this.lineOf(root);
      throw new WorkflowParseError(at || 1, 1, "not a workflow: it has no `jobs:` mapping");
    }
    const shell = this.defaultShell(root);
    const name3 = this.text(this.get(root, "name"));
    const jobsViaAlias = (0, import_yaml2.isAlias)(jobsNode);
    return {
      ...name3 !== void 0 ? { name: name3 } : {},
      // Under a `%YAML 1.1` directive the key `on` is the boolean true.
      triggers: this.triggers(this.get(root, "on") ?? this.get(root, "true")),
      env: this.env(this.get(root, "env")),
      jobs: this.entries(jobsNode).map(
        (e) => this.job(e.key, e.keyLine, e.value, shell, jobsViaAlias || (0, import_yaml2.isAlias)(e.value))
      ),
      jobIds: this.entries(jobsNode).map((e) => e.key)
    };
  }
};
function parseError(error) {
  const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
  const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  return new WorkflowParseError(pos.line, pos.col, reason || "invalid YAML");
}
function parseWhole(text2) {
  const lineCounter = new import_yaml2.LineCounter();
  const docs = (0, import_yaml2.parseAllDocuments)(text2, { lineCounter, uniqueKeys: false });
  if (!Array.isArray(docs)) {
    throw new WorkflowParseError(1, 1, "not a workflow: the file is empty");
  }
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) throw parseError(error);
  }
  const withJobs = docs.find((doc) => (0, import_yaml2.isMap)(doc.contents) && doc.contents.has("jobs")) ?? docs[0];
  if (!withJobs) throw new WorkflowParseError(1, 1, "not a workflow: the file is empty");
  const { anchors, unresolved } = anchorsOf(withJobs);
  const dangling = unresolved[0];
  if (dangling) {
    const pos = lineCounter.linePos(dangling.range?.[0] ?? 0);
    throw new WorkflowParseError(
      pos.line,
      pos.col,
      `the alias *${dangling.source} names no anchor (quote a value that starts with *)`
    );
  }
  return new Reader(withJobs, lineCounter, text2, void 0, anchors).workflow();
}
var DASH_BEFORE_KEY = /^ *- +(?:[&!][^ ]* +)*$/;
var DASH_ALONE = /^ *-(?: +[&!][^ ]*)*(?: +#.*)? *$/;
var JOB_KEY = /^( +)(["']?)([A-Za-z_][A-Za-z0-9_-]*)\2:[ \t]*(#.*)?$/;
var blankOrComment = (line) => /^\s*(#.*)?$/.test(line);
function layoutOf(lines) {
  let jobsLine = -1;
  for (let i2 = 0; i2 < lines.length; i2++) {
    const line = lines[i2];
    if (/^(---|\.\.\.)(\s|$)/.test(line) && i2 > 0) return void 0;
    if (/^jobs:[ \t]*(#.*)?$/.test(line)) {
      if (jobsLine >= 0) return void 0;
      jobsLine = i2;
    }
  }
  if (jobsLine < 0) return void 0;
  const jobs = [];
  let indent = -1;
  let i = jobsLine + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (blankOrComment(line)) continue;
    const lead = line.length - line.trimStart().length;
    if (lead === 0) break;
    if (indent < 0) indent = lead;
    if (lead < indent) return void 0;
    if (lead === indent) {
      const key = JOB_KEY.exec(line);
      if (!key || key[1].length !== indent) return void 0;
      if (jobs.length) jobs[jobs.length - 1] = { ...jobs[jobs.length - 1], end: i };
      jobs.push({ id: key[3], start: i, end: i + 1 });
    }
  }
  if (jobs.length) jobs[jobs.length - 1] = { ...jobs[jobs.length - 1], end: i };
  return jobs.length ? { jobsLine, jobs } : void 0;
}
function parseInParts(text2, wantJob) {
  const lines = text2.split("\n");
  const layout = layoutOf(lines);
  if (!layout) return void 0;
  const first = layout.jobs[0].start;
  const last = layout.jobs[layout.jobs.length - 1].end;
  const header = [
    ...lines.slice(0, layout.jobsLine),
    "jobs: {}",
    ...lines.slice(layout.jobsLine + 1, first),
    ...lines.slice(last)
  ].join("\n");
  const headerLine = (line) => line <= first ? line : line + (last - first);
  let top;
  let shell;
  try {
    const lineCounter = new import_yaml2.LineCounter();
    const doc = (0, import_yaml2.parseAllDocuments)(header, { lineCounter, uniqueKeys: false });
    if (!Array.isArray(doc) || doc.length !== 1 || doc[0].errors.length) return void 0;
    const { anchors, unresolved } = anchorsOf(doc[0]);
    if (unresolved.length) return void 0;
    const reader = new Reader(doc[0], lineCounter, header, headerLine, anchors);
    top = reader.workflow();
    shell = reader.defaultShell(doc[0].contents);
  } catch {
    return void 0;
  }
  const jobs = [];
  for (const span of layout.jobs) {
    const body = lines.slice(span.start, span.end).join("\n");
    if (!wantJob(span.id, body)) continue;
    const part = `jobs:
${body}`;
    const lineCounter = new import_yaml2.LineCounter();
    const doc = (0, import_yaml2.parseAllDocuments)(part, { lineCounter, uniqueKeys: false });
    if (!Array.isArray(doc) || doc.length !== 1 || doc[0].errors.length) return void 0;
    const { anchors, unresolved } = anchorsOf(doc[0]);
    if (unresolved.length) return void 0;
    const job = new Reader(doc[0], lineCounter, part, (line) => line + span.start - 1, anchors).onlyJob(
      shell
    );
    if (!job) return void 0;
    jobs.push(job);
  }
  return { ...top, jobs, jobIds: layout.jobs.map((j) => j.id) };
}
function parseWorkflow(source, wantJob) {
  const text2 = source.replace(/\r\n?/g, "\n");
  return wantJob && parseInParts(text2, wantJob) || parseWhole(text2);
}

// src/util/shell.ts
function* unquoted(line) {
  let quote;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = void 0;
      else if (c === "\\" && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "\\") {
      i++;
    } else {
      yield i;
    }
  }
}
function withoutComment(line) {
  for (const i of unquoted(line)) {
    if (line[i] === "#" && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}
function commandsOf(line) {
  const commands = [];
  let start = 0;
  let skipTo = -1;
  for (const i of unquoted(line)) {
    if (i <= skipTo) continue;
    const c = line[i];
    if (c !== ";" && c !== "|" && c !== "&") continue;
    commands.push(line.slice(start, i));
    const doubled = line[i + 1] === c;
    if (doubled) skipTo = i + 1;
    start = doubled ? i + 2 : i + 1;
  }
  commands.push(line.slice(start));
  return commands.map((command) => command.trim()).filter((command) => command !== "");
}
function wordsOf(command) {
  const words = [];
  let quote;
  let word = "";
  let inWord = false;
  for (const c of command) {
    if (quote) {
      if (c === quote) quote = void 0;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

// src/github/run-script.ts
var isLiteralValue = (value) => !/[$%`]/.test(value) && !value.startsWith("<<");
var WORD = /[A-Za-z_][A-Za-z0-9_]*(=|<<)?/g;
var MAX_LINE = 4096;
function assignmentsIn(text2) {
  const found = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text2); match; match = WORD.exec(text2)) {
    if (!match[1]) continue;
    const start = match.index;
    const before = start === 0 ? " " : text2[start - 1];
    if (!/[\s"'{;(|]/.test(before)) continue;
    const quote = before === '"' || before === "'" ? before : void 0;
    const valueStart = start + match[0].length;
    let end;
    if (quote) {
      end = text2.indexOf(quote, valueStart);
      if (end < 0) end = text2.length;
    } else if (text2[valueStart] === '"' || text2[valueStart] === "'") {
      end = text2.indexOf(text2[valueStart], valueStart + 1);
      if (end < 0) end = text2.length;
    } else {
      const rest = /[\s;>|]/.exec(text2.slice(valueStart));
      end = rest ? valueStart + rest.index : text2.length;
    }
    const quotedValue = !quote && (text2[valueStart] === '"' || text2[valueStart] === "'");
    const value = text2.slice(quotedValue ? valueStart + 1 : valueStart, end);
    const name3 = match[0].slice(0, -match[1].length);
    found.push({ name: name3, value: match[1] === "<<" ? `<<${value}` : value });
    WORD.lastIndex = end + 1;
  }
  return found;
}
var TARGETS_GITHUB_ENV = /GITHUB_ENV\b/;
var HEREDOC_INTO_ENV = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/;
var unescapePrintf = (value, line) => /\bprintf\b/.test(line) ? value.replace(/(\\n)+$/, "") : value;
function lineAssignments(text2, line) {
  const trimmed = text2.trim();
  if (TARGETS_GITHUB_ENV.test(text2)) {
    return assignmentsIn(text2.replace(/\$\{?env:GITHUB_ENV\}?|\$\{?GITHUB_ENV\}?/g, " ")).map((a) => ({
      name: a.name,
      value: unescapePrintf(a.value, text2),
      line,
      how: "github-env"
    }));
  }
  const cmdSet = /^set\s+("?)([A-Za-z_][A-Za-z0-9_]*)=(.*)$/i.exec(trimmed);
  if (cmdSet) {
    const [, quote, name3, value] = cmdSet;
    const unquoted2 = quote && value.endsWith('"') ? value.slice(0, -1) : value;
    return [{ name: name3, value: unquoted2, line, how: "export" }];
  }
  const exported = /^(?:export\s+|\$env:)(.*)$/i.exec(trimmed);
  if (!exported) return [];
  const rest = exported[1];
  if (trimmed.toLowerCase().startsWith("$env:")) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(["']?)(.*?)\2\s*;?\s*$/.exec(rest);
    return m ? [{ name: m[1], value: m[3], line, how: "export" }] : [];
  }
  return assignmentsIn(` ${rest}`).map((a) => ({ ...a, line, how: "export" }));
}
function scriptAssignments(lines) {
  const clean2 = lines.map((l) => ({
    line: l.line,
    text: withoutComment(l.text.slice(0, MAX_LINE).replace(/\r$/, ""))
  }));
  const out = [];
  for (let i = 0; i < clean2.length; i++) {
    const { text: text2 } = clean2[i];
    const trimmed = text2.trim();
    if (trimmed === "") continue;
    if (trimmed === "{") {
      let close = i + 1;
      while (close < clean2.length && !clean2[close].text.trim().startsWith("}")) close++;
      if (close < clean2.length && TARGETS_GITHUB_ENV.test(clean2[close].text)) {
        for (let j = i + 1; j < close; j++) {
          for (const a of assignmentsIn(clean2[j].text)) {
            out.push({
              name: a.name,
              value: unescapePrintf(a.value, clean2[j].text),
              line: clean2[j].line,
              how: "github-env"
            });
          }
        }
        i = close;
      }
      continue;
    }
    const heredoc = TARGETS_GITHUB_ENV.test(text2) && /\bcat\b/.test(text2) ? HEREDOC_INTO_ENV.exec(text2) : null;
    if (heredoc) {
      const delimiter = heredoc[1];
      let j = i + 1;
      for (; j < lines.length && lines[j].text.replace(/\r$/, "").trim() !== delimiter; j++) {
        const eq = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(lines[j].text.replace(/\r$/, ""));
        if (eq) out.push({ name: eq[1], value: eq[2], line: lines[j].line, how: "github-env" });
      }
      i = j;
      continue;
    }
    out.push(...lineAssignments(text2, clean2[i].line));
  }
  return out;
}

// src/sccache/invocation.ts
var FLAGS = {
  "--stop-server": "--stop-server",
  "--start-server": "--start-server",
  "--zero-stats": "--zero-stats",
  "-z": "--zero-stats"
};
var MAX_LINE2 = 4096;
var PREFIX = /^(if|then|else|elif|do|while|until|!|time|sudo|exec|command|nohup|\(|\{|[A-Za-z_][A-Za-z0-9_]*=\S*)$/;
function namesSccache(word) {
  const bare = word.replace(/^[(!]+|[)]+$/g, "");
  const base = bare.slice(Math.max(bare.lastIndexOf("/"), bare.lastIndexOf("\\")) + 1).toLowerCase();
  if (base === "sccache" || base === "sccache.exe") return true;
  return /^(\$sccache_path|\$\{sccache_path\}|\$env:sccache_path|\$\{\{env\.sccache_path\}\})$/.test(
    bare.toLowerCase()
  );
}
function serverCommandIn(line) {
  const text2 = line.slice(0, MAX_LINE2);
  if (!/sccache/i.test(text2)) return void 0;
  const joined = withoutComment(text2).replace(/\$\{\{\s*env\.SCCACHE_PATH\s*\}\}/gi, "${{env.SCCACHE_PATH}}");
  for (const command of commandsOf(joined)) {
    const words = wordsOf(command);
    let at = 0;
    while (at < words.length - 1 && PREFIX.test(words[at])) at++;
    if (!namesSccache(words[at] ?? "")) continue;
    for (const word of words.slice(at + 1)) {
      const flag = FLAGS[word.replace(/\)+$/, "")];
      if (flag) return flag;
    }
  }
  return void 0;
}

// src/report/job-facts.ts
var OURS = /(^|\/)sccache-guard(@|$)|^\.\/?$/i;
var MOZILLA = /^mozilla-actions\/sccache-action(@|$)/i;
var INSTALL_IN_RUN = /\b(cargo\s+(install|binstall)\b[^#\n]*\bsccache\b|(apt(-get)?|brew|choco|scoop|pip3?|pipx|dnf|yum|apk)\s+(install|add)\b[^#\n]*\bsccache\b|(curl|wget)\b[^#\n]*\bsccache-v\d)/i;
var CREDENTIALS = /\bACTIONS_(CACHE_URL|RUNTIME_TOKEN|RESULTS_URL)\b/;
var RUST_BUILD = /(^|[\s;&|(])(cargo|cross)(\s+\+\S+)?\s+(build|b|test|t|check|c|run|r|clippy|nextest|doc|bench|rustc|llvm-cov|hack|zigbuild|auditable|install)\b|(^|[\s;&|(])(maturin\s+(build|develop)|wasm-pack\s+(build|test))\b/;
var CXX_BUILD = /(^|[\s;&|(])(cmake\s+(--build|-S|-B|\.\.?(\s|$))|make(\s|$)|ninja(\s|$)|meson\s+compile|(gcc|g\+\+|clang|clang\+\+|cc|c\+\+)\s+\S)/;
var RUST_BUILD_ACTIONS = /^(actions-rs\/cargo|houseabsolute\/actions-rust-cross|PyO3\/maturin-action)(@|$)/i;
var GHA_ON = /^(true|on|1)$/i;
var uses = (step) => step.uses?.value ?? "";
function setupOf(step) {
  const at = { stepIndex: step.index, line: step.uses?.line ?? step.line };
  if (OURS.test(uses(step))) {
    return {
      ...at,
      kind: "sccache-guard",
      what: uses(step),
      backend: step.with.get("backend")?.value || "auto",
      readOnly: /^true$/i.test(step.with.get("read-only")?.value.trim() ?? ""),
      ...step.source ? { source: step.source } : {}
    };
  }
  if (MOZILLA.test(uses(step))) return { ...at, kind: "sccache-action", what: uses(step) };
  if (/^taiki-e\/install-action(@|$)/i.test(uses(step)) && /\bsccache\b/.test(step.with.get("tool")?.value ?? "")) {
    return { ...at, kind: "install", what: `${uses(step)} (tool: sccache)` };
  }
  if (/^actions\/github-script(@|$)/i.test(uses(step)) && CREDENTIALS.test(step.with.get("script")?.value ?? "")) {
    const line = step.with.get("script")?.line ?? at.line;
    return { ...at, line, kind: "credentials", what: `${uses(step)} exporting the cache credentials` };
  }
  for (const source of step.run ?? []) {
    if (source.text.trim().startsWith("#")) continue;
    const install = INSTALL_IN_RUN.exec(source.text);
    if (install)
      return { stepIndex: step.index, line: source.line, kind: "install", what: install[0].trim() };
  }
  return void 0;
}
function buildOf(step) {
  if (RUST_BUILD_ACTIONS.test(uses(step))) {
    return { stepIndex: step.index, line: step.uses.line, language: "rust", command: uses(step) };
  }
  for (const source of step.run ?? []) {
    const text2 = source.text.trim();
    if (text2.startsWith("#")) continue;
    const rust = RUST_BUILD.exec(text2);
    if (rust && !/\binstall\b[^#]*\bsccache\b/.test(text2)) {
      return { stepIndex: step.index, line: source.line, language: "rust", command: rust[0].trim() };
    }
    const cxx = CXX_BUILD.exec(text2);
    if (cxx) return { stepIndex: step.index, line: source.line, language: "c/c++", command: cxx[0].trim() };
  }
  return void 0;
}
function credentialExport(step) {
  const write = scriptAssignments(step.run ?? []).find(
    (a) => a.how === "github-env" && CREDENTIALS.test(a.name)
  );
  return write ? {
    stepIndex: step.index,
    line: write.line,
    kind: "credentials",
    what: `${write.name} exported to GITHUB_ENV`
  } : void 0;
}
function tagTriggerOf(workflow) {
  for (const trigger of workflow.triggers) {
    const file = trigger.file ? { file: trigger.file } : {};
    if (trigger.event === "push" && trigger.tagsLine !== void 0)
      return { line: trigger.tagsLine, what: "push: tags", ...file };
    if (trigger.event === "release" || trigger.event === "create")
      return { line: trigger.line, what: trigger.event, ...file };
  }
  return void 0;
}
function targetRestoreOf(step) {
  if (/^Swatinem\/rust-cache(@|$)/i.test(uses(step))) {
    const targets = step.with.get("cache-targets");
    if (targets && /^false$/i.test(targets.value.trim())) return void 0;
    return {
      by: "rust-cache",
      stepIndex: step.index,
      line: targets?.line ?? step.uses.line,
      what: `${uses(step)}${targets ? ` with cache-targets: ${targets.value}` : " (cache-targets defaults to true)"}`
    };
  }
  if (/^actions\/cache(\/restore)?(@|$)/i.test(uses(step))) {
    const path = step.with.get("path");
    const underTarget = (path?.value ?? "").split("\n").map((p) => p.trim()).find((p) => /(^|[/\\*])target([/\\]|$)/.test(p) && !p.startsWith("!"));
    if (path && underTarget) {
      return {
        by: "actions/cache",
        stepIndex: step.index,
        line: path.line,
        what: `${uses(step)} restoring ${underTarget}`
      };
    }
  }
  return void 0;
}
function envAssignments(workflow, job) {
  const found = [
    ...workflow.env.map((e) => ({ ...e, level: "workflow" })),
    ...job.env.map((e) => ({ ...e, level: "job" }))
  ];
  for (const step of job.steps) {
    for (const e of step.env) found.push({ ...e, level: "step", stepIndex: step.index });
    for (const a of scriptAssignments(step.run ?? [])) {
      found.push({ name: a.name, value: a.value, line: a.line, level: a.how, stepIndex: step.index });
    }
  }
  return found;
}
function buildJobFacts({ workflow, job, file, version }) {
  const setups = [];
  const builds = [];
  for (const step of job.steps) {
    const setup = setupOf(step) ?? credentialExport(step);
    if (setup) setups.push(setup);
    const build = buildOf(step);
    if (build) builds.push(build);
  }
  const firstSetup = setups.find((s2) => s2.kind !== "credentials");
  const ours = setups.find((s2) => s2.kind === "sccache-guard");
  const firstBuild = builds[0];
  const compilesThroughSccache = firstSetup !== void 0 && builds.some((b) => b.stepIndex > firstSetup.stepIndex);
  const buildsRust = builds.some((b) => b.language === "rust");
  const buildsCxx = builds.some((b) => b.language === "c/c++");
  const raw = envAssignments(workflow, job);
  const ghaEnabled = raw.some(
    (e) => e.name === "SCCACHE_GHA_ENABLED" && (GHA_ON.test(e.value) || !isLiteralValue(e.value))
  );
  const usesGhaCache = compilesThroughSccache && (ours !== void 0 && (ours.backend === "auto" || ours.backend === "gha") || ghaEnabled);
  const remoteBackend = usesGhaCache || raw.some(
    (e) => /^SCCACHE_(BUCKET|REDIS|MEMCACHED|GCS_BUCKET|WEBDAV_ENDPOINT|AZURE_CONNECTION_STRING)/.test(e.name)
  ) || ours?.backend === "external";
  const serverStart = ours?.stepIndex;
  const afterServerStart = (e) => serverStart !== void 0 && e.stepIndex !== void 0 && (e.level === "github-env" ? e.stepIndex >= serverStart : e.stepIndex > serverStart);
  const capabilities = capabilitiesOf(version);
  const env = raw.map((e) => {
    const judged = inspectEnvironment(
      { [e.name]: isLiteralValue(e.value) ? e.value : "true" },
      version,
      capabilities
    );
    const dead = judged.dead[0]?.why;
    const invalid = isLiteralValue(e.value) && e.name !== "CARGO_INCREMENTAL" ? judged.invalid[0]?.why : void 0;
    const noEffect = whyNoEffect(e.name, {
      remoteBackend,
      buildsRust,
      buildsCxx,
      afterServerStart: afterServerStart(e),
      version
    });
    return {
      ...e,
      ...dead ? { dead } : {},
      ...invalid ? { invalid } : {},
      ...noEffect && !dead ? { noEffect } : {}
    };
  });
  const restartsFrom = firstSetup?.stepIndex ?? Number.POSITIVE_INFINITY;
  const serverRestarts = [];
  for (const step of job.steps) {
    if (step.index <= restartsFrom) continue;
    for (const source of step.run ?? []) {
      const command = serverCommandIn(source.text);
      if (command)
        serverRestarts.push({ stepIndex: step.index, line: source.line, what: source.text.trim(), command });
    }
  }
  const targetRestores = job.steps.filter((s2) => firstBuild === void 0 || s2.index < firstBuild.stepIndex).map(targetRestoreOf).filter((r) => r !== void 0);
  const buildSteps = new Set(builds.map((b) => b.stepIndex));
  const reachesBuild = (e) => e.level === "workflow" || e.level === "job" || (e.level === "step" || e.level === "export") && buildSteps.has(e.stepIndex ?? -1) || e.level === "github-env" && (serverStart === void 0 || (e.stepIndex ?? -1) >= serverStart) && builds.some((b) => b.stepIndex > (e.stepIndex ?? Number.POSITIVE_INFINITY));
  const wrapperOverrides = ours ? env.filter(
    (e) => e.name === "RUSTC_WRAPPER" && reachesBuild(e) && // "sccache" finds the same binary setup found (setup uses the one on PATH first).
    !/^(sccache(\.exe)?|\$\{\{\s*env\.SCCACHE_PATH\s*\}\}|\$SCCACHE_PATH|\$\{SCCACHE_PATH\})$/i.test(
      e.value.trim()
    )
  ) : [];
  const incrementalOn = env.filter(
    (e) => e.name === "CARGO_INCREMENTAL" && isLiteralValue(e.value) && !/^(0|false)$/i.test(e.value.trim()) && reachesBuild(e)
  );
  const tagTrigger = tagTriggerOf(workflow);
  return {
    file,
    jobId: job.id,
    jobLine: job.line,
    sccacheVersion: version.raw,
    setups,
    builds,
    compilesThroughSccache,
    usesGhaCache,
    readOnly: ours?.readOnly === true || env.some(
      (e) => e.name === "SCCACHE_GHA_RW_MODE" && /^read_only$/i.test(e.value.trim()) && reachesBuild(e)
    ),
    buildsRust,
    buildsCxx,
    ...tagTrigger ? { tagTrigger } : {},
    targetRestores: compilesThroughSccache ? targetRestores : [],
    serverRestarts,
    env,
    wrapperOverrides,
    incrementalOn: buildsRust ? incrementalOn : []
  };
}

// src/report/workflow-jobs.ts
function candidates(top, load2, notes) {
  const out = [];
  for (const job of top.workflow.jobs) {
    out.push({ source: top, job });
    if (!job.uses) continue;
    const callee = load2(job.uses.value);
    if (typeof callee === "string") notes.push(`job ${job.id} calls ${job.uses.value}: ${callee}`);
    else if (callee)
      for (const inner of callee.workflow.jobs) out.push({ source: callee, job: inner, caller: top });
  }
  return out;
}
function factsOf(candidate, version) {
  const { source, job, caller } = candidate;
  const workflow = caller ? { ...source.workflow, triggers: caller.workflow.triggers.map((t) => ({ ...t, file: caller.file })) } : source.workflow;
  return buildJobFacts({ workflow, job, file: source.file, version });
}
function selectJobs(top, jobId, version, load2) {
  const notes = [];
  const all = candidates(top, load2, notes);
  if (jobId !== void 0) {
    const named = all.filter((c) => c.job.id === jobId && !c.job.uses);
    if (named.length === 0) {
      const callees = all.filter((c) => c.caller && !c.job.uses).map((c) => c.job.id);
      return { unknownJob: jobId, known: [.../* @__PURE__ */ new Set([...top.workflow.jobIds, ...callees])] };
    }
    return { jobs: named.map((c) => factsOf(c, version)), notes };
  }
  const jobs = all.filter((c) => !c.job.uses).map((c) => factsOf(c, version));
  return { jobs: jobs.filter((j) => j.compilesThroughSccache), notes };
}
var CALLS_LOCAL_WORKFLOW = /^\s*uses:\s*["']?\.\//m;
var MENTIONS_SCCACHE = /sccache|SCCACHE_|RUSTC_WRAPPER|_COMPILER_LAUNCHER|ACTIONS_CACHE_URL/i;
var jobsWorthReading = (jobId) => (id, text2) => CALLS_LOCAL_WORKFLOW.test(text2) || (jobId !== void 0 ? id === jobId : MENTIONS_SCCACHE.test(text2));

// src/report/read-workflow.ts
function load(path, file, jobId) {
  try {
    return { file, workflow: parseWorkflow(readWorkflowFile(path), jobsWorthReading(jobId)) };
  } catch (error) {
    if (error instanceof WorkflowParseError)
      return { problem: "invalid", message: `${file}:${error.message}` };
    if (error instanceof WorkflowFileError) return { problem: "unreadable", message: error.message };
    throw error;
  }
}
function readWorkflowJobs(request) {
  const top = load(request.path, request.file, request.jobId);
  if ("problem" in top) return { ok: false, problem: top.problem, message: top.message };
  const diskRoot = repositoryRootOf(request.path);
  const nameRoot = repositoryRootOf(request.file);
  const selection = selectJobs(top, request.jobId, request.version, (uses2) => {
    const onDisk = localCallee(uses2, diskRoot);
    if (!onDisk) return `${uses2} is not in this repository, so its steps cannot be read`;
    const named = localCallee(uses2, nameRoot) ?? join2(nameRoot, uses2);
    const callee = load(onDisk, named, request.jobId);
    return "problem" in callee ? callee.message : callee;
  });
  if ("unknownJob" in selection) {
    return {
      ok: false,
      problem: "unknown-job",
      message: `${request.file} has no job "${selection.unknownJob}"; its jobs: ${selection.known.join(", ") || "none"}`,
      knownJobs: selection.known
    };
  }
  return { ok: true, jobs: selection.jobs, notes: selection.notes };
}

// src/report/render/outputs.ts
var hitRatePercent = (hitRate2) => hitRate2 === null ? "" : percentDigits(hitRate2);
function renderOutputs(facts, findings, statsPath) {
  return {
    "hit-rate": hitRatePercent(facts.hitRate),
    hits: String(facts.hits),
    misses: String(facts.misses),
    findings: JSON.stringify(findings.map((f) => f.id)),
    "stats-json": statsPath
  };
}
var explainFinding = ({ id, severity, title, evidence, fix, place, job }) => ({
  id,
  severity,
  title,
  evidence,
  fix,
  ...place ? { file: place.file, line: place.line } : {},
  ...job ? { job } : {}
});
function renderExplainJson(facts, findings, workflow, sccacheVersion = facts?.stats.version ?? null, undecided = []) {
  const location = facts?.location;
  return {
    hitRate: facts ? facts.hitRate : null,
    hits: facts ? facts.hits : null,
    misses: facts ? facts.misses : null,
    findings: findings.map(explainFinding),
    languages: (facts?.languages ?? []).map(({ language, hits, misses, hitRate: hitRate2 }) => ({
      language,
      hits,
      misses,
      hitRate: hitRate2
    })),
    nonCacheable: (facts?.nonCacheable ?? []).map(({ reason, count, kind }) => ({ reason, count, kind })),
    cacheLocation: location ? {
      backend: location.backend,
      raw: location.raw,
      ...location.protocol ? { protocol: location.protocol } : {},
      ...location.namespace ? { namespace: location.namespace } : {}
    } : null,
    sccacheVersion,
    statsForm: facts ? facts.stats.form : null,
    statsBlocks: facts ? facts.stats.blocks : null,
    notUnderstood: facts ? [...facts.stats.notUnderstood] : [],
    undecided,
    ...workflow ? { workflow } : {}
  };
}

// src/util/sparkline.ts
var BLOCKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
var NO_RATE = "·";
function sparkline(values) {
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return NO_RATE;
    const clamped = Math.min(1, Math.max(0, value));
    const index = clamped >= 1 ? BLOCKS.length - 1 : Math.floor(clamped * (BLOCKS.length - 1));
    return BLOCKS[index];
  }).join("");
}

// src/report/render/fix-text.ts
var isSnippet = (fix) => fix.includes("\n") || /^[#-]|^\w+:/.test(fix);
var isComment2 = (line) => /^\s*#/.test(line);
var uncomment = (line) => line.replace(/^\s*#+\s?/, "").trim();
function fixParts(fix) {
  if (fix.trim() === "") return [];
  if (!isSnippet(fix)) return [{ kind: "prose", text: fix }];
  const parts = [];
  let run = [];
  let runIsProse = false;
  const flush = () => {
    if (run.length === 0) return;
    const text2 = runIsProse ? run.map(uncomment).filter(Boolean).join(" ") : run.join("\n").trimEnd();
    if (text2) parts.push(runIsProse ? { kind: "prose", text: text2 } : { kind: "paste", text: text2 });
    run = [];
  };
  for (const line of fix.split("\n")) {
    const prose = isComment2(line);
    if (line.trim() === "" && !runIsProse) {
      run.push(line);
      continue;
    }
    if (prose !== runIsProse) flush();
    runIsProse = prose;
    run.push(line);
  }
  flush();
  return parts;
}

// src/report/render/verdict.ts
var needsAction = (finding2) => finding2.actionable || finding2.fix !== "";
var problems = (n) => n === 1 ? "1 problem" : `${n} problems`;
function verdictOf(facts, findings, undecided = 0) {
  const toFix = findings.filter(needsAction);
  const cold = findings.find((f) => f.id === "cold-cache");
  const lookups = counted(facts.lookups, "lookup");
  if (toFix.length > 0 && toFix.some((f) => f.id !== "cold-cache")) {
    const cost = facts.lookups === 0 ? "no cache lookups" : facts.misses === 0 ? `all ${lookups} hit` : `${facts.misses} of ${lookups} missed`;
    return { state: "problems", words: `${problems(toFix.length)} to fix — ${cost}`, said: [] };
  }
  if (cold && cold.fix === "") {
    return {
      state: "cold-first-run",
      words: `cold first run — the next run reads the ${counted(facts.misses, "object")} this one wrote`,
      said: [cold.id]
    };
  }
  if (cold) return { state: "cold", words: `cold: all ${lookups} missed`, said: [] };
  if (facts.hitRate === null) return { state: "no-lookups", words: "no cache lookups", said: [] };
  if (facts.misses === 0)
    return { state: "warm", words: `warm: ${formatPercent(facts.hitRate)} of ${lookups} hit`, said: [] };
  return {
    state: "partly-warm",
    words: `${formatPercent(facts.hitRate)} of ${lookups} hit, ${counted(facts.misses, "miss", "misses")} ${undecided ? "whose cause the text output cannot show" : "with no known cause"}`,
    said: []
  };
}

// src/report/render/markdown.ts
var byteLength = (text2) => Buffer.byteLength(text2, "utf8");
var cutMarker = (bytesMore) => `… (cut: ${bytesMore} bytes more)`;
var CUT_MARKER_BYTES = byteLength(cutMarker(10 ** 15));
function utf8Prefix(text2, maxBytes) {
  let units = 0;
  let bytes = 0;
  while (units < text2.length) {
    const code2 = text2.charCodeAt(units);
    const pair = code2 >= 55296 && code2 <= 56319 && units + 1 < text2.length && isLowSurrogate(text2.charCodeAt(units + 1));
    const size = pair ? 4 : code2 < 128 ? 1 : code2 < 2048 ? 2 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    units += pair ? 2 : 1;
  }
  return { units, bytes };
}
var isLowSurrogate = (code2) => code2 >= 56320 && code2 <= 57343;
function clip(text2, maxBytes) {
  if (text2.length * 3 <= maxBytes) return text2;
  const total = byteLength(text2);
  if (total <= maxBytes) return text2;
  const kept = utf8Prefix(text2, Math.max(0, maxBytes - CUT_MARKER_BYTES));
  return text2.slice(0, kept.units) + cutMarker(total - kept.bytes);
}
var INLINE_MARKUP = /[\r\n]+|[&<[\]|@]|:\/\/|www\./gi;
var ESCAPED = {
  "&": "&amp;",
  "<": "&lt;",
  "[": "&#91;",
  "]": "&#93;",
  "|": "\\|",
  "@": "⁠@",
  "://": "&#58;//"
};
function escapeMarkup(match) {
  if (match[0] === "\r" || match[0] === "\n") return " ";
  if (match.length === 4) return `${match.slice(0, 3)}&#46;`;
  return ESCAPED[match] ?? match;
}
var BLOCK_START = /^(?:>|#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|([-*_=])(?:[ \t]*\1){2,}[ \t]*$)/;
function escapeBlockStart(text2) {
  return BLOCK_START.test(text2) ? `&#${text2.charCodeAt(0)};${text2.slice(1)}` : text2;
}
function cell(text2) {
  const escaped = escapeBlockStart(text2.replace(INLINE_MARKUP, escapeMarkup).replace(/^[ \t]+/, ""));
  return escapeTrailingBackslash(escapeUnpairedBackticks(escaped));
}
function escapeTrailingBackslash(text2) {
  let count = 0;
  while (count < text2.length && text2[text2.length - 1 - count] === "\\") count++;
  return count % 2 === 1 ? `${text2.slice(0, -1)}&#92;` : text2;
}
var ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
function backtickRunsByLength(text2) {
  const runs = /* @__PURE__ */ new Map();
  for (let i = text2.indexOf("`"); i !== -1; ) {
    let end = i;
    while (text2[end] === "`") end++;
    const starts = runs.get(end - i) ?? [];
    starts.push(i);
    runs.set(end - i, starts);
    i = text2.indexOf("`", end);
  }
  return runs;
}
function escapeUnpairedBackticks(text2) {
  if (!text2.includes("`")) return text2;
  const closers2 = backtickRunsByLength(text2);
  const cursor = /* @__PURE__ */ new Map();
  const closerAfter = (length, from) => {
    const starts = closers2.get(length) ?? [];
    let next = cursor.get(length) ?? 0;
    while (next < starts.length && starts[next] < from) next++;
    cursor.set(length, next);
    return starts[next];
  };
  let out = "";
  let copied = 0;
  for (let i = 0; i < text2.length; ) {
    const char = text2[i];
    if (char === "\\" && ASCII_PUNCTUATION.test(text2[i + 1] ?? "")) {
      i += 2;
      continue;
    }
    if (char !== "`") {
      i++;
      continue;
    }
    let end = i;
    while (text2[end] === "`") end++;
    const close = closerAfter(end - i, end);
    if (close !== void 0) {
      i = close + (end - i);
      continue;
    }
    out += `${text2.slice(copied, i)}${"&#96;".repeat(end - i)}`;
    copied = end;
    i = end;
  }
  return out + text2.slice(copied);
}
function longestRun(text2, char) {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text2.length; i++) {
    run = text2[i] === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
function code(text2) {
  const clean2 = text2.replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|");
  const fence = "`".repeat(longestRun(clean2, "`") + 1);
  const spacedBothEnds = clean2.startsWith(" ") && clean2.endsWith(" ") && /[^ ]/.test(clean2);
  const pad = clean2.startsWith("`") || clean2.endsWith("`") || spacedBothEnds ? " " : "";
  return `${fence}${pad}${clean2}${pad}${fence}`;
}
var tableRow2 = (cells) => `| ${cells.join(" | ")} |`;
var tableOfRows = (header, rows) => [tableRow2(header), tableRow2(header.map(() => "---")), ...rows].join("\n");
var table = (header, rows) => tableOfRows(header, rows.map(tableRow2));
function fenced(text2, lang = "") {
  const fence = "`".repeat(Math.max(2, longestRun(text2, "`")) + 1);
  return `${fence}${lang}
${text2}
${fence}`;
}
var MAX_LINK_BYTES = 2e3;
function link(text2, url) {
  if (!/^https?:\/\//i.test(url) || byteLength(url) > MAX_LINK_BYTES) return text2;
  const destination = url.replace(
    /[\s()<>\\[\]`]/g,
    (c) => c.charCodeAt(0) < 128 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(c)
  );
  return `[${text2}](${destination})`;
}
var MORE_LINE_BYTES = 200;
function fitItems(items, render, limits) {
  const shown2 = [];
  const separatorBytes = byteLength(limits.separator);
  let used = 0;
  for (const item of items.slice(0, limits.maxItems)) {
    const text2 = render(item);
    const isLast = shown2.length === items.length - 1;
    const room = limits.maxBytes - (isLast ? 0 : MORE_LINE_BYTES);
    const size = byteLength(text2) + separatorBytes;
    if (used + size > room) break;
    used += size;
    shown2.push(text2);
  }
  return { shown: shown2, omitted: items.length - shown2.length };
}
var OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})/;
var CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
function afterLine(open, line) {
  if (open.fence !== void 0) {
    const close = CLOSING_FENCE.exec(line)?.[1];
    const closes = close !== void 0 && close[0] === open.fence[0] && close.length >= open.fence.length;
    return closes ? { ...open, fence: void 0 } : open;
  }
  const fence = OPENING_FENCE.exec(line)?.[1];
  if (fence !== void 0 && !(fence[0] === "`" && line.slice(line.indexOf(fence) + fence.length).includes("`")))
    return { ...open, fence };
  if (line.startsWith("<details>")) return { ...open, details: open.details + 1 };
  if (line.startsWith("</details>")) return { ...open, details: Math.max(0, open.details - 1) };
  return open;
}
var closers = (open) => (open.fence !== void 0 ? `
${open.fence}` : "") + "\n\n</details>".repeat(open.details);
function capMarkdown(markdown, limit, note2) {
  const total = byteLength(markdown);
  if (total <= limit) return markdown;
  const tailBytes = byteLength(`

${note2(total)}
`);
  let open = { fence: void 0, details: 0 };
  let keep = { end: 0, bytes: 0, closers: "" };
  let bytes = 0;
  for (let start = 0; start < markdown.length; ) {
    const newline = markdown.indexOf("\n", start);
    const end = newline === -1 ? markdown.length : newline;
    const line = markdown.slice(start, end);
    bytes += byteLength(line);
    if (bytes > limit) break;
    open = afterLine(open, line);
    const close = closers(open);
    if (bytes + byteLength(close) + tailBytes <= limit) keep = { end, bytes, closers: close };
    bytes += 1;
    start = end + 1;
  }
  return `${markdown.slice(0, keep.end)}${keep.closers}

${note2(total - keep.bytes)}
`;
}

// src/report/render/summary.ts
var SUMMARY_LIMIT_BYTES = 1e3 * 1e3;
var SECTION_BUDGETS = {
  headline: 4e3,
  findings: 4e5,
  notices: 1e5,
  languages: 2e4,
  crateMisses: 4e4,
  nonCacheable: 8e4,
  history: 6e4,
  cache: 12e4,
  setup: 8e4,
  counters: 4e3
};
var TEXT_BYTES = {
  /** The job label in the heading: one readable line. */
  label: 256,
  /** A finding's one-line title. */
  title: 500,
  /** A finding's numbers: a few sentences, a list of up to a dozen names. */
  evidence: 4e3,
  /** A YAML snippet of a few steps. */
  fix: 4e3,
  /** A crate, language, reason, ref, variable or level name. */
  name: 300,
  /** A path, a storage location, an error message in a table cell. */
  value: 1e3,
  /** A line of history, the workflow note, a problem or a hint. */
  note: 2e3
};
var MAX_ITEMS = {
  findings: 100,
  languages: 50,
  levels: 20,
  nonCacheable: 50,
  crates: 20,
  historyNotes: 20,
  inputChanges: 8,
  refs: 10,
  variables: 40,
  jobs: 50,
  workflowNotes: 20
};
var SEVERITY_MARK = {
  error: "🛑",
  warning: "⚠️",
  notice: "ℹ️"
};
var text = (raw, maxBytes) => cell(clip(raw, maxBytes));
var literal2 = (raw, maxBytes) => code(clip(raw, maxBytes));
var name2 = (raw) => literal2(raw, TEXT_BYTES.name);
var andMore = (omitted, noun) => omitted > 0 ? `

…and ${counted(omitted, `more ${noun}`)}.` : "";
function inlineList(items, limits, noun = "") {
  const separator = limits.separator ?? ", ";
  const fitted = fitItems(items, (item) => item, { ...limits, separator });
  const more = fitted.omitted ? `, and ${fitted.omitted} more${noun ? ` ${noun}` : ""}` : "";
  return fitted.shown.join(separator) + more;
}
var labelPart = (label) => label ? ` · ${text(label, TEXT_BYTES.label)}` : "";
function requestsSentence(facts) {
  const requests = counted(facts.stats.compileRequests, "compile request");
  const notCached = facts.stats.requestsNotCacheable;
  if (notCached === 0) return `${requests}.`;
  const why = facts.fixableNonCacheable === 0 ? "as expected" : `${facts.fixableNonCacheable} of them for a reason that can be fixed`;
  return `${requests}, ${notCached} of them not cacheable (${why}).`;
}
function trendLine(facts) {
  const trend = facts.trend;
  if (trend.length < 2) return "";
  const first = formatPercent(trend[0] ?? null);
  const last = formatPercent(trend[trend.length - 1] ?? null);
  return `Hit rate of this job's last ${trend.length} runs: \`${sparkline(trend)}\` ${first} → ${last}`;
}
function headline({ facts, findings, label, undecided }, verdict) {
  const nothingToFix = !findings.some(needsAction) && !undecided?.length;
  const lines = [
    `## sccache${labelPart(label)}: ${verdict.words}`,
    `${nothingToFix ? "**Nothing to fix.** " : ""}${requestsSentence(facts)}`,
    trendLine(facts)
  ];
  return lines.filter(Boolean).join("\n\n");
}
var folded = (name3, body) => body ? `<details><summary>${name3}</summary>

${body}

</details>` : "";
function cappedTable(header, items, cells, limits) {
  const head = tableOfRows(header, []);
  const fitted = fitItems(items, (item) => tableRow2(cells(item)), {
    maxItems: limits.maxItems,
    maxBytes: limits.maxBytes - byteLength(head),
    separator: "\n"
  });
  return { rows: fitted.shown, omitted: fitted.omitted };
}
function placeText(place, linkTo) {
  const where = literal2(`${place.file}:${place.line}`, TEXT_BYTES.value);
  const url = linkTo?.(place);
  return url ? link(where, url) : where;
}
function fixText(fix, shown2, title) {
  const parts = fixParts(clip(fix, TEXT_BYTES.fix));
  if (parts.length === 0) return "";
  const body = parts.map((part) => {
    if (part.kind === "prose") return text(part.text, TEXT_BYTES.fix);
    const earlier = shown2.get(part.text);
    if (earlier !== void 0) return `(the lines given above for “${text(earlier, TEXT_BYTES.title)}”)`;
    shown2.set(part.text, title);
    return fenced(part.text, "yaml");
  }).join("\n\n");
  return parts[0]?.kind === "prose" ? `**Fix:** ${body}` : `**Fix:**

${body}`;
}
function findingBlock(f, linkTo, shown2) {
  return [
    `#### ${SEVERITY_MARK[f.severity]} ${text(f.title, TEXT_BYTES.title)}`,
    `${text(f.evidence, TEXT_BYTES.evidence)} <sub>(${name2(f.id)})</sub>`,
    f.place ? `**Where:** ${placeText(f.place, linkTo)}` : "",
    fixText(f.fix, shown2, f.title)
  ].filter(Boolean).join("\n\n");
}
function toFixSection(findings, budget, linkTo) {
  if (findings.length === 0) return "";
  const heading = "### To fix\n\n";
  const shown2 = /* @__PURE__ */ new Map();
  const fitted = fitItems(findings, (f) => findingBlock(f, linkTo, shown2), {
    maxItems: MAX_ITEMS.findings,
    maxBytes: budget - byteLength(heading),
    separator: "\n\n"
  });
  return `${heading}${fitted.shown.join("\n\n")}${andMore(fitted.omitted, "finding")}`;
}
function findingsSection(findings, budget) {
  if (findings.length === 0)
    return "### Findings\n\nNothing to fix: no cause of misses found in the workflow.";
  return toFixSection(findings, budget).replace(/^### To fix/, "### Findings");
}
function sourceNotes(facts, undecided) {
  const stats = facts.stats;
  if (stats.form !== "text") return [];
  const blocks = stats.blocks > 1 ? `; it held ${stats.blocks} stats blocks and the last one is explained` : "";
  const lines = stats.notUnderstood.length ? `; ${counted(stats.notUnderstood.length, "line")} in it not understood: ${inlineList(
    stats.notUnderstood.map((l) => literal2(l, TEXT_BYTES.name)),
    { maxItems: 5, maxBytes: TEXT_BYTES.note },
    "lines"
  )}` : "";
  const notes = [
    `Read from sccache's text output (\`--show-stats\` without \`--stats-format json\`)${blocks}${lines}.`
  ];
  if (undecided.length) {
    const missing = [...new Set(undecided.flatMap((u) => u.missing))].map(code).join(", ");
    notes.push(
      `Not decided: ${undecided.map((u) => name2(u.id)).join(", ")}: they need ${missing}, which only \`sccache --show-stats --stats-format json\` prints.`
    );
  }
  return notes;
}
function noticesSection(notices, extra, budget) {
  if (notices.length === 0 && extra.length === 0) return "";
  const heading = "**Notices**\n\n";
  const fitted = fitItems(
    notices,
    (f) => `- ${SEVERITY_MARK[f.severity]} ${text(f.title, TEXT_BYTES.title)}: ${text(f.evidence, TEXT_BYTES.evidence)} <sub>(${name2(f.id)})</sub>`,
    {
      maxItems: MAX_ITEMS.findings,
      maxBytes: budget - byteLength(heading) - TEXT_BYTES.note * 4,
      separator: "\n"
    }
  );
  const lines = [...extra.map((line) => `- ℹ️ ${line}`), ...fitted.shown];
  return `${heading}${lines.join("\n")}${andMore(fitted.omitted, "notice")}`;
}
function languageTable(facts, budget) {
  if (facts.languages.length === 0) return "";
  const header = ["Language", "Hits", "Misses", "Errors", "Hit rate"];
  const fitted = cappedTable(
    header,
    facts.languages,
    (l) => [
      text(l.language, TEXT_BYTES.name),
      String(l.hits),
      String(l.misses),
      String(l.errors),
      formatPercent(l.hitRate)
    ],
    { maxItems: MAX_ITEMS.languages, maxBytes: budget - FOLD_BYTES }
  );
  return folded("Languages", `${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, "language")}`);
}
var FOLD_BYTES = 200;
function crateMissesSection(facts, budget) {
  const all = facts.crateMisses;
  if (all.length === 0) return "";
  const intro = "From the server log; those that hit in the last run first.\n\n";
  const header = ["Crate or source", "Misses", "Last run"];
  const fitted = cappedTable(
    header,
    all,
    (r) => [name2(r.name), String(r.misses), r.hitBefore ? "hit" : "-"],
    { maxItems: MAX_ITEMS.crates, maxBytes: budget - byteLength(intro) - FOLD_BYTES }
  );
  return folded(
    `Misses by crate (${all.length})`,
    `${intro}${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, "crate")}`
  );
}
function nonCacheableSection(facts, budget) {
  if (facts.nonCacheable.length === 0) return "";
  const intro = "Not misses: sccache does not look these up.\n\n";
  const header = ["Reason", "Calls", "Kind", "What it is"];
  const fitted = cappedTable(
    header,
    facts.nonCacheable,
    (r) => [
      name2(r.reason),
      String(r.count),
      r.kind,
      text(r.fix ? `${r.meaning}; fix: ${r.fix}` : r.meaning, TEXT_BYTES.value)
    ],
    { maxItems: MAX_ITEMS.nonCacheable, maxBytes: budget - byteLength(intro) - FOLD_BYTES }
  );
  return folded(
    "Non-cacheable calls",
    `${intro}${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, "reason")}`
  );
}
function levelsTable(levels, budget) {
  if (levels.length === 0) return "";
  const header = ["Level", "Storage", "Hits", "Misses"];
  const fitted = cappedTable(
    header,
    levels,
    ({ stats, location }) => [
      text(stats.name, TEXT_BYTES.name),
      text(describeLocation(location), TEXT_BYTES.value),
      String(stats.hits),
      String(stats.misses)
    ],
    { maxItems: MAX_ITEMS.levels, maxBytes: budget }
  );
  return `

${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, "level")}`;
}
function locationSection(facts, budget) {
  const { location, stats, host } = facts;
  const rows = [
    ["Storage", text(describeLocation(location), TEXT_BYTES.value)],
    ["cache_location", literal2(location.raw || "(empty)", TEXT_BYTES.value)]
  ];
  if (location.backend === "gha" && location.protocol === "v2") {
    const hash = location.name ?? "";
    const short = literal2(hash.length > 12 ? `${hash.slice(0, 8)}…` : hash, TEXT_BYTES.name);
    rows.push([
      "Namespace hash",
      location.namespace ? `${short}, the SHA-256 of the namespace (in full in cache_location)` : `${short}, the SHA-256 of a namespace this report cannot name (a SCCACHE_GHA_VERSION suffix?)`
    ]);
  }
  if (!facts.setup || facts.setup.sccacheVersion !== stats.version) {
    rows.push([
      "sccache version",
      stats.version ? literal2(stats.version, TEXT_BYTES.name) : `not reported (${SHAPE_RELEASES[stats.shape]})`
    ]);
  }
  const usesGha = location.backend === "gha" || facts.levels.some((l) => l.location.backend === "gha");
  if (usesGha) rows.push(["GitHub host", `${host.kind}${host.assumed ? " (assumed)" : ""}`]);
  if (stats.cacheSize !== null) rows.push(["Cache size", MiB(stats.cacheSize)]);
  const main = table(["Cache", "Value"], rows);
  return folded("Cache", main + levelsTable(facts.levels, budget - byteLength(main) - FOLD_BYTES));
}
var variableList = (names) => inlineList(
  names.map(name2),
  { maxItems: MAX_ITEMS.variables, maxBytes: SECTION_BUDGETS.setup / 8, separator: " " },
  "variables"
);
function cacheSizeText({ value, replaced }, archived) {
  const own = replaced !== void 0 ? `; the job's own ${literal2(replaced, TEXT_BYTES.name)} replaced` : "";
  return `${literal2(value, TEXT_BYTES.name)} (\`SCCACHE_CACHE_SIZE\`, the \`cache-size\` input${own}): sccache drops the least recently used objects beyond it${archived ? ", so the archive stays about this size" : ""}`;
}
function archiveKeyText(archive) {
  return `${literal2(archive.key, TEXT_BYTES.value)}: ${LOCAL_CACHE_KEY_PARTS}, so each save is an entry of its own. Setup restores the newest entry whose key starts with ${literal2(archive.restorePrefix, TEXT_BYTES.value)}, this ref's first, else the default branch's.`;
}
function setupSection(input) {
  const { facts, serverNote, workflowNote, archive } = input;
  const setup = facts.setup;
  const rows = [];
  if (setup) {
    const error = text(setup.preflight.error ?? "", TEXT_BYTES.note);
    rows.push(
      [
        "sccache",
        `${name2(setup.sccacheVersion)} at ${literal2(setup.sccachePath, TEXT_BYTES.value)}${setup.sumCheckedAgainst ? `, downloaded and ${SUM_CHECKED[setup.sumCheckedAgainst]}` : ""}`
      ],
      ["Backend asked for", name2(setup.requestedBackend)],
      [
        "Backend in use",
        setup.backend ? `${name2(setup.backend)}${setup.store && setup.backend === "external" ? `: ${text(setup.store.described, TEXT_BYTES.note)}` : ""}` : "none: sccache did not start"
      ]
    );
    if (setup.cacheSize)
      rows.push(["Cache size limit", cacheSizeText(setup.cacheSize, archive !== void 0)]);
    if (setup.runnerEnvironment) rows.push(["Runner", name2(setup.runnerEnvironment)]);
    if (setup.serverPort) {
      rows.push([
        "Server",
        text(
          `port ${setup.serverPort}, this job's own${serverNote ? `; ${serverNote}` : ""}`,
          TEXT_BYTES.note
        )
      ]);
    }
    if (setup.protocol && setup.protocol !== facts.location.protocol)
      rows.push(["Protocol planned", setup.protocol]);
    if (setup.namespace && setup.namespace !== facts.location.namespace) {
      rows.push(["Namespace planned", literal2(setup.namespace, TEXT_BYTES.value)]);
    }
    if (setup.ghaUnavailableBecause)
      rows.push(["Why not the GitHub cache", text(setup.ghaUnavailableBecause, TEXT_BYTES.note)]);
    rows.push(["Read-only", text(describeReadOnly(setup.readOnly), TEXT_BYTES.note)]);
    rows.push([
      "Preflight",
      setup.preflight.fallback ? `failed, fell back to local disk: ${error}` : setup.preflight.ok ? text(describePreflight(setup.preflight), TEXT_BYTES.note) : `failed: ${error}`
    ]);
    if (setup.exported.length) rows.push(["Exported", variableList(setup.exported)]);
    if (setup.keptInServer?.length) {
      rows.push([
        "Kept in the server",
        `${variableList(setup.keptInServer)} (not in later steps' environment; \`export-credentials: true\` exports them)`
      ]);
    }
  }
  if (archive) {
    rows.push([
      "Local cache archive",
      `${literal2(archive.dir, TEXT_BYTES.value)}: ${text(describeArchive(archive), TEXT_BYTES.note)}`
    ]);
    rows.push(["Archive key", archiveKeyText(archive)]);
  }
  if (workflowNote) rows.push(["Workflow", text(workflowNote, TEXT_BYTES.note)]);
  return rows.length ? folded("Setup", table(["Setup", "Value"], rows)) : "";
}
var MiB = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
function comparisonLine(facts) {
  const previous = facts.previousRun;
  if (!previous) return void 0;
  const kind = facts.comparedWith?.kind;
  const where = literal2(previous.ref, TEXT_BYTES.value) + (!kind || kind === "this ref" ? "" : ` (${kind})`);
  const changed = facts.inputChanges.length;
  const changes = inlineList(
    facts.inputChanges.map((c) => name2(c.name)),
    {
      maxItems: MAX_ITEMS.inputChanges,
      maxBytes: TEXT_BYTES.note * 2
    }
  );
  return `Compared with run ${text(previous.runId, TEXT_BYTES.name)} on ${where} (${previous.hits} hits, ${previous.misses} misses): ` + (!facts.inputs ? "this run's own inputs are not known here, only its stats and log." : changed === 0 ? "nothing changed in the inputs of the keys." : `${changed} input${changed > 1 ? "s" : ""} changed: ${changes}.`);
}
function listingLines(facts) {
  const listing = facts.cacheListing;
  if (!listing) return [];
  const namespace = facts.namespace ? ` of namespace ${literal2(facts.namespace, TEXT_BYTES.value)}` : "";
  const refs = inlineList(
    listing.byRef.map((r) => `${name2(r.ref)} ${r.entries} entries (${MiB(r.bytes)})`),
    { maxItems: MAX_ITEMS.refs, maxBytes: TEXT_BYTES.note * 4 },
    "refs"
  );
  const lines = [
    listing.byRef.length ? `Entries${namespace} in the cache: ${refs}${listing.truncated ? " (listing cut short)" : ""}.` : `The cache holds no entries${namespace}.`
  ];
  const used = listing.repositoryBytes !== void 0 ? `In use: ${MiB(listing.repositoryBytes)} of the repository's ${MiB(listing.quotaBytes)}.` : "";
  const oldest = listing.oldestAccess ? `Oldest last access (evicted first): ${text(listing.oldestAccess, TEXT_BYTES.name)}.` : "";
  if (used || oldest) lines.push([used, oldest].filter(Boolean).join(" "));
  return lines;
}
function historySection(facts, notes, budget) {
  const comparison = comparisonLine(facts);
  const ours = [...comparison ? [comparison] : [], ...listingLines(facts)].map((l) => `- ${l}`);
  if (ours.length === 0 && notes.length === 0) return "";
  const fixed = ours.join("\n");
  const fitted = fitItems(notes, (n) => `- ${text(n, TEXT_BYTES.note)}`, {
    maxItems: MAX_ITEMS.historyNotes,
    maxBytes: budget - byteLength(fixed) - FOLD_BYTES,
    separator: "\n"
  });
  const lines = [...ours, ...fitted.shown].join("\n");
  return folded("History", `${lines}${andMore(fitted.omitted, "note")}`);
}
function countersSection(facts) {
  const s2 = facts.stats;
  const rows = [
    ["compile_requests", s2.compileRequests],
    ["requests_executed", s2.requestsExecuted],
    ["requests_not_cacheable", s2.requestsNotCacheable],
    ["requests_not_compile", s2.requestsNotCompile],
    ["requests_unsupported_compiler", s2.requestsUnsupportedCompiler],
    ["cache_writes", s2.cacheWrites],
    ["cache_write_errors", s2.cacheWriteErrors],
    ["cache_timeouts", s2.cacheTimeouts],
    ["forced_recaches", s2.forcedRecaches],
    ["compile_fails", s2.compileFails],
    ["non_cacheable_compilations", s2.nonCacheableCompilations],
    ["compilations", s2.compilations],
    ["dist_errors", s2.distErrors]
  ];
  const body = table(
    ["Counter", "Value"],
    rows.filter(([, v]) => v !== null).map(([k, v]) => [code(k), String(v)])
  );
  return folded("All counters", body);
}
var SUMMARY_CUT_NOTE = () => "…summary cut here: GitHub accepts at most 1 MiB per step.";
var SECTION_CUT_NOTE = (bytesMore) => `… (section cut: ${bytesMore} bytes more)`;
function capSummary(markdown, limit = SUMMARY_LIMIT_BYTES) {
  return capMarkdown(markdown, limit, SUMMARY_CUT_NOTE);
}
function joinSections(sections) {
  const kept = sections.filter(([section]) => section !== "").map(([section, budget]) => capMarkdown(section, budget, SECTION_CUT_NOTE).trimEnd());
  return capSummary(kept.join("\n\n") + "\n");
}
function sortFindings(input, verdict) {
  const toFix = input.findings.filter(needsAction);
  const saidElsewhere = /* @__PURE__ */ new Set([...verdict.said, "expected-non-cacheable"]);
  const notices = input.findings.filter((f) => !needsAction(f) && !saidElsewhere.has(f.id));
  return { toFix, notices };
}
function renderCompactSummary(input) {
  const b = SECTION_BUDGETS;
  const verdict = verdictOf(input.facts, input.findings, input.undecided?.length ?? 0);
  const { toFix } = sortFindings(input, verdict);
  return joinSections([
    [headline(input, verdict), b.headline],
    [toFixSection(toFix, b.findings, input.linkTo), b.findings]
  ]);
}
function renderSummary(input) {
  const { facts } = input;
  const b = SECTION_BUDGETS;
  const verdict = verdictOf(facts, input.findings, input.undecided?.length ?? 0);
  const { toFix, notices } = sortFindings(input, verdict);
  return joinSections([
    [headline(input, verdict), b.headline],
    [toFixSection(toFix, b.findings, input.linkTo), b.findings],
    [noticesSection(notices, sourceNotes(facts, input.undecided ?? []), b.notices), b.notices],
    [languageTable(facts, b.languages), b.languages],
    [crateMissesSection(facts, b.crateMisses), b.crateMisses],
    [nonCacheableSection(facts, b.nonCacheable), b.nonCacheable],
    [historySection(facts, input.historyNotes ?? [], b.history), b.history],
    [locationSection(facts, b.cache), b.cache],
    [setupSection(input), b.setup],
    [countersSection(facts), b.counters]
  ]);
}
function renderProblemSummary(problem, hint, label) {
  return capSummary(
    `## sccache${labelPart(label)}: no report

**${text(problem, TEXT_BYTES.note)}**

${text(hint, TEXT_BYTES.note)}
`
  );
}
var WORKFLOW_BUDGETS = { heading: 4e4, findings: SECTION_BUDGETS.findings, notes: 1e5 };
function renderWorkflowSummary(input) {
  const b = WORKFLOW_BUDGETS;
  const jobs = input.jobs.length ? inlineList(input.jobs.map(name2), { maxItems: MAX_ITEMS.jobs, maxBytes: b.heading / 2 }, "jobs") : "none that compiles through sccache";
  const notes = fitItems(input.notes ?? [], (n) => `- ${text(n, TEXT_BYTES.note)}`, {
    maxItems: MAX_ITEMS.workflowNotes,
    maxBytes: b.notes - 100,
    separator: "\n"
  });
  return joinSections([
    [`## sccache-guard: ${literal2(input.file, TEXT_BYTES.value)}

Jobs explained: ${jobs}`, b.heading],
    [findingsSection(input.findings, b.findings), b.findings],
    [
      notes.shown.length ? `### Notes

${notes.shown.join("\n")}${andMore(notes.omitted, "note")}` : "",
      b.notes
    ]
  ]);
}

export {
  MAX_NAMED_CRATES,
  RECORD_PATH,
  MAX_RECORD_BYTES,
  recordKeyPrefix,
  recordKey,
  parseRecord,
  currentScope,
  workflowOfRun,
  workflowLineLink,
  isStatsText,
  parseStatsOutput,
  formatBytes,
  formatPercent,
  counted,
  listed,
  parseRustcVerbose,
  keyInputs,
  buildFacts,
  analyzeParsed,
  versionToJudge,
  analyzeWorkflow,
  decideArchive,
  archiveOutcome,
  describeArchive,
  readWorkflowJobs,
  renderOutputs,
  renderExplainJson,
  renderCompactSummary,
  renderSummary,
  renderProblemSummary,
  renderWorkflowSummary
};
