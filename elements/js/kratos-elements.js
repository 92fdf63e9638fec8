// The leptos-kratos custom elements: <kratos-login>, <kratos-registration>,
// <kratos-recovery>, <kratos-verification>, <kratos-settings>,
// <kratos-error>, <kratos-sessions> and <kratos-logout>.
//
// This module starts the WebAssembly module once for every element on the
// page, then defines the elements. Load it as a file (strict CSPs allow
// no inline code):
//   <script type="module" src="/kratos/kratos-elements.js"></script>
// or import it from a bundler: `import { ready } from "leptos-kratos-elements"`.
// `ready` resolves once the elements are defined.
import init, { attributes, mount, tags } from "./leptos_kratos_elements.js";

// The folder of this file: the module and the language files are beside it.
const base = new URL(".", import.meta.url);

class KratosElement extends HTMLElement {
  #mounted = null;
  #texts = undefined;
  #changed = true;
  #newFlow = false;
  #queued = false;

  // Texts that reword the element, in Ory's key format
  // ({ "identities.messages.4000006": "...", "lk.sign-out": "..." }).
  // A property, not an attribute: setting it renders the element again
  // (the same flow).
  get texts() {
    return this.#texts;
  }

  set texts(value) {
    this.#texts = value;
    this.#update(true, false);
  }

  connectedCallback() {
    // A `texts` set on the element before it was defined is an own
    // property that hides the accessor: move it to the accessor.
    if (Object.prototype.hasOwnProperty.call(this, "texts")) {
      const texts = this.texts;
      delete this.texts;
      this.texts = texts;
    }
    this.#update(false, false);
  }

  disconnectedCallback() {
    this.#update(false, false);
  }

  attributeChangedCallback(_name, previous, value) {
    if (previous !== value) this.#update(true, true);
  }

  // Once per task, however many attributes changed in it: an element
  // whose attributes changed starts over with a new flow (as the
  // components do when their props change), new texts render the same
  // flow again, one taken out of the page stops, one moved keeps its flow.
  #update(changed, newFlow) {
    this.#changed ||= changed;
    this.#newFlow ||= newFlow;
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      // Attributes changed after it was shown: a new flow, not the page's
      // `?flow=`.
      const restart = this.#newFlow && this.#mounted !== null;
      if (this.#mounted && (this.#changed || !this.isConnected)) {
        this.#mounted.unmount();
        this.#mounted = null;
      }
      this.#changed = false;
      this.#newFlow = false;
      if (!this.#mounted && this.isConnected) {
        this.#mounted = mount(this, this.#texts, base.href, restart) ?? null;
      }
    });
  }
}

export const ready = init({
  module_or_path: new URL("leptos_kratos_elements_bg.wasm", base),
}).then(() => {
  const observed = attributes();
  for (const tag of tags()) {
    if (customElements.get(tag)) continue;
    customElements.define(
      tag,
      class extends KratosElement {
        static observedAttributes = observed;
      },
    );
  }
});
