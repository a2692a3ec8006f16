// Minimal stand-ins for XNAT's page helpers (XNAT.ui.dialog, XNAT.ui.banner, tab flippers).
// Written for the simulated XNAT; only the DOM they leave behind mirrors XNAT's.
(() => {
  window.XNAT = window.XNAT || {};
  const XNAT = window.XNAT;
  XNAT.url = { rootUrl: (path) => serverRoot + path };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of [].concat(children || [])) node.append(child);
    return node;
  }
  XNAT.el = el;

  XNAT.dialog = {
    open({ title, content, buttons }) {
      const box = el('div', { class: 'xnat-dialog', role: 'dialog', 'aria-label': title || 'Dialog' });
      const footer = el('div', { class: 'footer' });
      const close = () => shade.remove();
      for (const b of buttons) {
        const button = el('button', {
          type: 'button',
          class: b.isDefault ? 'btn primary' : 'btn',
          text: b.label,
        });
        button.addEventListener('click', () => (b.action ? b.action(close) : close()));
        footer.append(button);
      }
      box.append(
        el('div', { class: 'title', text: title || '' }),
        el('div', { class: 'body' }, content),
        footer,
      );
      const shade = el('div', { class: 'xnat-dialog-shade' }, box);
      document.body.append(shade);
      return close;
    },
  };

  XNAT.banner = (text) => {
    const banner = el('div', { class: 'xnat-banner', text });
    document.body.append(banner);
    setTimeout(() => banner.remove(), 2000);
  };

  // XNAT.ui.tab (tabs.js): activating a tab marks it and its pane active and writes the hash.
  function activate(tabName) {
    for (const node of document.querySelectorAll('#user-profile-manager [data-tab]')) {
      node.classList.toggle('active', node.getAttribute('data-tab') === tabName);
    }
    window.location.hash = `tab=${tabName}`;
  }
  XNAT.ui = { tab: { activate } };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('#user-profile-manager li.tab > a');
    if (!link) return;
    event.preventDefault();
    activate(link.closest('li').getAttribute('data-tab'));
  });
})();
