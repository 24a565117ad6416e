// DOM building without innerHTML: every text value goes in through textContent, so text
// typed by residents or stored on the server can never turn into markup.

/**
 * Creates an element. Attributes are set with setAttribute, except `className`, `hidden`
 * and `dataset`. Children may be nodes, strings (added as text), null or undefined (skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);

  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'className') {
      element.className = value;
    } else if (name === 'hidden') {
      element.hidden = true;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }

  appendChildren(element, children);
  return element;
}

/** Appends nodes and strings (as text) to a parent, skipping null and undefined. */
export function appendChildren(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of a parent. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  appendChildren(parent, children);
}

/**
 * Escapes text for Leaflet APIs that only take HTML strings, such as the attribution.
 */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
