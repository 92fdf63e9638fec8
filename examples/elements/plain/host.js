// The host page's own script: it listens to the events the elements send
// and lists them. The list is kept for this tab (sessionStorage, event
// names and a summary only) because an element may leave the page right
// after an event, e.g. to the page Kratos returns to after signing in.
const NAMES = ["kratos-success", "kratos-error", "kratos-validation-error", "kratos-navigate"];
const KEY = "host-events";

const seen = () => JSON.parse(sessionStorage.getItem(KEY) ?? "[]");

function summary(name, detail) {
  switch (name) {
    case "kratos-success":
      return [detail.kind, detail.identity?.traits?.email].filter(Boolean).join(" ");
    case "kratos-validation-error":
      return `${detail.kind}: ${detail.messages.map((m) => m.id).join(", ")}`;
    case "kratos-error":
      return detail.error?.id ?? String(detail.error?.code ?? "");
    default:
      return new URL(detail.url, location.href).pathname;
  }
}

function show() {
  const list = document.getElementById("events");
  list.replaceChildren(
    ...seen().map(({ name, text }) => {
      const item = document.createElement("li");
      item.dataset.event = name;
      item.textContent = `${name}: ${text}`;
      return item;
    }),
  );
}

for (const name of NAMES) {
  document.addEventListener(name, (event) => {
    sessionStorage.setItem(KEY, JSON.stringify([...seen(), { name, text: summary(name, event.detail) }]));
    show();
  });
}
show();
