// A minimal Vue 3 app hosting the leptos-kratos custom elements. It routes
// its own pages itself: it cancels `kratos-navigate` for them and moves
// with the History API; anything else (Kratos, other sites) the element
// navigates to itself. Render functions, not templates: Vue's runtime
// build, which needs no eval.
import { createApp, h, ref } from "/vendor/vue.runtime.esm-browser.prod.js";
import { ready } from "/kratos/kratos-elements.js";

const PAGES = {
  "/": "Your account",
  "/login": "Sign in",
  "/registration": "Sign up",
  "/recovery": "Account recovery",
  "/verification": "Verify your address",
  "/settings": "Settings",
  "/error": "Error",
};

const here = () => location.pathname + location.search;
const address = ref(here());
const events = ref([]);

function go(url) {
  if (url !== here()) history.pushState(null, "", url);
  address.value = here();
}
addEventListener("popstate", () => (address.value = here()));

// The path and query of `url` when it is one of this app's pages.
function ownPage(url) {
  const target = new URL(url, location.href);
  return target.origin === location.origin && target.pathname in PAGES
    ? target.pathname + target.search
    : null;
}

function record(event) {
  const { detail, type } = event;
  const text =
    type === "kratos-navigate"
      ? new URL(detail.url, location.href).pathname
      : type === "kratos-validation-error"
        ? `${detail.kind}: ${detail.messages.map((m) => m.id).join(", ")}`
        : type === "kratos-error"
          ? detail.error?.id ?? ""
          : [detail.kind, detail.identity?.traits?.email].filter(Boolean).join(" ");
  events.value = [...events.value, { type, text }];
}

const listeners = {
  onKratosNavigate(event) {
    record(event);
    const page = ownPage(event.detail.url);
    if (page !== null) {
      event.preventDefault();
      go(page);
    }
  },
  onKratosSuccess: record,
  onKratosError: record,
  onKratosValidationError: record,
};

function link(href, text) {
  return h("a", { href, onClick: (event) => (event.preventDefault(), go(href)) }, text);
}

function page(path) {
  // A new element for each address: the flow starts from the address's query.
  const key = address.value;
  if (path === "/") {
    return [
      h("kratos-sessions", { key, ...listeners }),
      h("kratos-logout", {
        key: `${key}#logout`,
        "return-to": "/login",
        // A property, not an attribute: texts in Ory's key format.
        ".texts": { "lk.sign-out": "Sign out of the Vue app" },
        ...listeners,
      }),
    ];
  }
  const name = path.slice(1);
  const attributes = name === "login" ? { "return-to": "/" } : {};
  return [h(`kratos-${name}`, { key, ...attributes, ...listeners })];
}

const App = {
  setup() {
    return () => {
      const path = new URL(address.value, location.href).pathname;
      const known = path in PAGES ? path : "/";
      document.title = `${PAGES[known]} · Vue`;
      return [
        h("header", { class: "host-header" }, [
          h("nav", { "aria-label": "Site" }, [
            link("/", "Home"),
            link("/login", "Sign in"),
            link("/registration", "Sign up"),
            link("/settings", "Settings"),
          ]),
        ]),
        h("main", { class: "lk-page" }, page(known)),
        h("section", { class: "host-events", "aria-labelledby": "events-heading" }, [
          h("h2", { id: "events-heading" }, "Events this app saw"),
          h(
            "ol",
            { id: "events" },
            events.value.map(({ type, text }) => h("li", { "data-event": type }, `${type}: ${text}`)),
          ),
        ]),
      ];
    };
  },
};

// The elements are defined once their module runs; Vue then sets `texts`
// as the element's property.
await ready;
createApp(App).mount("#app");
